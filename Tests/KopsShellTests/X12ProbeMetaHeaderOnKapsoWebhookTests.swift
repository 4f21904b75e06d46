import KapsoDiagnostics
import KopsHTTP
import KopsTestSupport
import Testing

/// tester66b X12: a kind-kapso webhook whose receiver answered "Invalid X-Hub-Signature-256" (or "Missing or invalid
/// X-Hub-Signature-256 header") got the wrong-secret reading (another secret, a parsed body, an authorization), though the
/// receiver names Meta's header, which Kapso's deliveries do not carry. Now the probe says the handler checks Meta's header
/// (written for Meta's webhooks: header name, `sha256=` prefix, app secret). X1's reading of a mismatch answer that names
/// no header (Stripe's "No signatures found matching the expected signature") stays the wrong secret.
@Suite struct X12ProbeMetaHeaderOnKapsoWebhookTests {
    static let secret = "whsec_probe_x12_4321"

    static func probe(status: Int, body: String) async throws -> String {
        let handler = try HostileServer { _ in .json(status: status, body) }
        let runs = try await runDemo([
            "webhooks create --url \(handler.baseURL)/hook --events whatsapp.message.received --secret-key \(secret)",
            "webhooks --per-page 1",
            "webhooks probe",
        ])
        #expect(runs[0].status == 0, "\(runs[0].err)")
        #expect(runs[2].status != 0)
        return runs[2].out + runs[2].err
    }

    @Test(arguments: [
        (403, "Invalid X-Hub-Signature-256"), (401, "Missing or invalid X-Hub-Signature-256 header"),
        (400, "X-Hub-Signature header missing"),
    ])
    func aReceiverNamingMetasHeaderWasWrittenForMeta(status: Int, body: String) async throws {
        let text = try await Self.probe(status: status, body: body)
        #expect(text.contains("Meta's signature header: the handler was written for Meta's webhooks"), "\(text)")
        #expect(text.contains("have the handler read X-Webhook-Signature"), "\(text)")
        #expect(!text.contains("its secret is not this webhook's secret_key"), "\(text)")
        #expect(!text.contains(Self.secret))
    }

    @Test func aMismatchNamingNoHeaderStaysTheWrongSecret() async throws {
        let text = try await Self.probe(status: 400, body: "No signatures found matching the expected signature for payload")
        #expect(text.contains("its secret is not this webhook's secret_key"), "\(text)")
        #expect(!text.contains("written for Meta's webhooks"), "\(text)")
    }
}
