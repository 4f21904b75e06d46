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
}
