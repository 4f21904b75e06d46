import KapsoClient
import KapsoDiagnostics
import Testing

/// probe42: advice that named the wrong thing on real message shapes.
@Suite struct Probe42ReadingTests {
    /// An outbound text refused with 131026; `recipient` is its JSON members naming the recipient.
    static func undeliverable(_ recipient: String) throws -> Message {
        let text = """
            {"id":"wamid.U1","timestamp":"1795258800","type":"text",\(recipient)"text":{"body":"hi"},
             "kapso":{"direction":"outbound","status":"failed","phone_number_id":"100200300400501","statuses":[
              {"id":"wamid.U1","status":"failed","timestamp":"1795258802","errors":[{"code":131026,"title":"Message undeliverable"}]}]}}
            """
        return try Message(json: try #require(try JSONValue.parse(Array(text.utf8)).object))
    }

    /// P42-11: a send to a username-only contact's business-scoped user id (`to_user_id`, no `to`; or a `to` in the id's
    /// shape) that failed 131026 is not told to check "the number" in E.164: the advice names the id and asks whether it
    /// is still the contact's. A send to a number keeps the catalogue's advice.
    @Test(arguments: [#""to_user_id":"US.13491208655302741918","#, #""to":"US.13491208655302741918","#])
    func undeliverableToAUserIDNamesTheIDNotANumber(recipient: String) throws {
        let message = try Self.undeliverable(recipient)
        let error = try #require(StatusHistory(message: message).failures.first?.errors.first)
        let send = FailedSend(message: message.json)
        #expect(send.recipient == nil && send.recipientUserID == "US.13491208655302741918")
        let fix = error.fix(for: send)
        #expect(fix.hasPrefix("the send went to the business-scoped user id US.13491208655302741918, not a phone number"), "\(fix)")
        #expect(!fix.contains("E.164"), "\(fix)")
        let verdict = MessageVerdict.of(message, windowAtSend: nil, now: 1_795_262_400)
        #expect(verdict.text.contains("business-scoped user id US.13491208655302741918") && !verdict.text.contains("E.164"), "\(verdict.text)")
        let toNumber = try Self.undeliverable(#""to":"14155550171","#)
        #expect(error.fix(for: FailedSend(message: toNumber.json)).hasPrefix("check the number is correct in E.164"))
    }
}
