import Testing

/// tester55b Y14: a message whose webhook got later deliveries that all failed without an HTTP response
/// (`response_status` null, kapso-api.md §4) was told "later events reached it, so Kapso skipped this one": none reached
/// the receiver. What the rows show is that Kapso attempted later events; "reached" only when one got an HTTP answer.
@Suite struct Y14TraceLaterAttemptsTests {
    @Test func laterDeliveriesWithoutAnAnswerAreAttemptsNotArrivals() async throws {
        let sent = TraceLogsSeed.now - 10 * 86_400
        let out = try await TraceLogsSeed.trace(
            sent: sent, ownRows: false, laterRows: 2, laterFrom: TraceLogsSeed.now - 86_400, laterAnswered: false)
        #expect(!out.contains("later events reached it"), "\(out)")
        #expect(out.contains("Kapso attempted later events to it (none of them got an HTTP response), so it skipped this one"), "\(out)")
    }

    @Test func aLaterAnsweredDeliveryStillSaysReached() async throws {
        let sent = TraceLogsSeed.now - 10 * 86_400
        let out = try await TraceLogsSeed.trace(sent: sent, ownRows: false, laterRows: 2, laterFrom: TraceLogsSeed.now - 86_400)
        #expect(out.contains("later events reached it, so Kapso skipped this one"), "\(out)")
    }
}
