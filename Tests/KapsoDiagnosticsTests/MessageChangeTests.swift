import KapsoClient
import KapsoDiagnostics
import Testing

/// probe9 P9-14: edits and revokes are read as changes of the message they name.
@Suite struct MessageChangeTests {
    static func message(_ json: String) throws -> Message {
        try Message(json: try #require(try JSONValue.parse(Array(json.utf8)).object))
    }

    @Test func editsAndRevokesNameTheirOriginal() throws {
        let inbound = #""kapso":{"direction":"inbound","phone_number":"14155550177"}"#
        let messages = try [
            #"{"id":"wamid.R","timestamp":"1795258800","type":"revoke","revoke":{"original_message_id":"wamid.A"},\#(inbound)}"#,
            #"{"id":"wamid.E","timestamp":"1795168800","type":"edit","edit":{"original_message_id":"wamid.A","message":{"type":"text","text":{"body":"Oak St"}}},\#(inbound)}"#,
            #"{"id":"wamid.O","timestamp":"1795168900","type":"edit","edit":{"original_message_id":"wamid.B","message":{"text":{"body":"x"}}},\#(inbound)}"#,
            #"{"id":"wamid.T","timestamp":"1795168900","type":"text","text":{"body":"wamid.A"},\#(inbound)}"#,
        ].map(Self.message)
        let changes = MessageChange.of("wamid.A", in: messages)
        #expect(changes.map(\.id) == ["wamid.E", "wamid.R"])
        #expect(changes.first?.text == "at 2026-11-20T10:00:00Z to: Oak St")
        #expect(changes.last?.label == "deleted")
        #expect(MessageChange.of("wamid.C", in: messages).isEmpty)
    }

    /// probe13 P13-8: a list marks the message the contact withdrew (its content no longer shown as current nor
    /// copied into a ticket) and the one they edited (old and new text), on the same page; `byOriginal` agrees with `of`.
    @Test func aListShowsWithdrawnAndEditedMessagesAsSuch() throws {
        let inbound = #""kapso":{"direction":"inbound","phone_number":"14155550150"}"#
        let messages = try [
            #"{"id":"wamid.R","timestamp":"1795258800","type":"revoke","revoke":{"original_message_id":"wamid.CARD"},\#(inbound)}"#,
            #"{"id":"wamid.E","timestamp":"1795168800","type":"edit","edit":{"original_message_id":"wamid.ORDER","message":{"type":"text","text":{"body":"my order is 1243"}}},\#(inbound)}"#,
            #"{"id":"wamid.CARD","timestamp":"1795168000","type":"text","text":{"body":"my card is 4111 1111 1111 1111"},\#(inbound)}"#,
            #"{"id":"wamid.ORDER","timestamp":"1795167000","type":"text","text":{"body":"my order is 1234"},\#(inbound)}"#,
        ].map(Self.message)
        let changes = MessageChange.byOriginal(in: messages)
        #expect(changes.keys.sorted() == ["wamid.CARD", "wamid.ORDER"])
        for id in ["wamid.CARD", "wamid.ORDER", "wamid.R"] { #expect((changes[id] ?? []) == MessageChange.of(id, in: messages)) }
        let card = MessageChange.listed("my card is 4111 1111 1111 1111", changes: changes["wamid.CARD"] ?? [])
        #expect(card == "(withdrawn by the contact at 2026-11-21T11:00:00Z; 'message' shows what it was)")
        #expect(MessageChange.listed("my order is 1234", changes: changes["wamid.ORDER"] ?? []) == "my order is 1234 → edited: my order is 1243")
        #expect(MessageChange.listed("hello", changes: []) == "hello")
    }

    /// probe14 P14-16: the contact withdrew a message they had edited twice: the edits' texts are withdrawn too; an
    /// edit a later one replaced says so when the message stands.
    @Test func editsOfAWithdrawnMessageAreWithdrawnToo() throws {
        let inbound = #""kapso":{"direction":"inbound","phone_number":"14155550150"}"#
        func edit(_ id: String, _ at: Int, _ body: String, of original: String = "wamid.IBAN") -> String {
            #"{"id":"\#(id)","timestamp":"\#(at)","type":"edit","edit":{"original_message_id":"\#(original)","message":{"type":"text","text":{"body":"\#(body)"}}},\#(inbound)}"#
        }
        let withdrawn = try [
            #"{"id":"wamid.R","timestamp":"1795258840","type":"revoke","revoke":{"original_message_id":"wamid.IBAN"},\#(inbound)}"#,
            edit("wamid.E2", 1795258830, "pay to IBAN DE02"), edit("wamid.E1", 1795258820, "pay to IBAN DE01"),
            #"{"id":"wamid.IBAN","timestamp":"1795258800","type":"text","text":{"body":"pay to IBAN DE00"},\#(inbound)}"#,
        ].map(Self.message)
        let changes = MessageChange.byOriginal(in: withdrawn)
        let listed = withdrawn.map { MessageChange.listed($0, content: MessageSummary.text(of: $0.json), byOriginal: changes) }
        #expect(!listed.joined().contains("IBAN DE0"), "\(listed)")
        #expect(listed[1] == "(an edit of a message the contact withdrew at 2026-11-21T11:00:40Z; 'message' shows what it was)")
        let standing = Array(withdrawn.dropFirst())
        let kept = MessageChange.byOriginal(in: standing)
        let shown = standing.map { MessageChange.listed($0, content: "text", byOriginal: kept) }
        #expect(shown == ["text", "text (replaced by a later edit)", "text → edited: pay to IBAN DE02"])
    }
}
