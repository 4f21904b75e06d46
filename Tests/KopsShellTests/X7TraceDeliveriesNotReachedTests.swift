import Testing

/// tester55 X7: `trace` follows at most 20 pages of webhook deliveries. With 2,100 deliveries since the message, the
/// rows read did not reach back to it, yet the trace said "Kapso recorded no delivery of this message" and "Kapso did not
/// send it: report … to Kapso support", though its three deliveries are in the log. Now the deliveries section says how
/// far back the log was read and the verdict draws nothing from the absence.
@Suite struct X7TraceDeliveriesNotReachedTests {
    @Test func deliveriesNotReadBackToTheMessageAreNoEvidence() async throws {
        // Two days before the clock, then 2,100 deliveries (and send calls) one a minute from an hour later.
        let sent = TraceLogsSeed.now - 2 * 86_400
        let out = try await TraceLogsSeed.trace(sent: sent, laterRows: 2_100, laterFrom: sent + 3_600)
        #expect(!out.contains("Kapso did not send it"), "\(out)")
        #expect(!out.contains("Kapso recorded no delivery"), "\(out)")
        #expect(out.contains("the delivery log was read back to"), "\(out)")
        #expect(out.contains("2,000 deliveries since"), "\(out)")
    }
}
