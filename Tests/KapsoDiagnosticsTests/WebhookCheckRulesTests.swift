import KapsoClient
@testable import KapsoDiagnostics
import Testing

/// `WebhookCheck` rules on made-up webhooks: each bad setting gives one finding with its severity.
@Suite struct WebhookCheckRulesTests {
    /// What a fix that creates a webhook in place of one with a secret says last (tester46 F9).
    static let keepSecret = "; to keep the receiver's secret, add --secret-key with the old one ('webhooks get w1 "
        + "--reveal-secret' shows it) to each create: without it each new webhook gets a new secret_key (kops shows it once)"

    private func webhook(_ fields: JSONObject) throws -> Webhook {
        var json: JSONObject = [
            "id": "w1", "url": "https://example.com/h", "kind": "kapso", "events": ["whatsapp.message.received"],
            "active": true, "phone_number_id": "100", "secret_key": "whsec_x0123456789ab", "payload_version": "v2",
        ]
        for entry in fields.entries { json[entry.key] = entry.value }
        return try Webhook(json: json)
    }

    private func findings(_ fields: JSONObject, coverage: String? = nil, apiIsLocal: Bool = false) throws -> [String] {
        WebhookCheck(
            webhooks: [try webhook(fields)], deliveries: [:], period: "7d", coverageFor: coverage, projectNumbers: ["100", "200"],
            apiIsLocal: apiIsLocal
        ).findings.map { "\($0.severity.rawValue): \($0.problem)" }
    }

    @Test func aWellConfiguredWebhookHasNoFindings() throws {
        #expect(try findings([:], coverage: "100") == [])
    }

