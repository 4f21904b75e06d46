import Foundation
import KopsTestSupport
import Testing

/// probe34 P34-9: on a deterministic `kapso-sim --seed demo` reached through `KAPSO_API_BASE_URL`/`KAPSO_API_KEY`,
/// `kops check transcripts/state.md` (and tour.md) ended "output changed; … --update": the replay's `state` named the
/// checker's launch (`api: http://kapso-sim (env KAPSO_API_BASE_URL)`, a `key:` line) where the golden names none, and
/// `--update` wrote that launch over the golden. A `state` block now shows the API and key sources the recording had,
/// as it shows the profile's, number's and output's (`TranscriptHeader.sourcedSettings`).
@Suite struct CheckLaunchSourcesTests {
    private static func folder() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-launch-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test(arguments: ["state", "tour"])
    func aGoldenChecksCleanOnASimulatorNamedByTheEnvironment(name: String) async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for file in [name + ".md", name + ".md.restore"] {
            let source = GoldenTranscript.folder.appendingPathComponent(file).path
            if FileManager.default.fileExists(atPath: source) { try FileManager.default.copyItem(atPath: source, toPath: folder + "/" + file) }
        }
        let path = folder + "/" + name + ".md"
        let before = try String(contentsOfFile: path, encoding: .utf8)
        let result = try await offPool { () -> ProcessResult in
            let simulator = try SimulatorProcess(seed: "demo", apiKey: "sim_key_0123456789")
            defer { simulator.stop() }
            return try ProcessRunner.run(
                "kops", ["check", path],
                environment: ["KAPSO_API_BASE_URL": simulator.baseURL, "KAPSO_API_KEY": simulator.apiKey], timeout: 120)
        }
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.contains("output unchanged"), "\(result.stdout)\(result.stderr)")
        #expect(!result.stdout.contains("(env KAPSO_API_BASE_URL)"), "\(result.stdout)")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == before)
    }

    /// Recorded with the API and key from the environment, checked with the API named by `--base-url`: the `state` block
    /// still says where they came from when it was recorded, and the header names it.
    @Test func aStateBlockKeepsTheRecordedSourcesWhenCheckedWithAnotherLaunch() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/s.md"
        let (recorded, checked) = try await offPool { () -> (ProcessResult, ProcessResult) in
            let simulator = try SimulatorProcess(seed: "demo", apiKey: "sim_key_0123456789")
            defer { simulator.stop() }
            let environment = ["KAPSO_API_BASE_URL": simulator.baseURL, "KAPSO_API_KEY": simulator.apiKey]
            return (
                try ProcessRunner.run("kops", ["-c", "record \(path); state; record stop"], environment: environment),
                try ProcessRunner.run(
                    "kops", ["--base-url", simulator.baseURL, "check", path], environment: ["KAPSO_API_KEY": simulator.apiKey]))
        }
        #expect(recorded.status == 0, "\(recorded.stderr)")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("- sources: api=env KAPSO_API_BASE_URL, key=env KAPSO_API_KEY"), "\(text)")
        #expect(text.contains("  (env KAPSO_API_BASE_URL)\n"), "\(text)")
        #expect(checked.status == 0, "\(checked.stdout)\(checked.stderr)")
        #expect(checked.stderr.contains("output unchanged"), "\(checked.stdout)\(checked.stderr)")
    }
}
