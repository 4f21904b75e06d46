import KapsoClient
import KapsoDiagnostics
import Testing

/// probe17 P17-1: a received message's error is read by its CODE, never by its `unsupported.type`: 131060 ("message
/// currently unavailable") is not "type not supported" (131051); under 131051 an `image` is a kind of image the Cloud
/// API does not deliver, not every image; a code kops does not know gets no cause. The verdict and `errors` agree.
@Suite struct UnsupportedContentTests {
    static func received(type: String?, code: String, title: String) throws -> JSONObject {
        let unsupported = type.map { #","unsupported":{"type":"\#($0)"}"# } ?? ""
        let text =
            #"{"id":"wamid.U","timestamp":"1000","type":"unsupported","from":"14155550172"\#(unsupported),"#
            + #""errors":[{"code":\#(code),"title":"\#(title)"}],"#
            + #""kapso":{"direction":"inbound","status":"received","phone_number_id":"100200300400501"}}"#
        return try #require(try JSONValue.parse(Array(text.utf8)).object)
    }

    static func verdict(_ json: JSONObject) throws -> String {
        MessageVerdict.of(try Message(json: json), windowAtSend: nil, newestInbound: 1_000, now: 2_000).text
    }

    static func triageMeaning(_ json: JSONObject) throws -> String {
        var triage = ErrorTriage()
        triage.addMessages(.object(["data": .array([.object(json)])]), since: 0)
        return try #require(triage.entries.first).meaning
    }

    @Test(arguments: ["image", "poll_creation", nil])
    func code131060IsNotTheType(_ type: String?) throws {
        let json = try Self.received(type: type, code: "131060", title: "This message is currently unavailable.")
        for text in [try Self.verdict(json), try Self.triageMeaning(json)] {
            #expect(text.contains("currently unavailable, which says nothing against its type"), "\(text)")
            #expect(text.contains("onboarded from the WhatsApp Business app (coexistence)"), "\(text)")
            #expect(!text.contains("does not deliver"), "\(text)")
        }
        #expect(try Self.verdict(json).hasPrefix("received with error 131060 (message currently unavailable): "))
        #expect(ErrorCatalog.entry(for: "131060")?.reference.contains("webhooks/reference/messages/unsupported") == true)
    }

    @Test(arguments: [
        ("image", "the contact sent a kind of image the Cloud API does not deliver"),
        ("location", "the contact sent a kind of location the Cloud API does not deliver"),
        ("interactive", "the contact sent a kind of interactive message the Cloud API does not deliver"),
        ("pin", "the contact pinned a message in the chat (an action, not a message)"),
        ("keep_in_chat", "the contact kept a disappearing message in the chat (an action, not a message)"),
        ("group_invite", "the contact sent a \"group_invite\" message, a type the Cloud API does not deliver"),
        ("errors", "the contact sent an \"errors\" message, a type the Cloud API does not deliver"),
        ("reaction", "the contact sent a kind of reaction the Cloud API does not deliver (ordinary ones arrive); ask"),
        ("image", "the contact sent a kind of image the Cloud API does not deliver (ordinary ones arrive; a view-once one, for example, does not)"),
    ])
    func code131051NamesAKindOfTheType(_ type: String, _ expected: String) throws {
        let json = try Self.received(type: type, code: "131051", title: "Message type unknown")
        for text in [try Self.verdict(json), try Self.triageMeaning(json)] {
            #expect(text.contains(expected), "\(text)")
            #expect(!text.contains("does not deliver this type"), "\(text)")
        }
    }

    /// A code the catalogue lacks: Meta's words and where to look, and no cause from the type.
    @Test func anUnknownCodeGetsNoCause() throws {
        let json = try Self.received(type: "image", code: "131099", title: "Something new")
        for text in [try Self.verdict(json), try Self.triageMeaning(json)] {
            #expect(text.contains("code 131099 is not in kops's catalogue (Meta's words: \"Something new\")"), "\(text)")
            #expect(text.contains("kops gives no cause"), "\(text)")
            #expect(!text.contains("does not deliver") && !text.contains("ask the contact"), "\(text)")
        }
    }

    /// The content line names what Meta said the content was, and no cause.
    @Test func theContentLineNamesTheTypeWithoutACause() throws {
        let json = try Self.received(type: "image", code: "131060", title: "This message is currently unavailable.")
        #expect(MessageSummary.text(of: json) == "unsupported message: type \"image\" (131060 This message is currently unavailable.)")
    }
}
