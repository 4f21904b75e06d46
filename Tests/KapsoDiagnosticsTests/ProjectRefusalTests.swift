import KapsoClient
import KapsoDiagnostics
import Testing

/// tester51 N1: an API-log 403 "Phone number does not belong to this project" got the generic "the request was refused;
/// read the error text (ERROR), it usually names the field"; what the id is tells the mistake.
@Suite struct ProjectRefusalTests {
    static let text = "Phone number does not belong to this project"

    private func meaning(_ id: String, numbers: [PhoneNumber] = IDResolverTests.numbers) throws -> String {
        var triage = ErrorTriage()
        triage.addAPILogs([FailureGroupsTests.log("POST", "/meta/whatsapp/v24.0/\(id)/messages", 403, key: "svc", at: "2026-11-21T11:45:00Z", error: Self.text)])
        return try #require(FailureGroups(triage.entries, numbers: numbers, webhooks: []).groups.first?.meaning)
    }

    @Test func anIDOfNoKindKopsKnowsIsNoneOfThisProjects() throws {
        let line = try meaning("100200300400999")
        #expect(line.hasPrefix("100200300400999 is none of this project's phone-number ids (Kapso: 'does not belong to this project')"), "\(line)")
        #expect(line.contains("pairs key svc (this project's) with another project's number, or the id is wrong"), "\(line)")
        #expect(line.contains("'numbers' lists this project's phone-number ids"), "\(line)")
        #expect(!line.contains("usually names the field"), "\(line)")
    }

    @Test func aDisplayNumberInThePathIsNamed() throws {
        let line = try meaning("14155550100")
        #expect(line.contains("is the display number of Support Line"), "\(line)")
        #expect(line.contains("100200300400501"), "\(line)")
    }

    @Test func theProjectsOwnNumberIsNotCalledAnothers() throws {
        let line = try meaning("100200300400501")
        #expect(line.hasPrefix("Kapso refused 100200300400501 as not this project's, yet it is this project's phone-number id of Support Line"), "\(line)")
        #expect(!line.contains("none of this project's"), "\(line)")
    }

    @Test func withoutTheNumbersTheRefusalIsStillNamed() throws {
        var triage = ErrorTriage()
        triage.addAPILogs([FailureGroupsTests.log("POST", "/meta/whatsapp/v24.0/100200300400999/messages", 403, key: "svc", at: "2026-11-21T11:45:00Z", error: Self.text)])
        let line = try #require(triage.entries.first?.meaning)
        #expect(line.hasPrefix("100200300400999 is none of this project's phone-number ids"), "\(line)")
        #expect(line.contains("'whois 100200300400999' says what it is"), "\(line)")
    }
}
