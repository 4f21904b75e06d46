import Foundation
import KopsTestSupport
import Testing

/// tester61 AI10: session 60 (AH6) gave `message --output json` kops's reading of the status (`.kops.status`,
/// `.kops.status_shown`), but `messages --output json` (one page and `--all`'s NDJSON) and `trace --output json` carried
/// only Kapso's field, so a script comparing them got `sent` from one and `read` from another for the same message.
@Suite struct AI10KopsStatusInListsTests {
    static let seed = TestSeeds.file("tester60-windows-forms.seed.json")
    /// `kapso.status` "sent", history sent, delivered, read.
    static let lagging = "wamid.HBgLNDQ3NzAwOTAw08AAAAAAAAAAAAAAAAAAAAAA="

    static func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// The `kops` object of the message with id `lagging` among list items.
    static func kops(in items: [[String: Any]]) -> [String: String]? {
        items.first { $0["id"] as? String == lagging }?["kops"] as? [String: String]
    }

    @Test func everyCommandGivesTheSameReading() async throws {
        let runs = try await runDemo(
            [
                "message \(Self.lagging) --output json", "messages --output json --limit 100",
                "messages --output json --all", "trace \(Self.lagging) --output json",
                "messages --limit 100", "assert .data | length > 0",
            ], number: "100200300400501", seed: Self.seed)
        for run in runs { #expect(run.status == 0, "\(run.err)") }
        let single = try #require(try Self.object(runs[0].out)["kops"] as? [String: String])
        #expect(single["status"] == "read", "\(single)")
        #expect(single["status_shown"] == "read (Kapso's status field still says sent)", "\(single)")
        // One page: each item of `data`.
        let page = try #require(try Self.object(runs[1].out)["data"] as? [[String: Any]])
        #expect(Self.kops(in: page) == single, "\(runs[1].out)")
        #expect(page.allSatisfy { ($0["kops"] as? [String: String])?["status"] != nil })
        // --all: each NDJSON line.
        let lines = try runs[2].out.split(separator: "\n").map { try Self.object(String($0)) }
        #expect(lines.count == page.count, "\(runs[2].out)")
        #expect(Self.kops(in: lines) == single, "\(runs[2].out)")
        #expect(lines.allSatisfy { ($0["kops"] as? [String: String])?["status"] != nil })
        // trace: its message.
        let trace = try Self.object(runs[3].out)
        #expect((trace["message"] as? [String: Any])?["kops"] as? [String: String] == single, "\(runs[3].out)")
    }

    /// `assert` reads what the list shows, and `help` documents where.
    @Test func assertReadsTheListAndTraceReadings() async throws {
        let runs = try await runDemo(
            [
                "messages --limit 100", "assert .data[0].kops.status exists", "trace \(Self.lagging)",
                "assert .message.kops.status == read", "assert .message.kapso.status == sent", "help messages", "help trace",
            ], number: "100200300400501", seed: Self.seed)
        for run in runs.prefix(5) { #expect(run.status == 0, "\(run.err)") }
        #expect(runs[5].out.contains(".kops.status"), "\(runs[5].out)")
        #expect(runs[6].out.contains(".message.kops.status"), "\(runs[6].out)")
    }
}
