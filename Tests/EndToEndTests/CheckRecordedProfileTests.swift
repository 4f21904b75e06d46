import Foundation
import KopsTestSupport
import Testing

/// probe29 P29-4: `kops check` of a transcript recorded with `--profile stage` replayed it on the default profile's API,
/// and `--update` rewrote it with that project's output under a header still naming stage.
@Suite struct CheckRecordedProfileTests {
    /// Two simulators with different seeds as profiles `prod` (the default) and `stage`; a transcript of `conversations`
    /// recorded with `--profile stage`, then `check` as `run` asks for it; the transcript's text after all of them.
    private func checks(_ runs: [[String]], dropStage: Bool = false) async throws -> (results: [ProcessResult], recorded: String, after: String) {
        try await offPool {
            let prod = try SimulatorProcess(seed: "demo")
            let stage = try SimulatorProcess(seed: "zoo")
            defer { prod.stop(); stage.stop() }
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-p29-4-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let environment = [
                "HOME": folder, "XDG_CONFIG_HOME": folder + "/config", "XDG_STATE_HOME": folder + "/state", "P29KEY": prod.apiKey,
            ]
            let kops = { (arguments: [String]) in try ProcessRunner.run("kops", arguments, environment: environment) }
            for (name, simulator) in [("prod", prod), ("stage", stage)] {
                let added = try kops(["-c", "profile add \(name) --base-url \(simulator.baseURL) --key-env P29KEY"])
                #expect(added.status == 0, "\(added.stderr)")
            }
            let path = folder + "/t.md"
            let recorded = try kops(["--profile", "stage", "-c", "record \(path); use 100200300400501; conversations --limit 3; record stop"])
            #expect(recorded.status == 0, "\(recorded.stderr)")
            let text = try String(contentsOfFile: path, encoding: .utf8)
            if dropStage {
                // The stage section cut out of config.toml (the last one, as `profile add` appended it).
                let config = folder + "/config/kops/config.toml"
                let toml = try String(contentsOfFile: config, encoding: .utf8)
                let cut = try #require(toml.range(of: "[profiles.stage]"), "\(toml)")
                try Data(toml[..<cut.lowerBound].utf8).write(to: URL(fileURLWithPath: config))
            }
            let results = try runs.map { try kops($0.map { $0 == "T" ? path : $0 }) }
            return (results, text, try String(contentsOfFile: path, encoding: .utf8))
        }
    }

    /// With no profile typed, the replay runs on the recorded profile: unchanged, and no other API named.
    @Test func checkReplaysOnTheRecordedProfile() async throws {
        let (results, recorded, _) = try await checks([["check", "T"]])
        #expect(recorded.contains("- profile: stage"), "\(recorded)")
        #expect(results[0].status == 0, "\(results[0].stderr)")
        #expect(results[0].stderr.contains("output unchanged"), "\(results[0].stderr)")
        #expect(!results[0].stderr.contains("replaying on"), "\(results[0].stderr)")
    }

    /// On another profile typed for the check, the differences are shown but `--update` is neither offered nor done.
    @Test func anotherProfilesOutputIsNeverWrittenIntoTheTranscript() async throws {
        let (results, recorded, after) = try await checks([["--profile", "prod", "check", "T"], ["--profile", "prod", "check", "T", "--update"]])
        #expect(results[0].status == 1, "\(results[0].stderr)")
        #expect(results[0].stderr.contains(
            "t.md: it was recorded with profile stage and replayed on profile prod, so the differences may be the other "
                + "project's; check it on its own with 'kops --profile stage check "), "\(results[0].stderr)")
        #expect(!results[0].stderr.contains("--update'"), "\(results[0].stderr)")
        #expect(results[1].status == 1, "\(results[1].stderr)")
        #expect(results[1].stderr.contains("t.md: not rewritten: it was recorded with profile stage"), "\(results[1].stderr)")
        #expect(after == recorded)
    }

    /// A recorded profile this config.toml does not have: one line, nothing replayed.
    @Test func aRecordedProfileMissingHereIsRefused() async throws {
        let (results, _, _) = try await checks([["check", "T"]], dropStage: true)
        #expect(results[0].status == 64, "\(results[0].stderr)")
        #expect(results[0].stderr.contains(
            "was recorded with profile stage (flag --profile), which this config.toml does not have, so nothing was replayed; "
                + "add it ('profile add stage --base-url URL --key-env NAME') or replay on another with 'kops --profile NAME check "),
            "\(results[0].stderr)")
        #expect(results[0].stderr.split(separator: "\n").count == 1, "\(results[0].stderr)")
    }
}

/// P29-4's leftover (session 33): a transcript recorded on `kops --demo` checked with `--profile` or `--base-url` replays
/// on a demo simulator of its own, as it must (its data is the demo's), but the flag was dropped without a word and the
/// check passed as if it had compared that API. Now one line says the API base is the only difference and the flag is
/// not used.
@Suite struct CheckDemoTranscriptOnAProfileTests {
    @Test(arguments: [["--profile", "stage"], ["--base-url", "http://127.0.0.1:9"]])
    func theCheckSaysTheFlagIsNotUsed(flag: [String]) async throws {
        let (recorded, checked) = try await offPool {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-demo-profile-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let environment = ["HOME": folder, "XDG_CONFIG_HOME": folder + "/config", "XDG_STATE_HOME": folder + "/state", "K": "kapso_test"]
            let kops = { (arguments: [String]) in try ProcessRunner.run("kops", arguments, environment: environment) }
            _ = try kops(["-c", "profile add stage --base-url http://127.0.0.1:9 --key-env K"])
            let recorded = try kops(["--demo", "-c", "record \(folder)/d.md; use 100200300400501; health"])
            return (recorded, try kops(flag + ["check", folder + "/d.md"]))
        }
        #expect(recorded.status == 0, "\(recorded.stderr)")
        #expect(checked.status == 0, "\(checked.stderr)")
        let typed = flag.joined(separator: " ")
        #expect(
            checked.stderr.contains(
                "/d.md: recorded on the demo simulator (kops --demo) and checked with \(typed): only the API base differs, and a "
                    + "demo transcript replays on a demo simulator of its own, so \(typed) is not used; to compare with that "
                    + "API, record the session there\n"),
            "\(checked.stderr)")
        #expect(checked.stderr.hasSuffix("d.md: 2 commands, output unchanged\n"), "\(checked.stderr)")
    }
}
