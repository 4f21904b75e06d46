@testable import KapsoDiagnostics
import Testing

/// tester63b AO9: a handler answering every probe delivery 400 "invalid signature" (what several webhook libraries answer
/// on a bad signature), or 404 (the wrong path), got only "error: a correctly signed delivery was not accepted: Kapso's
/// deliveries to it fail and are retried". A 4xx whose body names the signature is read as AL10's 401/403; 404 to all
/// three says the URL's path is not served.
@Suite struct AO9ProbeSignatureBodyAnd404Tests {
    typealias Answer = WebhookProbeReading.Answer

    static func last(_ status: Int, wrong: Int? = nil, bodies: [String]) -> String? {
        let answer = Answer.status(status, seconds: 0.01)
        return WebhookProbeReading(
            https: false, signedASCII: answer, signedNonASCII: answer, wrongSignature: .status(wrong ?? status, seconds: 0.01),
            signedBodies: bodies
        ).verdicts.last?.text
    }

    @Test(arguments: ["invalid signature", "{\"error\":\"Signature mismatch\"}", "X-Webhook-Signature check failed"])
    func aBodyNamingTheSignatureNamesTheSignatureCheck(body: String) throws {
        let text = try #require(Self.last(400, bodies: [body, body]))
        #expect(text.hasPrefix("error: correctly signed deliveries were refused (400, 400, the answer names the signature): "), "\(text)")
        #expect(text.contains("its secret is not this webhook's secret_key"), "\(text)")
    }

    @Test func a400WithoutTheWordKeepsTheGenericLine() throws {
        let text = try #require(Self.last(400, bodies: ["bad request", ""]))
        #expect(text == "error: a correctly signed delivery was not accepted: Kapso's deliveries to it fail and are retried")
    }

    @Test func a404ToEveryDeliveryNamesThePath() throws {
        let text = try #require(Self.last(404, bodies: ["Cannot POST /hook", "Cannot POST /hook"]))
        #expect(text.hasPrefix("error: every delivery got 404, the wrong signature too: the server answers but serves no handler at this URL's path"), "\(text)")
        // Only 404 to the signed ones, another answer to the wrong one: not all the path.
        let mixed = try #require(Self.last(404, wrong: 401, bodies: []))
        #expect(!mixed.contains("serves no handler"), "\(mixed)")
    }
}
