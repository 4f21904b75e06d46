import Foundation
@testable import KopsShell
import Testing

/// tester62 AK16: `profile add --key-env kapso_test_key` (a lower-case variable name, valid on POSIX, that names the
/// key it holds) was refused as "the key itself" where `KAPSO_TEST_KEY` was taken: a credential prefix then `test` read
/// as an issued key whatever followed. And `--key-env kapso.key` said "invalid --key-env 'kapso.key'; expected
/// 'kapso.key' reads as …", the advice standing where the expected value goes. A name of words that names a key is a
/// name in either case; a file's name gets one line saying what it is and what to give instead.
@Suite struct AK16LowerCaseKeyEnvNameTests {
    @Test(arguments: ["kapso_test_key", "kapso_live_api_key", "sk_test_key2", "kapso_test_token", "KAPSO_TEST_KEY", "kapso_live_key"])
    func aLowerCaseNameOfAKeyIsAName(_ value: String) {
        #expect(KeyEnvName.read(value) == .name, "\(value)")
        #expect(KeyEnvName.read(value, environment: [:], knownKeys: ["test_key_0123456789"]) == .name, "\(value)")
    }

    /// Issued keys' shapes stay keys: a prefix, `live` or `test`, then no word that names a key.
    @Test(arguments: ["kapso_live_abcdef", "sk_test_abcdef", "sk_live_123", "sk_live_4eC39HqLyjWDarjtT1zdp7dc", "sk_live_keyXa9bQ2mZp7Lw3Rt8"])
    func anIssuedKeyStaysAKey(_ value: String) {
        #expect(KeyEnvName.read(value) == .secret, "\(value)")
    }

    @Test func profileAddTakesTheNameAndSaysOneLineForAFile() throws {
        let folder = NSTemporaryDirectory() + "kops-ak16-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let offline = OfflineShell()
        offline.shell.context.configFile = ConfigFile(path: folder + "/config.toml")
        #expect(offline.shell.run(line: "profile add p1 --base-url https://api.kapso.ai --key-env kapso_test_key") == .ok, "\(offline.output.err)")
        #expect(try String(contentsOfFile: folder + "/config.toml", encoding: .utf8).contains("api_key_env = \"kapso_test_key\""))
        #expect(offline.shell.run(line: "profile add p2 --base-url https://api.kapso.ai --key-env kapso.key") == .usage)
        let line = offline.output.err
        #expect(line == "error: profile: --key-env 'kapso.key' reads as a file's name, but --key-env takes the NAME of an environment "
            + "variable that holds the key; give --key-command 'cat kapso.key' instead (or a secret store's command), or export "
            + "ACME_KAPSO_KEY=\"$(cat kapso.key)\" and give --key-env ACME_KAPSO_KEY\n", "\(line)")
        #expect(!line.contains("expected"))
    }
}
