import KopsTestSupport
import Testing

/// tester58 AD3 on a seeded simulator (`tester58-status-column.seed.json`: V2 sent → failed 131047 → read and V3 sent →
/// delivered → failed 131026 under Kapso's lagging `sent`; R1 whose statuses all name 14155550199): `messages`, `message`
/// and `trace` say the same history's word (before: `sent/failed 131047`, and plain `read` for R1).
@Suite struct AD3StatusAgreementTests: PrintedLines {
    static func id(_ tag: String) -> String { "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQB\(tag)AAAAAAAAAAAAAAAAAAAA=" }

    @Test func messagesMessageAndTraceReadTheHistoryBesideAFailure() async throws {
        let runs = try await runDemo(
            ["messages", "message \(Self.id("V2"))", "trace \(Self.id("V2"))", "message \(Self.id("R1"))"], number: "100200300400501",
            seed: TestSeeds.file("tester58-status-column.seed.json"), width: 200)
        for run in runs { #expect(run.status == 0, "\(run.err)") }
        func row(_ tag: String) -> String { runs[0].out.split(separator: "\n").first { $0.contains(Self.id(tag)) }.map(String.init) ?? "" }
        #expect(row("V2").contains(" read/failed 131047 (Kapso's status field still says sent) "), "\(runs[0].out)")
        #expect(row("V3").contains(" delivered/failed 131026 (Kapso's status field still says sent) "), "\(runs[0].out)")
        #expect(row("R1").contains(" read (other recipient) "), "\(runs[0].out)")
        #expect(Self.line("status:", in: runs[1].out).hasSuffix("read/failed 131047 (Kapso's status field still says sent)"), "\(runs[1].out)")
        #expect(runs[2].out.contains("  Kapso's status field still says sent, but its status history records read at "), "\(runs[2].out)")
        #expect(runs[2].out.contains("so kops reads read/failed 131047"), "\(runs[2].out)")
        #expect(Self.line("status:", in: runs[3].out).hasSuffix("read (other recipient)"), "\(runs[3].out)")
    }
}
