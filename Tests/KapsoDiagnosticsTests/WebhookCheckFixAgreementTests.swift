import Foundation
import KapsoClient
@testable import KapsoDiagnostics
import KopsTestSupport
import Testing

/// probe45 P45-17: `webhooks check` gave fixes that contradict each other, each a whole new `--events` list written
/// from one rule's view (Kapso's PATCH replaces the list): on a project webhook with a misspelt message event, a message
/// event and a project event, the scope fix kept the misspelling and removed the message event, the misspelling's fix
/// put the message event back and added a number event to the project webhook. Fixes now name only what they change
/// (`--add-events`, `--remove-events`) from one plan (`WebhookEventPlan`).
@Suite struct WebhookCheckFixAgreementTests {
    /// What one `webhooks update ID …` in a fix does to the event list.
    struct Edit: Equatable {
        var id: String
        var whole: [String]?
        var add: [String] = []
        var remove: [String] = []
    }

    /// Every `webhooks update ID` of a fix with its event flags (the fix's words up to the next `;`, `,`, `'` or `(`).
    static func edits(in fix: String) -> [Edit] {
        var found: [Edit] = []
        var rest = Substring(fix)
        while let start = rest.range(of: "webhooks update ") {
            let tail = rest[start.upperBound...]
            let end = tail.firstIndex { ";')(".contains($0) } ?? tail.endIndex
            let words = tail[..<end].split(separator: " ").map(String.init)
            rest = tail[end...]
            guard let id = words.first else { continue }
            var edit = Edit(id: id, whole: nil)
            for (index, word) in words.enumerated() where index + 1 < words.count {
                let names = words[index + 1].split(separator: ",").map(String.init)
                switch word {
                case "--events": edit.whole = names
                case "--add-events": edit.add = names
                case "--remove-events": edit.remove = names
                default: break
                }
            }
            if edit.whole != nil || !edit.add.isEmpty || !edit.remove.isEmpty { found.append(edit) }
        }
        return found
    }

    static func webhook(_ id: String, events: [String], project: Bool, url: String = "https://example.com/h") throws -> Webhook {
        try Webhook(json: [
            "id": .string(id), "url": .string(url), "kind": "kapso", "events": .array(events.map(JSONValue.string)),
            "active": true, "phone_number_id": project ? .null : "100", "secret_key": "whsec_x0123456789ab", "payload_version": "v2",
        ])
    }

    /// The misspelling, the message event and the project event of the finding, on a project webhook.
    @Test func theScopeFixAndTheMisspellingFixAgree() throws {
        let hook = try Self.webhook(
            "w1", events: ["whatsapp.message.recieved", "whatsapp.message.sent", "whatsapp.phone_number.created"], project: true)
        let fixes = WebhookCheck(webhooks: [hook], deliveries: [:], period: "7d", coverageFor: "100", projectNumbers: ["100"]).findings
            .filter { $0.webhookID == "w1" }.map(\.fix)
        #expect(fixes == [
            "use 100; webhooks create --url https://example.com/h --events whatsapp.message.sent,whatsapp.message.received; "
                + "webhooks update w1 --remove-events whatsapp.message.sent,whatsapp.message.recieved"
                + WebhookCheckRulesTests.keepSecret,
            "webhooks update w1 --remove-events whatsapp.message.sent,whatsapp.message.recieved; whatsapp.message.received "
                + "joins the webhook the scope fix creates",
        ])
    }

    /// Random lists of catalogue events of both scopes, misspellings and `….status`, on one to three webhooks, some
    /// twins (same URL and number): for every webhook, no fix replaces its list whole, nothing one fix adds is removed
    /// by another, each fix alone leaves a list kops and Kapso accept (removed names it has; only catalogue events of
    /// its scope left; not empty), and a deliverable event is removed only where an active twin delivers it too.
    @Test func theFixesOfOneCheckNeverContradict() throws {
        var random = SplitMix(seed: 4517)
        let names = WebhookEvents.all + ["whatsapp.message.recieved", "whatsapp.message.status", "message.read", "nonsense.event"]
        for round in 0..<400 {
            var hooks: [Webhook] = []
            for index in 0..<(1 + Int(random.next() % 3)) {
                let count = Int(random.next() % 5)
                let events = (0..<count).map { _ in names[Int(random.next() % UInt64(names.count))] }
                let project = random.next() % 3 == 0
                hooks.append(try Self.webhook("w\(index)", events: WebhookCheck.uniqued(events), project: project))
            }
            let check = WebhookCheck(webhooks: hooks, deliveries: [:], period: "7d", coverageFor: "100", projectNumbers: ["100"])
            let edits = check.findings.flatMap { Self.edits(in: $0.fix) }
            for hook in hooks {
                let mine = edits.filter { $0.id == hook.id }
                let context = "round \(round): \(hook.id) \(hook.events) project=\(hook.isProjectScoped); \(check.findings.map(\.fix))"
                #expect(mine.allSatisfy { $0.whole == nil }, "\(context)")
                let added = Set(mine.flatMap(\.add)), removed = Set(mine.flatMap(\.remove))
                #expect(added.isDisjoint(with: removed), "\(context)")
                for edit in mine {
                    #expect(edit.remove.allSatisfy(hook.events.contains), "\(context)")
                    let scope: WebhookEvents.Scope = hook.isProjectScoped ? .project : .phoneNumber
                    #expect(edit.add.allSatisfy { WebhookEvents.isKnown($0) && WebhookEvents.scope(of: $0) == scope }, "\(context)")
                    // What Kapso takes: a PATCH whose list keeps a name that is no event is refused whole (kapso-api.md
                    // §14.1), so each line, pasted alone, leaves only catalogue events of the webhook's scope.
                    let after = hook.events.filter { !edit.remove.contains($0) } + edit.add.filter { !hook.events.contains($0) }
                    #expect(!after.isEmpty, "\(context)")
                    #expect(after.allSatisfy { WebhookEvents.isKnown($0) && WebhookEvents.scope(of: $0) == scope }, "\(context)")
                    for name in edit.remove where WebhookEventPlan(hook).deliverable.contains(name) {
                        let twin = hooks.contains { $0.id != hook.id && $0.url == hook.url && $0.phoneNumberID == hook.phoneNumberID && $0.events.contains(name) }
                        #expect(twin, "\(name) removed without a twin: \(context)")
                    }
                }
            }
        }
    }
}
