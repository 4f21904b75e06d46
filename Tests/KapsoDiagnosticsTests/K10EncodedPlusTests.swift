import KapsoClient
import KapsoDiagnostics
import Testing

/// tester52b K10: `%2B` after an id (in a path, or pasted from one) was read as form encoding's space; `%2B` is a literal
/// '+' (RFC 3986 §2.1), only a '+' as written is a form-encoded space.
@Suite struct K10EncodedPlusTests {
    static let plus = "'%2B' after it (a literal '+' percent-encoded: %2B is a '+', never a space)"

    @Test func anEncodedPlusInAPathIsNoSpace() {
        let log = FailureGroupsTests.log("POST", "/meta/whatsapp/v24.0/100200300400501%2B/messages", 404, key: "k", at: "2026-11-21T10:00:00Z")
        let meaning = FailureGroups.meaning(of: log, numbers: IDResolverTests.numbers) ?? ""
        #expect(!meaning.contains("form encoding"), "\(meaning)")
        #expect(meaning.hasPrefix("100200300400501%2B is 100200300400501 with \(Self.plus) (Support Line's phone-number id)"), "\(meaning)")
    }

    @Test func aPastedEncodedPlusIsNoSpace() throws {
        let line = try #require(IDResolver.pastedNearMissLine("100200300400501%2B", numbers: IDResolverTests.numbers))
        #expect(!line.contains("form encoding"), "\(line)")
        #expect(line.hasPrefix("'100200300400501%2B' is 100200300400501 with \(Self.plus)"), "\(line)")
    }

    @Test func aPlusAsWrittenIsStillFormEncodingsSpace() throws {
        let line = try #require(IDResolver.pastedNearMissLine("100200300400501+", numbers: IDResolverTests.numbers))
        #expect(line.contains("a space as form encoding writes it"), "\(line)")
    }
}