    /// probe3 F23: custom headers named like Kapso's own delivery headers are a warning; other names are not.
    @Test func customHeadersThatCollideWithKapsosOwnAreAWarning() throws {
        let headers: JSONValue = ["X-Webhook-Signature": "static", "content-type": "text/plain", "Host": "other.test", "Authorization": "Bearer x"]
        let found = try findings(["headers": headers])
        #expect(found == [
            "warning: custom headers X-Webhook-Signature, content-type, Host have the names of headers Kapso sets on every delivery "
                + "(https://docs.kapso.ai/docs/platform/webhooks/overview); which value reaches the receiver is not documented, and if the custom one wins, "
                + "signature checks or JSON parsing fail there",
        ])
        #expect(try findings(["headers": ["Authorization": "Bearer x", "X-Tenant": "acme"]], coverage: "100") == [])
        // The fix replaces every header (P45-15): it says to give the others again, and that kops asks.
        let fix = WebhookCheck(webhooks: [try webhook(["headers": headers])], deliveries: [:], period: "7d", coverageFor: nil)
            .findings.first?.fix
        #expect(fix == "webhooks update w1 --headers '{...}' with every other custom header and its value but without them, "
            + "and --yes (--headers replaces them all, so kops asks first)")
    }

    @Test func plainHTTPIsAnErrorExceptOnLoopback() throws {
        #expect(try findings(["url": "http://example.com/h"]) == ["error: URL is not https: payloads travel unencrypted"])
        #expect(
            try findings(["url": "http://127.0.0.1:8080/h"], apiIsLocal: true) == [
                "info: URL is localhost (this machine): reachable from the API on this machine (kapso-sim), never from Kapso's servers"
            ])
    }

    /// Webhooks that can never deliver, whatever the receiver does (probe3 F6): each gets an error naming why.
    static let neverDeliver: [(JSONObject, String)] = [
        (["events": []], "error: subscribed to no events: a kapso webhook receives only the events it lists, so nothing is delivered"),
        (["events": ["whatsapp.message.recieved"]],
         "error: subscribed to whatsapp.message.recieved (did you mean whatsapp.message.received?), not a Kapso event: never delivered"),
        (["events": ["whatsapp.message.status"]],
         "error: subscribed to whatsapp.message.status (did you mean whatsapp.message.sent/delivered/read/failed?), not a Kapso event: never delivered"),
        (["url": "http://localhost:3000/webhook"],
         "error: URL is localhost (this machine): Kapso's servers cannot reach it, so every delivery fails"),
        (["url": "https://10.0.0.5/hook"],
         "error: URL is a private-network address (10.0.0.5): Kapso's servers cannot reach it, so every delivery fails"),
        (["phone_number_id": "999"],
         "error: bound to phone number 999, which is not one of this project's numbers (100, 200): nothing is delivered to it"),
        (["payload_version": "v3"], "error: payload_version v3 is not one Kapso sends (v1, v2)"),
    ]

    @Test(arguments: neverDeliver)
    func aWebhookThatCanNeverDeliverIsAnError(_ fields: JSONObject, _ finding: String) throws {
        #expect(try findings(fields) == [finding])
    }

    @Test func theFixForAMisspeltEventIsACommandWithTheRightName() throws {
        let check = WebhookCheck(
            webhooks: [try webhook(["events": ["whatsapp.message.recieved", "whatsapp.message.sent"]])], deliveries: [:], period: "7d",
            coverageFor: nil)
        #expect(check.findings.first?.fix == "webhooks update w1 --add-events whatsapp.message.received --remove-events whatsapp.message.recieved")
    }

    @Test func twoActiveWebhooksWithTheSameURLAndEventDeliverTwice() throws {
        var twin = try webhook([:]).json
        twin["id"] = "w2"
        let check = WebhookCheck(webhooks: [try webhook([:]), try Webhook(json: twin)], deliveries: [:], period: "7d", coverageFor: nil)
        #expect(
            check.findings.map(\.problem) == ["same URL, number and events as w1, also active: every whatsapp.message.received is delivered twice"])
    }

    /// probe45 P45-16: twins that share one event of five, with different secrets and headers: the warning names what
    /// they share and picks none to delete (the old fix deleted the long-standing one, keeping a test webhook); alike
    /// twins: the newer is the one to delete, whatever the list order.
    @Test func twinsThatDifferAreNotChosenBetween() throws {
        var main = try webhook([:]).json
        main["events"] = ["whatsapp.message.received", "whatsapp.message.sent", "whatsapp.message.failed"]
        main["secret_key"] = "whsec_main_0123456789"
        main["headers"] = ["X-Acme-Env": "prod"]
        main["created_at"] = "2026-10-02T09:00:00Z"
        var test = try webhook([:]).json
        test["id"] = "w2"
        test["secret_key"] = "whsec_dup_test"
        test["created_at"] = "2026-12-04T09:00:00Z"
        let check = WebhookCheck(
            webhooks: [try Webhook(json: test), try Webhook(json: main)], deliveries: [:], period: "7d", coverageFor: nil)
        let finding = try #require(check.findings.first { $0.problem.contains("delivered twice") })
        #expect(finding.problem == "same URL and number as w2, and both subscribe to whatsapp.message.received, also active: every whatsapp.message.received is delivered twice")
        #expect(!finding.fix.contains("webhooks delete"), "\(finding.fix)")
        #expect(finding.fix.contains("they differ in events, secret, custom headers"), "\(finding.fix)")
        #expect(finding.fix.contains("keeping w2: webhooks update w1 --remove-events whatsapp.message.received"), "\(finding.fix)")
        #expect(finding.fix.contains("keeping w1: webhooks update w2 --active false (or delete it)"), "\(finding.fix)")
        #expect(!finding.fix.contains("whsec_"), "\(finding.fix)")
        // Alike twins, the older listed last: the newer is named.
        var older = test
        older["id"] = "w3"
        older["created_at"] = "2026-01-01T00:00:00Z"
        let alike = WebhookCheck(
            webhooks: [try Webhook(json: test), try Webhook(json: older)], deliveries: [:], period: "7d", coverageFor: nil)
        #expect(alike.findings.first { $0.problem.contains("delivered twice") }?.fix
            == "they are alike: delete the newer, webhooks delete w2 (or pause it: webhooks update w2 --active false)")
    }

    /// probe7 P7-8: a list that holds one webhook twice (same id) is one webhook: never the duplicate of itself (whose
    /// fix would delete the only receiver), checked and counted once, and the repeat said as info.
    @Test func aWebhookListedTwiceIsNotItsOwnDuplicate() throws {
        let check = WebhookCheck(
            webhooks: [try webhook([:]), try webhook([:])], deliveries: [:], period: "7d", coverageFor: "100")
        #expect(check.checked == 1)
        #expect(!check.findings.contains { $0.problem.hasPrefix("same URL") || $0.fix.contains("webhooks delete") })
        #expect(check.findings.map { "\($0.severity.rawValue): \($0.problem)" } == [
            "info: listed 2 times by the API (one webhook: the list changed while it was read, or repeats it); checked once"
        ])
    }

    /// The buffering note names the events really buffered (probe3 F6): `buffer_events` with only a status event
    /// buffers nothing, and says so.
    @Test func bufferingNamesWhatIsBuffered() throws {
        #expect(
            try findings([
                "events": ["whatsapp.message.received", "whatsapp.message.sent"], "buffer_enabled": true,
                "buffer_events": ["whatsapp.message.sent"],
            ]) == [
                "warning: buffer_events lists whatsapp.message.sent, which Kapso does not buffer (only whatsapp.message.received can be)",
                "info: buffering is on, but buffer_events holds no bufferable event: nothing is batched",
            ])
    }

    @Test func missingSecretPausedAndBufferOutOfRange() throws {
        #expect(
            try findings(["secret_key": nil, "active": false, "buffer_window_seconds": 90, "buffer_enabled": true]) == [
                "error: buffer_window_seconds is 90, outside 1-60",
                "warning: no secret_key: the receiver cannot verify signatures",
                "warning: paused (active: false): nothing is delivered to it",
                "info: buffering is on: every whatsapp.message.received delivery is batch-shaped, even with one message",
            ])
    }

    @Test func aPausedReceiverLeavesTheNumberUncovered() throws {
        #expect(
            try findings(["active": false], coverage: "100").first
                == "error: no active webhook of 100 receives whatsapp.message.received: inbound messages reach no receiver")
    }

    /// The mirror of rule 9 (kapso-api.md §14.1 "project scope only"): project events on a number webhook.
    @Test func projectEventsOnANumberWebhookAreNeverDelivered() throws {
        #expect(
            try findings(["events": ["whatsapp.message.received", "whatsapp.phone_number.offboarded", "kapso_agent.run.failed"]])
                == [
                    "error: phone-number webhook subscribed to whatsapp.phone_number.offboarded, kapso_agent.run.failed: these reach only project webhooks, so they are never delivered"
                ])
        #expect(try findings(["phone_number_id": .null, "events": ["whatsapp.account.disabled"]]) == [])
    }

    @Test func outOfScopeNamesEachWrongEventOnce() {
        #expect(
            WebhookEvents.outOfScope(
                ["whatsapp.account.disabled", "whatsapp.message.read", "whatsapp.account.disabled"], projectScoped: false)
                == ["whatsapp.account.disabled"])
        #expect(
            WebhookEvents.outOfScope(["whatsapp.account.disabled", "whatsapp.contact.identity_changed"], projectScoped: true)
                == ["whatsapp.contact.identity_changed"])
    }

    /// Fixes that kops can write out in full are commands that can be pasted as they are.
    @Test(arguments: [
        (["url": "http://example.com/h"], "webhooks update w1 --url https://example.com/h"),
        (["buffer_window_seconds": 90], "webhooks update w1 --buffer-window-seconds 60"),
        (["phone_number_id": .null, "events": ["whatsapp.message.received", "project.event"]],
         "use 100; webhooks create --url https://example.com/h --events whatsapp.message.received; webhooks update w1 --remove-events whatsapp.message.received" + keepSecret),
        (["phone_number_id": .null], "use 100; webhooks create --url https://example.com/h --events whatsapp.message.received; webhooks delete w1" + keepSecret),
        (["events": ["whatsapp.message.received", "whatsapp.account.disabled", "kapso_agent.run.failed"]],
         "webhooks create --scope project --url https://example.com/h --events whatsapp.account.disabled,kapso_agent.run.failed; webhooks update w1 --remove-events whatsapp.account.disabled,kapso_agent.run.failed" + keepSecret),
        (["events": ["whatsapp.phone_number.offboarded"]],
         "webhooks create --scope project --url https://example.com/h --events whatsapp.phone_number.offboarded; webhooks delete w1" + keepSecret),
    ] as [(JSONObject, String)])
    func fixesArePasteable(fields: JSONObject, fix: String) throws {
        let check = WebhookCheck(webhooks: [try webhook(fields)], deliveries: [:], period: "7d", coverageFor: "100", projectNumbers: ["100"])
        #expect(check.findings.map(\.fix).contains(fix), "\(check.findings.map(\.fix))")
    }

    /// Tester finding: with no number selected, the project-scope fix read `use PHONE_NUMBER_ID; webhooks create …`.
    /// The project's only number is used as it is; among several the fix is a sentence naming them; unknown numbers
    /// point to `numbers`. No placeholder in a command line.
    @Test(arguments: [
        (["100"] as [String]?, "use 100; webhooks create --url https://example.com/h --events whatsapp.message.received; webhooks delete w1" + keepSecret),
        (["100", "200"],
         "for each number that should send them (100 or 200) run 'use <its id>; webhooks create --url https://example.com/h "
            + "--events whatsapp.message.received', then 'webhooks delete w1'" + keepSecret),
        (nil,
         "for each number that should send them ('numbers' lists them) run 'use <its id>; webhooks create --url "
            + "https://example.com/h --events whatsapp.message.received', then 'webhooks delete w1'" + keepSecret),
    ] as [([String]?, String)])
    func projectScopeFixWithoutASelectedNumberNamesTheNumbers(numbers: [String]?, fix: String) throws {
        let check = WebhookCheck(
            webhooks: [try webhook(["phone_number_id": .null])], deliveries: [:], period: "7d", coverageFor: nil,
            projectNumbers: numbers)
        #expect(check.findings.map(\.fix).contains(fix), "\(check.findings.map(\.fix))")
        #expect(!check.findings.contains { $0.fix.contains("PHONE_NUMBER_ID") })
    }
}
