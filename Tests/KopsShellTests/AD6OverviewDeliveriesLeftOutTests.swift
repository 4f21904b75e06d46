import KapsoClient
import KopsTestSupport
import Testing

/// fixC's leftover of tester58 AD6 item 6 (fix59C-findings, item 2): `overview` judged each number's webhooks on the
/// delivery rows it could read and left the others out without a word, while `webhooks check`, `health` and `errors`
/// say how many they left out and why (`DeliveriesLeftOut`). `overview` says it too, in one line, and its JSON counts them.
@Suite struct AD6OverviewDeliveriesLeftOutTests {
    @Test func overviewSaysWhatItLeftOut() async throws {
        let out = try await AD6DeliveriesLeftOutTests.run("overview --period 7d")
        #expect(out.contains(AD6DeliveriesLeftOutTests.line(of: "the webhooks' reading")), "\(out)")
    }

    @Test func theJSONCountsThem() async throws {
        let out = try await AD6DeliveriesLeftOutTests.run("overview --period 7d --output json")
        // The JSON, without the failure line `overview` writes after it (both numbers are unhealthy in this seed).
        let object = out.drop { $0 != "{" }
        let json = try JSONValue.parse(Array(object[...(object.lastIndex(of: "}") ?? object.startIndex)].utf8))
        #expect(json["deliveries_left_out"]?["count"]?.int == 2, "\(out)")
        #expect(json["deliveries_left_out"]?["times"]?[0]?.string == "2026-11-21 11:20:00", "\(out)")
    }

    /// Every row readable (the demo): no such line.
    @Test func nothingLeftOutSaysNothing() async throws {
        let run = try await runDemo("overview")
        #expect(!run.out.contains("left out of the webhooks' reading"), "\(run.out)")
    }
}
