import KapsoClient
import KapsoDiagnostics
import Testing

/// tester51 N3 and tester51b F10: an id of digits with a literal `\n` after it (copied out of a JSON string) got the list of
/// id forms from `whois`, and `…/100200300400501+/messages` (a space encoded for a form) was "not a phone-number id … nor
/// an id of this project"; both are the project's id with a stray tail, named as such.
@Suite struct StrayTailTests {
    @Test(arguments: [
        ("100200300400501\\n", "a literal '\\n' after it (a line break as a JSON string or log line escapes it)"),
        ("100200300400501\\r\\n", "a literal '\\r\\n' after it (a line end as a JSON string or log line escapes it)"),
        ("100200300400501\\t", "a literal '\\t' after it (a tab as a JSON string or log line escapes it)"),
        ("100200300400501+", "a trailing '+' (a space as form encoding writes it: Python's quote_plus, Java's URLEncoder, PHP's urlencode)"),
    ])
    func aStrayTailAfterTheProjectsIDIsNamed(_ pasted: String, _ miss: String) throws {
        #expect(IDInput.strayTail(pasted)?.id == "100200300400501")
        #expect(IDInput.read(pasted) == IDInput.read("100200300400501"))
        let line = try #require(IDResolver.pastedNearMissLine(pasted, numbers: IDResolverTests.numbers))
        #expect(line.hasPrefix("'\(pasted)' is 100200300400501 with \(miss); read as 100200300400501 here"), "\(line)")
        let log = FailureGroupsTests.log("POST", "/meta/whatsapp/v24.0/\(pasted)/messages", 404, key: "k", at: "2026-11-21T10:00:00Z")
        let meaning = FailureGroups.meaning(of: log, numbers: IDResolverTests.numbers) ?? ""
        #expect(meaning.hasPrefix("\(pasted) is 100200300400501 with \(miss) (Support Line's phone-number id)"), "\(meaning)")
        #expect(!meaning.contains("nor an id of this project"), "\(meaning)")
    }

    @Test(arguments: ["+14155550100+", "abc\\n", "\\n", "+", "1002\\x", "wamid.ABC\\n"])
    func textThatIsNoIDOfDigitsBeforeTheTailIsLeftAlone(_ text: String) {
        #expect(IDInput.strayTail(text) == nil)
    }
}
