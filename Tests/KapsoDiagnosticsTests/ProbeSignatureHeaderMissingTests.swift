import KapsoDiagnostics
import Testing

/// Session 65's fixA note: `webhooks probe` against a handler answering 400 "x-webhook-signature header missing" to every
/// delivery said "the handler rejects the signature Kapso sends: its secret is not this webhook's secret_key …". The probe
/// sent the header, so it did not reach the handler's check: a proxy or framework stripped or renamed it, or the handler
/// reads another name; the secret was never compared.
@Suite struct ProbeSignatureHeaderMissingTests {
    static func errors(_ status: Int, body: String) -> String {
        let answer = WebhookProbeReading.Answer.status(status, seconds: 0.001)
        let reading = WebhookProbeReading(
            https: false, signedASCII: answer, signedNonASCII: answer, wrongSignature: answer, signedBodies: [body, body])
        return reading.verdicts.filter { $0.kind == .error }.map(\.text).joined(separator: "\n")
    }

    @Test(arguments: [
        (400, "x-webhook-signature header missing"), (401, "Missing X-Webhook-Signature"), (400, "{\"error\":\"No signature header\"}"),
        (403, "signature required"), (400, "Signature header not present"), (400, "{\"error\":\"missing_signature\"}"),
    ])
    func aMissingHeaderIsNotBlamedOnTheSecret(_ status: Int, _ body: String) {
        let text = Self.errors(status, body: body)
        #expect(!text.contains("its secret is not this webhook's secret_key"), "\(text)")
        #expect(text.contains("says the signature header is missing"), "\(text)")
        #expect(text.contains("the header did not reach the handler's check"), "\(text)")
        #expect(text.contains("not a wrong secret"), "\(text)")
    }

    /// A body that names a wrong signature (or both), or compared one, keeps the secret's reading (tester66b X1: the
    /// four after the first three were read as a missing header).
    @Test(arguments: [
        "invalid signature", "Missing or invalid signature", "signature mismatch",
        "No signatures found matching the expected signature for payload", "Signature not present in the list of valid signatures",
        "Computed signature not found among X-Webhook-Signature values", "no signature matched the computed HMAC",
    ])
    func aWrongSignatureKeepsTheSecretReading(_ body: String) {
        let text = Self.errors(400, body: body)
        #expect(text.contains("its secret is not this webhook's secret_key"), "\(text)")
        #expect(!text.contains("says the signature header is missing"), "\(text)")
    }
}
