import Foundation
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// `trace`, `message` and `whois` show what a status carries besides its status: Meta's pricing, Meta's conversation
/// and the sender's `biz_opaque_callback_data` (probe9 P9-22: only raw JSON showed them, and `whois` of a Meta
/// conversation id pointed at `trace`, which did not show it).
///
/// Seed `status-billing.seed.json` (probe9's contact 78, clock 2026-11-21T12:00:00Z): P02, a text whose `sent` status
/// carries PMP/service/free_customer_service pricing, conversation `c0ffee00…` (origin service, expiring
/// 2026-11-22T10:00:00Z) and callback data with an escape sequence in it, then failed 131000; P03, a marketing
/// template priced PMP/regular on sent and delivered, read, with `order=A-77;email=ana.p9@example.com` on all three.
@Suite struct StatusBillingSeedTests {
    static var seed: SimulatorSeed { TestSeeds.file("status-billing.seed.json") }

    static let text = "wamid.HBgLMTQxNTU1NTAxNzgVAgASGBQBUDAyAAAAAAAAAAAAAAAAAAA="
    static let template = "wamid.HBgLMTQxNTU1NTAxNzgVAgASGBQBUDAzAAAAAAAAAAAAAAAAAAA="
    static let metaConversation = "c0ffee00c0ffee00c0ffee00c0ffee00"
    static let callbackData = "order=A-77;email=ana.p9@example.com"

    func run(_ lines: [String], width: Int? = nil) async throws -> [Ran] {
        try await runDemo(lines, number: "100200300400501", seed: Self.seed, width: width)
    }

    @Test func traceShowsPricingConversationAndCallbackDataUnderTheTimeline() async throws {
        let runs = try await run(["trace \(Self.text)", "trace \(Self.template)"])
        let out = runs[0].out
        let lines = out.split(separator: "\n").map(String.init)
        let pricing = try #require(lines.firstIndex { $0.hasPrefix("  pricing:") }, "\(out)")
        #expect(lines[pricing].contains("not billable; category service") && lines[pricing].contains("type free_customer_service")
            && lines[pricing].hasSuffix("PMP (per-message pricing); on the sent status"), "\(lines[pricing])")
        #expect(lines[pricing + 1] == "  meta conversation: \(Self.metaConversation) (origin service; expires 2026-11-22T10:00:00Z; "
            + "Meta's billing conversation, not Kapso's)")
        // The sender's text is shown, its escape sequence as an escape: server text never styles the terminal.
        #expect(lines[pricing + 2] == #"  callback data:     order=\x1b[31m77\x1b[0m;agent=ana"#, "\(lines[pricing + 2])")
        #expect(!out.contains("\u{1B}"))
        #expect(pricing > (lines.firstIndex { $0.contains(" failed ") && $0.contains("131000") } ?? Int.max), "under the timeline")
        #expect(pricing < (lines.firstIndex { $0.hasPrefix("Meta's webhooks:") } ?? -1), "before the other sections")
        let template = runs[1].out
        #expect(template.contains("  pricing:       billable; category marketing (charged as a marketing message); type regular (charged at the "
            + "category's rate); PMP (per-message pricing); on the sent, delivered statuses"), "\(template)")
        #expect(template.contains("  callback data: \(Self.callbackData)"))
        #expect(!template.contains("meta conversation:"), "no status of it names one")
    }

    @Test func messageShowsThemTooAlsoExpanded() async throws {
        let runs = try await run(["message \(Self.text)", "message --output expanded \(Self.template)"])
        #expect(runs[0].out.contains("\npricing:           not billable; category service"), "\(runs[0].out)")
        #expect(runs[0].out.contains("\nmeta conversation: \(Self.metaConversation) (origin service; expires 2026-11-22T10:00:00Z;"))
        #expect(runs[0].out.contains(#"callback data:     order=\x1b[31m77\x1b[0m;agent=ana"#))
        #expect(runs[1].out.contains("pricing:") && runs[1].out.contains("category marketing"), "\(runs[1].out)")
        #expect(runs[1].out.contains("callback data: \(Self.callbackData)"), "\(runs[1].out)")
    }

    /// `whois` says 'trace WAMID' shows the status that carries a Meta conversation id: it does.
    @Test func whoisOfAMetaConversationPointsAtATraceThatShowsIt() async throws {
        let runs = try await run(["whois \(Self.metaConversation)", "trace \(Self.text)"])
        #expect((runs[0].out + runs[0].err).contains("'trace WAMID' shows the status that carries it"), "\(runs[0].err)")
        #expect(runs[1].out.contains("meta conversation: \(Self.metaConversation)"))
    }

    /// At 80 columns the lines wrap at words under their value, never past the width.
    @Test func theLinesWrapUnderTheirValueAt80Columns() async throws {
        let out = try await run(["trace \(Self.text)"], width: 80)[0].out
        let lines = out.split(separator: "\n").map(String.init)
        let pricing = try #require(lines.firstIndex { $0.hasPrefix("  pricing:") }, "\(out)")
        #expect(lines[pricing].count <= 80 && lines[pricing + 1].hasPrefix(String(repeating: " ", count: 21)), "\(lines[pricing...])")
        // The two-word label too: its value goes on under the value column, not at the margin.
        let conversation = try #require(lines.firstIndex { $0.hasPrefix("  meta conversation:") }, "\(out)")
        #expect(lines[conversation + 1].hasPrefix(String(repeating: " ", count: 21) + "2026-11-22T10:00:00Z"), "\(lines[conversation...])")
        for line in lines[pricing...(conversation + 2)] { #expect(line.count <= 80, "\(line)") }
    }

    /// Callback data is the sender's own text (order ids, emails): a masked transcript masks it as a body, in the
    /// trace and message views and in JSON; the pricing and Meta's conversation id (Meta's, about no person) stay.
    @Test func aMaskedTranscriptMasksCallbackData() async throws {
        let (page, _) = try await recordMasked(
            ["use 100200300400501", "trace \(Self.template)", "message \(Self.template)", "message --output json \(Self.template)",
             "trace \(Self.text)"],
            seed: Self.seed)
        for canary in [Self.callbackData, "A-77", "ana.p9@example.com", "agent=ana", "[31m77"] {
            #expect(!page.contains(canary), "\(canary) in \(page)")
        }
        #expect(page.contains("callback data:") && page.contains("category marketing") && page.contains(Self.metaConversation), "\(page)")
    }
}
