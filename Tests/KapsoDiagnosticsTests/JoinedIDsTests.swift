import KapsoClient
import KapsoDiagnostics
import Testing

/// Two phone-number ids joined by a comma in a proxy path (`/meta/whatsapp/v24.0/100200300400501,100200300400502/messages`,
/// a list pasted where one id belongs) are named as such, with the ids to pick from (probe26 P26-19), not "not a
/// phone-number id … nor an id of this project".
@Suite struct JoinedIDsTests {
    @Test(arguments: ["100200300400501,100200300400502", "100200300400501%2C100200300400502", "100200300400501, 100200300400502"])
    func twoIdsJoinedByACommaAreNamedAsTwo(_ id: String) {
        var triage = ErrorTriage()
        triage.addAPILogs([Probe26Tests.log("POST", "/meta/whatsapp/v24.0/\(id)/messages", 404, error: "(#100) Unsupported post request")])
        let meaning = FailureGroups(triage.entries, numbers: IDResolverTests.numbers).groups.first?.meaning ?? ""
        #expect(meaning == "\(id) is two ids joined by ',' (Sales Line's and Support Line's phone-number ids); the path takes one; "
            + "use 100200300400502 (Sales Line) or 100200300400501 (Support Line)", "\(meaning)")
    }

    @Test func oneKnownIdJoinedToAnotherNamesTheKnownOne() throws {
        let miss = try #require(IDResolver.nearMiss("100200300400501,555", numbers: IDResolverTests.numbers))
        #expect(miss.summary == "100200300400501,555 is two ids joined by ',' (Support Line's phone-number id); the path takes one")
        #expect(miss.statement == "100200300400501,555 is two ids joined by ',', where one phone-number id belongs: 100200300400501 (Support Line)")
        // Ids none of which is the project's, or text that is not ids, are not read so.
        #expect(IDResolver.nearMiss("999,888", numbers: IDResolverTests.numbers) == nil)
        #expect(IDResolver.nearMiss("100200300400501,abc", numbers: IDResolverTests.numbers)?.joined != true)
    }
}
