import Foundation
import KapsoSimulator
import KopsTestSupport
import Testing

/// tester54 V23: delivery rows with an off-type value were read as facts. Seed `tester54-delivery-offtype.seed.json`
/// (API clock 2026-11-21T12:00Z), one webhook: 11:06 failed 401 (4 tries); 11:05 failed `response_status: "500"` (a
/// string); 11:01 failed `response_status: -1`; 11:00 delivered 500 with `attempt_count: 99999999999999999999`; 08:00
/// pending, `response_status: null`, `attempt_count: 1.5`. `"500"` and `-1` were "no HTTP response … check that the
/// URL is reachable", the overflowing and fractional counts 0 tries.
@Suite struct V23DeliveryOffTypeValuesTests {
    static let seed = TestSeeds.file("tester54-delivery-offtype.seed.json")

    static func row(_ out: String, _ time: String) -> [Substring] {
        (out.split(separator: "\n").first { $0.hasPrefix(time) } ?? "").split(separator: " ")
    }

    @Test func theListReadsAStringStatusAndNamesTheUnreadableValues() async throws {
        let ran = try await runDemo(["deliveries"], number: nil, seed: Self.seed, width: 2_000)[0]
        #expect(ran.status == 0, "\(ran.err)")
        // TIME EVENT STATUS HTTP TRIES …
        #expect(Self.row(ran.out, "2026-11-21T11:05:00Z").dropFirst(3).prefix(2) == ["500", "4"], "\(ran.out)")
        #expect(Self.row(ran.out, "2026-11-21T11:01:00Z").dropFirst(3).prefix(2) == ["unreadable", "4"], "\(ran.out)")
        #expect(Self.row(ran.out, "2026-11-21T11:00:00Z").dropFirst(3).prefix(2) == ["500", "unreadable"], "\(ran.out)")
        #expect(Self.row(ran.out, "2026-11-21T08:00:00Z").dropFirst(4).first == "unreadable", "\(ran.out)")
        let all = ran.out + ran.err
        #expect(!all.contains("got no HTTP response"), "\(all)")
        let note = try #require(all.split(separator: "\n").first { $0.contains("kops cannot read") }, "\(all)")
        #expect(note.contains("response_status -1 ") && note.contains("attempt_count 1.5 "), "\(note)")
    }

    @Test func theCountsKeepUnreadableValuesApart() async throws {
        let ran = try await runDemo(["deliveries stats"], number: nil, seed: Self.seed, width: 2_000)[0]
        #expect(ran.status == 0, "\(ran.err)")
        // At a terminal (2,000 columns) the counts have bars beside them (AE2: drawn at any terminal): read without them.
        let lines = ran.out.split(separator: "\n").map {
            $0.split(separator: " ").filter { !$0.allSatisfy("█▏▎▍▌▋▊▉".contains) }.joined(separator: " ")
        }
        // The fractional attempt count's row has a null answer: no HTTP response (AA3DeliveryStatsHTTPFieldTests).
        #expect(lines.contains("5xx 2") && lines.contains("4xx 1") && lines.contains("unreadable 1"), "\(ran.out)")
    }

    @Test func errorsDoNotSendTheEngineerToTheFirewallForAnAnswer() async throws {
        let ran = try await runDemo(["errors --source webhook --flat"], number: nil, seed: Self.seed, width: 2_000)[0]
        #expect(ran.status == 0, "\(ran.err)")
        let string = try #require(ran.out.split(separator: "\n").first { $0.hasPrefix("2026-11-21T11:05:00Z") }, "\(ran.out)")
        #expect(string.contains("HTTP 500 after 4 attempts") && !string.contains("reachable from the internet"), "\(string)")
        let negative = try #require(ran.out.split(separator: "\n").first { $0.hasPrefix("2026-11-21T11:01:00Z") }, "\(ran.out)")
        #expect(negative.contains("unreadable") && !negative.contains("reachable from the internet"), "\(negative)")
    }

    /// The verdict keeps every row (5 logged, 3 of 4 settled ones failed), an unreadable answer named as such.
    @Test func theWebhookCheckCountsEveryRowAndNamesTheUnreadableAnswer() async throws {
        let ran = try await runDemo(["webhooks check"], number: nil, seed: Self.seed, width: 2_000)[0]
        let all = ran.out + ran.err
        #expect(all.contains("3 of 4 deliveries failed") && all.contains("unreadable response_status -1"), "\(all)")
        #expect(all.contains("5 whatsapp.message.received deliveries logged") && all.contains("an unreadable number of attempts"), "\(all)")
    }
}
