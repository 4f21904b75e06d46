import KapsoClient
@testable import KapsoDiagnostics
import Testing

/// tester49 L6: `webhooks check` called an http:// URL an error (exit 1) although every delivery to it was answered 200.
/// Kapso's docs ask for an HTTPS endpoint but do not say it refuses http, and the deliveries show it delivers there: a
/// warning. A redirect answer (likely to https) or no delivery at all keeps the error.
@Suite struct WebhookCheckSchemeTests {
    static let url = "http://hooks.example.com/kapso"

    private func findings(_ deliveries: [(status: String, http: Int?)]) throws -> [WebhookCheck.Finding] {
        let webhook = try Webhook(json: [
            "id": "w1", "url": .string(Self.url), "kind": "kapso", "events": ["whatsapp.message.received"],
            "active": true, "phone_number_id": "100", "secret_key": "whsec_x", "payload_version": "v2",
        ])
        let made = deliveries.enumerated().map { index, delivery in
            WebhookVerdict.Delivery(
                id: "d\(index)", event: "whatsapp.message.received", status: delivery.status, http: delivery.http,
                created: 1_795_000_000 + Int64(index) * 60, url: Self.url)
        }
        return WebhookCheck(
            webhooks: [webhook], deliveries: ["w1": made], period: "7d", coverageFor: nil, projectNumbers: ["100"],
            now: 1_795_000_000 + 3_600
        ).findings.filter { $0.problem.hasPrefix("URL is not https") }
    }

    @Test func anHTTPURLWhoseDeliveriesAre200IsAWarning() throws {
        let found = try findings(Array(repeating: ("delivered", 200), count: 3))
        #expect(found.map(\.severity) == [.warning])
        #expect(found.first?.problem.contains("Kapso delivered 3 of the period's 3 deliveries here over http") == true, "\(found)")
        #expect(found.first?.fix == "webhooks update w1 --url https://hooks.example.com/kapso")
    }

    @Test func aRedirectAnswerKeepsTheError() throws {
        let found = try findings([("delivered", 200), ("failed", 301), ("failed", 301)])
        #expect(found.map(\.severity) == [.error])
        #expect(found.first?.problem.contains("2 deliveries to it were answered 301: likely a redirect to https") == true, "\(found)")
    }

    @Test func noDeliveredOneKeepsTheError() throws {
        #expect(try findings([]).map(\.severity) == [.error])
        #expect(try findings([("failed", nil)]).map(\.severity) == [.error])
    }

    /// fix50d's leftover: deliveries that got no answer are not blamed on http (Kapso delivers over http to a receiver
    /// that answers), and an https-only receiver is named as the thing to check; a 500 says nothing of the scheme.
    @Test func noAnswerIsNotBlamedOnHTTP() throws {
        let found = try findings([("failed", nil), ("failed", 0)])
        #expect(found.map(\.severity) == [.error])
        #expect(found.first?.problem.contains(
            "2 deliveries to it got no answer, which http alone does not explain (Kapso's docs ask for HTTPS but do not say it "
                + "refuses http): if the receiver serves only https, nothing answers at this http URL") == true, "\(found)")
        #expect(try findings([("failed", 500)]).first?.problem == "URL is not https: payloads travel unencrypted")
    }
}
