import Foundation
import KopsShell
import KopsTestSupport
import Testing

/// tester52b K21: `kops --base-url …/platform/v1` then `profile use NAME` warned that requests go to `…/platform/v1` (kops
/// cuts the API prefix: they go to the host) and that --base-url overrode the profile's base_url when both name one host;
/// and `help profile` said `profile use` switches the API host and key without saying flags and the environment come first.
@Suite struct K21ProfileUseBaseURLTests {
    private func use(flag: @escaping @Sendable (String) -> String, profileURL: @escaping @Sendable (String) -> String) async throws -> (out: String, err: String, base: String) {
        let folder = NSTemporaryDirectory() + "kops-k21-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        return try await withSimulator { fixture in
            let (shell, output) = try fixture.shell()
            try shell.loadConfig("[profiles.acme]\nbase_url = \"\(profileURL(fixture.baseURL))\"\napi_key_env = \"ACME_KEY\"\n", in: folder)
            shell.context.environment = ["ACME_KEY": fixture.apiKey]
            shell.context.baseURLFlag = flag(fixture.baseURL)
            _ = shell.run(line: "profile use acme")
            return (output.out, output.err, fixture.baseURL)
        }
    }

    @Test func aFlagOfTheProfilesOwnHostWithTheAPIPrefixIsNoOverride() async throws {
        let ran = try await use(flag: { $0 + "/platform/v1" }, profileURL: { $0 })
        #expect(!ran.err.contains("comes before profile acme's base_url"), "\(ran.err)")
        #expect(!ran.err.contains("the base URL (profile acme) ends in /platform/v1"), "\(ran.err)")
        #expect(ran.out.contains("using profile acme (\(ran.base)) for this session"), "\(ran.out)")
    }

    @Test func anOverrideNamesTheHostRequestsGoTo() async throws {
        let ran = try await use(flag: { $0 + "/platform/v1" }, profileURL: { _ in "https://api.kapso.ai" })
        #expect(ran.err.contains("warning: --base-url, typed when kops started, comes before profile acme's base_url: requests "
            + "go to \(ran.base), not https://api.kapso.ai ('state' shows it)"), "\(ran.err)")
        #expect(!ran.err.contains("requests go to \(ran.base)/platform/v1"), "\(ran.err)")
    }

    @Test func helpProfileSaysWhatComesBeforeAProfile() async throws {
        let ran = try await runDemo("help profile")
        let text = ran.out.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(text.contains("'profile use' switches the API host, key, selected number and history file of this session "
            + "only; flags typed at start (--base-url) and an exported KAPSO_API_KEY or KAPSO_API_BASE_URL come first (flags > "
            + "environment > profile), and 'profile use' warns when one overrides the profile"), "\(ran.out)")
    }
}
