import KopsTestSupport
import Testing

/// tester70b G6: on a number health confirms DISCONNECTED, `errors --flat`'s row for a 131047 also reported delivered
/// still ended "a template still goes through" while every other row added "but a template from this number fails now",
/// and `trace`'s `window:` line of the inbound beside it ended unhedged the same way. Every row and line whose advice is
/// a send says the sender's state; a state that refuses for certain drops "a template still goes through" instead of
/// contradicting it.
@Suite struct G6DeliveredAfterFailureSenderTests: PrintedLines {
    static let seed = TestSeeds.file("g6-d8-health.seed.json")

    @Test func g6EveryRowSaysTheSender() async throws {
        let runs = try await runDemo(
            ["set on_error continue", "use 100200300400501", "health", "errors --flat"], number: "100200300400501", seed: Self.seed,
            width: 4000)
        let rows = runs[3].out.split(separator: "\n").filter { $0.contains("131047") }
        #expect(rows.count == 7, "\(runs[3].out)")
        for row in rows {
            #expect(row.contains("from this number fails now: Support Line is DISCONNECTED now"), "\(row)")
            #expect(!row.contains("still goes through"), "\(row)")
        }
        let delivered = rows.first { $0.contains("now delivered") } ?? ""
        #expect(delivered.hasSuffix(
            "counts); a template from this number fails now: Support Line is DISCONNECTED now (health: the number is disconnected "
                + "from the WhatsApp Cloud API): a reply from it fails until it is back; reconnect or re-register the number in "
                + "Kapso; messages cannot be sent until then"), "\(delivered)")
    }

    /// Kapso's record alone (no health read): the reported-delivered row is hedged as the others are.
    @Test func g6TheRecordAloneHedgesTheDeliveredRowToo() async throws {
        let runs = try await runDemo(
            ["set on_error continue", "use 100200300400501", "errors --flat"], number: "100200300400501", seed: Self.seed, width: 4000)
        let delivered = runs[2].out.split(separator: "\n").first { $0.contains("now delivered") }.map(String.init) ?? ""
        #expect(delivered.contains("; but a template from this number may fail: Kapso's record says Support Line is DISCONNECTED"), "\(delivered)")
    }

    @Test func g6TheTraceWindowLineSaysTheSender() async throws {
        let runs = try await runDemo(
            ["set on_error continue", "use 100200300400501", "health", "trace wamid.T68BYE1AAAAAAAAAAAAAAAAAAAAA="],
            number: "100200300400501", seed: Self.seed, width: 4000)
        let window = Self.line("window:", in: runs[3].out)
        #expect(window.contains("a free-form reply may go through; but a send from this number fails now: Support Line is DISCONNECTED"), "\(window)")
        #expect(!window.contains("still goes through"), "\(window)")
        let verdict = Self.line("verdict:", in: runs[3].out)
        #expect(!verdict.contains("still goes through"), "\(verdict)")
    }
}
