import KapsoSimulator
import KopsTestSupport
import Testing

/// fix50d's leftover: kapso-sim logged imported history (`kapso.origin: history_sync`) as a live Meta message or status
/// webhook, so `trace` of an imported message said "Meta message received (text)" and of an imported failed send
/// "Meta status failed: 131026". Meta sends imported history through its separate `history` webhook (`field: history`,
/// each message once with `history_context.status`; Meta's history webhook reference), so the Meta event is that one and
/// `trace` says the message was imported.
@Suite struct ImportedHistoryMetaEventTests {
    static let inbound = ImportedHistoryDeliveryTests.imported
    static let outbound = "wamid.HBgLMTQxNTU1NTAxODEVAgASGBREQzk4OTlCQkQ0MDVEQUNEQjVGRAA="

    @Test func traceOfAnImportedMessageSaysMetaSentItAsHistory() async throws {
        let runs = try await runDemo(
            ["trace \(Self.inbound)"], number: "100200300400501", seed: .file(ImportedHistoryDeliveryTests.seed), width: 400)
        #expect(!runs[0].out.contains("Meta message received"), "\(runs[0].out)")
        #expect(runs[0].out.contains("Meta history webhook: imported text message (a copy of an older chat"), "\(runs[0].out)")
    }

    @Test func traceOfAnImportedFailedSendShowsNoLiveStatus() async throws {
        let runs = try await runDemo(
            ["trace \(Self.outbound)"], number: "100200300400501", seed: .file(TestSeeds.path("tester50-hsout.seed.json")), width: 400)
        #expect(!runs[0].out.contains("Meta status failed"), "\(runs[0].out)")
        #expect(runs[0].out.contains("Meta history webhook: imported text message (a copy of an older chat"), "\(runs[0].out)")
        #expect(runs[0].out.contains("Meta's webhooks: 1 (log search)"), "\(runs[0].out)")
    }

    /// fix52c: the verdict on that imported failed send gave a live send's advice ("do not retry in a loop … open a Meta
    /// support ticket with the WAMID"); it says imported history, as the window, webhook and API-call lines do.
    @Test func theVerdictOnAnImportedFailedSendSaysImportedHistory() async throws {
        let runs = try await runDemo(
            ["trace \(Self.outbound)"], number: "100200300400501", seed: .file(TestSeeds.path("tester50-hsout.seed.json")), width: 400)
        let verdict = try #require(runs[0].out.split(separator: "\n").first { $0.hasPrefix("verdict:") }, "\(runs[0].out)")
        #expect(verdict.hasPrefix("verdict: imported history (kapso.origin history_sync): a copy of a message sent"), "\(verdict)")
        #expect(verdict.contains("recorded failed (131026 message undeliverable) when the chat was imported"), "\(verdict)")
        #expect(!verdict.contains("retry in a loop") && !verdict.contains("ticket"), "\(verdict)")
    }
}
