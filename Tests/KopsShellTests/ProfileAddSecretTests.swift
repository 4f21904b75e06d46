import Foundation
@testable import KopsShell
import KopsTestSupport
import Testing

/// probe36 P36-12 and P36-9 (profile half): `profile add` took a key pasted as the profile's NAME, or as its base URL's
/// path, and wrote it into config.toml (and, for the name, the history file's name, the prompt and every transcript's
/// prompt lines). Both are refused in one line that never shows the key, and nothing is saved; the typed NAME is a
/// secret of the line. Ordinary names and URLs are saved as before.
@Suite struct ProfileAddSecretTests {
    static let key = "kapso_live_abcdef1234567890ABCDEF"
    static let hexKey = "5f4dcc3b5aa765d61d8327deb882cf99"

    private func add(_ arguments: String) async throws -> (status: Int32, out: String, err: String, config: String?) {
        let folder = NSTemporaryDirectory() + "kops-p36-profile-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/config.toml"
        return try await withSimulator { fixture in
            let (shell, output) = try fixture.shell()
            shell.context.configFile = ConfigFile(path: path)
            shell.context.environment = ["SIM_KEY": fixture.apiKey]
            let status = shell.run(line: "profile add " + arguments.replacingOccurrences(of: "BASE", with: fixture.baseURL)).rawValue
            return (status, output.out, output.err, try? String(contentsOfFile: path, encoding: .utf8))
        }
    }

    @Test(arguments: [key, hexKey, "sk_live_4eC39HqLyjWDarjtT1zdp7dc", "ASIAY34FZKBOKMUTVV7A"])
    func aKeyAsTheNameIsRefused(name: String) async throws {
        let result = try await add("\(name) --base-url BASE --key-env SIM_KEY")
        #expect(result.status == 64)
        #expect(result.config == nil)
        #expect(!(result.out + result.err).contains(name), "\(result.err)")
        #expect(result.err.contains("never the key itself"), "\(result.err)")
        #expect(result.err.split(separator: "\n").count == 1, "\(result.err)")
        let line = "profile add \(name) --base-url https://api.kapso.ai --key-env SIM_KEY"
        #expect(Redactor().redact(commandLine: line) == "profile add <redacted> --base-url https://api.kapso.ai --key-env SIM_KEY")
        #expect(!HistoryPolicy.allows(line))
    }

    @Test(arguments: ["prod", "acme-staging", "kapso_prod", "eu_west_1", "release2026candidate", "Asia_Pacific"])
    func anOrdinaryNameIsSaved(name: String) async throws {
        let result = try await add("\(name) --base-url BASE --key-env SIM_KEY")
        #expect(result.status == 0, "\(result.err)")
        #expect(result.config?.contains("[profiles.\(name)]") == true, "\(result.config ?? "")")
        let line = "profile add \(name) --base-url https://api.kapso.ai --key-env SIM_KEY"
        #expect(Redactor().redact(commandLine: line) == line)
        #expect(HistoryPolicy.allows(line))
    }

    @Test(arguments: ["BASE/\(key)", "BASE/\(hexKey)/x;api_key=Zq8vR2mN4pL6xT9wB3cDkx", "BASE/ab/whsec_Zx81kQp0LmN4vB7tR2yWq"])
    func aKeyInTheBaseURLIsRefused(base: String) async throws {
        let result = try await add("p1 --base-url '\(base)' --key-env SIM_KEY")
        #expect(result.status == 64)
        #expect(result.config == nil)
        for secret in [Self.key, "Zq8vR2mN4pL6xT9wB3cDkx", "Zx81kQp0LmN4vB7tR2yWq"] {
            #expect(!(result.out + result.err).contains(secret), "\(result.err)")
        }
        #expect(result.err.contains("holds what reads as a key or token"), "\(result.err)")
    }

    @Test func aGatewayPathIsSaved() async throws {
        let result = try await add("p1 --base-url BASE/kapso-gateway/eu_west_1 --key-env SIM_KEY")
        #expect(result.status == 0, "\(result.err)")
        #expect(result.config?.contains("/kapso-gateway/eu_west_1\"") == true, "\(result.config ?? "")")
    }
}
