import KapsoClient
import KapsoDiagnostics
import Testing

/// Session 39: the one reading behind every command for the facts session 38's fixes covered in one command only: the
/// sending number's state before a reply (`SenderState`, P39-8), the message a refused reaction reacts to
/// (`ReactionTarget`, P39-12), and a send's later evidence in lists and `whois` (`LaterEvidence.note`, P39-1).
@Suite struct Probe39AgreementUnitTests {
    static func object(_ text: String) throws -> JSONObject { try #require(try JSONValue.parse(Array(text.utf8)).object) }

    static func number(status: String) throws -> PhoneNumber {
        try PhoneNumber(json: try object(#"{"id":"100200300400501","name":"Support Line","status":"\#(status)"}"#))
    }

    static func health(_ state: String) throws -> HealthTriage {
        HealthTriage(try PhoneNumberHealth(json: try object(
            #"{"status":"unhealthy","checks":{"phone_number_access":{"passed":true,"details":{"status":"\#(state)","#
                + #""quality_rating":"GREEN"}},"phone_number_connection":{"passed":\#(state == "CONNECTED"),"details":{"status":"\#(state)"}}}}"#)))
    }

    /// P39-8: health's critical state (the record says CONNECTED) cannot send and is said with its fix; FLAGGED and
    /// RESTRICTED are said, never refused; a record's critical state with no health read is refused; one a health read
    /// contradicts is named, not refused.
    @Test func theSenderStateComesFromHealthFirst() throws {
        let connected = try Self.number(status: "CONNECTED")
        for state in ["DISCONNECTED", "BANNED"] {
            let sender = try #require(SenderState.of(id: "100200300400501", name: nil, record: connected, health: try Self.health(state)))
            #expect(sender.cannotSend, "\(sender.line)")
            #expect(sender.line.hasPrefix("Support Line is \(state) now (health: "), "\(sender.line)")
            #expect(sender.line.contains("a reply from it fails until it is back; "), "\(sender.line)")
        }
        for state in ["FLAGGED", "RESTRICTED"] {
            let sender = try #require(SenderState.of(id: "100200300400501", name: nil, record: connected, health: try Self.health(state)))
            #expect(!sender.cannotSend && sender.line.hasPrefix("Support Line is \(state) now (health: "), "\(sender.line)")
        }
        #expect(SenderState.of(id: "100200300400501", name: nil, record: connected, health: try Self.health("CONNECTED")) == nil)
        let recorded = try #require(SenderState.of(id: "100200300400501", name: nil, record: try Self.number(status: "DISCONNECTED"), health: nil))
        // tester69b D7: the record alone is said as `use` says it ("if so"), and hedged.
        #expect(recorded.cannotSend && recorded.hedged && recorded.line.hasPrefix("Kapso's record says Support Line is DISCONNECTED (health not read): if so, "))
        let stale = try #require(
            SenderState.of(id: "100200300400501", name: nil, record: try Self.number(status: "DISCONNECTED"), health: try Self.health("CONNECTED")))
        #expect(!stale.cannotSend && stale.hedged && stale.line.contains("but its health shows no such state"), "\(stale.line)")
    }

    static func message(_ id: String, at: Int64, type: String = "text", direction: String = "inbound", contact: String = "14155552401",
                        extra: String = "") throws -> Message {
        let who = direction == "inbound" ? #""from":"\#(contact)""# : #""to":"\#(contact)""#
        return try Message(json: try object(
            #"{"id":"\#(id)","timestamp":"\#(at)","type":"\#(type)",\#(who)\#(extra),"kapso":{"direction":"\#(direction)","#
                + #""status":"received","phone_number_id":"100200300400501"}}"#))
    }

    /// P39-12: the cause of a 131009 on a reaction, from the message it reacts to: its age at the reaction, a reaction
    /// itself, another pair's message, a withdrawn one; none shown is said as not known.
    @Test func aReactionsTargetNamesMetasCause() throws {
        let sent: Int64 = 1_795_255_230
        let reaction = try Self.message("wamid.R", at: sent, type: "reaction", direction: "outbound",
                                        extra: #","reaction":{"message_id":"wamid.T","emoji":"x"}"#)
        let old = try Self.message("wamid.T", at: sent - 40 * 86_400)
        #expect(ReactionTarget.of(reaction, target: old) == .tooOld(age: 40 * 86_400, at: sent - 40 * 86_400))
        #expect(ReactionTarget.of(reaction, target: try Self.message("wamid.T", at: sent - 60, type: "reaction")) == .isReaction)
        #expect(ReactionTarget.of(reaction, target: try Self.message("wamid.T", at: sent - 60, contact: "14155552402"))
            == .otherConversation(whose: "a message with +14155552402 on 100200300400501"))
        let recent = try Self.message("wamid.T", at: sent - 60)
        let revoke = try Self.message("wamid.V", at: sent - 30, type: "revoke", extra: #","revoke":{"original_message_id":"wamid.T"}"#)
        #expect(ReactionTarget.of(reaction, target: recent, changes: MessageChange.of("wamid.T", in: [revoke])) == .deleted(at: sent - 30))
        #expect(ReactionTarget.of(reaction, target: recent) == .noCauseShown(age: 60, at: sent - 60))
        #expect(ReactionTarget.tooOld(age: 40 * 86_400, at: sent - 40 * 86_400).advice("wamid.T").contains(
            "(wamid.T, 2026-10-12T10:00:30Z) was 40 days old when the reaction was sent; Meta refuses reactions to messages over 30 days old"))
        #expect(ReactionTarget.of(recent, target: old) == nil)
    }

    /// P39-1: the list and `whois` note on a send at `sent` the contact quoted, or with a later delivery, and on a delivered
    /// one they quoted; none for a reaction (its `sent` is final) or without evidence.
    @Test func laterEvidenceNotesASendsStatus() throws {
        let sent: Int64 = 1_795_255_230
        func send(_ id: String, _ status: String, type: String = "text", at: Int64 = sent) throws -> Message {
            try Message(json: try Self.object(
                #"{"id":"\#(id)","timestamp":"\#(at)","type":"\#(type)","to":"14155552401","kapso":{"direction":"outbound","#
                    + #""status":"\#(status)","phone_number_id":"100200300400501","statuses":[{"id":"\#(id)","status":"\#(status)","#
                    + #""timestamp":"\#(at + 1)","recipient_id":"14155552401"}]}}"#))
        }
        let quote = try Self.message("wamid.Q", at: sent + 600, extra: #","context":{"id":"wamid.S"}"#)
        #expect(LaterEvidence.note(try send("wamid.S", "sent"), among: [quote], now: sent + 3_600)?.hasPrefix("yet the contact replied quoting it at") == true)
        #expect(LaterEvidence.note(try send("wamid.S", "delivered"), among: [quote], now: sent + 3_600)?.hasPrefix("and the contact replied quoting it") == true)
        #expect(LaterEvidence.note(try send("wamid.S", "sent", type: "reaction"), among: [quote], now: sent + 3_600) == nil)
        #expect(LaterEvidence.note(try send("wamid.S", "sent"), among: [], now: sent + 3_600) == nil)
        let later = try send("wamid.L", "read", at: sent + 300)
        #expect(LaterEvidence.note(try send("wamid.S", "sent"), among: [later], now: sent + 3_600)?.contains("not the phone being offline") == true)
    }
}
