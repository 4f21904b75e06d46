import KapsoClient
import KapsoDiagnostics
import Testing

/// tester47 F3: an `errors` group of two received 131051 messages, a newer edit (nothing lost) and an older unsupported
/// message (its content lost), led with the edit's "nothing was lost" and hedged last. A group whose members' advice
/// differs leads with the newest member that lost content, whichever is newer.
@Suite struct ReceivedGroupLeadTests {
    static func inbound(_ id: String, at time: Int, unsupported: String?) -> String {
        let type = unsupported.map { #""unsupported":{"type":"\#($0)"},"# } ?? ""
        return #"{"id":"\#(id)","timestamp":"\#(time)","type":"unsupported","from":"14155550171",\#(type)"#
            + #""errors":[{"code":131051,"title":"Message type unknown"}],"#
            + #""kapso":{"direction":"inbound","status":"received","phone_number_id":"100200300400501"}}"#
    }

    @Test(arguments: [nil, "poll"] as [String?])
    func theLossyMessageLeadsTheGroup(_ lost: String?) throws {
        var triage = ErrorTriage()
        triage.addMessages(
            try ErrorTriageStatusTests.page([
                Self.inbound("wamid.LOST", at: 1000, unsupported: lost), Self.inbound("wamid.EDIT", at: 2000, unsupported: "edit"),
            ]), since: 0)
        let groups = FailureGroups(triage.entries, numbers: IDResolverTests.numbers)
        let group = try #require(groups.groups.first)
        #expect(groups.groups.count == 1 && group.count == 2)
        let flat = triage.entries.first { $0.json["id"]?.string == "wamid.LOST" }?.meaning
        #expect(flat.map { group.meaning.hasPrefix($0 + "; 1 of the 2 messages got other advice") } == true, "\(group.meaning)")
        #expect(!group.meaning.hasPrefix("the contact edited"), "\(group.meaning)")
    }

    /// Members that all lost nothing, or whose advice is one, keep the newest member's meaning.
    @Test func oneAdviceKeepsTheNewest() throws {
        var triage = ErrorTriage()
        triage.addMessages(
            try ErrorTriageStatusTests.page([
                Self.inbound("wamid.E1", at: 1000, unsupported: "edit"), Self.inbound("wamid.E2", at: 2000, unsupported: "edit"),
            ]), since: 0)
        let group = try #require(FailureGroups(triage.entries, numbers: IDResolverTests.numbers).groups.first)
        #expect(group.meaning.hasPrefix("the contact edited an earlier message") && !group.meaning.contains("other advice"))
    }
}
