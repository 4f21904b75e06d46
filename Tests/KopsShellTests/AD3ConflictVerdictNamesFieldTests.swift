import KopsTestSupport
import Testing

/// fixB's leftover of tester58 AD3 (fix59B-findings, "Left"): `message`'s verdict for a conflict (V2: sent, failed
/// 131047 at +1 s, read at +10 s, under Kapso's lagging `sent`) said "read …, but a failed 131047 was recorded" and never
/// which field lagged, while the status line above it said `read/failed 131047 (Kapso's status field still says sent)`.
/// The verdict names the field (kapso.status) and what it lags.
@Suite struct AD3ConflictVerdictNamesFieldTests: PrintedLines {
    @Test func theConflictVerdictNamesTheLaggingField() async throws {
        let runs = try await runDemo(
            ["message \(AD3StatusAgreementTests.id("V2"))", "trace \(AD3StatusAgreementTests.id("V2"))"], number: "100200300400501",
            seed: TestSeeds.file("tester58-status-column.seed.json"))
        for run in runs {
            let verdict = Self.line("verdict:", in: run.out)
            #expect(verdict.contains("WhatsApp reported both"), "\(run.out)")
            #expect(
                verdict.hasSuffix("; Kapso's status field (kapso.status) still says sent, behind its status history (kapso.statuses)"),
                "\(run.out)")
        }
    }
}
