import Foundation
@testable import KopsShell
import Testing

/// fixD's AB8 leftover (tester57): `--key-env sk_test_var`, a variable the user set, was refused as "the key itself", as
/// a credential prefix then `test` reads as a Stripe-style key. A name that reads as a key by its shape only is a name
/// when a variable of that name is set (nobody exports a variable named after the key it holds), unless it is itself a
/// key kops knows (tester57b AC1); unset, it stays refused, as a key pasted there would be.
@Suite struct AB8KeyShapedSetNameTests {
    // `kapso_live_key` and `sk_test_var` read as names by their words since tester62 AK16 (`AK16LowerCaseKeyEnvNameTests`).
    @Test(arguments: ["sk_test_main", "kapso_live_prod", "sk_live_main"])
    func aKeyShapedNameThatIsSetIsAName(name: String) {
        #expect(KeyEnvName.read(name) == .secret, "the shape alone reads as a key")
        #expect(KeyEnvName.read(name, environment: [name: "demo_key_0123456789"], knownKeys: []) == .name)
        #expect(KeyEnvName.read(name, environment: [:], knownKeys: []) == .secret)
        #expect(KeyEnvName.read(name, environment: [name: ""], knownKeys: []) == .secret, "set but empty holds no key")
        #expect(KeyEnvName.read(name, environment: [name: "x"], knownKeys: [name]) == .secret, "a key kops knows stays a key")
    }

    @Test func aKeyIsNoNameThoughAVariableOfThatNameIsSet() {
        // Not a variable's name at all (a '/' and a '+'): never read from the environment.
        let key = "whsec_Ab12/Cd34+Ef56Gh78"
        #expect(KeyEnvName.read(key, environment: [key: "x"], knownKeys: []) == .secret)
    }

    @Test func profileAddSavesASetKeyShapedName() throws {
        let folder = NSTemporaryDirectory() + "kops-ab8-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/config.toml"
        let offline = OfflineShell()
        offline.shell.context.configFile = ConfigFile(path: path)
        offline.shell.context.environment = ["sk_test_main": "demo_key_0123456789"]
        let status = offline.shell.run(line: "profile add low --base-url https://api.kapso.ai --key-env sk_test_main")
        #expect(status == .ok, "\(offline.output.err)")
        #expect((try? String(contentsOfFile: path, encoding: .utf8))?.contains("api_key_env = \"sk_test_main\"") == true)
        #expect(try ConfigFile(path: path).load(environment: ["sk_test_main": "demo_key_0123456789"]).profile(named: "low")?.apiKeyEnv == "sk_test_main")

        let unset = OfflineShell()
        unset.shell.context.configFile = ConfigFile(path: folder + "/other.toml")
        #expect(unset.shell.run(line: "profile add low --base-url https://api.kapso.ai --key-env sk_test_main") == .usage)
        #expect(unset.output.err.contains("never the key itself"), "\(unset.output.err)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/other.toml"))
    }
}
