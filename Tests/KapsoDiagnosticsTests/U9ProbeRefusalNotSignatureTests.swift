import KapsoDiagnostics
import Testing

/// tester64b U9: `webhooks probe` against a receiver answering 403 (a Cloudflare page, or a bare "Forbidden") to every
/// delivery said "wrong signature → 403, like the signed ones: cannot tell whether the handler verifies signatures" and
/// then "the handler rejects the signature Kapso sends: its secret is not this webhook's secret_key …". The same answer to
/// a wrong signature shows nothing about signatures: the secret is blamed only when the body names the signature or the
/// wrong signature was answered otherwise.
@Suite struct U9ProbeRefusalNotSignatureTests {
    static func reading(_ signed: Int, wrong: Int, body: String) -> String {
        let answer = WebhookProbeReading.Answer.status(signed, seconds: 0.001)
        let reading = WebhookProbeReading(
            https: false, signedASCII: answer, signedNonASCII: answer, wrongSignature: .status(wrong, seconds: 0.001),
            signedBodies: [body, body])
        return reading.verdicts.filter { $0.kind == .error }.map(\.text).joined(separator: "\n")
    }

    @Test func aCloudflarePageIsNotBlamedOnTheSecret() {
        let text = Self.reading(403, wrong: 403, body: "<html><title>Attention Required! | Cloudflare</title></html>")
        #expect(!text.contains("its secret is not this webhook's secret_key"), "\(text)")
        #expect(text.contains("before or regardless of the signature"), "\(text)")
        #expect(text.contains("with a page naming Cloudflare"), "\(text)")
    }

    @Test(arguments: [401, 403]) func aBareRefusalOfAllThreeIsHedged(_ status: Int) {
        let text = Self.reading(status, wrong: status, body: status == 401 ? "Unauthorized" : "Forbidden")
        #expect(text.hasPrefix("error: correctly signed deliveries were refused (\(status), \(status)), as the wrong signature was:"), "\(text)")
        #expect(!text.contains("the handler rejects the signature"), "\(text)")
    }

    @Test func aBodyNamingTheSignatureStillNamesTheSecret() {
        let text = Self.reading(401, wrong: 401, body: #"{"error":"invalid signature"}"#)
        #expect(text.contains("the answer names the signature"), "\(text)")
        #expect(text.contains("its secret is not this webhook's secret_key"), "\(text)")
    }

    @Test func aWrongSignatureAnsweredOtherwiseStillPointsAtTheSignature() {
        let text = Self.reading(403, wrong: 401, body: "Forbidden")
        #expect(text.contains("the handler rejects the signature Kapso sends"), "\(text)")
    }
}
