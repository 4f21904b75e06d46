import KapsoClient
import KapsoDiagnostics
import Testing

/// tester56b AA9 (related): a 404 on `/whatsapp/messages/{id}` whose id reads as cut short or as having an '=' too many
/// offers no id, and `whois` of it may find no message: the row does not promise "'whois …' finds the message it stands
/// for". An id the reading repairs keeps the promise.
@Suite struct AA9WAMIDPathPromiseTests {
    private func meaning(_ id: String) throws -> String {
        var triage = ErrorTriage()
        triage.addAPILogs([FailureGroupsTests.log("GET", "/platform/v1/whatsapp/messages/\(id)", 404, key: "k", at: "2026-11-21T10:00:00Z")])
        return try #require(triage.entries.first?.meaning)
    }

    @Test(arguments: [
        "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQBZZ99AAAAAAAAAAAAAAAAAAAA=",
        "wamid.HBgLMTQxNTU1NTAxNDIVAgASGBQzRUIwQTFDMkQzRTRGNTA2MTcyOAA==",
    ])
    func noPromiseForAnIDTheReadingDoesNotRepair(_ id: String) throws {
        let meaning = try meaning(id)
        #expect(meaning.hasPrefix("the message id in the path is written wrongly"), "\(meaning)")
        #expect(!meaning.contains("finds the message it stands for"), "\(meaning)")
        #expect(meaning.contains("looks for the message it stands for"), "\(meaning)")
    }

    @Test func anIDTheReadingRepairsKeepsIt() throws {
        let whole = "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA="
        #expect(try meaning(whole.dropFirst(6) + "").hasSuffix("finds the message it stands for"))
    }
}
