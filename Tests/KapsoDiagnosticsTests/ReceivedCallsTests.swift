import KapsoClient
import KapsoDiagnostics
import KopsHTTP
import Testing

/// probe28 P28-11: a `calls` webhook (Meta's Calling API) was read as a bare "meta: calls"; each call is now an item
/// with its id, caller, event, status and error codes, and a call id (`wacid.…`) is named by `IDShape` for `whois`
/// and `trace`. The bodies are the tester's (`/tmp/p28/repro11b/bodies2.py`), shortened.
@Suite struct ReceivedCallsTests {
    static func calls(_ call: String) -> String {
        #"{"object":"whatsapp_business_account","entry":[{"id":"200300400500601","changes":[{"value":{"messaging_product":"whatsapp","#
            + #""metadata":{"display_phone_number":"14155550100","phone_number_id":"100200300400501"},"calls":[\#(call)]},"field":"calls"}]}]}"#
    }

    static func read(_ body: String) -> ReceivedDelivery {
        ReceivedDelivery(headers: [("content-type", "application/json")], body: Array(body.utf8), secret: nil, metaSecret: nil)
    }

    static let id = "wacid.ABGGFjFVU2AfAgo6V-Hc5eCgK5Gh"

    @Test func aConnectAndAFailedTerminateAreNamed() {
        let connect = Self.read(Self.calls(
            #"{"id":"\#(Self.id)","to":"14155550100","from":"14155550142","event":"connect","timestamp":"1795262300","direction":"USER_INITIATED"}"#))
        #expect(connect.event == "meta: call")
        #expect(connect.phoneNumberID == "100200300400501")
        #expect(connect.itemsText == "call \(Self.id) from 14155550142 connect")
        // A call id is not offered as a message id.
        #expect(connect.messageID == nil)
        let failed = Self.read(Self.calls(
            #"{"id":"\#(Self.id)","from":"14155550142","event":"terminate","status":"Failed","direction":"USER_INITIATED","#
                + #""errors":[{"code":138006,"title":"Call failed","message":"Call failed"}]}"#))
        #expect(failed.itemsText == "call \(Self.id) from 14155550142 terminate Failed 138006")
        #expect(failed.items.first?.errors.first?.hasPrefix("138006") == true)
    }

    @Test func aCallIDIsNamedWithWhatToRun() {
        let text = IDShape.describe(Self.id)
        #expect(text?.hasPrefix("\(Self.id) is a WhatsApp call id (wacid") == true, "\(text ?? "nil")")
        #expect(text?.contains("'listen' shows each calls webhook") == true)
        #expect(IDShape.callID("wacid.") == nil && IDShape.callID("wamid.HBgL") == nil)
    }
}
