import KapsoClient
import KapsoDiagnostics
import KopsShell
import Testing

/// probe28 P28-21 (reader only): Meta's `error_data.details`, `error_user_title` and `error_user_msg` of a refused send
/// are read and quoted (the repro36 bodies, as `fakerun.sh` answered them); `reply` does not print them yet.
@Suite struct SendRefusalWordsTests {
    static func refusal(_ body: String, status: Int = 400) throws -> MetaSendError {
        try #require(MetaSendError(status: status, json: try JSONValue.parse(Array(body.utf8))))
    }

    @Test func detailsOfA100AreShown() throws {
        let error = try Self.refusal(
            #"{"error":{"message":"(#100) Invalid parameter","type":"OAuthException","code":100,"error_data":{"messaging_product":"whatsapp","details":"Param to must be a valid WhatsApp phone number"},"fbtrace_id":"AbC"}}"#)
        #expect(error.metaWords == "Meta: \"Param to must be a valid WhatsApp phone number\"")
    }

    @Test func theValueA131009NamesIsShown() throws {
        let error = try Self.refusal(
            #"{"error":{"message":"(#131009) Parameter value is not valid","type":"OAuthException","code":131009,"error_data":{"messaging_product":"whatsapp","details":"Recipient phone number not valid: 14155550401"}}}"#)
        #expect(error.metaWords == "Meta: \"Recipient phone number not valid: 14155550401\"")
    }

    @Test func theUserTitleAndMessageAreShown() throws {
        let error = try Self.refusal(
            #"{"error":{"message":"Invalid parameter","type":"OAuthException","code":100,"error_subcode":2494102,"is_transient":false,"error_user_title":"Message recipient is not a valid WhatsApp user","error_user_msg":"The phone number 14155550401 is not a valid WhatsApp user. Please check the number and try again.","fbtrace_id":"AbC"}}"#)
        #expect(error.userTitle == "Message recipient is not a valid WhatsApp user")
        #expect(error.metaWords == (
            "Meta: \"Message recipient is not a valid WhatsApp user\"; \"The phone number 14155550401 is not a valid WhatsApp user. Please check the number and try again.\""))
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
