@testable import KapsoDiagnostics
import Testing

/// tester62 AL10: a handler whose signature check refuses every delivery (its secret differs from the webhook's, or it
/// hashes re-serialised JSON: Python's `json.dumps(json.loads(raw))`) answered 401 to all three probes, and the probe
/// said only "error: a correctly signed delivery was not accepted: Kapso's deliveries to it fail and are retried". A
/// 401 or 403 to both signed deliveries now names the signature check and its usual causes, with the next step.
@Suite struct AL10ProbeAllRefusedTests {
    typealias Answer = WebhookProbeReading.Answer

    static func last(_ ascii: Answer, _ nonASCII: Answer, _ wrong: Answer) -> WebhookProbeReading.Verdict? {
        WebhookProbeReading(https: false, signedASCII: ascii, signedNonASCII: nonASCII, wrongSignature: wrong).verdicts.last
    }

    /// Since tester64b U9, only when the wrong signature was answered otherwise (or a body names the signature,
    /// AO9): the same refusal to all three is hedged (`sameRefusalToAllThreeIsHedged`).
    @Test(arguments: [(401, 401, 500), (403, 403, 401)])
    func refusedSignedDeliveriesNameTheSignatureCheck(ascii: Int, nonASCII: Int, wrong: Int) throws {
        let verdict = try #require(
            Self.last(.status(ascii, seconds: 0.01), .status(nonASCII, seconds: 0.01), .status(wrong, seconds: 0.01)))
        #expect(verdict.kind == .error)
        #expect(verdict.text.hasPrefix("error: correctly signed deliveries were refused (\(ascii), \(nonASCII)): "), "\(verdict.text)")
        #expect(verdict.text.contains("its secret is not this webhook's secret_key"), "\(verdict.text)")
        #expect(verdict.text.contains("raw body bytes"), "\(verdict.text)")
        #expect(verdict.text.contains("'listen --save DIR' keeps a delivery, then 'verify'"), "\(verdict.text)")
    }

    /// tester64b U9: the same 401/403 to the wrong signature too shows nothing about signatures.
    @Test(arguments: [(401, 401, 401), (403, 403, 403), (401, 403, 401)])
    func sameRefusalToAllThreeIsHedged(ascii: Int, nonASCII: Int, wrong: Int) throws {
        let verdict = try #require(
            Self.last(.status(ascii, seconds: 0.01), .status(nonASCII, seconds: 0.01), .status(wrong, seconds: 0.01)))
        #expect(verdict.kind == .error)
        #expect(verdict.text.hasPrefix("error: correctly signed deliveries were refused (\(ascii), \(nonASCII)), as the wrong signature was: "), "\(verdict.text)")
        #expect(!verdict.text.contains("its secret is not this webhook's secret_key"), "\(verdict.text)")
        #expect(verdict.text.contains("'listen --save DIR' keeps a delivery, then 'verify'"), "\(verdict.text)")
    }

    /// Another refusal of both (a 500, a 404) is no word on signatures: the reading stays what it was.
    @Test(arguments: [500, 404])
    func otherRefusalsKeepTheirReading(status: Int) throws {
        let verdict = try #require(
            Self.last(.status(status, seconds: 0.01), .status(status, seconds: 0.01), .status(401, seconds: 0.01)))
        #expect(verdict.text == "error: a correctly signed delivery was not accepted: Kapso's deliveries to it fail and are retried")
    }

    /// ASCII accepted, non-ASCII refused: the narrower reading (re-serialised JSON or a wrong encoding) still applies.
    @Test func aNonASCIIRefusalKeepsItsNarrowerReading() throws {
        let verdict = try #require(Self.last(.status(200, seconds: 0.01), .status(401, seconds: 0.01), .status(401, seconds: 0.01)))
        #expect(verdict.text.hasPrefix("error: the ASCII body passed but the non-ASCII one got 401"), "\(verdict.text)")
    }
}
