import KapsoSimulator
import KopsTestSupport
import Testing

/// tester50 F2, over loopback (`Seeds/tester50-coex.seed.json`: Support Line on coexistence, four inbound messages of
/// the last four days imported with `kapso.origin: history_sync`, one `business_app` echo, and a webhook subscribed to
/// the message events whose last delivery was ten days ago). `webhooks check` read the imports as received messages
/// Kapso failed to deliver ("report this webhook id to Kapso support") and `trace` of one as "the webhook stopped
/// firing": Kapso documents its message events for live messages, and imported history reaches Meta's separate
/// `history` webhook, so no delivery of it is no evidence of a missed one. The same for the app echo.
@Suite struct ImportedHistoryDeliveryTests {
    static let seed = TestSeeds.path("tester50-coex.seed.json")
    static let imported = "wamid.HBgLMTQxNTU1NTAxODEVAgASGBRGQkVFNkUxNjVGQ0RGOEZEQzMxRgA="
    static let echo = "wamid.HBgLMTQxNTU1NTAxODEVAgASGBRDQkIxMUVEODdEQzhBOTVEODE0MAA="

    @Test func importedHistoryAndAppEchoesAreNoMissedDeliveries() async throws {
        let runs = try await runDemo(
            ["webhooks check", "trace \(Self.imported)", "trace \(Self.echo)"], number: "100200300400501", seed: .file(Self.seed),
            width: 400)
        #expect(!runs[0].out.contains("Kapso did not deliver them"), "\(runs[0].out)")
        #expect(!runs[0].out.contains("report this webhook id to Kapso support"), "\(runs[0].out)")
        #expect(!runs[1].out.contains("stopped firing"), "\(runs[1].out)")
        #expect(runs[1].out.contains("webhook deliveries: none; imported history (kapso.origin history_sync)"), "\(runs[1].out)")
        #expect(!runs[2].out.contains("stopped firing"), "\(runs[2].out)")
        #expect(runs[2].out.contains("webhook deliveries: none; an echo of a message sent from the WhatsApp Business app"), "\(runs[2].out)")
    }

    /// The same finding's other half (`Seeds/tester50-hsout.seed.json`: an imported outbound text that failed 131026,
    /// sent from the app before onboarding, beside a live send that failed 131047): `overview` counted "2 sends failed"
    /// and `errors` gave the imported one a send's advice with no word that it was imported.
    @Test func aFailedMessageOfImportedHistoryIsNoFailedSend() async throws {
        let runs = try await runDemo(["overview", "errors"], number: "100200300400501", seed: .file(TestSeeds.path("tester50-hsout.seed.json")), width: 400)
        #expect(runs[0].out.contains("1 send failed (1 cause); 1 failed message of imported history (kapso.origin history_sync"), "\(runs[0].out)")
        #expect(!runs[0].out.contains("2 sends failed"), "\(runs[0].out)")
        #expect(runs[1].out.contains("message to 14155550181 (text, imported history)"), "\(runs[1].out)")
    }
}
