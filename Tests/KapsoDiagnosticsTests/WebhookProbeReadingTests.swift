@testable import KapsoDiagnostics
import Testing

/// `WebhookProbeReading` states only what the three answers prove (probe2 F10).
@Suite struct WebhookProbeReadingTests {
    typealias Answer = WebhookProbeReading.Answer

    static func texts(https: Bool = true, _ ascii: Answer, _ nonASCII: Answer, _ wrong: Answer) -> [String] {
        WebhookProbeReading(https: https, signedASCII: ascii, signedNonASCII: nonASCII, wrongSignature: wrong).verdicts.map(\.text)
    }

    @Test(arguments: [
        // A strict handler.
        ([.status(200, seconds: 0.01), .status(200, seconds: 0.01), .status(401, seconds: 0.01)] as [Answer],
         ["TLS verified (https)", "a wrong signature was rejected (401) while correctly signed ones were accepted",
          "correctly signed deliveries were accepted, ASCII and not"]),
        // Fails everything: nothing is known about signatures.
        ([.status(500, seconds: 0.01), .status(500, seconds: 0.01), .status(500, seconds: 0.01)],
         ["TLS verified (https)", "wrong signature → 500, like the signed ones: cannot tell whether the handler verifies signatures",
          "error: a correctly signed delivery was not accepted: Kapso's deliveries to it fail and are retried"]),
        // Rejects the wrong signature but fails signed ones too.
        ([.status(500, seconds: 0.01), .status(500, seconds: 0.01), .status(401, seconds: 0.01)],
         ["TLS verified (https)",
          "wrong signature → 401, signed ones → 500, 500: signature checking is not confirmed until signed deliveries are accepted",
          "error: a correctly signed delivery was not accepted: Kapso's deliveries to it fail and are retried"]),
        // The host does not resolve: no TLS, no signature verdict.
        ([.noConnection, .noConnection, .noConnection],
         ["TLS not checked: no connection was made", "signature checking not tested: the wrong-signature delivery got no connection",
          "error: no delivery reached the handler: Kapso's deliveries to it fail and are retried"]),
        // A bad certificate.
        ([.tlsFailed("certificate has expired"), .tlsFailed("certificate has expired"), .tlsFailed("certificate has expired")],
         ["error: TLS failed: certificate has expired; Kapso cannot deliver to this URL",
          "signature checking not tested: the wrong-signature delivery got TLS failure",
          "error: a correctly signed delivery was not accepted: Kapso's deliveries to it fail and are retried"]),
        // Takes signed deliveries with 204 (probe42 P42-8): the signature check shows, but Kapso documents 200 and does not
        // say how it counts another 2xx: a warning, not an error (probe43 P43-12).
        ([.status(204, seconds: 0.01), .status(204, seconds: 0.01), .status(401, seconds: 0.01)],
         ["TLS verified (https)", "a wrong signature was rejected (401) while correctly signed ones were accepted",
          "warning: correctly signed deliveries got 204, 204: 204, not 200: Kapso documents that the endpoint \"must return "
            + "200 OK within 10 seconds\" (docs.kapso.ai/docs/platform/webhooks) and does not say how it counts another 2xx "
            + "(its deliveries record such an answer as delivered or as failed: 'deliveries' shows which); answer 200"]),
        // Accepts anything.
        ([.status(200, seconds: 0.01), .status(200, seconds: 0.01), .status(200, seconds: 0.01)],
         ["TLS verified (https)",
          "error: the handler accepted a wrong signature: anyone can post events to it; verify X-Webhook-Signature",
          "correctly signed deliveries were accepted, ASCII and not"]),
        // Crashes on non-ASCII text.
        ([.status(200, seconds: 0.01), .status(500, seconds: 0.01), .status(401, seconds: 0.01)],
         ["TLS verified (https)", "a wrong signature was rejected (401) while correctly signed ones were accepted",
          "error: the ASCII body passed but the non-ASCII one got 500: the handler fails on non-ASCII text (re-serialised JSON or a wrong text encoding)"]),
        // Over Kapso's 10 s limit is not accepted.
        ([.status(200, seconds: 11), .status(200, seconds: 11), .status(401, seconds: 0.01)],
         ["TLS verified (https)",
          "wrong signature → 401, signed ones → 200 after Kapso's 10 s limit, 200 after Kapso's 10 s limit: signature checking is not confirmed until signed deliveries are accepted",
          "error: a correctly signed delivery was not accepted: Kapso's deliveries to it fail and are retried"]),
    ] as [([Answer], [String])])
    func verdicts(answers: [Answer], expected: [String]) {
        #expect(Self.texts(answers[0], answers[1], answers[2]) == expected)
    }

    @Test func plainHTTPSaysSoWhateverTheAnswers() {
        #expect(Self.texts(https: false, .noConnection, .noConnection, .noConnection).first == "plain http (loopback only)")
    }
}
