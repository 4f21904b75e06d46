import Foundation
import KopsTestSupport
import Testing

/// `kops check --allow-writes` of a transcript recorded against another API (probe16 P16-13): a colleague's staging
/// transcript, checked in a shell whose environment names production, sent its writes to production without a word.
/// Now writes go to another API than the recorded one only when `--base-url` names it; reads are compared with a note.
@Suite struct CheckOtherAPITests {
    static let url = "https://x.example/p16-13"

    @Test func writesGoToAnotherAPIOnlyWhenBaseURLNamesIt() async throws {
        let (refused, reads, named, before, after, recordedHost, path, other) = try await offPool {
            let recorded = try SimulatorProcess()
            defer { recorded.stop() }
            let other = try SimulatorProcess()
            defer { other.stop() }
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-otherapi-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            func kops(_ simulator: SimulatorProcess, _ arguments: [String]) throws -> ProcessResult {
                try ProcessRunner.run(
                    "kops", ["--no-color"] + arguments,
                    environment: ["KAPSO_API_BASE_URL": simulator.baseURL, "KAPSO_API_KEY": simulator.apiKey])
            }
            let script = folder + "/w.kops", path = folder + "/wr.md"
            try "use 100200300400501\nwebhooks create --url \(Self.url) --events whatsapp.message.received\n"
                .write(toFile: script, atomically: true, encoding: .utf8)
            let run = try kops(recorded, ["run", script, "--allow-writes", "--record", path])
            #expect(run.status == 0, "\(run.stderr)")
            func webhooks(on simulator: SimulatorProcess) throws -> Int {
                try kops(simulator, ["-c", "use 100200300400501; webhooks --output json"]).stdout.components(separatedBy: Self.url).count - 1
            }
            let before = try webhooks(on: other)
            let refused = try kops(other, ["check", path, "--allow-writes"])
            let reads = try kops(other, ["check", path])
            let afterRefusals = try webhooks(on: other)
            let named = try kops(other, ["--base-url", other.baseURL, "check", path, "--allow-writes"])
            let after = try webhooks(on: other)
            return (
                refused, reads, named, [before, afterRefusals], after, String(recorded.baseURL.dropFirst("http://".count)), path,
                other.baseURL
            )
        }
        #expect(refused.status == 64, "\(refused.stderr)")
        let otherHost = String(other.dropFirst("http://".count))
        #expect(
            refused.stderr
                == "error: \(path) was recorded against \(recordedHost) and --allow-writes would send its writes to \(otherHost), "
                + "another API (nothing was sent); to send them there, run 'kops check \(path) --allow-writes --base-url \(other)', "
                + "or check without --allow-writes\n")
        // Without --allow-writes the hint for the write names --base-url too: without it, --allow-writes is refused.
        // A webhook create is said for what sending it does, never "sends it again" (probe29 P29-10).
        #expect(reads.stderr.contains(
            "'kops check \(path) --allow-writes --base-url \(other)' would create a webhook that delivers to x.example "), "\(reads.stderr)")
        #expect(refused.stdout.isEmpty)
        #expect(before == [0, 0], "nothing was created on the other API by the refused check or the read-only one")
        #expect(reads.stderr.contains("wr.md: recorded against \(recordedHost), replaying on 127.0.0.1:"), "\(reads.stderr)")
        #expect(reads.stderr.contains("not replayed: 'webhooks create"), "\(reads.stderr)")
        #expect(named.stderr.contains("wr.md: recorded against \(recordedHost), replaying on 127.0.0.1:"), "\(named.stderr)")
        #expect(after == 1, "--base-url names the API: the write was sent there; \(named.stderr)")
    }
}
