import KapsoClient
import KapsoDiagnostics
import Testing

/// probe17 P17-8: a message without a readable `kapso.direction` is read from what it shows (`from` without `to`,
/// status `received`, Meta status events) or is unknown, never outbound by default; `received` is a status kops knows.
@Suite struct MessageDirectionTests {
    static func message(_ fields: String, kapso: String) throws -> Message {
        let text = #"{"id":"wamid.D","timestamp":"1000","type":"text","text":{"body":"x"}\#(fields),"kapso":{\#(kapso)}}"#
        return try Message(json: try #require(try JSONValue.parse(Array(text.utf8)).object))
    }

    @Test(arguments: [
        (#","from":"14155550171""#, #""status":"received""#, MessageDirection.Side.inbound,
         "kapso.direction is missing; read as inbound: from is set and to is not, Kapso's status is received (an inbound message's)"),
        (#","from":"14155550171""#, #""direction":"sideways","status":"received""#, .inbound,
         "kapso.direction is \"sideways\", neither inbound nor outbound; read as inbound: from is set and to is not, Kapso's status is received (an inbound message's)"),
        (#","to":"14155550171""#, #""direction":7,"status":"sent","statuses":[{"status":"sent","timestamp":"1000"}]"#, .outbound,
         "kapso.direction is a number, not text; read as outbound: to is set and from is not, Meta status events are stored (only sent messages have them)"),
        ("", #""status":"sent""#, .unknown, "kapso.direction is missing, and nothing else in the message says which way it went"),
        (#","from":"14155550171""#, #""status":"sent","statuses":[{"status":"sent","timestamp":"1000"}]"#, .unknown,
         "kapso.direction is missing, and the message points both ways (from is set and to is not; Meta status events are stored (only sent messages have them))"),
    ])
    func anUnreadableDirectionIsInferredOrUnknown(_ fields: String, _ kapso: String, _ side: MessageDirection.Side, _ reason: String) throws {
        let message = try Self.message(fields, kapso: kapso)
        #expect(message.direction.side == side)
        #expect(message.direction.reason == reason)
        #expect(message.isInbound == (side == .inbound) && message.isOutbound == (side == .outbound))
    }

    @Test func aStatedDirectionHasNoReason() throws {
        let message = try Self.message(#","to":"1""#, kapso: #""direction":" Inbound ","status":"received""#)
        #expect(message.direction == MessageDirection(side: .inbound, reason: nil))
        #expect(message.direction.label == "inbound")
    }

    /// The verdict runs on the inferred side; an unknown side gets no send, window or delivery story.
    @Test func theVerdictFollowsTheInferredSide() throws {
        let inbound = try Self.message(#","from":"14155550171""#, kapso: #""status":"received""#)
        let verdict = MessageVerdict.of(inbound, windowAtSend: nil, newestInbound: 1_000, now: 2_000).text
        #expect(verdict.hasPrefix("received; the 24-hour window is open"), "\(verdict)")
        #expect(!verdict.contains("not one kops knows"))
        let unknown = try Self.message("", kapso: #""status":"sent""#)
        #expect(MessageVerdict.of(unknown, windowAtSend: nil, now: 2_000).text.hasPrefix("which way the message went is unknown (kapso.direction is missing"))
        #expect(StatusWord("received") == .received && StatusWord.known.contains("received"))
        let outbound = try Self.message(#","to":"14155550171""#, kapso: #""direction":"outbound","status":"received""#)
        #expect(MessageVerdict.of(outbound, windowAtSend: nil, now: 2_000).text.hasPrefix("Kapso's status is 'received', an inbound message's status"))
    }
}

/// probe17 P17-16: a message still at `sent` past Meta's time-to-live (30 days by default, the longest any message has)
/// will not arrive, and the verdict says so instead of "the phone may be offline".
@Suite struct TimeToLiveVerdictTests {
    static func sent(age: Int64, type: String = "text", now: Int64 = 100_000_000) throws -> MessageVerdict {
        let at = now - age
        let text =
            #"{"id":"wamid.T","timestamp":"\#(at)","type":"\#(type)","to":"14155550171","kapso":{"direction":"outbound","#
            + #""status":"sent","statuses":[{"status":"sent","timestamp":"\#(at)"}]}}"#
        let message = try Message(json: try #require(try JSONValue.parse(Array(text.utf8)).object))
        return MessageVerdict.of(message, windowAtSend: nil, now: now)
    }

    @Test func pastTheTimeToLiveItWillNotArrive() throws {
        let verdict = try Self.sent(age: 31 * 86_400)
        #expect(verdict.text.hasPrefix("sent 31 d ago and never delivered: Meta retries delivery only for the message's time-to-live"), "\(verdict.text)")
        #expect(verdict.text.contains("so it will not arrive"))
        #expect(!verdict.text.contains("may be offline"))
        #expect(verdict.severity == .bad)
    }

    @Test func withinItThePhoneMayBeOffline() throws {
        let verdict = try Self.sent(age: 2 * 86_400)
        #expect(verdict.text.hasPrefix("sent 2 d ago, no delivery report yet: the contact's phone may be offline"), "\(verdict.text)")
        #expect(!verdict.text.contains("will not arrive"))
    }

    /// A template's time-to-live can be far shorter (authentication 10 minutes by default): said, not asserted.
    @Test func aTemplateMayHaveExpiredSooner() throws {
        let verdict = try Self.sent(age: 20 * 60, type: "template")
        #expect(verdict.text.contains("a template's time-to-live can be shorter than the 30-day default"), "\(verdict.text)")
        #expect(!(try Self.sent(age: 20 * 60)).text.contains("time-to-live"))
    }
}
