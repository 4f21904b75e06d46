import KapsoClient
import KapsoDiagnostics
import Testing

/// tester51 N1: an API-log 403 "Phone number does not belong to this project" got the generic "the request was refused;
/// read the error text (ERROR), it usually names the field"; what the id is tells the mistake.
@Suite struct ProjectRefusalTests {
    static let text = ProjectRefusal.text

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

    /// Support Line with Kapso's `created_at` set to `created`.
    private func support(created: String) throws -> [PhoneNumber] {
        var json = IDResolverTests.support.json
        json["created_at"] = .string(created)
        return [IDResolverTests.sales, try PhoneNumber(json: json)]
    }

    /// tester52b K13: the project's number since 7 weeks before the call was said "likely connected after the call".
    @Test func theOwnNumberCreatedBeforeTheCallIsNotSaidConnectedAfterIt() throws {
        let line = try meaning("100200300400501", numbers: support(created: "2026-10-02T08:00:00Z"))
        #expect(!line.contains("after the call"), "\(line)")
        #expect(line.contains("this project's since 2026-10-02T08:00:00Z (created_at), before the call"), "\(line)")
        #expect(line.contains("ask Kapso support with the call's time"), "\(line)")
    }

    @Test func theOwnNumberCreatedAfterTheCallWasConnectedAfterIt() throws {
        let line = try meaning("100200300400501", numbers: support(created: "2026-11-21T11:50:00Z"))
        #expect(line.contains("connected to this project at 2026-11-21T11:50:00Z, 300 s after the call"), "\(line)")
    }

    @Test func theOwnNumberWithoutATimeIsAGuess() throws {
        let line = try meaning("100200300400501")
        #expect(line.contains("may have been connected to this project after the call"), "\(line)")
        #expect(!line.contains("likely"), "\(line)")
    }

    @Test func withoutTheNumbersTheRefusalIsStillNamed() throws {
        var triage = ErrorTriage()
        triage.addAPILogs([FailureGroupsTests.log("POST", "/meta/whatsapp/v24.0/100200300400999/messages", 403, key: "svc", at: "2026-11-21T11:45:00Z", error: Self.text)])
        let line = try #require(triage.entries.first?.meaning)
        #expect(line.hasPrefix("100200300400999 is none of this project's phone-number ids"), "\(line)")
        #expect(line.contains("'whois 100200300400999' says what it is"), "\(line)")
    }
}
