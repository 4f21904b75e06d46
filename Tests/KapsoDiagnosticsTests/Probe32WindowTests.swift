import KapsoClient
import KapsoDiagnostics
import Testing

/// probe32 P32-4: when a 131047 is a refusal inside the window kops saw open (`MessageVerdict.RefusedInOpenWindow`).
@Suite struct Probe32WindowTests {
    static let wrote: Int64 = 1_795_258_800

    @Test func aRefusalMinutesAfterTheContactWroteIsOneInsideTheWindow() throws {
        let refused = try #require(MessageVerdict.RefusedInOpenWindow(sentAt: Self.wrote + 480, lastInbound: Self.wrote))
        #expect(refused.next.hasPrefix("the contact's last inbound here was 8 min before the send"))
        #expect(refused.meaning.hasPrefix("Meta counted"))
    }

    /// tester48 F12: the contact's message stamped in the send's second (or within `SendWindow.clockSkew` of it, either
    /// side) cannot be ordered against it: the refusal is a send racing their message, not an inbound "to check" on
    /// another number; the window their message opened is then for a resend as is, until 24 h after it.
    @Test(arguments: [(Int64(0), "in the same second as"), (Int64(3), "3 s before"), (Int64(-2), "2 s after")])
    func aRefusalInTheSecondsOfTheContactsMessageIsARace(_ gap: Int64, _ words: String) throws {
        let refused = try #require(MessageVerdict.RefusedInOpenWindow(sentAt: Self.wrote + gap, lastInbound: Self.wrote))
        #expect(refused.raced)
        #expect(refused.next.hasPrefix("the contact's message is stamped \(words) the send, and whole seconds from two clocks "
            + "cannot order them: the send reached Meta just before their message did"), "\(refused.next)")
        #expect(refused.meaning.hasPrefix("Meta refused a free-form message as outside the 24-hour window"), "\(refused.meaning)")
        let json = #"{"id": "wamid.R", "timestamp": "\#(Self.wrote + gap)", "type": "text", "to": "14155550171", "text": {"body": "hi"}, "#
            + #""kapso": {"direction": "outbound", "status": "failed", "phone_number_id": "100", "statuses": [{"id": "wamid.R", "#
            + #""status": "failed", "timestamp": "\#(Self.wrote + gap + 1)", "errors": [{"code": 131047}]}]}}"#
        let message = try Message(json: try #require(try JSONValue.parse(json).object))
        let window = ServiceWindow(lastInbound: Self.wrote, at: Self.wrote + gap)
        let now = MessageVerdict.of(message, windowAtSend: window, now: Self.wrote + 3_600).text
        #expect(now.contains("send it again as is, no template needed until 2026-"), "\(now)")
        let later = MessageVerdict.of(message, windowAtSend: window, now: Self.wrote + 2 * Conversation.windowSeconds).text
        #expect(later.contains("closed at 2026-") && later.contains("a template still goes through"), "\(later)")
        #expect(!later.contains("check that inbound reached"), "\(later)")
    }

    @Test func aRefusalMinutesAfterIsNoRace() throws {
        #expect(MessageVerdict.RefusedInOpenWindow(sentAt: Self.wrote + 6, lastInbound: Self.wrote)?.raced == false)
    }

    /// At the closing second the window closed as the send reached Meta; with no inbound, or one after the send's clock
    /// skew, there is no open window to speak of.
    @Test(arguments: [
        (wrote + Conversation.windowSeconds - 30, Optional(wrote)), (wrote + Conversation.windowSeconds + 60, Optional(wrote)),
        (wrote + 480, nil), (wrote - 60, Optional(wrote)),
    ] as [(Int64, Int64?)])
    func otherSendsAreNoRefusalInsideTheWindow(_ sentAt: Int64, _ lastInbound: Int64?) {
        #expect(MessageVerdict.RefusedInOpenWindow(sentAt: sentAt, lastInbound: lastInbound) == nil)
    }
}
