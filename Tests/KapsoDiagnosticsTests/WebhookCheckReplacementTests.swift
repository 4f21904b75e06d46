import Foundation
import KapsoClient
@testable import KapsoDiagnostics
import KopsTestSupport
import Testing

/// tester46 F9 and F1: the fixes `webhooks check` gives one webhook must not contradict each other. When one rule deletes
/// it (and creates it again where its events are delivered), no other rule updates or re-activates it, and the create
/// keeps what the receiver depends on (v1 payloads, buffering) or says what changes (a new secret); with a number
/// selected, a project webhook's fix still names every number before the step that takes the events away.
@Suite struct WebhookCheckReplacementTests {
    static func webhook(_ fields: JSONObject) throws -> Webhook {
        var json: JSONObject = [
            "id": "w1", "url": "https://example.com/h", "kind": "kapso", "events": ["whatsapp.message.received"],
            "active": true, "phone_number_id": "100", "secret_key": "whsec_x", "payload_version": "v2",
            "created_at": "2026-11-01T00:00:00Z", "updated_at": "2026-11-01T00:00:00Z",
        ]
        for entry in fields.entries { json[entry.key] = entry.value }
        return try Webhook(json: json)
    }

    /// The ids `fix` deletes outright: `webhooks delete ID` not offered as an alternative (`or webhooks delete ID`).
    static func deleted(in fix: String) -> [String] {
        var found: [String] = []
        var rest = Substring(fix)
        while let range = rest.range(of: "webhooks delete ") {
            let before = rest[..<range.lowerBound]
            let id = rest[range.upperBound...].prefix { !" ,;)'(".contains($0) }
            if !before.hasSuffix("or ") { found.append(String(id)) }
            rest = rest[range.upperBound...]
        }
        return found
    }

    /// Every `webhooks create …` command in `fix`, up to the next `;` or `'`.
    static func creates(in fix: String) -> [String] {
        fix.split(separator: "webhooks create ").dropFirst().filter { $0.hasPrefix("--") }
            .map { String($0.prefix { $0 != ";" && $0 != "'" }) }
    }

    /// The tester's webhook: project-scoped, v1, message events, paused, buffered, no secret.
    @Test func aWebhookToRecreatePerNumberGetsNoUpdateAndKeepsItsSettings() throws {
        let hook = try Self.webhook([
            "phone_number_id": .null, "payload_version": "v1", "active": false, "secret_key": .null, "buffer_enabled": true,
            "buffer_window_seconds": 5, "events": ["whatsapp.message.received", "whatsapp.message.sent"],
        ])
        let fixes = WebhookCheck(webhooks: [hook], deliveries: [:], period: "7d", coverageFor: nil, projectNumbers: ["100", "200"])
            .findings.map(\.fix)
        let all = fixes.joined(separator: "\n")
        #expect(fixes.contains { Self.deleted(in: $0) == ["w1"] }, "\(fixes)")
        #expect(!all.contains("webhooks update w1"), "\(fixes)")
        #expect(!all.contains("--active true"), "\(fixes)")
        #expect(!all.contains("fix the receiver"), "\(fixes)")
        let creates = fixes.flatMap(Self.creates(in:))
        #expect(!creates.isEmpty)
        for create in creates {
            #expect(create.contains("--payload-version v1") && create.contains("--buffer-enabled --buffer-window-seconds 5"), "\(create)")
        }
        // The v1 finding says the create keeps v1, or to move the receiver first; the secret one that the create makes one.
        #expect(fixes.contains { $0.contains("keeps v1 with --payload-version v1") && $0.contains("move the receiver first") })
        #expect(fixes.contains { $0.contains("gives the new webhook a secret_key") })
    }

    /// A webhook with a secret: the create says the new one gets another secret, which the receiver must be given.
    @Test func theCreateSaysANewSecretIsMade() throws {
        let hook = try Self.webhook(["phone_number_id": .null])
        let fix = WebhookCheck(webhooks: [hook], deliveries: [:], period: "7d", coverageFor: nil, projectNumbers: ["100"])
            .findings.first { !Self.deleted(in: $0.fix).isEmpty }?.fix ?? ""
        #expect(fix.contains("to keep the receiver's secret, add --secret-key"), "\(fix)")
        #expect(fix.contains("each new webhook gets a new secret_key"), "\(fix)")
    }

    /// F1: with a number selected, the fix names the other numbers too, before it removes the events or deletes the
    /// webhook, as the fix read without a number does.
    @Test(arguments: [
        (["whatsapp.message.received"], ["100", "200"]),
        (["whatsapp.message.received", "whatsapp.phone_number.created"], ["100", "200", "300"]),
        (["whatsapp.message.recieved"], ["100", "200"]),
    ] as [([String], [String])])
    func withANumberSelectedEveryNumberIsNamedFirst(events: [String], numbers: [String]) throws {
        let hook = try Self.webhook(["phone_number_id": .null, "events": .array(events.map(JSONValue.string))])
        for selected in [nil] + numbers.map(Optional.some) {
            let fixes = WebhookCheck(webhooks: [hook], deliveries: [:], period: "7d", coverageFor: selected, projectNumbers: numbers)
                .findings.filter { $0.webhookID == "w1" }.map(\.fix)
            let fix = try #require(fixes.first { $0.contains("webhooks create") }, "\(fixes)")
            let step = try #require(fix.range(of: "--remove-events") ?? fix.range(of: "webhooks delete w1"), "\(fix)")
            for number in numbers {
                let named = try #require(fix.range(of: number), "\(number) not named under \(selected ?? "none"): \(fix)")
                #expect(named.lowerBound < step.lowerBound, "\(number) named after the removal: \(fix)")
            }
        }
    }

