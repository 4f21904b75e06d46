import KapsoClient
@testable import KapsoDiagnostics
import Testing

/// probe28: a logged send answered 504/499 is an unknown outcome, as live (P28-12); a webhook whose pending deliveries
/// are answered 503 right now fails now (P28-10).
@Suite struct Probe28WriteAndWebhookTests {
    // MARK: - P28-12

    /// The repro24 rows: a send answered 504 (Kapso's gateway text) and one answered 499, with a GET answered 503 beside.
    @Test func aLoggedSendAnswered504Or499IsAnUnknownOutcomeNotRetryOrRefused() throws {
        var triage = ErrorTriage()
        let send = "/meta/whatsapp/v24.0/100200300400501/messages"
        triage.addAPILogs([
            FailureGroupsTests.log("POST", send, 504, key: "prod", at: "2026-11-21T11:48:20Z", error: "Gateway timeout: Meta did not answer in time"),
            FailureGroupsTests.log("POST", send, 499, key: "prod", at: "2026-11-21T11:45:00Z", error: "Client Closed Request"),
            FailureGroupsTests.log("GET", "/platform/v1/whatsapp/conversations", 503, key: "prod", at: "2026-11-21T11:40:00Z", error: "Service unavailable"),
        ])
        let meanings = triage.entries.map(\.meaning)
        #expect(meanings[0].hasPrefix("the outcome is unknown: the API answered 504, a gateway that stopped waiting"))
        #expect(meanings[0].contains("the message may have been sent: look for it in 'messages' of 100200300400501"))
        #expect(meanings[1].hasPrefix("the outcome is unknown: the API answered 499, the caller closed the connection"))
        for meaning in meanings.prefix(2) {
            #expect(!meaning.contains("retry, and check") && !meaning.contains("names the field"))
        }
        // A read changes nothing: retrying it stays the advice.
        #expect(meanings[2] == "Kapso or Meta failed; retry, and check Kapso's status if it persists")
    }

    /// The live reading and the logged one are the same type: a 499 to kops's own write is an unknown outcome too.
    @Test func theLiveAndLoggedReadingsShareServerFailure() throws {
        #expect(ServerFailure(status: 499, text: "Client Closed Request") != nil)
        #expect(ServerFailure(status: 498, text: nil) == nil)
        #expect(ServerFailure.loggedWriteMeaning(method: "DELETE", endpoint: "/platform/v1/whatsapp/webhooks/w1", status: 502)?
            .hasSuffix("the DELETE may have taken effect: check what it changed before retrying it") == true)
        #expect(ServerFailure.loggedWriteMeaning(method: "POST", endpoint: "/x/messages", status: 422) == nil)
    }

    // MARK: - P28-10

    static let now: Int64 = 1_795_262_400  // 2026-11-21T12:00:00Z

    static func webhook() throws -> Webhook {
        try Webhook(json: [
            "id": "5f6a", "url": "https://hooks.example.com/kapso", "kind": "kapso", "events": ["whatsapp.message.received"],
            "active": true, "phone_number_id": "100", "payload_version": "v2",
            "created_at": "2026-10-22T12:00:00Z", "updated_at": "2026-11-11T12:00:00Z",
        ])
    }

    /// repro13: three deliveries in the last two minutes, all pending; two answered 503 (1 and 3 attempts).
    static let pending = [
        WebhookVerdict.Delivery(id: "d3", event: "whatsapp.message.received", status: "pending", http: nil, attempts: 0, created: now - 3, url: "https://hooks.example.com/kapso"),
        WebhookVerdict.Delivery(id: "d2", event: "whatsapp.message.received", status: "pending", http: 503, attempts: 1, created: now - 20, url: "https://hooks.example.com/kapso"),
        WebhookVerdict.Delivery(
            id: "d1", event: "whatsapp.message.received", status: "pending", http: 503, attempts: 3, created: now - 120, lastAttempt: now - 70,
            url: "https://hooks.example.com/kapso"),
    ]

    @Test func pendingDeliveriesAnswered503AreAFailureInProgress() throws {
        let hook = try Self.webhook()
        let verdict = WebhookVerdict(hook, deliveries: Self.pending, now: Self.now)
        #expect(verdict.retrying.map(\.id) == ["d1", "d2"])
        #expect(verdict.level == .warning)
        #expect(verdict.failsNow)
        #expect(verdict.headline?.hasPrefix("failing: 2 deliveries are pending and being retried after failed attempts (HTTP 503; 4 attempts") == true)
        let check = WebhookCheck(
            webhooks: [hook], deliveries: [hook.id: Self.pending], period: "24h", coverageFor: nil, projectNumbers: ["100"], now: Self.now)
        let retrying = check.findings.filter { $0.problem.contains("being retried") }
        #expect(retrying.count == 1 && retrying.first?.severity == .warning, "\(check.findings.map(\.problem))")
        #expect(retrying.first?.problem.contains("HTTP 503") == true)
        #expect(retrying.first?.fix.contains("503") == true, "\(retrying.first?.fix ?? "")")
        #expect(WebhookVerdict.overview([verdict])?.contains("1 webhook fails now") == true)
    }

    /// Pending deliveries not attempted yet, or whose last attempt was answered 200, are in progress, not failing.
    @Test func pendingWithoutAFailedAttemptIsNoFinding() throws {
        let hook = try Self.webhook()
        let quiet = [
            WebhookVerdict.Delivery(id: "a", event: "whatsapp.message.received", status: "pending", http: nil, attempts: 0, created: Self.now - 3, url: hook.url),
            WebhookVerdict.Delivery(id: "b", event: "whatsapp.message.received", status: "delivered", http: 200, created: Self.now - 60, url: hook.url),
        ]
        let verdict = WebhookVerdict(hook, deliveries: quiet, now: Self.now)
        #expect(verdict.retrying.isEmpty && verdict.level == nil && !verdict.failsNow)
    }
}
