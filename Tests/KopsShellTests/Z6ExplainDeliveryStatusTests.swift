import KapsoDiagnostics
import Testing

@testable import KopsShell

/// tester56 Z6: a webhook delivery's status pasted with its words (`webhook failed: 401 Unauthorized`) was read as Kapso's
/// API answer only ("HTTP 401 from Kapso: the API key was refused", a 404 as an id of another kind); other wordings were
/// refused as "invalid error code". tester56b AA1: the first fix read Kapso's own `404 Webhook not found` as the
/// receiver's answer. Words that name the receiver's side give its reading; `webhook` or `delivery` alone give both.
@Suite struct Z6ExplainDeliveryStatusTests {
    @Test(arguments: [
        ("webhook delivery failed with status 401", 401, "the receiver refused it (401)"),
        ("our endpoint returned 500 to the webhook", 500, "the receiver's handler failed (500)"),
        ("Kapso webhook delivery got 403 Forbidden from my server", 403, "the receiver refused it (403)"),
        ("receiver answered 413", 413, "the receiver refused the body as too large (413)"),
    ])
    func theReceiversSideNamedIsTheReceiversAnswer(text: String, status: Int, meaning: String) throws {
        let run = OfflineShell.run("explain", text)
        #expect(run.status == .ok, "\(run.err)")
        #expect(run.requests == 0)
        #expect(run.out.contains("HTTP status: \(status)"), "\(run.out)")
        #expect(run.out.contains("answered by: your webhook's receiver"), "\(run.out)")
        #expect(run.out.contains(meaning), "\(run.out)")
        #expect(!run.out.contains("from Kapso: the API key was refused"), "\(run.out)")
        #expect(!run.out.contains("the id is another kind"), "\(run.out)")
        #expect(PastedDeliveryStatus(text)?.status == status && PastedDeliveryStatus(text)?.reading == .receiver)
    }

    /// `webhook` or `delivery` alone: a call on webhooks to Kapso's API fits too, so both readings are given.
    @Test(arguments: [
        ("webhook failed: 401 Unauthorized", 401, "the receiver refused it (401)", "HTTP 401 from Kapso"),
        ("delivery failed: HTTP 404", 404, "the receiver has no handler for it at that URL (404)", "HTTP 404 from Kapso"),
        ("HTTP 413 Payload Too Large on webhook", 413, "the receiver refused the body as too large (413)", "413"),
        ("webhook 502 Bad Gateway", 502, "(502 Bad Gateway, RFC 9110 section 15.6.3)", "502"),
    ])
    func aWebhookAloneGivesBothReadings(text: String, status: Int, receiver: String, api: String) throws {
        let run = OfflineShell.run("explain", text)
        #expect(run.status == .ok, "\(run.err)")
        #expect(run.out.contains("could be 1:  your webhook receiver's answer to a Kapso delivery: "), "\(run.out)")
        #expect(run.out.contains(receiver), "\(run.out)")
        #expect(run.out.contains("could be 2:  Kapso's API answer to a call of yours"), "\(run.out)")
        #expect(run.out.contains(api), "\(run.out)")
        #expect(PastedDeliveryStatus(text)?.status == status && PastedDeliveryStatus(text)?.reading == .either)
    }

    /// The API's own answers stay the API's: a status alone, a Kapso path or text, a call on webhooks, a Graph code,
    /// counts, a message's delivery, a number HTTP does not define (tester56b AA1).
    @Test(arguments: [
        "401", "HTTP 401", "GET /platform/v1/whatsapp/webhooks/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d 404",
        "webhooks create failed 422", "webhook failed: (#131047) Re-engagement message", "webhook failed 500 times",
        "webhook failed 10 minutes ago", #"{"error":"Invalid API key"}"#, "404 Webhook not found",
        "message delivery failed with 500", "401 from kapso when sending; webhook ok", "Kapso webhook 401 invalid API key",
        #"422 {"error":"Webhook URL must use HTTPS"}"#, "webhook delivery failed: error 470", "webhook failed: 131047 401",
    ])
    func otherTextsAreNoDeliveryStatus(text: String) {
        #expect(PastedDeliveryStatus(text) == nil)
    }

    @Test func kapsosWebhookNotFoundIsTheAPIs() {
        let run = OfflineShell.run("explain", "404 Webhook not found")
        #expect(run.out.contains("HTTP 404 from Kapso") || run.out.contains("404"), "\(run.out)")
        #expect(!run.out.contains("the receiver has no handler"), "\(run.out)")
    }

    @Test func aBareStatusIsStillKapsosAnswer() {
        let run = OfflineShell.run("explain", "401")
        #expect(run.out.contains("HTTP 401 from Kapso"), "\(run.out)")
    }
}
