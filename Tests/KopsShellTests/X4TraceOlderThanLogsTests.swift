import Testing

/// tester55 X4: a message older than the 30 days Kapso keeps its delivery log and API log (kapso-api.md §0.21) got
/// "Kapso did not send it: report … to Kapso support", "no send call … (sent from the inbox or another project?)" and
/// "Meta has not told Kapso of it" under a sent/delivered/read history. Now the trace says the logs no longer reach back
/// to it. And a message whose whole delivery log (read to its end) holds only later rows of the same webhook: later events
/// reached it, so Kapso skipped this one, not "did not send it" (deliveries known, not "not known").
@Suite struct X4TraceOlderThanLogsTests {
    @Test func aMessageOlderThanTheLogsIsNotJudgedFromThem() async throws {
        let sent = TraceLogsSeed.now - 40 * 86_400
        let out = try await TraceLogsSeed.trace(sent: sent, laterRows: 1, laterFrom: TraceLogsSeed.now - 86_400)
        #expect(!out.contains("Kapso did not send it"), "\(out)")
        #expect(!out.contains("Kapso support"), "\(out)")
        #expect(!out.contains("no send call"), "\(out)")
        #expect(!out.contains("Meta has not told Kapso"), "\(out)")
        #expect(out.contains("older than the 30 days"), "\(out)")
    }

    @Test func laterRowsOfTheWholeLogSayKapsoSkippedIt() async throws {
        let sent = TraceLogsSeed.now - 10 * 86_400
        let out = try await TraceLogsSeed.trace(sent: sent, ownRows: false, laterRows: 1, laterFrom: TraceLogsSeed.now - 86_400)
        #expect(!out.contains("Kapso did not send it"), "\(out)")
        #expect(out.contains("later events reached it, so Kapso skipped this one"), "\(out)")
    }

    /// tester55b Y10: what the webhook list read now says is no reading of the log: with no webhook subscribing, an old
    /// message's trace still says so beside "the log does not reach back".
    @Test func noSubscriberNowIsStillSaidForAnOldMessage() async throws {
        let out = try await TraceLogsSeed.trace(sent: TraceLogsSeed.now - 40 * 86_400, laterRows: 0, laterFrom: 0, webhook: false)
        #expect(out.contains("older than the 30 days"), "\(out)")
        #expect(out.contains("no active webhook of this number subscribes to message status events now"), "\(out)")
    }
}
