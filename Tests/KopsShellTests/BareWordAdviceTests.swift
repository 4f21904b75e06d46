import KopsTestSupport
import Testing

/// tester47 F9, F10: an id given as a bare word to a list command got the usage line, and `messages --status received`
/// (what the STATUS column shows for an inbound message) the list of choices; each now says what to type.
@Suite struct BareWordAdviceTests {
    @Test(arguments: [
        ("messages 14155550142", "messages --phone-number 14155550142", "use 14155550142"),
        ("messages +14155550142", "messages --phone-number +14155550142", "a contact's number?"),
        ("conversations 14155550142", "conversations --phone-number 14155550142", "use 14155550142"),
        ("messages 8b6dd99d-d1a0-4b17-9c3e-2f5a6b7c8d90", "messages --conversation 8b6dd99d-d1a0-4b17-9c3e-2f5a6b7c8d90", "a conversation id?"),
        ("deliveries 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "deliveries --webhook 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "a webhook id?"),
        ("webhooks 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "webhooks get 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "a webhook id?"),
        ("templates part_ready", "template part_ready", "templates --name part_ready"),
        ("errors 131047", "explain 131047", "no code filter"),
        ("messages wamid.HBgLMTQxNTU1NTAxNTcVAgASGBRCOTRFMkQ3QTE2QzAzRjU4RTkyMgA=", "'message wamid.", "'trace wamid."),
        ("messages --status received", "use --direction inbound", "'received' is what an inbound message shows"),
        // tester64 T9: the demo's WABA id; `use` lists its numbers.
        ("webhooks 200300400500601", "a phone-number id or a WABA id?", "'use 200300400500601' selects the number or lists the WABA's, then webhooks"),
    ])
    func aStrayWordSaysWhatToType(line: String, advice: String, also: String) async throws {
        let ran = try await runDemo(line)
        #expect(ran.status == 64, "\(ran.err)")
        #expect(ran.err.contains(advice) && ran.err.contains(also), "\(ran.err)")
        #expect(ran.err.split(separator: "\n").count == 1, "one line: \(ran.err)")
    }

    @Test func aWordOfNoKnownShapeKeepsTheUsage() async throws {
        let ran = try await runDemo("messages hello")
        #expect(ran.err.contains("unexpected argument 'hello'; usage: messages "), "\(ran.err)")
        let short = try await runDemo("messages 1234")
        #expect(short.err.contains("unexpected argument '1234'"), "\(short.err)")
    }
}
