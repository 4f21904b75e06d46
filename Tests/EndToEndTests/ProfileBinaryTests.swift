import Foundation
import KopsTestSupport
import Testing

/// Profiles from config.toml, against two simulators with different keys and data.
@Suite struct ProfileBinaryTests {
    private func withTwoSimulators(_ body: @escaping @Sendable (String, String, String) throws -> ProcessResult)
        async throws -> ProcessResult
    {
        try await offPool {
            let demo = try SimulatorProcess(seed: "demo", apiKey: "demo_key_0123456789")
            let empty = try SimulatorProcess(seed: "empty", apiKey: "empty_key_0123456789")
            defer {
                demo.stop()
                empty.stop()
            }
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-profiles-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("kops"), withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let config = """
                default_profile = "acme"

                [profiles.acme]
                base_url = "\(demo.baseURL)"
                api_key_env = "ACME_KAPSO_KEY"
                phone_number_id = "100200300400502"

                [profiles.eagle]
                base_url = "\(empty.baseURL)"
                api_key_command = "cat \(folder.path)/eagle.key"

                """
            // The key in its own file, read by the command: a command that echoes a key written into config.toml is
            // refused like `api_key = ...` (probe9 P9-1).
            try Data("empty_key_0123456789\n".utf8).write(to: folder.appendingPathComponent("eagle.key"))
            try Data(config.utf8).write(to: folder.appendingPathComponent("kops/config.toml"))
            return try body(folder.path, demo.baseURL, empty.baseURL)
        }
    }

