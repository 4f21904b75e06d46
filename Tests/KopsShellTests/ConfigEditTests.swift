import Foundation
import KopsShell
import Testing

/// kops's own edits of config.toml (`profile add`, `profile default`): every name is written as a valid TOML
/// key, and an edit that would not read back leaves the file exactly as it was.
@Suite struct ConfigEditTests {
    private let acme = """
        default_profile = "acme"

        [profiles.acme]
        base_url = "http://127.0.0.1:45109"
        api_key_env = "KAPSO_API_KEY"
        phone_number_id = "100200300400501"

        """

    private func file(_ text: String) throws -> (ConfigFile, URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("config.toml").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return (ConfigFile(path: path), folder)
    }

    @Test func aNonASCIIProfileNameIsWrittenAsAQuotedKeyAndEveryProfileStillReads() throws {
        let (config, folder) = try file(acme)
        defer { try? FileManager.default.removeItem(at: folder) }
        try config.save(Profile(name: "café", baseURL: "http://127.0.0.1:45109", apiKeyEnv: "KAPSO_API_KEY"))
        let text = try String(contentsOfFile: config.path, encoding: .utf8)
        #expect(text.contains("[profiles.\"café\"]"))
        let reread = try config.load()
        #expect(reread.defaultProfile == "acme")
        #expect(reread.profile(named: "acme")?.phoneNumberID == "100200300400501")
        #expect(reread.profile(named: "café")?.apiKeyEnv == "KAPSO_API_KEY")
        try config.setDefault("café")
        #expect(try config.load().defaultProfile == "café")
        try config.save(Profile(name: "café", baseURL: "https://api.kapso.ai", apiKeyEnv: "KAPSO_API_KEY"))
        let replaced = try config.load()
        #expect(replaced.profiles.filter { $0.name == "café" }.map(\.baseURL) == ["https://api.kapso.ai"])
    }

    @Test func aHandWrittenQuotedHeaderIsReplacedNotDuplicated() throws {
        let (config, folder) = try file("[ profiles . \"acme\" ]\nbase_url = \"https://old.example\"\napi_key_env = \"KAPSO_API_KEY\"\n")
        defer { try? FileManager.default.removeItem(at: folder) }
        try config.save(Profile(name: "acme", baseURL: "https://api.kapso.ai", apiKeyEnv: "KAPSO_API_KEY"))
        #expect(try config.load().profiles.map(\.baseURL) == ["https://api.kapso.ai"])
    }

    @Test func anEditThatWouldNotReadBackLeavesTheFileUnchanged() throws {
        // Dotted keys define the profile without a [profiles.acme] header; appending one would redefine the table.
        let original = "profiles.acme.base_url = \"https://api.kapso.ai\"\nprofiles.acme.api_key_env = \"KAPSO_API_KEY\"\n"
        let (config, folder) = try file(original)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try config.load().profile(named: "acme") != nil)
        let error = try #require(throws: ConfigError.self) {
            try config.save(Profile(name: "acme", baseURL: "http://127.0.0.1:9", apiKeyEnv: "KAPSO_API_KEY"))
        }
        #expect(error.message.hasPrefix("\(config.path) was left unchanged: the edited file would not read back ("))
        #expect(!error.message.contains("\n"))
        #expect(try String(contentsOfFile: config.path, encoding: .utf8) == original)
        #expect(try config.load().profile(named: "acme")?.baseURL == "https://api.kapso.ai")
    }

    @Test func controlCharactersInValuesAreEscaped() throws {
        let (config, folder) = try file(acme)
        defer { try? FileManager.default.removeItem(at: folder) }
        try config.save(Profile(name: "eagle", baseURL: "http://127.0.0.1:9", apiKeyCommand: "printf 'a\u{1}b'\n"))
        #expect(try config.load().profile(named: "eagle")?.apiKeyCommand == "printf 'a\u{1}b'\n")
    }

    /// probe27 P27-6 (rest): a Latin-1 profile name in config.toml was read as U+FFFD (`profile: a\u{FFFD}`); reading
    /// the file and editing it (`profile add`) name the byte and its line instead, and nothing is written.
    @Test func aLatin1ByteInTheFileIsNamedWithItsLine() throws {
        let (config, folder) = try file("")
        defer { try? FileManager.default.removeItem(at: folder) }
        let bytes = Array("default_profile = \"acme\"\n[profiles.caf".utf8) + [0xE9] + Array("]\napi_key_env = \"K\"\n".utf8)
        try Data(bytes).write(to: URL(fileURLWithPath: config.path))
        let expected = "cannot read \(config.path): line 2 holds the byte 0xE9 (column 14), which is not UTF-8 (saved as Latin-1 "
            + "or Windows-1252?); save the file as UTF-8"
        let read = try #require(throws: ConfigError.self) { try config.load() }
        #expect(read.message == expected)
        let edit = try #require(throws: ConfigError.self) {
            try config.save(Profile(name: "acme", baseURL: "https://api.kapso.ai", apiKeyEnv: "KAPSO_API_KEY"))
        }
        #expect(edit.message == expected)
        #expect(try Data(contentsOf: URL(fileURLWithPath: config.path)) == Data(bytes), "the file is left as it was")
    }
}
