import Foundation
import KopsTestSupport
import Testing

/// tester63b AO2: a transcript with a look-up and then `logs --errors --flat` never checked
/// clean with a fresh state folder against an API that kept earlier runs' calls: the recording's look-up came back as
/// a row of the project's ("GET /platform/v1/whatsapp/messages/<message 1> 404 … WhatsApp message not found"), one
/// more per check, each pushing the oldest row off the page. While `kops check` replays, `logs` leaves earlier runs'
/// calls out of its rows, as `errors` leaves them out of its counts (tester62 AL2), and reads the page with room for them.
@Suite struct AO2LogsFlatCheckTests {
    static let mistyped = "wamid.HBgLMTQxNTU1NTAxNTcVAgASGBRaWlpaWlpaWlpaWlpaWlpaWgA="

    @Test(arguments: ["logs --errors --flat"])
    func aLogsListAfterALookUpChecksCleanEveryTime(_ line: String) async throws {
        let script = ["set on_error continue", "use 100200300400501", "message \(Self.mistyped)", line].joined(separator: "\n") + "\n"
        let run = try await FreshStateChecks.run(script: script, checks: 3)
        #expect(run.recorded.status == 1, "\(run.recorded.stderr)")
        // The recording's own look-up is on its page, marked as kops's.
        #expect(run.transcript.contains("(kops)"), "\(run.transcript)")
        for (index, check) in run.checks.enumerated() {
            #expect(check.status == 0, "check \(index + 1): \(check.stdout)\(check.stderr)")
            #expect(check.stderr.contains("output unchanged"), "check \(index + 1): \(check.stdout)\(check.stderr)")
        }
    }
}
