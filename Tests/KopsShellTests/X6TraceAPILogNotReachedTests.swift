import Testing

/// tester55 X6: `trace` follows at most 20 pages of the API log. With 2,100 send calls since the message, the rows read
/// did not reach back to it, yet the trace said "no send call with this project's keys at that time (sent from the inbox
/// or another project?)", though its send call is in the log. Now it says how far back the API log was read.
@Suite struct X6TraceAPILogNotReachedTests {
    @Test func apiLogNotReadBackToTheMessageIsNoEvidence() async throws {
        let sent = TraceLogsSeed.now - 2 * 86_400
        let out = try await TraceLogsSeed.trace(sent: sent, laterRows: 2_100, laterFrom: sent + 3_600)
        #expect(!out.contains("no send call"), "\(out)")
        #expect(out.contains("the API log was read back to"), "\(out)")
        #expect(out.contains("(2,000 /messages calls since)"), "\(out)")
    }
}
