import KapsoClient
import KapsoDiagnostics
import Testing

/// tester61b AK5: two active webhooks of one number on one receiver, its URL written two ways (`API.Kapso.ai` beside
/// `api.kapso.ai`, `:443` written out, an empty `?` at the end), were not found to be twins: each event went to the
/// receiver twice with no warning. URLs are now compared as one receiver (`WebhookURL.sameReceiver`: scheme and host
/// case, default port, an empty path or query) wherever twins and copies are counted.
@Suite struct AK5SameURLTwinsTests {
    static let event = "whatsapp.message.received"

    static func webhook(_ id: String, _ url: String) throws -> Webhook {
        try Webhook(json: [
            "id": .string(id), "url": .string(url), "kind": "kapso", "events": .array([.string(Self.event)]),
            "active": true, "phone_number_id": "100", "secret_key": "whsec_x", "payload_version": "v2",
        ])
    }

    @Test(arguments: [
        "https://API.Kapso.ai/hooks/wa", "https://api.kapso.ai:443/hooks/wa", "https://api.kapso.ai/hooks/wa?",
        "HTTPS://api.kapso.ai:443/hooks/wa?",
    ])
    func aURLWrittenAnotherWayIsATwin(_ other: String) throws {
        let webhooks = [try Self.webhook("w1", "https://api.kapso.ai/hooks/wa"), try Self.webhook("w2", other)]
        let check = WebhookCheck(webhooks: webhooks, deliveries: [:], period: "7d", coverageFor: nil)
        let twin = try #require(check.findings.map(\.problem).first { $0.contains("also active") }, "\(check.findings.map(\.problem))")
        #expect(twin.hasPrefix("same URL written another way (https://api.kapso.ai/hooks/wa), number and events as w1"), "\(twin)")
        #expect(twin.contains("every \(Self.event) is delivered twice"), "\(twin)")
        #expect(WebhookCopies(webhooks).count(Self.event, of: webhooks[1]) == 2)
    }

    /// Another path, query value, port or scheme is another receiver.
    @Test(arguments: [
        "https://api.kapso.ai/hooks/wb", "https://api.kapso.ai/hooks/wa?x=1", "https://api.kapso.ai:8443/hooks/wa",
        "http://api.kapso.ai/hooks/wa", "https://api.kapso.ai/Hooks/wa",
    ])
    func anotherReceiverIsNoTwin(_ other: String) throws {
        let webhooks = [try Self.webhook("w1", "https://api.kapso.ai/hooks/wa"), try Self.webhook("w2", other)]
        let check = WebhookCheck(webhooks: webhooks, deliveries: [:], period: "7d", coverageFor: nil)
        #expect(!check.findings.map(\.problem).contains { $0.contains("also active") })
    }
}
