import Foundation
import KapsoClient
import KapsoSimulator
@testable import KopsShell
import KopsTestSupport
import Testing

/// tester63 AN4: the streamed JSON of `logs --all` and `logs search --all` dropped the `kops_own` mark its table showed
/// (`(kops)`) and one page's JSON has: `jq 'select(.kops_own|not)'` filtered a page but not the stream. Each NDJSON line
/// of a call kops made itself now carries `"kops_own":true`, and no other line does.
@Suite struct AN4StreamedLogsOwnMarkTests {
    static let tour = OwnCallMarksTests.tour
    static let now = OwnCallMarksTests.now

    static func lines(_ out: String) throws -> [JSONValue] {
        try out.split(separator: "\n").map { try JSONValue.parse(String($0)) }
    }

    @Test func logsAllMarksKopsOwnCallsOnTheirLines() async throws {
        let runs = try await runDemo(["trace \(Self.tour)", "logs --all --output json", "logs --all"])
        let items = try Self.lines(runs[1].out)
        let kops = items.filter { $0["created_at"]?.string == Self.now }
        let seeded = items.filter { $0["created_at"]?.string != Self.now }
        #expect(!kops.isEmpty && !seeded.isEmpty)
        #expect(kops.allSatisfy { $0["kops_own"]?.bool == true }, "\(runs[1].out)")
        #expect(seeded.allSatisfy { $0["kops_own"] == nil }, "no seeded (the app's) call is marked")
        // The table of the same stream marks as many rows (the JSON run's own calls are listed too, and marked).
        #expect(runs[2].out.split(separator: "\n").filter { $0.contains("(kops)") }.count >= kops.count)
    }

    @Test func logSearchAllMarksKopsOwnCallsOnTheirLines() async throws {
        let runs = try await runDemo([
            "trace \(Self.tour)", "logs search --source external_api_log --all --output json",
            "logs search --source external_api_log --limit 100 --output json",
        ])
        let streamed = try Self.lines(runs[1].out)
        #expect(streamed.contains { $0["kops_own"]?.bool == true }, "\(runs[1].out)")
        let marked = streamed.filter { $0["kops_own"]?.bool == true }
        #expect(marked.allSatisfy { $0["timestamp"]?.string == Self.now || $0["occurred_at"]?.string == Self.now })
        #expect(streamed.filter { $0["timestamp"]?.string != Self.now && $0["occurred_at"]?.string != Self.now }.allSatisfy {
            $0["kops_own"] == nil
        })
    }

    /// The canaries of `OutputCanaryTests` in the API log: a page with kops's own calls is written item by item (the
    /// marked ones serialized again), and no canary reaches the terminal or the transcript that way either.
    @Test func markedPagesShowNoSecret() async throws {
        let seed = try OutputCanaryTests.secretSeed()
        defer { try? FileManager.default.removeItem(atPath: seed) }
        let (terminal, transcript) = try await offPool {
            let fixture = try SimulatorFixture(seed: .file(seed), apiKey: OutputCanaryTests.apiKey)
            let (shell, output) = try fixture.shell()
            let recorder = try TranscriptRecorder(
                header: TranscriptHeader(session: shell.context.session, host: "127.0.0.1"), destination: .memory)
            shell.run(line: "messages")
            shell.run(line: "logs --period 30d --all --output json")
            shell.recorder = recorder
            shell.run(line: "logs --period 30d --all --output json")
            return (output.combined, recorder.text)
        }
        #expect(terminal.contains(#""kops_own":true"#), "the marked path was taken: \(terminal)")
        #expect(terminal.contains("key <redacted>"))
        for (sink, text) in [("terminal", terminal), ("transcript", transcript)] {
            for canary in OutputCanaryTests.canaries {
                #expect(!text.contains(canary), "\(canary) reached the \(sink)")
            }
        }
    }
}
