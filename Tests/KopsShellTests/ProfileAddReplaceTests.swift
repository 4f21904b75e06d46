import Foundation
import KopsShell
import KopsTestSupport
import Testing

/// probe29 P29-13: `profile add NAME` over an existing NAME silently replaced it (comments, phone_number_id, base URL
/// and key source gone, no backup). It is refused without --force, naming what it holds; with --force the table is
/// replaced in place, its comments stay and a new backup (config.toml~ first) keeps the old file. `profile default` keeps the line's comment.
@Suite struct ProfileAddReplaceTests {
    private let original = """
        default_profile = "prod"  # careful: customers

        [profiles.prod]
        # owner: team-blue, rotated 2026-11
        base_url = "https://api.kapso.ai"   # production
        api_key_env = "KAPSO_PROD_KEY"
        phone_number_id = "100200300400501"

        [profiles.staging]
        base_url = "http://127.0.0.1:19530"
        api_key_env = "STAGING_KEY"

        """

    private func folder() throws -> String {
        let folder = NSTemporaryDirectory() + "kops-profile-replace-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data(original.utf8).write(to: URL(fileURLWithPath: folder + "/config.toml"))
        return folder
    }

    @Test func anExistingProfileIsNotReplacedWithoutForce() async throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/config.toml"
        let (status, err) = try await withSimulator { fixture in
            let (shell, output) = try fixture.shell()
            shell.context.configFile = ConfigFile(path: path)
            shell.context.environment = ["SIM_KEY": fixture.apiKey]
            return (shell.run(line: "profile add prod --base-url \(fixture.baseURL) --key-env SIM_KEY").rawValue, output.err)
        }
        #expect(status == 64)
        #expect(err == "error: profile 'prod' exists (https://api.kapso.ai, env KAPSO_PROD_KEY, number 100200300400501); "
            + "add --force to replace it (a new backup beside config.toml keeps the old file), or pick another name\n")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == original)
        #expect(!FileManager.default.fileExists(atPath: path + "~"))
    }

    @Test func forceReplacesInPlaceKeepsCommentsAndABackup() async throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/config.toml"
        let (status, out, baseURL) = try await withSimulator { fixture in
            let (shell, output) = try fixture.shell()
            shell.context.configFile = ConfigFile(path: path)
            shell.context.environment = ["SIM_KEY": fixture.apiKey]
            let status = shell.run(line: "profile add prod --base-url \(fixture.baseURL) --key-env SIM_KEY --force")
            return (status, output.out, fixture.baseURL)
        }
        #expect(status == .ok)
        #expect(out.contains("replaced what it held (https://api.kapso.ai, env KAPSO_PROD_KEY, number 100200300400501); "
            + "the previous file is \(path)~"), "\(out)")
        #expect(try String(contentsOfFile: path + "~", encoding: .utf8) == original)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text == """
            default_profile = "prod"  # careful: customers

            [profiles.prod]
            # owner: team-blue, rotated 2026-11
            base_url = "\(baseURL)"
            api_key_env = "SIM_KEY"

            [profiles.staging]
            base_url = "http://127.0.0.1:19530"
            api_key_env = "STAGING_KEY"

            """, "\(text)")
        let config = ConfigFile(path: path)
        try config.setDefault("staging")
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("default_profile = \"staging\"  # careful: customers\n"))
    }
}
