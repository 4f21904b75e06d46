import KapsoClient
import KapsoDiagnostics
import Testing

/// tester61b AK7: a path id `%2B1%20415…` was quoted as logged in a sentence built around it, which then read garbled
/// ("%2B1%20415%20555%200199 is not a phone-number id (Meta's are digits)", of a phone number). The id is read decoded
/// once: a number is said to be one, with the escaped form named once, and one "is" per clause.
@Suite struct AK7EscapedNumberSentenceTests {
    private func meaning(_ path: String) throws -> String {
        let log = FailureGroupsTests.log("POST", path, 404, key: "backend-prod", at: "2026-11-21T11:00:00Z", error: "Not found")
        return try #require(FailureGroups.meaning(of: log, numbers: IDResolverTests.numbers))
    }

    @Test(arguments: [
        ("/meta/whatsapp/v24.0/%2B1%20415%20555%200199/messages", "+1 415 555 0199 (sent escaped as %2B1%20415%20555%200199) is a phone number"),
        ("/meta/whatsapp/v24.0/%2B14155550199/messages", "+14155550199 (sent escaped as %2B14155550199) is a phone number"),
    ])
    func anEscapedNumberReadsAsOne(_ path: String, _ start: String) throws {
        let text = try meaning(path)
        #expect(text.hasPrefix(start + ", none of this project's display numbers"), "\(text)")
        #expect(!text.contains("Meta's are digits) nor"), "\(text)")
        let clause = text.split(separator: ";").first.map(String.init) ?? text
        #expect(clause.ranges(of: " is ").count == 1, "\(clause)")
    }

    /// Digits with an escaped space are an id, not a phone number.
    @Test func escapedDigitsAreAnID() throws {
        let text = try meaning("/meta/whatsapp/v24.0/100200300400599%20/messages")
        #expect(!text.contains("is a phone number") && !text.contains("Meta's are digits"), "\(text)")
    }
}
