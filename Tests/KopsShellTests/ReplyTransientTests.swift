import KapsoClient
import KapsoDiagnostics
import KopsShell
import Testing

/// fix50d's leftover: `reply`'s refused send did not read Graph's `is_transient`, which `explain` weighs: code 1 with
/// `"is_transient": true` said only the catalogue's fix ("with no outage, check the request against the reference"). It
/// reads the flag as `explain` and `errors` do (`ErrorCatalog.Entry.transientNote`).
@Suite struct ReplyTransientTests {
    @Test func aRefusedSendNamesTheFlag() throws {
        let body = #"{"error":{"message":"(#1) An unknown error occurred","type":"OAuthException","code":1,"is_transient":true,"fbtrace_id":"AbC"}}"#
        let error = try #require(MetaSendError(status: 400, json: try JSONValue.parse(Array(body.utf8))))
        #expect(error.transient == true)
        let line = ReplyError.rejected(error).message
        #expect(line.hasPrefix("reply: not sent: 1 API unknown (HTTP 400): "), "\(line)")
        #expect(line.contains("; retry: later: Graph marks this error transient (is_transient: true): back off and retry with growing delays"), "\(line)")
    }

    @Test func aRefusalWithoutTheFlagIsUnchanged() throws {
        let body = #"{"error":{"message":"(#1) An unknown error occurred","type":"OAuthException","code":1,"fbtrace_id":"AbC"}}"#
        let error = try #require(MetaSendError(status: 400, json: try JSONValue.parse(Array(body.utf8))))
        #expect(!ReplyError.rejected(error).message.contains("is_transient"))
    }
}
