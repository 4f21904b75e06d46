import KapsoClient
import KopsShell
import KopsTestSupport
import Testing

/// tester55b Y9 over loopback (demo simulator, Support Line: 2 active webhooks and a paused one): `health` exited 1 as
/// "could not be read" when the only deliveries not read were the paused webhook's, while both active ones were read
/// and fine. Nothing is delivered to a paused webhook now, so its unread deliveries leave the number's state known; the
/// line says the unread ones are the paused one's. An active webhook's deliveries not read still fail `health`.
@Suite struct Y9HealthPausedUnreadTests {
    static let paused = "ops.acme-demo.test/kapso/conversations"

    /// `health` with one deliveries look-up failing, until the failed one is the paused webhook's (the look-ups go out
    /// at once, so which one the fault hits is up to the order they arrive in); nil when it never was.
    static func pausedUnread() async throws -> (failed: Bool, out: String, err: String)? {
        for _ in 0..<12 {
            let ran = try await U9HealthDeliveriesUnreadTests.health(faults: "503:path=/webhook_deliveries:times=1", json: true)
            let json = try JSONValue.parse(Array(ran.out.drop { $0 != "{" }.utf8))
            let unread = json["kops_webhooks"]?["deliveries_not_read"]?.array?.compactMap { $0["id"]?.string } ?? []
            if unread == ["1b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e"] { return ran }
        }
        return nil
    }

    @Test func onlyThePausedOnesDeliveriesUnreadIsNoFailure() async throws {
        let ran = try #require(try await Self.pausedUnread())
        let json = try JSONValue.parse(Array(ran.out.drop { $0 != "{" }.utf8))
        #expect(!ran.failed, "\(ran.out)\(ran.err)")
        #expect(json["kops"]?["status"]?.string != "not_read", "\(ran.out)")
        #expect(json["kops"]?["not_known"]?.array?.isEmpty == true, "\(ran.out)")
    }

    @Test func theLineSaysTheUnreadOneIsThePausedOne() async throws {
        // As text: run until no active webhook's look-up is the one that failed.
        var line = ""
        for _ in 0..<12 {
            let ran = try await U9HealthDeliveriesUnreadTests.health(faults: "503:path=/webhook_deliveries:times=1")
            line = ran.out.split(separator: "\n").first { $0.hasPrefix("webhooks:") }.map(String.init) ?? ""
            if !line.contains("the deliveries of hooks.acme-demo.test"), !line.contains("the deliveries of legacy.acme-demo.test") { break }
        }
        #expect(line.contains("none active fails now, but \(Self.paused) is paused"), "\(line)")
        #expect(line.contains("the deliveries not read are only the paused one's (\(Self.paused); the API failed (503)"), "\(line)")
        #expect(!line.contains("could not be read"), "\(line)")
    }

    /// Two of the three look-ups failing: at least one active webhook's, which still fails `health`.
    @Test func anActiveOnesDeliveriesUnreadStillFail() async throws {
        let ran = try await U9HealthDeliveriesUnreadTests.health(faults: "503:path=/webhook_deliveries:times=2")
        #expect(ran.failed, "\(ran.out)\(ran.err)")
        #expect(ran.err.contains("could not be read") || ran.out.contains("could not be read"), "\(ran.out)\(ran.err)")
    }
}
