import Foundation
@testable import KopsShell
import Testing

/// tester53 T8: `kops check --allow-writes` of create → update → delete compared the create's replayed block with the
/// recorded one whole; they differed only by `created:` (the API's clock at the write), so the update and the delete were
/// held back and every check left a new active webhook. The times a write stamps read as alike (`stampless`).
@Suite struct T8WriteStampTests {
    static let recorded = """
        kops> webhooks create --url https://ev.example/hook --events whatsapp.message.read
        id:        c7819455-99ae-4a1a-8f3a-d07aee8105f0
        created:   2026-12-05T16:46:38Z
        updated:   2026-12-05T16:46:38.120Z
          "created_at": "2026-12-05T16:46:38+00:00",
        last attempt: 2026-12-05T16:46:38Z
        last seen: 2026-12-05T16:40:00Z
        """

    @Test func aWritesOwnStampsAreAlike() {
        let replayed = Self.recorded.replacingOccurrences(of: "16:46:38", with: "16:46:42")
        #expect(TranscriptChecker.sameBlock(replayed, Self.recorded))
    }

    /// Any other time that differs is a difference: only the labelled stamps are set aside.
    @Test func otherTimesStillDiffer() {
        let replayed = Self.recorded.replacingOccurrences(of: "16:40:00", with: "16:41:00")
        #expect(!TranscriptChecker.sameBlock(replayed, Self.recorded))
    }
}
