import KopsTestSupport
import Testing

/// tester62 AL7: `webhooks create --url` created webhooks on `https://hooks.example.test:8080:90/x` (two ports: no
/// delivery can reach it) and `https://hooks.example.test/%ZZ` (no percent-escape), and answered a URL pasted with a
/// trailing space "expected an absolute https:// URL" (it is one). Each is refused now with its defect named.
@Suite struct AL7MalformedWebhookURLTests {
    @Test(arguments: [
        ("https://hooks.example.test:8080:90/x", "a URL with one port at most (this one has 2 after 'hooks.example.test')"),
        ("https://hooks.example.test/%ZZ", "'%ZZ' is none; a literal % is %25"),
        ("https://hooks.example.test/x ", "the URL without a space at its end (pasted along with it?)"),
    ])
    func theDefectIsNamedAndNothingCreated(url: String, named: String) async throws {
        let path = try WebhookAudienceTraceTests.seed(webhooks: [])
        let runs = try await WebhookAudienceTraceTests.run(
            ["webhooks create --url '\(url)' --events whatsapp.message.received --secret-key whsec_al7_abcdef"], path)
        #expect(runs[0].status == 64, "\(runs[0].out)\(runs[0].err)")
        #expect(runs[0].err.contains(named), "\(runs[0].err)")
        #expect(!runs[0].out.contains("created"), "\(runs[0].out)")
    }

    @Test func aGoodURLIsStillTaken() async throws {
        let path = try WebhookAudienceTraceTests.seed(webhooks: [])
        let runs = try await WebhookAudienceTraceTests.run(
            ["webhooks create --url 'https://hooks.example.test/a%20b' --events whatsapp.message.received --secret-key whsec_al7_abcdef"], path)
        #expect(runs[0].status == 0, "\(runs[0].err)")
    }
}
