import KapsoDiagnostics
import Testing

@testable import KopsShell

/// tester56b (with AA1): `response_status` is a delivery row's own field (kapso-api.md §4, as `deliveries --output json`
/// prints it), the receiver's answer to Kapso's delivery; pasted as JSON (`{"response_status":403}`, a whole row) it was
/// "invalid error code". Each form is now the receiver's answer (`PastedDeliveryStatus`).
@Suite struct ExplainResponseStatusFieldTests {
    static let row = """
        {"id":"7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c04","event":"whatsapp.message.sent","status":"failed","attempt_count":4,\
        "response_status":401,"webhook_id":"0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"}
        """

    @Test(arguments: [
        ("response_status: 401", 401), (#""response_status":403"#, 403), (#"{"response_status":403}"#, 403),
        (#"{"response_status":"502"}"#, 502), (row, 401), (#"{"data":[\#(row)]}"#, 401),
    ])
    func theFieldIsTheReceiversAnswer(text: String, status: Int) {
        #expect(PastedDeliveryStatus(text)?.status == status && PastedDeliveryStatus(text)?.reading == .receiver)
        let run = OfflineShell.run("explain", text)
        #expect(run.status == .ok, "\(run.err)")
        #expect(run.out.contains("HTTP status: \(status)"), "\(run.out)")
        #expect(run.out.contains("answered by: your webhook's receiver"), "\(run.out)")
        #expect(!run.out.contains("the API key was refused"), "\(run.out)")
    }

    /// A body with Kapso's `error` is no receiver's answer. (A delivered row is read as delivered since tester66b X6:
    /// `X6DeliveryStatusLeftoversTests`.)
    @Test(arguments: [#"{"error":"Webhook not found","response_status":404}"#])
    func otherRowsAreNot(text: String) {
        #expect(PastedDeliveryStatus(text) == nil)
    }
}
