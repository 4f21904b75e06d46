import Foundation
import KopsTestSupport
import Testing

/// tester62 AL2: a transcript with a look-up of nothing (`message` with a mistyped WAMID) and then `errors` or
/// `overview` never checked clean with another state folder (CI, a colleague's machine) against an API that kept the
/// log of earlier runs: the recording's look-up became an `errors` row of the project ("+ 1 api kapso-sim GET
/// …/messages/<message 1> 404", "-9 causes of 129 failures" / "+10 causes of 130"), each check's own look-ups the
/// next check's (130, then 131), and `overview`'s "49 total" became 86, then 141. The replay learns the API key its own
/// calls are logged with, and that key's calls since the recording are earlier runs', left out and not counted.
@Suite struct AL2FreshStateCheckTests {
    static let mistyped = "wamid.HBgLMTQxNTU1NTAxNTcVAgASGBRaWlpaWlpaWlpaWlpaWlpaWgA="
    static let script = [
        "set on_error continue", "use 100200300400501", "message \(mistyped)", "errors", "errors --flat", "overview",
    ].joined(separator: "\n") + "\n"

    @Test func aTranscriptChecksCleanTwiceEachWithAFreshStateFolder() async throws {
        let (recorded, checks, transcript) = try await run(appCalls: 0)
        // The script ran: the look-up failed (a 404, so `run` exits 1) and `errors` left it out as kops's own.
        #expect(recorded.status == 1, "\(recorded.stderr)")
        #expect(transcript.contains("1 of kops's own look-ups this session left out"), "\(transcript)")
        for check in checks {
            #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
            #expect(check.stderr.contains("output unchanged"), "\(check.stdout)\(check.stderr)")
        }
    }

    /// tester63b AO1: another client's new failures with kops's key, on a path the replay never called (a health read of
    /// a number that is not there), are the project's: the check shows them, as a live session does.
    @Test func anotherClientsNewFailuresWithTheSameKeyStillShow() async throws {
        let (_, checks, _) = try await run(appCalls: 3)
        let check = try #require(checks.first)
        #expect(check.status == 1, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("100200300400999/health"), "\(check.stdout)")
    }

    /// Records the script, lets another client make `appCalls` failing GETs with the same key, then checks twice, each
    /// time with a fresh state folder.
    private func run(appCalls: Int) async throws -> (ProcessResult, [ProcessResult], String) {
        let run = try await FreshStateChecks.run(script: Self.script, checks: 2) { simulator in
            try FreshStateChecks.curlGET(simulator, "/platform/v1/whatsapp/phone_numbers/100200300400999/health", times: appCalls)
        }
        return (run.recorded, run.checks, run.transcript)
    }
}
