import Foundation
import KopsTestSupport
import Testing

/// tester66b X3: a transcript recorded mid-session after a `trace` (numbers / use / messages / trace, then `record`, `logs`)
/// failed every fresh-state check on the fixed-clock simulator that recorded it: the recording left out trace's
/// marketing-preference look-up (404 `Marketing preference not found`, Kapso's "none recorded") as kops's own call from
/// before `record`, and the replay, with no note of it, showed it as another client's failed call ("+… 404 … kapso-sim
/// Marketing preference not found", "+1 of these is Kapso's normal answer"). A replay now takes Kapso's normal answer with
/// its key for an earlier run's read, as it takes successful reads; another client's failures still show.
@Suite struct X3TraceBeforeRecordTests {
    static let traced = "wamid.HBgLMTQxNTU1NTAxNTcVAgASGBRCOTRFMkQ3QTE2QzAzRjU4RTkyMgA="

    /// Records `logs` mid-session after `trace`, then checks it `checks` times with fresh state folders; `between` runs
    /// after the recording (another client's calls).
    static func run(
        checks: Int, between: @escaping @Sendable (SimulatorProcess) throws -> Void = { _ in }
    ) async throws -> (recorded: ProcessResult, checks: [ProcessResult], transcript: String) {
        // The mid-session recording harness Z5's tests use, with this shape's lines before `record`.
        try await Z5RecordMidSessionLogsTests.run(
            before: ["numbers", "use 100200300400501", "messages --limit 5", "trace \(traced)"], recorded: ["logs"],
            checks: checks, between: between)
    }

    @Test func aRecordingAfterTraceChecksClean() async throws {
        let run = try await Self.run(checks: 3)
        #expect(run.transcript.contains("> logs"), "\(run.recorded.stdout)\(run.recorded.stderr)")
        #expect(!run.transcript.contains("Marketing preference not found"), "\(run.transcript)")
        for (index, check) in run.checks.enumerated() {
            #expect(check.status == 0, "check \(index + 1): \(check.stdout)\(check.stderr)")
            #expect(check.stderr.contains("output unchanged"), "check \(index + 1): \(check.stdout)\(check.stderr)")
        }
    }

    /// Another client's 404 (not Kapso's normal answer) since the recording is still the project's and shows.
    @Test func anotherClientsFailedLookUpStillShows() async throws {
        let run = try await Self.run(checks: 1) { simulator in
            try FreshStateChecks.curlGET(simulator, "/platform/v1/whatsapp/phone_numbers/999/health", times: 1)
        }
        let check = try #require(run.checks.first)
        #expect(check.status == 1, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("+") && check.stdout.contains("/phone_numbers/999/health"), "\(check.stdout)")
    }
}
