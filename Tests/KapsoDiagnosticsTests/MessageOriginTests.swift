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

    /// A product enquiry names its product and catalog, and says the quoted id is Meta's product message (probe15 P15-9:
    /// `message` showed only "quotes: wamid…").
    @Test func aProductEnquiryNamesItsProduct() throws {
        let enquiry = MessageOrigin(
            try Self.message(
                #""context":{"from":"14155550100","id":"wamid.P","referred_product":{"catalog_id":"300400500600701","product_retailer_id":"SKU-9"}},"#))
        #expect(enquiry.referredProduct?.catalogID == "300400500600701")
        #expect(enquiry.referredProduct?.productRetailerID == "SKU-9")
        #expect(enquiry.lines.map(\.label) == ["product"])
        #expect(
            enquiry.lines.first?.text
                == "product SKU-9 of catalog 300400500600701: a product enquiry (the contact tapped 'Message business' on it; "
                + "the quoted id is Meta's product message, not a message kops can look up)")
        #expect(MessageOrigin(try Self.message(#""context":{"id":"wamid.Q"},"#)).referredProduct == nil, "a plain reply is no enquiry")
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

    /// probe10 P10-2: a send to a group says so by `recipient_type` and `to`, or only by its statuses (Meta's status
    /// webhook reference); the verdict names the participant who read it and the window line tells no 1:1 story.
    @Test func aSendToAGroupIsReadAsOne() throws {
        func outbound(_ fields: String, statuses: String) throws -> Message {
            let text = #"{"id":"wamid.S","timestamp":"1000","type":"text","text":{"body":"hi"},\#(fields)"#
                + #""kapso":{"direction":"outbound","status":"read","phone_number":"14155550188","statuses":\#(statuses)}}"#
            return try Message(json: try #require(try JSONValue.parse(Array(text.utf8)).object))
        }
        let statuses = #"[{"id":"wamid.S","status":"sent","timestamp":"1001","recipient_id":"\#(Self.groupID)","recipient_type":"group"},"#
            + #"{"id":"wamid.S","status":"read","timestamp":"1009","recipient_id":"\#(Self.groupID)","recipient_type":"group","recipient_participant_id":"14155550189"}]"#
        let byTo = try outbound(#""recipient_type":"group","to":"\#(Self.groupID)","#, statuses: statuses)
        let byStatuses = try outbound(#""to":"14155550188","#, statuses: statuses)
        for message in [byTo, byStatuses] {
            #expect(MessageOrigin(message).sentToGroup == Self.groupID)
            let verdict = MessageVerdict.of(message, windowAtSend: ServiceWindow(lastInbound: nil, at: 1_000), now: 2_000)
            #expect(verdict.text == "read in group \(Self.groupID) by participant 14155550189, 9 s after sending; each group status "
                + "is one participant's (recipient_participant_id), so others may not have it", "\(verdict.text)")
            let window = SendWindow.of(message, window: ServiceWindow(lastInbound: nil, at: 1_000), unknown: "-")
            #expect(window.text.hasPrefix("the group's 24-hour window, not a 1:1 window with a participant;"), "\(window.text)")
            #expect(window.text.hasSuffix("it reached the group, as its read status shows"))
            #expect(MessageOrigin(message).lines.first?.label == "group")
        }
        // A 1:1 send, and a group status that names another message: no group.
        let oneToOne = try outbound(#""to":"14155550188","#, statuses: #"[{"id":"wamid.S","status":"read","timestamp":"1009","recipient_id":"14155550188"}]"#)
        #expect(MessageOrigin(oneToOne).sentToGroup == nil)
        #expect(MessageVerdict.of(oneToOne, windowAtSend: nil, now: 2_000).text.hasPrefix("read by the contact"))
        let foreign = try outbound(#""to":"14155550188","#, statuses: #"[{"id":"wamid.T","status":"read","timestamp":"1009","recipient_id":"\#(Self.groupID)","recipient_type":"group"}]"#)
        #expect(MessageOrigin(foreign).sentToGroup == nil)
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
