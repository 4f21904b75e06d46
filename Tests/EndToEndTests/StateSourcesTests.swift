import Foundation
import KopsTestSupport
import Testing

/// probe22 P22-8: `state` named the wrong source for the output mode after `output` (`default`, `flag --output`) and for
/// a number nobody set (`profile default`), and a `state` block recorded after `use` or `--output` never checked clean:
/// the replay named its own start's sources for the values the transcript's header set.
@Suite struct StateSourcesTests {
    private func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-sources-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func stateNamesTheOutputCommandAndNoSourceForNoNumber() async throws {
        let (expanded, table) = try await offPool {
            (
                try ProcessRunner.run("kops", ["--demo", "-c", "output expanded", "-c", "state"]),
                try ProcessRunner.run("kops", ["--demo", "--output", "json", "-c", "state; output table; state"])
            )
        }
        #expect(expanded.status == 0, "\(expanded.stderr)")
        #expect(expanded.stdout.contains("output:               expanded  (output)\n"), "\(expanded.stdout)")
        #expect(expanded.stdout.contains("phone_number_id:      -\n"), "\(expanded.stdout)")
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("\"output\": \"flag --output\""), "\(table.stdout)")
        #expect(table.stdout.contains("output:               table  (output)\n"), "\(table.stdout)")
        #expect(!table.stdout.contains("profile default"), "\(table.stdout)")
    }

    /// Recorded mid-session (after `use`, with `--output json`, around `output table`), each `state` block replays as
    /// recorded: the header keeps where its values came from.
    @Test(arguments: [
        ["--demo", "-c", "use 100200300400501; explain 131047", "-c", "record T; state; record stop"],
        ["--demo", "--output", "json", "-c", "record T", "-c", "state; output table; state; use 100200300400502; state"],
    ])
    func aStateBlockRecordedMidSessionChecksClean(arguments: [String]) async throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("s.md").path
        let arguments = arguments.map { $0.replacingOccurrences(of: "record T", with: "record \(path)") }
        let (recorded, checked) = try await offPool {
            (try ProcessRunner.run("kops", arguments), try ProcessRunner.run("kops", ["check", path]))
        }
        #expect(recorded.status == 0, "\(recorded.stderr)")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("- sources: "), "\(text)")
        #expect(checked.status == 0, "\(checked.stdout)\(checked.stderr)")
        #expect(checked.stderr.contains("output unchanged"), "\(checked.stdout)\(checked.stderr)")
    }

    /// A part appended by another session (`record --append`) replays with that session's sources.
    @Test func anAppendedStateBlockChecksClean() async throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("a.md").path
        let runs = try await offPool { () -> [ProcessResult] in
            let simulator = try SimulatorProcess(seed: "demo", apiKey: "sim_key_0123456789")
            defer { _ = simulator.stop() }
            let environment = ["KAPSO_API_BASE_URL": simulator.baseURL, "KAPSO_API_KEY": "sim_key_0123456789"]
            return try [
                ["-c", "record \(path); state; record stop"],
                ["--output", "expanded", "-c", "use 100200300400501; output table; record \(path) --append; state"],
                ["check", path],
            ].map { try ProcessRunner.run("kops", $0, environment: environment) }
        }
        #expect(runs[0].status == 0 && runs[1].status == 0, "\(runs[0].stderr)\(runs[1].stderr)")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("phone_number_id:      100200300400501  (use)"), "\(text)")
        #expect(
            text.contains("sources api=env KAPSO_API_BASE_URL, key=env KAPSO_API_KEY, output=output, phone_number_id=use"),
            "\(text)")
        #expect(runs[2].status == 0, "\(runs[2].stdout)\(runs[2].stderr)")
    }
}
