import KapsoClient
import KapsoDiagnostics
import Testing

/// Real-world cases, a new input of the "reaction" kind (H02's): a reaction stamped 28 minutes before the message it
/// reacts to was sent got "the contact reacted to it at 10:02 …: they saw it", a time stated as the contact's that cannot
/// be (a contact reacts only to a message their phone has). The evidence stands; its time is named as stamped, and the
/// clash said.
@Suite struct RealWorldReactionBeforeSendTests {
    typealias P39 = Probe39LaterEvidenceTests

    static func reaction(at: Int64) throws -> Message {
        try P39.inbound(
            "wamid.REACT1", at: at, extra: #", "type": "reaction", "reaction": {"message_id": "\#(P39.ownID)", "emoji": "❤️"}"#)
    }

    @Test func aReactionStampedBeforeTheSendSaysTheTimesClash() throws {
        let message = try P39.outbound(status: "sent", statuses: P39.sentOnly)
        let evidence = try #require(LaterEvidence.of(message, among: [try Self.reaction(at: P39.sent - 28 * 60), message], now: P39.now))
        #expect(evidence.reachedThisMessage)
        #expect(evidence.stampedBeforeSend.map { $0 == 28 * 60 } == true, "\(String(describing: evidence.stampedBeforeSend))")
        #expect(evidence.seen.contains("stamped 2026-11-21T09:32:30Z, 28 min before this message was sent: one of the two times is wrong"), "\(evidence.seen)")
        #expect(!evidence.seen.contains("reacted to it at"), "\(evidence.seen)")
    }

    @Test func aReactionAfterTheSendKeepsItsTime() throws {
        let message = try P39.outbound(status: "sent", statuses: P39.sentOnly)
        let evidence = try #require(LaterEvidence.of(message, among: [try Self.reaction(at: P39.sent + 60), message], now: P39.now))
        #expect(evidence.stampedBeforeSend == nil)
        #expect(evidence.seen.hasPrefix("the contact reacted to it at "), "\(evidence.seen)")
    }
}