    @Test func profileUseMovesTheSessionToTheOtherProject() async throws {
        let result = try await withTwoSimulators { folder, _, _ in
            try ProcessRunner.run(
                "kops", ["-c", "state; numbers; profile use eagle; numbers; state"],
                environment: ["XDG_CONFIG_HOME": folder, "ACME_KAPSO_KEY": "demo_key_0123456789"]
)
        }
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.contains { $0.hasPrefix("profile:              acme  (config.toml default_profile)") })
        #expect(lines.contains { $0.hasPrefix("phone_number_id:      100200300400502  (profile acme)") })
        #expect(lines.contains { $0.hasPrefix("key:                  set, never shown  (env ACME_KAPSO_KEY)") })
        #expect(lines.contains { $0.contains("100200300400501  +1 415-555-0100") })
        #expect(lines.contains { $0.hasPrefix("using profile eagle (http://127.0.0.1:") })
        #expect(lines.contains { $0.hasPrefix("profile:              eagle") })
        #expect(lines.contains { $0 == "phone_number_id:      -" })
        #expect(result.stderr.contains("2 items\n"))
        #expect(result.stderr.contains("0 items\n"))
        #expect(!result.stdout.contains("demo_key_0123456789") && !result.stderr.contains("empty_key_0123456789"))
    }

    /// probe42 P42-12: the last message selected in one profile's project is not carried into another's: `state` shows
    /// none after `profile use`, and a bare `trace` asks for a WAMID instead of looking the old one up in the new project.
    @Test func profileUseDropsTheOldProjectsLastMessage() async throws {
        let result = try await withTwoSimulators { folder, _, _ in
            try ProcessRunner.run(
                "kops", ["-c", "message wamid.HBgLMTQxNTU1NTAxNDIVAgASGBQzRUIwQTFDMkQzRTRGNTA2MTcyOAA=", "-c", "profile use eagle", "-c", "state", "-c", "trace"],
                environment: ["XDG_CONFIG_HOME": folder, "ACME_KAPSO_KEY": "demo_key_0123456789"])
        }
        #expect(result.status != 0)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.contains { $0.hasPrefix("profile:              eagle") })
        #expect(lines.contains { $0 == "last_message_id:      -" }, "\(result.stdout)")
        #expect(lines.contains { $0 == "last_conversation_id: -" }, "\(result.stdout)")
        #expect(result.stderr.contains("the last message and conversation selected were profile acme's: no longer selected"), "\(result.stderr)")
        #expect(result.stderr.contains("-c:4: error: trace: no message selected; give a WAMID"), "\(result.stderr)")
    }

    /// probe43 P43-16: a bundle made after `profile use` switched the recording session to another API: its diagnostics
    /// name the API they came from (the recording's host was written in their `state` for the other project's answers),
    /// and a fact line says they are not the recording's profile.
    @Test func aBundleAfterProfileUseNamesTheAPIItsDiagnosticsCameFrom() async throws {
        let files = FileManager.default.temporaryDirectory.appendingPathComponent("kops-bundle-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: files, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: files) }
        let result = try await withTwoSimulators { folder, _, _ in
            try ProcessRunner.run(
                "kops", ["-c", "record \(files)/t.md", "-c", "profile use eagle", "-c", "bundle \(files)/b.md"],
                environment: ["XDG_CONFIG_HOME": folder, "ACME_KAPSO_KEY": "demo_key_0123456789"])
        }
        #expect(result.status == 0, "\(result.stderr)")
        let bundle = try String(contentsOfFile: files + "/b.md", encoding: .utf8)
        let acmeHost = try #require(bundle.firstMatch(of: /\n- api: ([^\n]+)\n/)).1
        let eagleHost = try #require(result.stdout.firstMatch(of: /using profile eagle \(http:\/\/([^)]+)\)/)).1
        #expect(acmeHost != eagleHost)
        let diagnostics = try #require(bundle.range(of: "## Diagnostics")).upperBound
        #expect(bundle[diagnostics...].contains("http://\(eagleHost)  (profile eagle)"), "\(bundle)")
        #expect(!bundle[diagnostics...].contains(acmeHost), "\(bundle)")
        #expect(bundle.contains(
            "- diagnostics: from profile eagle (\(eagleHost)), not the recording's profile acme (\(acmeHost)): 'profile use' "
                + "switched since the recording began\n"), "\(bundle)")
    }

    @Test func flagsBeatTheProfile() async throws {
        let result = try await withTwoSimulators { folder, _, _ in
            try ProcessRunner.run(
                "kops", ["--profile", "eagle", "--output", "json", "-c", "numbers"], environment: ["XDG_CONFIG_HOME": folder])
        }
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("{\n  \"data\": [],"))
    }

    @Test(arguments: [
        (["--profile", "nope"], [:], "error: unknown profile 'nope'; profiles: acme, eagle\n", Int32(64)),
        // A case slip gets the profile meant, as KOPS_PROFILE=ACME does, in the same words (probe38 P38-15 c).
        (["--profile", "ACME"], [:], "error: unknown profile 'ACME'; did you mean 'acme'? (profiles: acme, eagle)\n", Int32(64)),
        ([], [:], "-c:2: error: profile 'acme' reads its API key from ACME_KAPSO_KEY, which is not set; export ACME_KAPSO_KEY=..., or pick another profile with --profile\n", 64),
    ] as [([String], [String: String], String, Int32)])
    func profileMistakesAreOneLine(arguments: [String], environment: [String: String], stderr: String, status: Int32) async throws {
        let result = try await withTwoSimulators { folder, _, _ in
            try ProcessRunner.run("kops", arguments + ["-c", "state; numbers"], environment: environment.merging(["XDG_CONFIG_HOME": folder]) { a, _ in a })
        }
        #expect(result.stderr == stderr)
        #expect(result.status == status)
        #expect(!result.stdout.contains("NUMBER"))
    }

    /// probe10 P10-10: one bad value in config.toml made its profile "unknown … no profiles are configured", and with
    /// KAPSO_API_* exported (another project's) a command ran there and exited 0. Now the profile is named as in the
    /// broken file, no request is sent (status 64, as for bad config), and offline commands still work.
    @Test func aBrokenConfigNamesItsProfileAndSendsNoRequest() async throws {
        let runs = try await offPool { () -> [ProcessResult] in
            let simulator = try SimulatorProcess(seed: "demo", apiKey: "demo_key_0123456789")
            defer { simulator.stop() }
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-broken-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("kops"), withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let config = """
                default_profile = "staging"
                [profiles.staging]
                base_url = "\(simulator.baseURL)"
                api_key_env = "STAGING_KEY"
                output = "tabel"

                """
            try Data(config.utf8).write(to: folder.appendingPathComponent("kops/config.toml"))
            let environment = [
                "XDG_CONFIG_HOME": folder.path, "STAGING_KEY": "demo_key_0123456789",
                "KAPSO_API_BASE_URL": simulator.baseURL, "KAPSO_API_KEY": "demo_key_0123456789",
            ]
            return try [["--profile", "staging", "-c", "numbers"], ["-c", "numbers"], ["-c", "help state"], ["-c", "profile list"]].map {
                try ProcessRunner.run("kops", $0, environment: environment)
            }
        }
        let problem = "kops/config.toml:5: invalid value for 'output'; expected table, json, expanded or auto"
        #expect(runs[0].stderr.contains("error: profile 'staging' cannot be used while config.toml is broken ("), "\(runs[0].stderr)")
        #expect(runs[0].stderr.hasSuffix("); fix the file first\n"), "\(runs[0].stderr)")
        #expect(runs[0].stderr.contains(problem) && !runs[0].stderr.contains("unknown profile"), "\(runs[0].stderr)")
        #expect(runs[1].stderr.contains("-c:1: error: kops sends no request while config.toml is broken ("), "\(runs[1].stderr)")
        #expect(!runs[1].stdout.contains("NUMBER"), "numbers ran against the environment's API")
        #expect(runs[0].status == 64 && runs[1].status == 64)
        #expect(runs[2].status == 0 && runs[2].stdout.hasPrefix("usage: state"), "\(runs[2].stderr)")
        // probe22 P22-4: not "no profiles yet; add one", which the next 'profile add' refuses.
        #expect(runs[3].stderr.contains("-c:1: error: the profiles cannot be listed while config.toml is broken ("), "\(runs[3].stderr)")
        #expect(runs[3].stderr.contains(problem + "); fix the file first\n"), "\(runs[3].stderr)")
        #expect(!runs[3].stderr.contains("no profiles yet") && runs[3].status == 64)
    }

    /// probe22 P22-3: a config.toml kops cannot reach (here a link that loops; a folder it may not enter is the same
    /// error as a non-root user) is said at start, not read as "no config" with the profiles gone without a word.
    @Test func aConfigThatCannotBeReachedIsSaidAtStart() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-loop-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("kops"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent("kops/config.toml").path
        try FileManager.default.createSymbolicLink(atPath: config, withDestinationPath: config)
        let result = try await offPool { try ProcessRunner.run("kops", ["-c", "profile list"], environment: ["XDG_CONFIG_HOME": folder.path]) }
        #expect(result.stderr.hasPrefix("error: cannot read \(config): too many levels of symbolic links (the file or a folder above it)"), "\(result.stderr)")
        #expect(result.stderr.contains("the profiles cannot be listed while config.toml is broken"), "\(result.stderr)")
        #expect(result.status == 64)
    }
}