    /// A paused webhook no failed delivery explains is not told "fix the receiver".
    @Test func aPauseWithNoFailureDoesNotBlameTheReceiver() throws {
        let check = WebhookCheck(
            webhooks: [try Self.webhook(["active": false])], deliveries: [:], period: "7d", coverageFor: nil, now: 1_800_000_000)
        let fix = try #require(check.findings.first { $0.problem.hasPrefix("paused") }?.fix)
        #expect(!fix.contains("fix the receiver"), "\(fix)")
        #expect(fix.contains("webhooks update w1 --active true"), "\(fix)")
    }

    /// A pause after failures the receiver recovered from: "check the receiver first" with a `deliveries` line whose
    /// period reaches the failure (the default 24 h would list nothing of one 3 days old).
    @Test func aPauseAfterOldFailuresNamesAListThatReachesThem() throws {
        let start = try #require(KapsoTime.seconds(iso: "2026-11-10T00:00:00Z"))
        let deliveries = (0..<6).map { index in
            WebhookVerdict.Delivery(
                id: "d\(index)", event: "whatsapp.message.received", status: index == 0 ? "failed" : "delivered",
                http: index == 0 ? 500 : 200, created: start + Int64(index) * 600, url: "https://example.com/h")
        }
        let check = WebhookCheck(
            webhooks: [try Self.webhook(["active": false])], deliveries: ["w1": deliveries], period: "7d", coverageFor: nil,
            now: start + 3 * 86_400)
        let fix = try #require(check.findings.first { $0.problem.hasPrefix("paused") }?.fix)
        #expect(fix.contains("check the receiver first ('deliveries --webhook w1 --errors --period 7d'"), "\(fix)")
        #expect(fix.contains("webhooks update w1 --active true"), "\(fix)")
    }

    /// Random webhooks (scope, events, a number outside the project, twins, v1, http, no secret, buffering out of range,
    /// a colliding header, paused): no webhook that one fix deletes outright is updated by another (only the duplicate's
    /// own "or pause it" stays), and every create that replaces a v1 or buffering one keeps that setting.
    @Test func noFixUpdatesAWebhookAnotherDeletes() throws {
        var random = SplitMix(seed: 4647)
        func pick<T>(_ options: [T]) -> T { options[Int(random.next() % UInt64(options.count))] }
        let names = WebhookEvents.all + ["whatsapp.message.recieved", "whatsapp.message.status", "nonsense.event"]
        for round in 0..<300 {
            var hooks: [Webhook] = []
            for index in 0..<(1 + Int(random.next() % 3)) {
                let events = WebhookCheck.uniqued((0..<(1 + Int(random.next() % 3))).map { _ in pick(names) })
                hooks.append(
                    try Self.webhook([
                        "id": .string("w\(index)"), "events": .array(events.map(JSONValue.string)),
                        "url": .string(pick(["https://example.com/h", "http://example.com/h"])),
                        "phone_number_id": pick([JSONValue.null, "100", "999"]), "payload_version": pick(["v1", "v2", "v9"]),
                        "active": .bool(random.next() % 3 != 0), "secret_key": pick([JSONValue.null, "whsec_x"]),
                        "buffer_enabled": .bool(random.next() % 2 == 0), "buffer_window_seconds": pick([5, 90]),
                        "headers": pick([JSONValue.null, ["X-Webhook-Signature": "a"]]),
                        "created_at": pick(["2026-11-01T00:00:00Z", "2026-11-02T00:00:00Z"]),
                    ]))
            }
            let fixes = WebhookCheck(
                webhooks: hooks, deliveries: [:], period: "7d", coverageFor: pick([nil, "100"]), projectNumbers: ["100", "200"],
                now: 1_800_000_000
            ).findings.map(\.fix)
            let doomed = Set(fixes.flatMap(Self.deleted(in:)))
            for id in doomed {
                for fix in fixes {
                    let rest = fix.replacing("(or pause it: webhooks update \(id) --active false)", with: "")
                    #expect(!rest.contains("webhooks update \(id) "), "round \(round): \(id) deleted and updated: \(fixes)")
                }
            }
            for hook in hooks where hook.phoneNumberID == "999" || (hook.isProjectScoped && hook.events.allSatisfy { WebhookEvents.scope(of: $0) == .phoneNumber }) {
                let mine = fixes.filter { Self.deleted(in: $0).contains(hook.id) }.flatMap(Self.creates(in:))
                for create in mine {
                    #expect(create.contains("--payload-version v1") == (hook.payloadVersion == "v1"), "round \(round): \(create)")
                    #expect(!create.contains("http://"), "round \(round): \(create)")
                }
            }
        }
    }
}
