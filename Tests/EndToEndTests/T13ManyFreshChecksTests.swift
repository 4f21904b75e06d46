import Foundation
import KopsTestSupport
import Testing

/// tester64 T13: a transcript checked again and again, each time with a fresh state folder (CI's fresh containers),
/// against one simulator with a fixed clock passed twice, then failed every time: `overview`'s "49 total, 48 failed"
/// became "137 total, 51 failed". The fixed clock stamps calls in sequence from one instant; the replay bounded earlier
/// runs' calls by its own first call's stamp, which passed the recording's calls once the log's stamps reached the next
/// second. When the API's clock is behind the recording's, the replay no longer bounds them by time.
@Suite struct T13ManyFreshChecksTests {
    static let script = [
        "set on_error continue", "use 100200300400501", "messages --limit 30",
        "message wamid.HBgLMTQxNTU1NTAxNTcVAgASGBRaWlpaWlpaWlpaWlpaWlpaWgA=", "errors", "webhooks", "deliveries", "overview",
    ].joined(separator: "\n") + "\n"

    @Test func fiveFreshChecksOnOneFixedClockSimulatorAllPass() async throws {
        let run = try await FreshStateChecks.run(script: Self.script, checks: 5)
        #expect(run.transcript.contains("API calls (24h):"), "\(run.transcript)")
        for (index, check) in run.checks.enumerated() {
            #expect(check.status == 0, "check \(index + 1): \(check.stdout)\(check.stderr)")
            #expect(check.stderr.contains("output unchanged"), "check \(index + 1): \(check.stdout)\(check.stderr)")
        }
    }
}
