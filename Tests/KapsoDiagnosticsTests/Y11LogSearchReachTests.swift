import KapsoDiagnostics
import Testing

/// tester55b Y11: the 30 days Kapso keeps `api_logs` and `webhook_deliveries` (kapso-api.md §0.21) were applied to log
/// search, which answers with the window it searched (§6): trace called Meta's events of an old message "not known". A
/// log search's reach is its window alone.
@Suite struct Y11LogSearchReachTests {
    static let now: Int64 = 1_798_718_400
    static let old = now - 40 * 86_400

    @Test func aWindowCoveringAnOldMessageReachesIt() {
        #expect(LogReach.of(since: Self.old, now: Self.now, oldest: Self.old - 60, rows: 3, more: true, keeps: nil) == .reached)
        #expect(LogReach.of(since: Self.old, now: Self.now, oldest: Self.old - 60, rows: 3, more: true) == .beyondLog)
    }

    @Test func aWindowShortOfTheMessageDoesNot() {
        let start = Self.now - 7 * 86_400
        #expect(LogReach.of(since: Self.old, now: Self.now, oldest: start, rows: 0, more: true, keeps: nil)
            == .notReached(readBackTo: start, rows: 0))
    }
}
