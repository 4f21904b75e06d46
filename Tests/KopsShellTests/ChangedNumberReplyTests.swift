import Foundation
import KopsShell
import KopsTestSupport
import Testing

/// probe19 P19-4: in the message-shapes seed Contact A's `user_changed_number` notice (H13, 10:12, new number
/// 14155550173) is followed only by a message without a phone number (H14, a username-only sender filed in the same
/// conversation). That message proves nothing about the old number, so `reply` to 14155550171 names the new number and
/// does not send without --force, and `conversation` says the same.
@Suite struct ChangedNumberReplyTests {
    @Test func replyAfterAChangedNumberNoticeNamesTheNewNumberAndDoesNotSend() async throws {
        let runs = try await runCases([
            "message \(caseID("H13"))", "reply --dry-run hi", "reply hi", "reply --to +14155550171 --dry-run hello",
            "conversation 0a1b2c3d-0000-4000-8000-000000000171",
        ])
        let dry = runs[1].out + runs[1].err
        #expect(dry.contains("changed their number to +14155550173") && dry.contains("reply --to +14155550173"), "\(dry)")
        #expect(runs[2].status == 1 && runs[2].err.contains("reply: not sent: ") && runs[2].err.contains("+14155550173"), "\(runs[2].err)")
        #expect(!runs[2].out.contains("sent wamid."), "\(runs[2].out)")
        let typed = runs[3].out + runs[3].err
        #expect(typed.contains("changed their number to +14155550173"), "\(typed)")
        #expect(runs[4].out.contains("changed their number to +14155550173"), "\(runs[4].out)")
    }
}
