import KapsoClient
import KapsoDiagnostics
import Testing

/// tester52b K1, K18: the ids of failed webhook routes shared one look-up budget with WAMIDs and phone-number ids, so a burst
/// of them left a failed message's WAMID unread; a webhook id the fetched list has, and a WAMID in a webhook slot, were
/// looked up though neither needs it.
@Suite struct K1LookUpBudgetTests {
    static let wamid = "wamid.HBgLMTQxNTU1NTAxMDAVAgASGBQzRUIwQUFBQUFBQUFBQUFBQUFBQQA="
    static let strangers = (1...5).map { "0000000\($0)-1111-4222-8333-444455556666" }

    static func triage(_ paths: [String]) -> ErrorTriage {
        var triage = ErrorTriage()
        triage.addAPILogs(paths.enumerated().map { index, path in
            FailureGroupsTests.log("GET", path, 404, key: "svc", at: "2026-11-21T11:0\(index):00Z", error: "Not found")
        })
        return triage
    }

    @Test func aKnownWebhookOrAWAMIDInAWebhookSlotIsNotLookedUp() {
        let hook = IDResolverTests.facts.webhooks[0]
        let triage = Self.triage([
            "/platform/v1/whatsapp/webhooks/\(hook.id)", "/platform/v1/whatsapp/webhooks/\(Self.wamid)",
            "/platform/v1/whatsapp/phone_numbers/100200300400501/webhooks/\(Self.wamid)",
        ])
        let ids = FailureGroups.unknownPathIDs(triage.entries, numbers: IDResolverTests.numbers, webhooks: [hook], limit: .max)
        #expect(ids.isEmpty, "\(ids)")
    }

    @Test func aWAMIDInAWebhookSlotIsNamedByItsForm() throws {
        let triage = Self.triage(["/platform/v1/whatsapp/webhooks/\(Self.wamid)"])
        let groups = FailureGroups(triage.entries, numbers: IDResolverTests.numbers, webhooks: IDResolverTests.facts.webhooks)
        let meaning = try #require(groups.groups.first?.meaning)
        #expect(meaning == "the id in the path is a WAMID (a message id), used as a webhook id: a webhook is looked up by Kapso's "
            + "UUID ('webhooks' lists them); 'whois \(Self.wamid)' says what it is", "\(meaning)")
    }

    @Test func eachFormHasItsOwnBudget() {
        let plan = FailureGroups.lookUpPlan(Self.strangers + [Self.wamid, "14155550100"], perForm: 4)
        #expect(plan.asked == ["14155550100"] + Self.strangers.prefix(4) + [Self.wamid], "\(plan)")
        #expect(plan.left == [Self.strangers[4]], "\(plan)")
    }
}
