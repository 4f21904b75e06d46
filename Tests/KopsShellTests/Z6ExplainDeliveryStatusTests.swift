import KapsoDiagnostics
import Testing

@testable import KopsShell

/// tester56 Z6: a webhook delivery's status pasted with its words (`webhook failed: 401 Unauthorized`) was read as Kapso's
/// API answer ("HTTP 401 from Kapso: the API key was refused", a 404 as an id of another kind); other wordings were
/// refused as "invalid error code". It is the receiver's answer to Kapso's request.
@Suite struct Z6ExplainDeliveryStatusTests {
    @Test(arguments: [
        ("webhook failed: 401 Unauthorized", 401, "the receiver refused it (401)"),
        ("webhook delivery failed with status 401", 401, "the receiver refused it (401)"),
        ("delivery failed: HTTP 404", 404, "the receiver has no handler for it at that URL (404)"),
        ("HTTP 413 Payload Too Large on webhook", 413, "the receiver refused the body as too large (413)"),
        ("webhook 502 Bad Gateway", 502, "(502 Bad Gateway, RFC 9110 §15.6.3)"),
        ("our endpoint returned 500 to the webhook", 500, "the receiver's handler failed (500)"),
        ("Kapso webhook delivery got 403 Forbidden from my server", 403, "the receiver refused it (403)"),
    ])
    func aDeliveryStatusIsTheReceiversAnswer(text: String, status: Int, meaning: String) throws {
        let run = OfflineShell.run("explain", text)
        #expect(run.status == .ok, "\(run.err)")
        #expect(run.requests == 0)
        #expect(run.out.contains("HTTP status: \(status)") || run.out.contains("HTTP status:  \(status)"), "\(run.out)")
        #expect(run.out.contains("your webhook's receiver"), "\(run.out)")
        #expect(run.out.contains(meaning), "\(run.out)")
        #expect(!run.out.contains("from Kapso: the API key was refused"), "\(run.out)")
        #expect(!run.out.contains("the id is another kind"), "\(run.out)")
        #expect(PastedDeliveryStatus(text)?.status == status)
    }

    /// The API's own answers stay the API's: a status alone, a Kapso path, a call on webhooks, a Graph code, counts.
    @Test(arguments: [
        "401", "HTTP 401", "GET /platform/v1/whatsapp/webhooks/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d 404",
        "webhooks create failed 422", "webhook failed: (#131047) Re-engagement message", "webhook failed 500 times",
        "webhook failed 10 minutes ago", #"{"error":"Invalid API key"}"#,
    ])
    func otherTextsAreNoDeliveryStatus(text: String) {
        #expect(PastedDeliveryStatus(text) == nil)
    }

    @Test func aBareStatusIsStillKapsosAnswer() {
        let run = OfflineShell.run("explain", "401")
        #expect(run.out.contains("HTTP 401 from Kapso"), "\(run.out)")
    }
}
