import KopsTestSupport
import Testing

/// tester69b D3, L1, L2, L3: a 141006 block is a secondary-source reading in `health`, yet `trace` said "a template from
/// this number fails now … so it fails"; reply's own words ("this template", "so this one fails") were pasted into a trace
/// of a received message; after `overview` the number was named by its id; `use` on a PENDING record said "PENDING: if
/// so, the number is PENDING".
@Suite struct D3HedgedSenderWordingTests: PrintedLines {
    static let refused = "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQBY01AAAAAAAAAAAAAAAAAAAA="
    static let inbound = "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQBK11AAAAAAAAAAAAAAAAAAAA="

    @Test func d3A141006TemplateIsHedgedAsHealthSaysIt() async throws {
        let runs = try await runDemo(
            ["set on_error continue", "use 100200300400501", "health", "trace \(Self.refused)"], number: "100200300400501",
            seed: TestSeeds.file("c1-payment-141006.seed.json"), width: 3000)
        let verdict = Self.line("verdict:", in: runs[3].out)
        #expect(verdict.contains("but a template from this number may fail: "), "\(verdict)")
        #expect(verdict.contains("a secondary source says"), "\(verdict)")
        #expect(!verdict.contains("so it fails") && !verdict.contains("this template"), "\(verdict)")
    }

    @Test func d3AnOpenWindowOnA141006BlockIsNotAFlatGoThrough() async throws {
        let runs = try await runDemo(
            ["set on_error continue", "use 100200300400501", "health", "trace wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQBY00AAAAAAAAAAAAAAAAAAAA="],
            number: "100200300400501", seed: TestSeeds.file("d3-payment-open-window.seed.json"), width: 3000)
        let verdict = Self.line("verdict:", in: runs[3].out)
        #expect(!verdict.contains("free-form replies go through"), "\(verdict)")
        #expect(verdict.contains("may still go out"), "\(verdict)")
    }

    @Test func l1NoReplyWordsInATraceOfAReceivedMessage() async throws {
        let runs = try await runDemo(
            ["set on_error continue", "use 100200300400501", "health", "trace \(Self.inbound)"], number: "100200300400501",
            seed: TestSeeds.file("c1-messaging-blocked.seed.json"), width: 3000)
        let verdict = Self.line("verdict:", in: runs[3].out)
        #expect(verdict.contains("fails now"), "\(verdict)")
        #expect(!verdict.contains("this one"), "\(verdict)")
    }

    @Test func l2AfterOverviewTheNumberIsNamed() async throws {
        let runs = try await runDemo(
            ["set on_error continue", "overview", "trace \(Self.inbound)"], number: "100200300400501",
            seed: TestSeeds.file("c1-messaging-blocked.seed.json"), width: 3000)
        let verdict = Self.line("verdict:", in: runs[2].out)
        #expect(verdict.contains("fails now: Support Line's health"), "\(verdict)")
    }

    @Test func l3UseOnAPendingRecordSaysTheStateOnce() async throws {
        let runs = try await runDemo(["use 100200300400501"], number: nil, seed: TestSeeds.file("y5-registration-name.seed.json"), width: 3000)
        let said = runs[0].out + runs[0].err
        #expect(said.contains("Kapso's record says Support Line is PENDING: if so, "), "\(said)")
        #expect(!said.contains("if so, the number is PENDING"), "\(said)")
    }
}
