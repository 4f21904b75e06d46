import KapsoClient
@testable import KapsoDiagnostics
import Testing

/// tester59 AF9: an active webhook carrying `listen --register`'s header is a leftover (warning, with the delete
/// command); one at a Cloudflare quick tunnel gets an info line; an inactive one, or one at another host, neither.
@Suite struct AF9TemporaryWebhookTests {
    private func findings(url: String, headers: JSONObject = [:], active: Bool = true) throws -> [WebhookCheck.Finding] {
        let webhook = try Webhook(json: [
            "id": "w1", "url": .string(url), "kind": "kapso", "events": ["whatsapp.message.received"],
            "active": .bool(active), "phone_number_id": "100", "secret_key": "whsec_x", "payload_version": "v2",
            "headers": .object(headers),
        ])
        var check = WebhookCheck(webhooks: [], deliveries: [:], period: "7d", coverageFor: nil)
        check.checkTemporary(webhook)
        return check.findings
    }

    @Test func aLeftoverTemporaryWebhookIsAWarningWithTheDelete() throws {
        let found = try findings(url: "https://abc.trycloudflare.com/", headers: ["x-kops-listen": "temporary"])
        #expect(found.map(\.severity) == [.warning])
        #expect(found.first?.problem.hasPrefix("a temporary webhook of 'listen --register' (header X-Kops-Listen) still active") == true)
        #expect(found.first?.fix == "if no 'listen --register' runs now: webhooks delete w1")
        #expect(found.first?.problem.contains("while that listen runs this is expected") == true)
    }

    @Test func anActiveQuickTunnelIsInfo() throws {
        let found = try findings(url: "https://abc.trycloudflare.com/")
        #expect(found.map(\.severity) == [.info])
        #expect(found.first?.problem.hasPrefix("its URL is a Cloudflare quick tunnel") == true)
    }

    @Test func anInactiveOneOrAnotherHostIsNotNamed() throws {
        #expect(try findings(url: "https://abc.trycloudflare.com/", headers: ["X-Kops-Listen": "temporary"], active: false).isEmpty)
        #expect(try findings(url: "https://hooks.example.net/in", headers: ["X-Env": "prod"]).isEmpty)
    }
}
