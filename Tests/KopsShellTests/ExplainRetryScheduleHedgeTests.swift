import KapsoDiagnostics
import Testing

@testable import KopsShell

/// tester56b (AA1's low): explain's `kapso then:` line of a delivery status stated Kapso's retry schedule (10 s, 40 s,
/// 90 s) as fact, while kapso-api.md §10.3 says the sources disagree (10/40/90 by the docs, now/+10/+40 by a summary of
/// the newer Delivery page). Both are said, and that they disagree.
@Suite struct ExplainRetryScheduleHedgeTests {
    @Test(arguments: ["our endpoint returned 500 to the webhook", "webhook failed: 401 Unauthorized"])
    func bothSchedulesAreSaid(text: String) {
        let run = OfflineShell.run("explain", text)
        let said = run.out.split(separator: "\n").joined(separator: " ").split(separator: " ").joined(separator: " ")
        #expect(said.contains("10 s, 40 s and 90 s after each failure by its docs"), "\(run.out)")
        #expect(said.contains("3 attempts in all (now, +10 s, +40 s)"), "\(run.out)")
        #expect(said.contains("the sources disagree"), "\(run.out)")
        #expect(!said.contains("retries it (10 s, 40 s and 90 s after each failure, kapso-api.md"), "\(run.out)")
    }
}
