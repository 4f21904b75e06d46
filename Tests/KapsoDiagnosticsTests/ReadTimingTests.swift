import KapsoClient
import KapsoDiagnostics
import Testing

/// tester51b F7: a live `message WAMID` 404 for a message its contact's list holds said "the read came before Kapso had
/// recorded it" of a message recorded 21 h before the call; the `errors` view's rule (within seconds of the send) decides.
@Suite struct ReadTimingTests {
    static let wamid = "wamid.HBgLMTQxNTU1NTAxNDIVAgASGBRBN0YzQzE5RTAyQjg0RDZFNUMxMQA="
    static let sent = KapsoTime.seconds(iso: "2026-11-20T14:32:10Z")!

    @Test func aMessageRecordedHoursBeforeTheReadWasNotReadBeforeKapsoRecordedIt() {
        let line = WAMID.listedThoughNotFound(Self.wamid, sent: Self.sent, at: Self.sent + 21 * 3600)
        #expect(line.contains("yet the message is in this project"), "\(line)")
        #expect(line.contains("it existed when called, which the 404 does not explain"), "\(line)")
        #expect(line.contains("ask Kapso support with the call's time (2026-11-21T11:32:10Z)"), "\(line)")
        #expect(!line.contains("before Kapso had recorded it"), "\(line)")
    }

    @Test(arguments: [0, 3, 10] as [Int64])
    func aReadWithinSecondsOfTheSendKeepsTheRace(after: Int64) {
        let line = WAMID.listedThoughNotFound(Self.wamid, sent: Self.sent, at: Self.sent + after)
        #expect(line.contains("likely before Kapso had recorded it"), "\(line)")
        #expect(!line.contains("existed when called"), "\(line)")
    }

    @Test func theErrorsViewDrawsTheLineAtTheSameSecond() {
        // 11 s after the send: the logged read is no race either (IDResolver.readAfterWrite, one rule for both).
        let line = WAMID.listedThoughNotFound(Self.wamid, sent: Self.sent, at: Self.sent + 11)
        #expect(line.contains("it existed when called"), "\(line)")
    }
}
