import KapsoClient
import KapsoDiagnostics
import Testing

/// Where a received message came from (group, ad, forward), the window a group message opens, and the shapes of ids
/// kops cannot look up (probe7 P7-4, P7-7).
@Suite struct MessageOriginTests {
    static let groupID = "Y2FwaV9ncm91cDoxNzA1NTU1MDEzOToxMjAzNjM0MDQ2OTQyMzM4MjAZD"

    static func message(_ fields: String, time: Int = 1_000) throws -> Message {
        let text =
            #"{"id":"wamid.G","timestamp":"\#(time)","type":"text","from":"14155550188","text":{"body":"hi"},\#(fields)"#
            + #""kapso":{"direction":"inbound","status":"received","phone_number":"14155550188","phone_number_id":"100200300400501","whatsapp_conversation_id":"c-b"}}"#
        return try Message(json: try #require(try JSONValue.parse(Array(text.utf8)).object))
    }

    @Test func readsGroupReferralAndForwards() throws {
        let ad = try Self.message(
            #""referral":{"source_type":"ad","source_id":"120210000000000001","headline":"Spring sale","source_url":"https://fb.me/x","ctwa_clid":"ARAkLk"},"#)
        let origin = MessageOrigin(ad)
        #expect(origin.referral?.clickID == "ARAkLk")
        #expect(origin.lines.map(\.label) == ["referral", "ad link", "ctwa_clid"])
        #expect(origin.lines[0].text == #"Click-to-WhatsApp ad 120210000000000001: "Spring sale""#)
        #expect(MessageOrigin(try Self.message(#""context":{"forwarded":true},"#)).forwarded == .once)
        #expect(MessageOrigin(try Self.message(#""context":{"forwarded":true,"frequently_forwarded":true},"#)).forwarded == .frequently)
        let group = MessageOrigin(try Self.message(#""group_id":"\#(Self.groupID)","#))
        #expect(group.isGroup)
        #expect(group.lines.first?.text == "\(Self.groupID) (written in a WhatsApp group by this participant; a reply to it goes to the group (recipient_type group, to this group id), not to the participant 1:1)")
        #expect(MessageOrigin(try Self.message("")).lines.isEmpty)
    }

    /// A group message opens the group's window, never the contact's 1:1 window; the verdict says where a reply goes.
    @Test func aGroupMessageOpensNoOneToOneWindow() throws {
        let group = try Self.message(#""group_id":"\#(Self.groupID)","#, time: 1_000)
        let window = ContactWindow(
            phoneNumberID: "100200300400501", contact: "14155550188", conversations: [], inbound: [group], at: 2_000)
        #expect(window.evidence == .noInbound)
        #expect(window.groupInbound == 1_000)
        #expect(window.text.contains("opened the group's window, not a 1:1 window with them"), "\(window.text)")
        let oneToOne = try Self.message("", time: 900)
        let both = ContactWindow(
            phoneNumberID: "100200300400501", contact: "14155550188", conversations: [], inbound: [group, oneToOne], at: 2_000)
        #expect(both.lastInbound == 900)
        let verdict = MessageVerdict.of(group, windowAtSend: nil, now: 2_000)
        #expect(verdict.text.hasPrefix("received in group \(Self.groupID); the group's 24-hour window it opened is open for "), "\(verdict.text)")
        #expect(verdict.text.hasSuffix("a reply to it goes to the group (recipient_type group, to this group id), not to the participant 1:1; it opened no 1:1 window with the participant"))
        #expect(!verdict.text.contains("free-form replies go through"))
    }

    @Test func namesTheShapeOfIDsKopsCannotLookUp() {
        let group = IDShape.describe(Self.groupID)
        #expect(group?.hasPrefix("\(Self.groupID) is a WhatsApp group id (it decodes to 'capi_group:17055550139:120363404694233820';") == true, "\(group ?? "-")")
        let conversation = IDShape.describe("6f3c0a1e2b4d5f60718293a4b5c6d7e8")
        #expect(conversation?.contains("has the shape of Meta's conversation id") == true)
        #expect(conversation?.contains("'whois 6f3c0a1e-2b4d-5f60-7182-93a4b5c6d7e8'") == true, "\(conversation ?? "-")")
        let click = "ARAkLkA8rmlFeiCktEJQ-QTwRiyYHAFDLMNDBH0CD3qpjd0HR4irJ6LEkR7JwFF4XvnO2E4Nx0-eM-GABDLOPaOdRMv-_zfUQ2a"
        #expect(IDShape.describe(click)?.contains("has the shape of a Click-to-WhatsApp click id (ctwa_clid") == true)
        #expect(IDShape.describe("hello") == nil)
        #expect(IDShape.describe("not-an-id-at-all") == nil)
    }
}
