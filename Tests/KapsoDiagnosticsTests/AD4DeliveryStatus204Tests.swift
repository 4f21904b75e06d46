import KapsoClient
@testable import KapsoDiagnostics
import Testing

/// tester58 AD4: a delivery that failed with 204 was blamed on its status ("counted this answer as failed; answer 200")
/// while the same webhook's 202 was counted delivered five minutes later. Kapso's docs ask for 200 and do not say how
/// another 2xx counts (kapso-api.md §10.2): a delivered one shows it is accepted, so the status is not named as the cause.
@Suite struct AD4DeliveryStatus204Tests {
    /// The API's clock in these cases: 2026-11-21T12:00:00Z.
    static let now: Int64 = 1_795_262_400
    static let url = "https://hooks.example.com/kapso"

    static func hook() throws -> Webhook {
        try Webhook(json: [
            "id": "w1", "url": .string(url), "kind": "kapso", "events": ["whatsapp.message.received"],
            "active": true, "phone_number_id": "100", "secret_key": "whsec_x", "payload_version": "v2",
            "created_at": "2026-10-22T12:00:00Z", "updated_at": "2026-10-22T12:00:00Z",
        ])
    }

    static func delivery(_ id: String, status: String, http: Int, minutesAgo: Int64) -> WebhookVerdict.Delivery {
        WebhookVerdict.Delivery(
            id: id, event: "whatsapp.message.received", status: status, http: http, attempts: status == "failed" ? 4 : 1,
            created: now - minutesAgo * 60, url: url)
    }

    static func api(_ id: String, status: String, http: Int, at time: String) -> WebhookDelivery {
        try! WebhookDelivery(json: [
            "id": .string(id), "event": "whatsapp.message.received", "status": .string(status),
            "attempt_count": status == "failed" ? 4 : 1, "response_status": .number(String(http)), "created_at": .string(time),
            "webhook_id": "w1", "webhook_url": .string(url),
        ])
    }

    @Test func anAcceptedOther2xxIsNoStatusCause() {
        let meaning = ErrorTriage.deliveryMeaning(status: 204, url: Self.url, acceptedOther: 202)
        #expect(!meaning.contains("counted this answer as failed"), "\(meaning)")
        #expect(meaning.contains("this webhook's 202 was counted delivered"), "\(meaning)")
        #expect(meaning.contains("the status is likely not the cause"), "\(meaning)")
        #expect(meaning.contains("after Kapso's 10 s"), "\(meaning)")
    }

    /// Without such a delivery the status is still the evidence (probe17 P17-7).
    @Test func withoutOneTheStatusIsStillNamed() {
        let meaning = ErrorTriage.deliveryMeaning(status: 204, url: Self.url)
        #expect(meaning.contains("counted this answer as failed; answer 200"), "\(meaning)")
    }

    /// `webhooks check`'s fix for the tester's order: the 204 failing at 11:00, then a delivery with `http` at 11:05.
    static func advice(deliveredWith http: Int) throws -> String {
        WebhookVerdict(
            try hook(),
            deliveries: [
                delivery("d1", status: "failed", http: 204, minutesAgo: 60),
                delivery("d2", status: "delivered", http: http, minutesAgo: 55),
            ], now: now
        ).failureAdvice
    }

    @Test func webhooksCheckReadsTheDelivered202() throws {
        let advice = try Self.advice(deliveredWith: 202)
        #expect(!advice.contains("counted this answer as failed"), "\(advice)")
        #expect(advice.contains("the status is likely not the cause"), "\(advice)")
    }

    /// A delivered 200 says nothing of another 2xx: the 204 is still named.
    @Test func aDelivered200IsNoEvidence() throws {
        let advice = try Self.advice(deliveredWith: 200)
        #expect(advice.contains("counted this answer as failed"), "\(advice)")
    }

    /// `errors`: the MEANING of the 204 reads the page's delivered 202 of the same webhook.
    @Test func errorsReadsTheDelivered202() throws {
        var triage = ErrorTriage()
        triage.addDeliveries([
            Self.api("d1", status: "failed", http: 204, at: "2026-11-21T11:00:00Z"),
            Self.api("d2", status: "delivered", http: 202, at: "2026-11-21T11:05:00Z"),
        ])
        let entry = try #require(triage.entries.first)
        #expect(!entry.meaning.contains("counted this answer as failed"), "\(entry.meaning)")
        #expect(entry.meaning.contains("the status is likely not the cause"), "\(entry.meaning)")
    }
}
