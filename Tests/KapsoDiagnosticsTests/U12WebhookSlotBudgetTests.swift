import KapsoClient
import KapsoDiagnostics
import Testing

/// tester53b U12: the UUIDs of failed webhook routes and of failed conversation reads shared one look-up budget, so four
/// stale webhook ids (a client polling a deleted webhook) left a conversation's 404 "not checked".
@Suite struct U12WebhookSlotBudgetTests {
    static let conversation = "88888888-4f5b-4c6d-8e7f-901234567890"
    static let hooks = (6...9).map { "0000000\($0)-aaaa-4bbb-8ccc-dddddddddddd" }

    @Test func webhookSlotsAndConversationsHaveTheirOwnBudgets() {
        // The conversation read first, the four webhook routes after it (newest first: the webhooks lead).
        let triage = K1LookUpBudgetTests.triage(
            ["/platform/v1/whatsapp/conversations/\(Self.conversation)"] + Self.hooks.map { "/platform/v1/whatsapp/webhooks/\($0)" })
        let ids = FailureGroups.unknownPathIDs(triage.entries, numbers: IDResolverTests.numbers, webhooks: [], limit: .max)
        #expect(Set(ids) == Set(Self.hooks + [Self.conversation]), "\(ids)")
        let slots = FailureGroups.webhookSlotIDs(triage.entries)
        #expect(slots == Set(Self.hooks), "\(slots)")
        let plan = FailureGroups.lookUpPlan(ids, perForm: 3, webhookSlots: slots)
        #expect(plan.asked.contains(Self.conversation), "\(plan)")
        #expect(plan.asked.filter(Self.hooks.contains).count == 3 && plan.left.count == 1, "\(plan)")
    }

    @Test func aNumbersWebhookSlotCountsToo() {
        let path = "/platform/v1/whatsapp/phone_numbers/100200300400501/webhooks/\(Self.hooks[0])"
        let triage = K1LookUpBudgetTests.triage([path])
        #expect(FailureGroups.webhookSlotIDs(triage.entries) == [Self.hooks[0]])
    }
}
