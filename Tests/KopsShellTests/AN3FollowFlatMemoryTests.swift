import Foundation
import KapsoClient
@testable import KopsShell
import KopsTestSupport
import Testing

/// tester63 AN3 (second half): `deliveries --follow` kept every new delivery's id and status for its closing line (memory
/// growing with the deliveries shown), and `FollowLoop.catchUp` had no repeated-cursor guard: a server handing back the
/// same cursor had the catch-up read it up to `catchUpPages` times, silently.
@Suite struct AN3FollowFlatMemoryTests {
    @Test func newDeliveriesKeepAtMostTrackedIDsAndCountThemAll() {
        var new = DeliveryFollow.NewDeliveries()
        let count = DeliveryFollow.NewDeliveries.tracked * 5 + 17
        for index in 0..<count { new.shown(id: "d\(index)", status: index % 3 == 0 ? "failed" : "pending", isNew: true) }
        #expect(new.trackedCount <= DeliveryFollow.NewDeliveries.tracked)
        #expect(new.total == count)
        #expect(new.byStatus.values.reduce(0, +) == count)
        // A recent delivery's later status moves it in the count; one long folded is no longer kept.
        new.shown(id: "d\(count - 1)", status: "delivered", isNew: false)
        new.shown(id: "d0", status: "delivered", isNew: false)
        #expect(new.byStatus["delivered"] == 1)
        #expect(new.byStatus.values.reduce(0, +) == count)
    }

    @Test func aCatchUpStopsAtARepeatedCursorAndSaysSo() async throws {
        let ran = try await FollowServer.run("deliveries --follow --max-polls 2 --interval 1 --output json") { poll, after in
            if after != nil {
                // Always new deliveries, always the same cursor.
                let id = UUID().uuidString
                return FollowServer.page([FollowServer.delivery("old-\(id)")], next: "c")
            }
            return poll == 1 ? FollowServer.page([FollowServer.delivery("first")]) : FollowServer.page([FollowServer.delivery("new")], next: "c")
        }
        #expect(ran.status == .ok, "\(ran.err)")
        #expect(ran.paths.filter { $0.contains("after=c") }.count == 1, "\(ran.paths)")
        #expect(ran.err.contains("page cursor it had already given"), "\(ran.err)")
    }
}
