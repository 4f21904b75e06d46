import KapsoDiagnostics
import Testing

@testable import KopsShell

/// tester66 W3: a failed delivery row whose receiver answered 202 (as `deliveries --output json` prints it) was "a URL,
/// not an error" with a garbled `whois` hint; `explain 'our endpoint returned 202 to the webhook'` (the help's own form)
/// was "invalid error code"; `explain 'response_status: 202'` said "the API answered without an error". A 2xx is the
/// receiver's answer to Kapso like any other status; Kapso documents only 200 ("Your endpoint must return 200 OK within
/// 10 seconds", https://docs.kapso.ai/docs/platform/webhooks).
@Suite struct W3ExplainSuccessStatusDeliveryTests {
    static let failedRow = """
        {"id":"7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c09","event":"whatsapp.message.received","status":"failed","attempt_count":4,\
        "created_at":"2026-11-20T14:30:06Z","response_status":202,"delivered_at":null,"failed_at":"2026-11-20T14:32:36Z",\
        "webhook_id":"0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d","webhook_url":"https://hooks.acme-demo.test/kapso/whatsapp",\
        "phone_number_id":"100200300400501"}
        """

    @Test func aFailedRowAnswered202IsTheReceiversAnswerCountedFailed() {
        let run = OfflineShell.run("explain", Self.failedRow)
        #expect(run.status == .ok, "\(run.err)")
        #expect(run.out.contains("HTTP status: 202") && run.out.contains("answered by: your webhook's receiver"), "\(run.out)")
        #expect(run.out.contains("the receiver answered 202, not 200"), "\(run.out)")
        #expect(run.out.contains("answer 200"), "\(run.out)")
        #expect(!(run.out + run.err).contains("is a URL") && !(run.out + run.err).contains("whois"), "\(run.out)\(run.err)")
    }

    @Test(arguments: [
        ("our endpoint returned 202 to the webhook", 202), ("our endpoint returned 204 to the webhook", 204),
        ("response_status: 202", 202), ("response_status: 204", 204),
        (#"{"id":"d1","webhook_id":"w1","status":"pending","response_status":204,"attempt_count":2}"#, 204),
    ])
    func aSuccessStatusIsReadWithWhatKapsoDocuments(text: String, status: Int) {
        let run = OfflineShell.run("explain", text)
        #expect(run.status == .ok, "\(run.err)")
        #expect(run.out.contains("HTTP status: \(status)") && run.out.contains("answered by: your webhook's receiver"), "\(run.out)")
        #expect(run.out.contains("not the 200 Kapso documents") && run.out.contains("answer 200"), "\(run.out)")
        #expect(run.out.contains("kapso then:  if Kapso counted it as failed, it retries it"), "\(run.out)")
        #expect(!run.out.contains("without an error") && !run.err.contains("invalid error code"), "\(run.out)\(run.err)")
    }
}
