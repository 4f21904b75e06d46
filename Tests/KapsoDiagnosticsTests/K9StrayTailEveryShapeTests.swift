import KapsoClient
import KapsoDiagnostics
import Testing

/// tester52b K9, K19: a literal `\n` or a trailing `+` after a UUID (a webhook or conversation id) was not named, nor a
/// tail encoded twice (`%250A`) after an id of digits: one rule reads them after every id shape.
@Suite struct K9StrayTailEveryShapeTests {
    static let conversation = "d4f5b6c7-3e4a-4b5c-9d6e-8f9012345678"

    @Test(arguments: [
        (conversation + "\\n", conversation, "a literal '\\n' after it (a line break as a JSON string or log line escapes it)"),
        (conversation + "+", conversation,
         "a trailing '+' (a space as form encoding writes it: Python's quote_plus, Java's URLEncoder, PHP's urlencode)"),
        (conversation + "%250A", conversation, "'%250A' after it (a line break, percent-encoded twice: %25 is an encoded '%')"),
        ("100200300400501%250A", "100200300400501", "'%250A' after it (a line break, percent-encoded twice: %25 is an encoded '%')"),
        ("100200300400501%2520", "100200300400501", "'%2520' after it (a space, percent-encoded twice: %25 is an encoded '%')"),
    ])
    func aStrayTailIsNamedAfterEveryIDShape(pasted: String, id: String, miss: String) {
        let tail = IDInput.strayTail(pasted)
        #expect(tail?.id == id, "\(String(describing: tail))")
        #expect(tail?.miss == miss, "\(String(describing: tail))")
        #expect(IDInput.read(pasted) == IDInput.read(id))
    }

    @Test func aPastedUUIDsTailIsNamedAsADigitsIDsIs() throws {
        let line = try #require(IDResolver.pastedStrayTailLine(Self.conversation + "\\n"))
        #expect(line == "'\(Self.conversation)\\n' is \(Self.conversation) with a literal '\\n' after it (a line break as a JSON "
            + "string or log line escapes it); read as \(Self.conversation) here, but an API call with it as pasted fails "
            + "('errors' names such calls)")
    }

    @Test(arguments: ["/platform/v1/whatsapp/conversations/\(conversation)+", "/platform/v1/whatsapp/webhooks/\(conversation)%250A"])
    func aUUIDsTailInAPathIsNamed(path: String) {
        let log = FailureGroupsTests.log("GET", path, 404, key: "k", at: "2026-11-21T10:00:00Z", error: "Not found")
        let meaning = FailureGroups.meaning(of: log, numbers: IDResolverTests.numbers) ?? ""
        #expect(meaning.hasPrefix("the path holds '"), "\(meaning)")
        #expect(meaning.contains("after /\(Self.conversation), unlike the documented route GET "), "\(meaning)")
    }

    @Test func aDigitsIDsTailEncodedTwiceInAPathIsNamed() {
        let log = FailureGroupsTests.log("GET", "/meta/whatsapp/v24.0/100200300400501%250A/messages", 404, key: "k", at: "2026-11-21T10:00:00Z")
        let meaning = FailureGroups.meaning(of: log, numbers: IDResolverTests.numbers) ?? ""
        #expect(meaning.hasPrefix("100200300400501%250A is 100200300400501 with '%250A' after it (a line break, percent-encoded twice"), "\(meaning)")
    }
}
