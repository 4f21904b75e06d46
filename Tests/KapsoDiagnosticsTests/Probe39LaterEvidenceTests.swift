import KapsoClient
import KapsoDiagnostics
import Testing

/// probe39: verdicts that ignored what happened after the event they explain. A send at `sent` the contact then quoted,
/// reacted to, or after which a later send reached them or they wrote in (P39-1); a failure about the number's token or
/// billing followed by a delivery from the same number (P39-16); a 131047 after a read, as `errors` says it (P39-5); the
/// window text that named Kapso conversations (P39-7).
@Suite struct Probe39LaterEvidenceTests {
    static let sent: Int64 = 1_795_255_230
    static let number = "100200300400501"
    static let contact = "14155550501"
    static let ownID = "wamid.HBgLMTQxNTU1NTA1MDEVAgASGBRPVVQxAAAAAAAAAAAAAAAAAAA="

    static func status(_ id: String, _ word: String, _ at: Int64, _ extra: String = "") -> String {
        #"{"id": "\#(id)", "status": "\#(word)", "timestamp": "\#(at)", "recipient_id": "\#(contact)"\#(extra)}"#
    }

    static func outbound(_ id: String = ownID, at: Int64 = sent, status: String, statuses: [String], type: String = "text") throws -> Message {
        let json = """
            {"id": "\(id)", "timestamp": "\(at)", "type": "\(type)", "to": "\(contact)", "text": {"body": "It ships today"},
             "kapso": {"direction": "outbound", "status": "\(status)", "phone_number_id": "\(number)", "statuses": [\(statuses.joined(separator: ", "))]}}
            """
        return try Message(json: try #require(try JSONValue.parse(json).object))
    }

    static func inbound(_ id: String, at: Int64, extra: String = #", "type": "text", "text": {"body": "Thanks, got it"}"#) throws -> Message {
        let json = """
            {"id": "\(id)", "timestamp": "\(at)", "from": "\(contact)"\(extra),
             "kapso": {"direction": "inbound", "status": "received", "phone_number_id": "\(number)"}}
            """
        return try Message(json: try #require(try JSONValue.parse(json).object))
    }

    static let sentOnly = [status(ownID, "sent", sent)]
    static let now = sent + 2 * 3_600

    /// What the verdict on the send stuck at `sent` says given the contact's later messages `listed`.
    static func verdict(_ listed: [Message], statuses: [String] = sentOnly, status: String = "sent") throws -> MessageVerdict {
        let message = try outbound(status: status, statuses: statuses)
        return MessageVerdict.of(message, windowAtSend: nil, now: now, later: LaterEvidence.of(message, among: listed + [message], now: now))
    }

    // MARK: - P39-1

    /// The contact quoted it (`context.id`) or reacted to it (`reaction.message_id`), in the stored or the trimmed form of
    /// its WAMID: delivered and seen; the statuses are missing, not the phone.
    @Test(arguments: [
        #", "type": "text", "text": {"body": "Thanks, got it"}, "context": {"from": "14155550100", "id": "\#(ownID)"}"#,
        #", "type": "reaction", "reaction": {"message_id": "\#(ownID)", "emoji": "👍"}"#,
        #", "type": "text", "text": {"body": "ok"}, "context": {"id": "\#(ownID.dropLast())"}"#,
    ])
    func aSendTheContactAnsweredIsNotUndelivered(extra: String) throws {
        let answer = try Self.inbound("wamid.IN2", at: Self.sent + 600, extra: extra)
        let verdict = try Self.verdict([answer])
        #expect(!verdict.text.contains("offline") && !verdict.text.contains("blocked this business"), "\(verdict.text)")
        #expect(verdict.text.contains("it was delivered and seen"), "\(verdict.text)")
        #expect(verdict.text.contains("2026-11-21T10:10:30Z (wamid.IN2)"), "\(verdict.text)")
        #expect(verdict.text.contains("'health \(Self.number)'"), "\(verdict.text)")
    }

    /// The same past the 30-day time-to-live: not "never delivered … send it again".
    @Test func anOldSendTheContactQuotedIsNotNeverDelivered() throws {
        let message = try Self.outbound(status: "sent", statuses: Self.sentOnly)
        let quote = try Self.inbound("wamid.IN2", at: Self.sent + 600, extra: #", "type": "text", "context": {"id": "\#(Self.ownID)"}"#)
        let verdict = MessageVerdict.of(message, windowAtSend: nil, now: Self.sent + 40 * 86_400, later: LaterEvidence.of(message, among: [quote], now: Self.sent + 40 * 86_400))
        #expect(!verdict.text.contains("never delivered") && !verdict.text.contains("send it again"), "\(verdict.text)")
    }

    /// A later send to the same contact was delivered and read, or the contact wrote in after it: not "offline or blocked"
    /// as the only causes.
    @Test func aLaterDeliveryOrMessageRulesOutOfflineAsTheOnlyCause() throws {
        let laterID = "wamid.OUTB"
        let later = try Self.outbound(
            laterID, at: Self.sent + 270, status: "read",
            statuses: [Self.status(laterID, "sent", Self.sent + 270), Self.status(laterID, "delivered", Self.sent + 272), Self.status(laterID, "read", Self.sent + 280)])
        let delivered = try Self.verdict([later])
        #expect(!delivered.text.contains("may be offline"), "\(delivered.text)")
        #expect(delivered.text.contains("(wamid.OUTB) was delivered and read at 2026-11-21T10:05:02Z"), "\(delivered.text)")
        #expect(delivered.text.contains("never reached Kapso") && delivered.text.contains("sent while the contact had this number blocked"), "\(delivered.text)")
        let wrote = try Self.verdict([try Self.inbound("wamid.IN3", at: Self.sent + 900)])
        #expect(wrote.text.contains("the contact wrote to this number at 2026-11-21T10:15:30Z, after it"), "\(wrote.text)")
        // An inbound from before the send is no evidence: the usual reading stays.
        let before = try Self.verdict([try Self.inbound("wamid.IN0", at: Self.sent - 30)])
        #expect(before.text.contains("may be offline"), "\(before.text)")
    }

    /// Delivered, no read, and the contact quoted it: not "not read yet" (read receipts may be off).
    @Test func aDeliveredSendTheContactQuotedIsNotUnread() throws {
        let quote = try Self.inbound("wamid.IN2", at: Self.sent + 600, extra: #", "type": "text", "context": {"id": "\#(Self.ownID)"}"#)
        let statuses = [Self.status(Self.ownID, "sent", Self.sent), Self.status(Self.ownID, "delivered", Self.sent + 2)]
        let verdict = try Self.verdict([quote], statuses: statuses, status: "delivered")
        #expect(!verdict.text.contains("not read yet"), "\(verdict.text)")
        #expect(verdict.text.contains("read receipts off"), "\(verdict.text)")
        // Without the quote, the usual reading.
        #expect(try Self.verdict([], statuses: statuses, status: "delivered").text.contains("not read yet"))
    }

    // MARK: - P39-16

    static func failed(_ code: Int, id: String = ownID, at: Int64 = sent, type: String = "text") throws -> Message {
        try outbound(
            id, at: at, status: "failed",
            statuses: [status(id, "failed", at + 1, #", "errors": [{"code": \#(code), "title": "x"}]"#)], type: type)
    }

    /// A 190 at 10:00 and a send from the same number delivered and read at 11:30: past, resend; not "reconnect".
    @Test func aTokenFailureFollowedByADeliveryIsPast() throws {
        let failure = try Self.failed(190)
        let laterID = "wamid.LATER"
        let later = try Self.outbound(
            laterID, at: Self.sent + 5_400, status: "read",
            statuses: [Self.status(laterID, "sent", Self.sent + 5_400), Self.status(laterID, "delivered", Self.sent + 5_402), Self.status(laterID, "read", Self.sent + 5_410)])
        let recovered = LaterSuccess.of(failure, among: [later, failure])
        let verdict = MessageVerdict.of(failure, windowAtSend: nil, now: Self.now, recovered: recovered)
        #expect(verdict.text.hasPrefix("failed: 190 (access token expired or invalid), a past failure (at 2026-11-21T10:00:31Z)"), "\(verdict.text)")
        #expect(verdict.text.contains("the number's token works now: resend this message"), "\(verdict.text)")
        #expect(!verdict.text.contains("reconnect the number (Kapso"), "\(verdict.text)")
        // errors reads the same fact from the same messages.
        var triage = ErrorTriage()
        triage.addMessages(.object(["data": .array([.object(later.json), .object(failure.json)])]), since: 0, now: Self.now)
        let entry = try #require(triage.entries.first { $0.wamid == Self.ownID })
        #expect(entry.meaning.contains("a past failure (at 2026-11-21T10:00:31Z)") && entry.meaning.contains("resend this message"), "\(entry.meaning)")
        // A delivery before the failure says nothing of it.
        #expect(LaterSuccess.of(try Self.failed(190, at: Self.sent + 6_000), among: [later]) == nil)
    }

    /// 131042 needs a later billable delivery: a free service reply proves nothing about billing.
    @Test func aPaymentFailureNeedsALaterBillableDelivery() throws {
        let failure = try Self.failed(131042, type: "template")
        func later(billable: Bool) throws -> Message {
            try Self.outbound(
                "wamid.LATER", at: Self.sent + 6_000, status: "delivered",
                statuses: [Self.status("wamid.LATER", "delivered", Self.sent + 6_002, #", "pricing": {"billable": \#(billable), "category": "utility"}"#)])
        }
        #expect(LaterSuccess.of(failure, among: [try later(billable: false)]) == nil)
        let recovered = try #require(LaterSuccess.of(failure, among: [try later(billable: true)]))
        #expect(recovered.text.contains("billing works now"), "\(recovered.text)")
    }

    // MARK: - P39-5

    /// A 131047 recorded after a read, the contact's inbound 1 min before the send: `errors` says the read first, as
    /// `trace` does, whatever the window reading that follows.
    @Test func errorsSaysTheReadBeforeARefusalInAnOpenWindow() throws {
        let statuses = [
            Self.status(Self.ownID, "sent", Self.sent), Self.status(Self.ownID, "read", Self.sent + 5),
            Self.status(Self.ownID, "failed", Self.sent + 9, #", "errors": [{"code": 131047, "title": "Re-engagement message"}]"#),
        ]
        let failure = try Self.outbound(status: "failed", statuses: statuses)
        let inbound = try Self.inbound("wamid.IN1", at: Self.sent - 60)
        var triage = ErrorTriage()
        triage.addMessages(.object(["data": .array([.object(failure.json), .object(inbound.json)])]), since: 0, now: Self.now)
        let entry = try #require(triage.entries.first { $0.wamid == Self.ownID })
        // In `trace`'s words since session 68 (`StatusHistory.Conflict.failureFix`, one reading for both commands).
        #expect(entry.meaning.hasPrefix("WhatsApp also reported it read at 2026-11-21T10:00:35Z, before this failure"), "\(entry.meaning)")
        #expect(entry.meaning.contains("yet the contact's last inbound here was 1 min before the send"), "\(entry.meaning)")
    }

    // MARK: - P39-7

    /// The refusal in an open window does not say another Kapso conversation does not count: it does.
    @Test func theOpenWindowRefusalCountsTheContactsOtherConversations() throws {
        let refused = try #require(MessageVerdict.RefusedInOpenWindow(sentAt: Self.sent, lastInbound: Self.sent - 2_100))
        #expect(!refused.next.contains("conversation does not open"), "\(refused.next)")
        #expect(refused.next.contains("Kapso's conversations do not matter: any inbound from this contact to this number counts"), "\(refused.next)")
    }
}
