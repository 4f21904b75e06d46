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
