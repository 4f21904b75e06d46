import KapsoClient
import KapsoDiagnostics
import KopsHTTP
import KopsShell
import Testing

/// probe28 P28-21: Meta's `error_data.details`, `error_user_title` and `error_user_msg` of a refused send are read,
/// quoted and shown by `reply` beside the advice that points at them (the repro36 bodies, as `fakerun.sh` answered them);
/// not for an id in the path (subcode 33), whose generic details would contradict "nothing in the payload is wrong".
@Suite struct SendRefusalWordsTests {
    static func refusal(_ body: String, status: Int = 400) throws -> MetaSendError {
        try #require(MetaSendError(status: status, json: try JSONValue.parse(Array(body.utf8))))
    }

    @Test func detailsOfA100AreShown() throws {
        let error = try Self.refusal(
            #"{"error":{"message":"(#100) Invalid parameter","type":"OAuthException","code":100,"error_data":{"messaging_product":"whatsapp","details":"Param to must be a valid WhatsApp phone number"},"fbtrace_id":"AbC"}}"#)
        #expect(error.metaWords == "Meta: \"Param to must be a valid WhatsApp phone number\"")
        let line = ReplyError.rejected(error).message
        #expect(line.contains("error_data.details names the field; Meta: \"Param to must be a valid WhatsApp phone number\""), "\(line)")
    }

    @Test func theValueA131009NamesIsShown() throws {
        let error = try Self.refusal(
            #"{"error":{"message":"(#131009) Parameter value is not valid","type":"OAuthException","code":131009,"error_data":{"messaging_product":"whatsapp","details":"Recipient phone number not valid: 14155550401"}}}"#)
        #expect(error.metaWords == "Meta: \"Recipient phone number not valid: 14155550401\"")
        #expect(ReplyError.rejected(error).message.hasSuffix("; Meta: \"Recipient phone number not valid: 14155550401\""))
    }

    @Test func theUserTitleAndMessageAreShown() throws {
        let error = try Self.refusal(
            #"{"error":{"message":"Invalid parameter","type":"OAuthException","code":100,"error_subcode":2494102,"is_transient":false,"error_user_title":"Message recipient is not a valid WhatsApp user","error_user_msg":"The phone number 14155550401 is not a valid WhatsApp user. Please check the number and try again.","fbtrace_id":"AbC"}}"#)
        #expect(error.userTitle == "Message recipient is not a valid WhatsApp user")
        #expect(error.metaWords == (
            "Meta: \"Message recipient is not a valid WhatsApp user\"; \"The phone number 14155550401 is not a valid WhatsApp user. Please check the number and try again.\""))
        #expect(ReplyError.rejected(error).message.contains("The phone number 14155550401 is not a valid WhatsApp user."))
    }

    /// An id in the path (code 100, subcode 33) is read as the id, and Graph's details are not set beside it.
    @Test func anObjectNotFoundKeepsItsReading() throws {
        var error = try Self.refusal(
            #"{"error":{"message":"Unsupported post request. Object with ID '100200300400599' does not exist, cannot be loaded due to missing permissions, or does not support this operation","type":"GraphMethodException","code":100,"error_subcode":33,"error_data":{"details":"Invalid parameter"}}}"#)
        error.path = "/meta/whatsapp/v24.0/100200300400599/messages"
        #expect(error.metaWords != nil)
        let line = ReplyError.rejected(error).message
        #expect(line.contains("nothing in the payload is wrong"), "\(line)")
        #expect(!line.contains("Invalid parameter"), "\(line)")
    }

    /// Meta's words reach the terminal as one line: control characters are escaped and a known secret is masked.
    @Test func serverWordsAreOneHarmlessLine() throws {
        let error = try Self.refusal(
            #"{"error":{"message":"(#100) Invalid parameter","code":100,"error_data":{"details":"bad\u001b[31m field\nto key-sk-0123456789abcdef"}}}"#)
        let line = Redactor(knownSecrets: [Secret("key-sk-0123456789abcdef")]).redact(errorLine: ErrorReport(ReplyError.rejected(error)).line())
        #expect(!line.contains("\u{1B}") && !line.contains("\n") && !line.contains("0123456789abcdef"), "\(line)")
        #expect(line.contains("Meta: \"bad"), "\(line)")
    }

    /// Without Meta's words nothing is added; words that only repeat the message are not said twice; a long text is cut.
    @Test func noWordsNoRepeatAndACut() throws {
        #expect(try Self.refusal(#"{"error":{"message":"(#100) Invalid parameter","code":100}}"#).metaWords == nil)
        #expect(try Self.refusal(#"{"error":{"message":"x","code":100,"error_data":{"details":"x"}}}"#).metaWords == nil)
        let long = String(repeating: "a", count: 5_000)
        let words = try #require(try Self.refusal(#"{"error":{"message":"m","code":100,"error_data":{"details":"\#(long)"}}}"#).metaWords)
        #expect(words.count < 400)
    }
}
