import KapsoDiagnostics
import Testing

/// Tester47 L12: `explain 402` said only "the request was refused"; Kapso documents what its 402 means (kapso-api.md
/// §1.5 and §9.3): a send its credits cannot pay Meta's fee for, or a plan that lacks `project.event`.
@Suite struct KapsoStatus402Tests {
    @Test func a402NamesKapsosTwoDocumentedCauses() throws {
        let reading = try #require(KapsoStatusReading(status: 402))
        #expect(reading.meaning.contains("payment required"), "\(reading.meaning)")
        #expect(!reading.meaning.contains("the request was refused"), "\(reading.meaning)")
        #expect(reading.causes.count == 2)
        #expect(reading.causes.contains { $0.cause.contains("insufficient_credits") && $0.check.contains("explain insufficient_credits") })
        #expect(reading.causes.contains { $0.cause.contains("project.event") })
    }
}
