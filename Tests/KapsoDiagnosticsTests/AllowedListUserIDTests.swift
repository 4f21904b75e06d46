import KapsoClient
import KapsoDiagnostics
import Testing

/// tester50 N4: 131030 ("Recipient phone number not in allowed list") on a send to a username-only contact's
/// business-scoped user id: the advice does not tell the user to add the recipient's phone number (there is none) or
/// to send an Argentine or Mexican mobile in another form; it names the id and what works.
@Suite struct AllowedListUserIDTests {
    /// An outbound text refused with 131030; `recipient` is its JSON members naming the recipient.
    static func refused(_ recipient: String) throws -> Message {
        let text = """
            {"id":"wamid.L1","timestamp":"1795258800","type":"text",\(recipient)"text":{"body":"hi"},
             "kapso":{"direction":"outbound","status":"failed","phone_number_id":"100200300400501","statuses":[
              {"id":"wamid.L1","status":"failed","timestamp":"1795258802","errors":[{"code":131030,
               "title":"Recipient phone number not in allowed list"}]}]}}
            """
        return try Message(json: try #require(try JSONValue.parse(Array(text.utf8)).object))
    }

    @Test(arguments: [#""to_user_id":"US.13491208655302741918","#, #""to":"US.13491208655302741918","#])
    func aSendToAUserIDIsNotToldToListItsNumber(recipient: String) throws {
        let message = try Self.refused(recipient)
        let error = try #require(StatusHistory(message: message).failures.first?.errors.first)
        let fix = error.fix(for: FailedSend(message: message.json))
        #expect(fix.hasPrefix("the send went to the business-scoped user id US.13491208655302741918, not a phone number"), "\(fix)")
        #expect(!fix.contains("add the recipient") && !fix.contains("Argentine") && !fix.contains("Mexican"), "\(fix)")
        #expect(fix.contains("registered production number"))
        let verdict = MessageVerdict.of(message, windowAtSend: nil, now: 1_795_262_400).text
        #expect(!verdict.contains("Argentine") && !verdict.contains("add the recipient"), "\(verdict)")
        // A send to a number keeps the catalogue's advice.
        let toNumber = try Self.refused(#""to":"14155550171","#)
        #expect(error.fix(for: FailedSend(message: toNumber.json)).hasPrefix("add the recipient under API Setup"))
    }
}
