import KapsoClient
import KapsoDiagnostics
import Testing

/// tester61b AK17: a failed call whose path holds an escaped id (`100200300400501%2Fmessages`, `%2B1%20415…` at `/{id}`)
/// read "the id in the path is not in this project" beside a `whois` advice that decoded the id, which is the project's
/// own number; the advice named the edge (`whois messages`, `whois message_templates`), which `whois` refuses. The path
/// id is now decoded once where it is read, for the verdict and the advice alike.
@Suite struct AK17EscapedPathIDTests {
    private let numbers = IDResolverTests.numbers

    /// The groups' reading (`logs --errors`, `overview`) and the flat one (`errors --flat`), which must agree; and the
    /// triage's own, read without the numbers.
    private func read(_ method: String, _ path: String) throws -> (groups: String, triage: String) {
        let log = FailureGroupsTests.log(method, path, 404, key: "backend-prod", at: "2026-11-21T11:00:00Z", error: "Not found")
        var triage = ErrorTriage()
        triage.addAPILogs([log])
        let entry = try #require(triage.entries.first)
        let groups = FailureGroups(triage.entries, numbers: numbers, webhooks: [])
        let meaning = try #require(groups.groups.first?.meaning)
        #expect(meaning == FailureGroups.meaning(of: entry, numbers: numbers, webhooks: []))
        return (meaning, entry.meaning)
    }

    @Test(arguments: [
        ("POST", "/meta/whatsapp/v24.0/100200300400501%2Fmessages", "100200300400501 is Support Line's phone-number id"),
        ("POST", "/v24.0/100200300400501%2Fmessages", "100200300400501 is Support Line's phone-number id"),
        ("GET", "/meta/whatsapp/v24.0/100200300400501%2F", "100200300400501 is Support Line's phone-number id"),
        ("POST", "/meta/whatsapp/v24.0/%2F100200300400501/messages", "100200300400501 is Support Line's phone-number id"),
        ("POST", "/meta/whatsapp/v24.0/100200300400501%252Fmessages", "100200300400501 is Support Line's phone-number id"),
        ("GET", "/meta/whatsapp/v24.0/200300400500601%2Fmessage_templates", "200300400500601 is the WABA id of Sales Line"),
    ])
    func anEscapedSlashBeforeTheProjectsOwnIDIsTheEscape(_ method: String, _ path: String, _ own: String) throws {
        let (groups, triage) = try read(method, path)
        for text in [groups, triage] {
            #expect(!text.contains("not in this project"), "\(text)")
            #expect(!text.contains("whois messages") && !text.contains("whois message_templates"), "\(text)")
            #expect(text.hasPrefix("the path's '/' was sent escaped (%2"), "\(text)")
        }
        #expect(groups.contains(own + ": the id is right, the escape is the mistake"), "\(groups)")
        #expect(groups.contains("send it with a plain '/': \(method) /"), "\(groups)")
        // Without the numbers, `whois` is asked, with the decoded id it reads.
        #expect(triage.contains("'whois \(own.prefix(15))' says what \(own.prefix(15)) is"), "\(triage)")
    }

    /// A conversation's id behind an escaped '/' is no number: `whois` is asked, never "not in this project".
    @Test func anEscapedSlashBeforeAnotherIDLeavesItToWhois() throws {
        let (groups, _) = try read("GET", "/platform/v1/whatsapp/conversations%2F0a1b2c3d-0000-4000-8000-000000000001")
        #expect(groups.contains("'whois 0a1b2c3d-0000-4000-8000-000000000001' says what"), "\(groups)")
        #expect(!groups.contains("not in this project"), "\(groups)")
    }

    /// A WAMID's base64 '/' must be sent escaped: no escape story there.
    @Test func aWAMIDsEscapedSlashIsNoMistake() {
        #expect(EscapedSlash.read("/platform/v1/whatsapp/messages/wamid.HBgLMTQxNTU1NTAxNDI%2FAgASGBQz") == nil)
        #expect(EscapedSlash.read("/meta/whatsapp/v24.0/100200300400501/messages") == nil)
    }

    /// The project's display number sent escaped where Graph reads an id alone: named decoded, with the id to use.
    @Test(arguments: ["/meta/whatsapp/v24.0/%2B1%20415%20555%200100", "/meta/whatsapp/v24.0/%2B14155550100"])
    func anEscapedDisplayNumberOfTheProjectIsNamed(_ path: String) throws {
        let (groups, _) = try read("GET", path)
        #expect(!groups.contains("not in this project"), "\(groups)")
        #expect(groups.contains("is the display number of Support Line"), "\(groups)")
        #expect(groups.contains("use 100200300400501"), "\(groups)")
    }
}
