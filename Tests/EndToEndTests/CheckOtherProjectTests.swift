import Foundation
import KopsTestSupport
import Testing

/// probe42 P42-2: a transcript recorded on project A, checked with a key of project B on the same API host (two
/// colleagues with their own keys on `api.kapso.ai`), was replayed there; `check` advised `--update`, and `--update`
/// replaced A's evidence with B's data and exited 0. The number the recording used is not among B's numbers, so
/// `check` now says the differences come from another project, and `--update` and `--allow-writes` refuse it.
@Suite struct CheckOtherProjectTests {
    @Test func aTranscriptOfAnotherProjectIsNeverRewrittenWithItsData() async throws {
        let (check, update, writes, before, after, backup, path) = try await offPool {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-project-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            func kops(_ simulator: SimulatorProcess, _ arguments: [String]) throws -> ProcessResult {
                try ProcessRunner.run(
                    "kops", ["--no-color"] + arguments,
                    environment: [
                        "KAPSO_API_BASE_URL": simulator.baseURL, "KAPSO_API_KEY": simulator.apiKey,
                        "XDG_CONFIG_HOME": folder + "/config", "XDG_STATE_HOME": folder + "/state",
                    ])
            }
            let path = folder + "/t.md"
            let recorded = try SimulatorProcess()
            let run = try kops(recorded, ["-c", "record \(path); use 100200300400501; conversations; record stop"])
            #expect(run.status == 0, "\(run.stderr)")
            let recordedHost = String(recorded.baseURL.dropFirst("http://".count))
            recorded.stop()
            // Project B: 100200300400501 is not one of its numbers. Its host is the recording's, as two keys on one API.
            let other = try SimulatorProcess(seed: TestSeeds.path("probe42-other-project.seed.json"))
            defer { other.stop() }
            let text = try String(contentsOfFile: path, encoding: .utf8)
                .replacingOccurrences(of: "- api: \(recordedHost)\n", with: "- api: \(other.baseURL.dropFirst("http://".count))\n")
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            let check = try kops(other, ["check", path])
            let update = try kops(other, ["check", path, "--update"])
            let writes = try kops(other, ["check", path, "--allow-writes"])
            let after = try String(contentsOfFile: path, encoding: .utf8)
            return (check, update, writes, text, after, FileManager.default.fileExists(atPath: path + "~"), path)
        }
        let reason = "it was recorded on another project (or its number left this one since): phone number id "
            + "100200300400501, which it used, is not among the numbers of the project this key reaches ("
        #expect(check.status == 1)
        #expect(check.stdout.contains("-using 100200300400501 ("), "the diff is shown: \(check.stdout)")
        #expect(check.stderr.contains("t.md: " + reason), "\(check.stderr)")
        #expect(check.stderr.contains("108877665544322"), "B's numbers are named: \(check.stderr)")
        #expect(check.stderr.contains("so the differences come from that project; check it with the API key of the project it was recorded on\n"))
        #expect(!check.stderr.contains("--update'"), "no --update is advised: \(check.stderr)")
        #expect(update.status == 1)
        #expect(update.stderr.contains("t.md: not rewritten: " + reason), "\(update.stderr)")
        #expect(update.stderr.contains(" and --update would write them over its evidence; "), "\(update.stderr)")
        #expect(after == before, "the recorded evidence is kept")
        #expect(!backup, "nothing was rewritten, so no backup")
        #expect(writes.status == 64)
        #expect(
            writes.stderr.hasPrefix("error: \(path) was recorded on another project (or its number left this one since): "),
            "\(writes.stderr)")
        #expect(writes.stderr.contains("--allow-writes would send its writes to this project (nothing was sent)"))
        #expect(writes.stdout.isEmpty)
    }
}
