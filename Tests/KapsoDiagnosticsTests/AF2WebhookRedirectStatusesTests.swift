import KapsoClient
@testable import KapsoDiagnostics
import Testing

/// tester59 AF2: `webhooks check` said "3 deliveries to it were answered 302" when they were answered 301, 308 and 302.
@Suite struct AF2WebhookRedirectStatusesTests {
    private func problem(_ statuses: [Int]) throws -> String? {
        let url = "http://hooks.example.com/kapso"
        let webhook = try Webhook(json: [
            "id": "w1", "url": .string(url), "kind": "kapso", "events": ["whatsapp.message.received"],
            "active": true, "phone_number_id": "100", "secret_key": "whsec_x", "payload_version": "v2",
        ])
        let made = statuses.enumerated().map { index, status in
            WebhookVerdict.Delivery(
                id: "d\(index)", event: "whatsapp.message.received", status: "failed", http: status,
                created: 1_795_000_000 + Int64(index) * 60, url: url)
        }
        return WebhookCheck(
            webhooks: [webhook], deliveries: ["w1": made], period: "7d", coverageFor: nil, projectNumbers: ["100"],
            now: 1_795_000_000 + 3_600
        ).findings.first { $0.problem.hasPrefix("URL is not https") }?.problem
    }

    @Test func eachRedirectStatusIsNamed() throws {
        let said = try problem([301, 308, 302])
        #expect(said?.contains("3 deliveries to it were answered redirects (301, 302, 308)") == true, "\(String(describing: said))")
    }

    @Test func oneStatusStaysOne() throws {
        #expect(try problem([302, 302])?.contains("2 deliveries to it were answered 302:") == true)
    }
}
