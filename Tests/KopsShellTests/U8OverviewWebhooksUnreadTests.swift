import KapsoClient
import KopsShell
import KopsTestSupport
import Testing

/// tester53b U8 over loopback (demo simulator): `overview` whose deliveries could not be read judges no number's
/// webhooks. Every number says its webhooks were not read, the degraded one too, and the failure line names every part
/// not read.
@Suite struct U8OverviewWebhooksUnreadTests {
    @Test func everyNumberSaysItsWebhooksWereNotRead() async throws {
        let ran = try await T15OverviewServerFailureTests.overview(faults: "503:path=/webhook_deliveries")
        let all = ran.out + ran.err
        #expect(ran.failed, "\(all)")
        for number in ["100200300400501", "100200300400502"] {
            let row = ran.out.split(separator: "\n").first { $0.hasPrefix(number) }.map(String.init) ?? ""
            #expect(row.contains("its webhooks not read (503)"), "\(row)")
        }
        #expect(ran.err.contains("not read (API failures): deliveries (24h)"), "\(ran.err)")
    }

    /// The failure line names the parts not read that decide nothing too (the API calls), beside those that do.
    @Test func theFailureLineNamesEveryPartNotRead() async throws {
        let ran = try await T15OverviewServerFailureTests.overview(faults: "503:times=2")
        let all = ran.out + ran.err
        #expect(all.contains("not read (API failures): phone numbers, API calls (24h)"), "\(all)")
    }
}
