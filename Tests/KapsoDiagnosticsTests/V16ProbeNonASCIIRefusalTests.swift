@testable import KapsoDiagnostics
import Testing

/// tester54 V16: a handler that hashes the body after a text re-encoding (read as UTF-8, written as Latin-1) passes the
/// ASCII probe and fails the non-ASCII one with 401, as one that hashes re-serialised JSON does; `webhooks probe` named
/// only the second as certain, while the same evidence with a 500 named both.
@Suite struct V16ProbeNonASCIIRefusalTests {
    @Test(arguments: [401, 403])
    func aRefusedNonASCIIBodyNamesBothCauses(status: Int) throws {
        let reading = WebhookProbeReading(
            https: true, signedASCII: .status(200, seconds: 0.01), signedNonASCII: .status(status, seconds: 0.01),
            wrongSignature: .status(401, seconds: 0.01))
        let line = try #require(reading.verdicts.last?.text)
        #expect(line.hasPrefix("error: the ASCII body passed but the non-ASCII one got \(status)"), "\(line)")
        #expect(line.contains("re-serialised JSON") && line.contains("text encoding"), "\(line)")
        #expect(!line.contains("the handler hashes re-serialised JSON, not the raw bytes"), "\(line)")
    }
}
