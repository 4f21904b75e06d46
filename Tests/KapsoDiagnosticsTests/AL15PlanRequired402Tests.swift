import KapsoClient
import KapsoDiagnostics
import Testing

/// tester62 AL15: a 402 on a webhook create or update ("Subscribing to project.event requires a paid plan", or a bare
/// "Payment Required" on `PATCH /platform/v1/whatsapp/webhooks/{id}`) was read in `errors` and `logs --errors` as "the
/// Kapso balance cannot cover Meta's fee for this message; top up". Kapso documents that reading for a send only
/// (kapso-api.md §9.3); a Platform API 402 is a feature the plan lacks (§1.5, §3.3). The rows are the tester's seeds'
/// (crafted18, crafted19).
@Suite struct AL15PlanRequired402Tests {
    private func meanings(_ method: String, _ path: String, _ text: String) throws -> (triage: String, grouped: String, error: String) {
        var triage = ErrorTriage()
        triage.addAPILogs([FailureGroupsTests.log(method, path, 402, key: "backend", at: "2026-12-06T18:16:00Z", error: text)])
        let entry = try #require(triage.entries.first)
        let group = try #require(FailureGroups(triage.entries, numbers: IDResolverTests.numbers, webhooks: IDResolverTests.facts.webhooks).groups.first)
        return (entry.meaning, group.meaning, group.error)
    }

    @Test(arguments: [
        ("POST", "/platform/v1/whatsapp/phone_numbers/100200300400501/webhooks", "Subscribing to project.event requires a paid plan"),
        ("PATCH", "/platform/v1/whatsapp/webhooks/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "Payment Required"),
        ("POST", "/platform/v1/whatsapp/webhooks", "Payment Required"),
    ])
    func aWebhookChangeRefused402IsThePlanNotTheBalance(_ method: String, _ path: String, _ text: String) throws {
        let read = try meanings(method, path, text)
        for meaning in [read.triage, read.grouped] {
            #expect(meaning.hasPrefix("Kapso plan: the project's Kapso plan does not include"), "\(meaning)")
            #expect(meaning.contains("project.event"), "\(meaning)")
            #expect(!meaning.contains("top up the balance"), "\(meaning)")
            #expect(!meaning.contains("Meta's fee for this message"), "\(meaning)")
        }
        #expect(read.error == "402 plan_required")
    }

    /// A 402 on a send keeps the billing reading, with or without Kapso's code.
    @Test(arguments: ["Insufficient balance", "Payment Required"])
    func aSendRefused402IsStillTheBalance(_ text: String) throws {
        let read = try meanings("POST", "/meta/whatsapp/v24.0/100200300400501/messages", text)
        #expect(read.triage.hasPrefix("Kapso billing: the Kapso balance cannot cover Meta's fee"), "\(read.triage)")
        #expect(read.grouped == read.triage)
    }

    /// A proxy call that is no send: Kapso documents no 402 there, so neither reading is stated.
    @Test func aProxyReadRefused402NamesNeitherCauseAsCertain() throws {
        let read = try meanings("GET", "/meta/whatsapp/v24.0/100200300400501/media/123", "Payment Required")
        #expect(!read.triage.contains("top up"), "\(read.triage)")
        #expect(!read.triage.hasPrefix("Kapso plan"), "\(read.triage)")
        #expect(read.triage.contains("read the error text"), "\(read.triage)")
    }

    /// The text alone (pasted to `explain`) names the plan.
    @Test func thePaidPlanTextIsRecognised() {
        #expect(PastedError("Subscribing to project.event requires a paid plan")?.code == "plan_required")
        #expect(ErrorCatalog.entry(for: "plan_required")?.source == .kapso)
    }
}
