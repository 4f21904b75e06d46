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
        let meaning = ErrorTriage.deliveryMeaning(status: 204, url: Self.url, accepted: AcceptedAnswer(status: 202))
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

    /// `errors`: the MEANING of the 204 reads its webhook's accepted 202 (read from its deliveries of any status).
    @Test func errorsReadsTheDelivered202() throws {
        var triage = ErrorTriage()
        triage.addDeliveries(
            [Self.api("d1", status: "failed", http: 204, at: "2026-11-21T11:00:00Z")], accepted: ["w1": AcceptedAnswer(status: 202)])
        let entry = try #require(triage.entries.first)
        #expect(!entry.meaning.contains("counted this answer as failed"), "\(entry.meaning)")
        #expect(entry.meaning.contains("the status is likely not the cause"), "\(entry.meaning)")
    }

    /// tester58b AE4: another webhook's accepted 202 is evidence too, named as such; the webhook's own comes first.
    @Test func anotherWebhooksDeliveryIsEvidence() {
        let other = WebhookVerdict.Delivery(
            id: "o1", event: "whatsapp.message.received", status: "delivered", http: 202, created: Self.now - 300,
            url: "https://other.example.com/hook")
        let own = Self.delivery("d3", status: "delivered", http: 201, minutesAgo: 1)
        #expect(AcceptedAnswer.among(own: [], project: [other]) == AcceptedAnswer(status: 202, other: .init(webhookID: "", deliveryID: "o1", url: other.url)))
        #expect(AcceptedAnswer.among(own: [own], project: [other]) == AcceptedAnswer(status: 201))
        #expect(AcceptedAnswer.among(own: [Self.delivery("d4", status: "failed", http: 202, minutesAgo: 2)]) == nil)
        let meaning = ErrorTriage.deliveryMeaning(status: 204, accepted: AcceptedAnswer.among(own: [], project: [other]))
        #expect(meaning.contains("yet a 202 of another webhook of the project (delivery o1, to other.example.com/hook) was counted delivered"), "\(meaning)")
    }
}
