import Foundation
@testable import KopsShell
import Testing

/// tester61 AI9: `--key-env ACME_KAPSO_KEY_01HZX3K8Y2` (an upper-case variable name with a ULID-like tail) was refused as
/// "the key itself", and `--key-env kapso.key` (a file's name) too, with nothing said of files. An upper-case
/// NAME_WITH_UNDERSCORES is a variable's name; a key's shape is still refused; a file's name is told that kops reads the
/// variable's value, not a file.
@Suite struct AI9KeyEnvNameShapeTests {
    @Test(arguments: ["ACME_KAPSO_KEY_01HZX3K8Y2", "KAPSO_KEY_01HZX3K8Y2QW7T9M4N6P8R", "PROD_KAPSO_API_KEY_9F8E7D6C"])
    func anUpperCaseNameIsAName(_ value: String) {
        #expect(KeyEnvName.read(value) == .name)
        #expect(KeyEnvName.read(value, environment: [:], knownKeys: ["test_key_0123456789"]) == .name)
    }

    @Test(arguments: ["kapso.key", "~/.kapso/key", "./kapso.key", ".env", "/etc/kops/api-key.txt"])
    func aFileNameIsAFile(_ value: String) {
        #expect(KeyEnvName.read(value) == .file)
    }

    /// Keys stay keys, upper-cased or with a `/` of base64.
    @Test(arguments: [
        "SK_LIVE_4EC39HQLYJWDARJTT1ZDP7DC", "KAPSO_LIVE_9F8E7D6C5B4A3", "KX9F8E7D6C5B4A39281706F5E4D3C2B1A0ZZ",
        "Kx9fQ2mZp7/Lw3Rt8Yv1B+xQ", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.abc", "sk_live_4eC39HqLyjWDarjtT1zdp7dc",
    ])
    func aKeyStaysAKey(_ value: String) {
        #expect(KeyEnvName.read(value) == .secret)
    }

    @Test func profileAddSaysWhatToDoWithAFile() throws {
        let folder = NSTemporaryDirectory() + "kops-ai9-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let offline = OfflineShell()
        offline.shell.context.configFile = ConfigFile(path: folder + "/config.toml")
        #expect(offline.shell.run(line: "profile add p1 --base-url https://api.kapso.ai --key-env kapso.key") == .usage)
        #expect(offline.output.err.contains("'kapso.key' reads as a file's name") && offline.output.err.contains("--key-command 'cat kapso.key'"), "\(offline.output.err)")
        #expect(offline.output.err.split(separator: "\n").count == 1, "\(offline.output.err)")
        #expect(offline.shell.run(line: "profile add p2 --base-url https://api.kapso.ai --key-env ACME_KAPSO_KEY_01HZX3K8Y2") == .ok, "\(offline.output.err)")
        #expect(try String(contentsOfFile: folder + "/config.toml", encoding: .utf8).contains("api_key_env = \"ACME_KAPSO_KEY_01HZX3K8Y2\""))
    }
}
