import KopsTestSupport
import Testing

/// tester69b D3, L1, L2, L3: a 141006 block is a secondary-source reading in `health`, yet `trace` said "a template from
/// this number fails now … so it fails"; reply's own words ("this template", "so this one fails") were pasted into a trace
/// of a received message; after `overview` the number was named by its id; `use` on a PENDING record said "PENDING: if
/// so, the number is PENDING".
/// The `verdict:` line of the last of `commands` (after `set on_error continue`), on `seed`'s number 100200300400501.
func lastVerdict(_ commands: [String], seed: String, number: String = "100200300400501") async throws -> String {
    let runs = try await runDemo(["set on_error continue"] + commands, number: number, seed: TestSeeds.file(seed), width: 3000)
    return runs.last?.out.split(separator: "\n").first { $0.hasPrefix("verdict:") }.map(String.init) ?? ""
}

@Suite struct D3HedgedSenderWordingTests: PrintedLines {
    static let refused = "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQBY01AAAAAAAAAAAAAAAAAAAA="
    static let inbound = "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQBK11AAAAAAAAAAAAAAAAAAAA="

    @Test func d3A141006TemplateIsHedgedAsHealthSaysIt() async throws {
        let verdict = try await lastVerdict(["use 100200300400501", "health", "trace \(Self.refused)"], seed: "c1-payment-141006.seed.json")
        #expect(verdict.contains("but a template from this number may fail: "), "\(verdict)")
        #expect(verdict.contains("a secondary source says"), "\(verdict)")
        #expect(!verdict.contains("so it fails") && !verdict.contains("this template"), "\(verdict)")
    }

    @Test func d3AnOpenWindowOnA141006BlockIsNotAFlatGoThrough() async throws {
        let verdict = try await lastVerdict(["use 100200300400501", "health", "trace wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQBY00AAAAAAAAAAAAAAAAAAAA="], seed: "d3-payment-open-window.seed.json")
        #expect(!verdict.contains("free-form replies go through"), "\(verdict)")
        #expect(verdict.contains("may still go out"), "\(verdict)")
    }

    @Test func l1NoReplyWordsInATraceOfAReceivedMessage() async throws {
        let verdict = try await lastVerdict(["use 100200300400501", "health", "trace \(Self.inbound)"], seed: "c1-messaging-blocked.seed.json")
        #expect(verdict.contains("fails now"), "\(verdict)")
        #expect(!verdict.contains("this one"), "\(verdict)")
    }

    @Test func l2AfterOverviewTheNumberIsNamed() async throws {
        let verdict = try await lastVerdict(["overview", "trace \(Self.inbound)"], seed: "c1-messaging-blocked.seed.json")
        #expect(verdict.contains("fails now: Support Line's health"), "\(verdict)")
    }

    @Test func l3UseOnAPendingRecordSaysTheStateOnce() async throws {
        let runs = try await runDemo(["use 100200300400501"], number: nil, seed: TestSeeds.file("y5-registration-name.seed.json"), width: 3000)
        let said = runs[0].out + runs[0].err
        #expect(said.contains("Kapso's record says Support Line is PENDING: if so, "), "\(said)")
        #expect(!said.contains("if so, the number is PENDING"), "\(said)")
    }
}
