import KapsoDiagnostics
import Testing

/// Probe finding F29 (issue 11 §2, "the same resolver behind every place an id can be wrong"): a command
/// that takes one kind of id, given another kind, says what the id is and what to use, instead of "not
/// found", a list of ids, or an empty list read as "nothing happened".
@Suite struct WrongKindIDTests {
    typealias Row = (line: String, status: Int32, error: String)

    static let rows: [Row] = [
        (
            // Not a UUID: refused before any request (usage, as trace's), then named by the resolver (probe5 P5-4).
            "conversation 200300400500601", 64,
            "error: 200300400500601 is the WABA id (business_account_id) of Sales Line 100200300400502 and Support Line "
                + "100200300400501, not a conversation id; WABA paths take 200300400500601 (/200300400500601/message_templates); "
                + "calls about messages and numbers take a phone-number id; pick one: "
                + "use 100200300400502 (Sales Line) or use 100200300400501 (Support Line)"
        ),
        (
            "conversation \(Demo.leeFailedReply)", 64,
            "error: \(Demo.leeFailedReply) is an outbound text message to +14155550157 on Support Line (+1 415-555-0100), "
                + "failed 131047, not a conversation id; trace \(Demo.leeFailedReply)"
        ),
        (
            "webhooks get 100200300400502", 64,
            "error: 100200300400502 is the phone-number id of Sales Line (+1 415-555-0101), not a webhook id; 'use 100200300400502' "
                + "selects this number, then 'webhooks' lists its webhooks"
        ),
        (
            "trace a7c8e9f0-6b7d-4e8f-9a01-234567890123", 64,
            "error: a7c8e9f0-6b7d-4e8f-9a01-234567890123 is the conversation with Marisol Vega on Sales Line (+1 415-555-0101) "
                + "(active), not a message id (WAMID); conversation a7c8e9f0-6b7d-4e8f-9a01-234567890123"
        ),
        (
            "messages --conversation 5f6a7b8c-9d0e-4f1a-8b2c-4d5e6f7a8b92", 1,
            "error: --conversation: 5f6a7b8c-9d0e-4f1a-8b2c-4d5e6f7a8b92 is the active kapso webhook to "
                + "https://analytics.acme-demo.test/ingest/whatsapp for Sales Line (+1 415-555-0101), not a conversation id; "
                + "webhooks get 5f6a7b8c-9d0e-4f1a-8b2c-4d5e6f7a8b92"
        ),
        (
            "messages --conversation \(Demo.danaConversation)", 1,
            "error: --conversation: \(Demo.danaConversation) is the conversation with Dana Ortiz on Support Line "
                + "(+1 415-555-0100) (active), not of the selected number 100200300400502; use 100200300400501"
        ),
        (
            // A contact's number in exactly one conversation: that conversation's id is the next command (probe46 P46-11).
            "conversation +14155550142", 64,
            "error: +14155550142 is the contact Dana Ortiz in 1 conversation on Support Line, not a conversation id; "
                + "conversation \(Demo.danaConversation)"
        ),
        (
            // An id kops's own table cut in the middle, pasted back: named as such, with how to get it whole (P46-11).
            "conversation d4f5b6c7-3\u{2026}12345678", 64,
            "error: conversation: invalid conversation id 'd4f5b6c7-3\u{2026}12345678'; expected the whole id: this one was "
                + "shortened by kops's table (the '\u{2026}'); press Tab to complete it, or list again with --output expanded"
        ),
        (
            "deliveries --webhook b2d3f4a5-1c2e-4f3a-9b4c-6d7e8f901234", 1,
            "error: --webhook: b2d3f4a5-1c2e-4f3a-9b4c-6d7e8f901234 is Kapso's id of Sales Line 100200300400502 (internal_id; "
                + "whatsapp_config_id in deliveries and v1 payloads), not a webhook id; API paths take the phone-number id; "
                + "use 100200300400502"
        ),
    ]

    @Test(arguments: rows)
    func namesWhatTheIDIs(_ row: Row) async throws {
        let ran = try await runDemo(row.line)
        #expect(ran.status == row.status)
        #expect(ran.err == row.error + "\n")
        #expect(ran.out.isEmpty)
    }

    /// An id of the right kind still gets its own answer: a conversation id of the selected number lists
    /// its messages, an unknown conversation id keeps the plain "not found" line.
    @Test func rightKindIsNotQuestioned() async throws {
        let ran = try await runDemo(
            ["messages --conversation a7c8e9f0-6b7d-4e8f-9a01-234567890123", "conversation 00000000-0000-4000-8000-000000000000"])
        #expect(ran[0].status == 0, "\(ran[0].err)")
        #expect(ran[0].out.contains("wamid."))
        #expect(ran[1].status == 1)
        #expect(ran[1].err == "error: conversation 00000000-0000-4000-8000-000000000000 was not found; 'conversations' lists recent ones\n")
    }

    /// A conversation or webhook id found nowhere in the project is not an empty list.
    @Test func unknownFilterIDIsNotAnEmptyList() async throws {
        let ran = try await runDemo("deliveries --webhook 5f6a7b8c-9d0e-4f1a-8b2c-4d5e6f7a8b99")
        #expect(ran.status == 1)
        #expect(ran.err.hasPrefix("error: --webhook: 5f6a7b8c-9d0e-4f1a-8b2c-4d5e6f7a8b99 is not a number, WABA, customer, webhook"))
    }

    @Test func sameOrUnknownKindHasNoLine() {
        let conversation = Identity(input: "x", kind: .conversationID, statement: "x is the conversation with A")
        #expect(IDResolver.wrongKindLine(conversation, expected: .conversationID) == nil)
        #expect(IDResolver.wrongKindLine(Identity(input: "x", kind: .unknown, statement: "x is not …"), expected: .webhookID) == nil)
        #expect(IDResolver.wrongKindLine(conversation, expected: .webhookID) == "x is the conversation with A, not a webhook id")
    }
}
