import KapsoSimulator
import KopsTestSupport
import Testing

/// fix49d's leftover: a button tap, a sticker and an order were counted as due `whatsapp.message.received` deliveries, so
/// a week whose inbound was only these read as "Kapso did not deliver them" (`webhooks check`) and a trace of one as
/// "the webhook stopped firing". Kapso's list of webhook message types leaves them out and no Kapso page says either
/// way: unknown, never missed. Seed `Tests/Seeds/fix50-unlisted.seed.json` (tester49-rx2 with its system notification
/// replaced by a button tap, a sticker and an order; the kapso webhook's last delivery is 10 days old).
@Suite struct UnlistedTypeDeliveryTests {
    static let seed = TestSeeds.file("fix50-unlisted.seed.json")
    static let button = "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQBTN50AAAAAAAAAAAAAAAAAAAAAAA="

    @Test func aButtonStickerOrOrderIsNoMissedReceivedDelivery() async throws {
        let runs = try await runDemo(["webhooks check", "trace \(Self.button)"], number: "100200300400501", seed: Self.seed)
        let check = runs[0].out + runs[0].err
        #expect(!check.contains("did not deliver"), "\(check)")
        #expect(!check.contains("3 inbound messages"), "\(check)")
        let trace = runs[1].out + runs[1].err
        #expect(!trace.contains("stopped firing") && !trace.contains("Kapso recorded none"), "\(trace)")
        #expect(trace.contains("webhook deliveries: none; a tap on a template's quick-reply button (type button)"), "\(trace)")
        #expect(trace.contains("whatsapp.message.received for it is unknown"), "\(trace)")
    }
}
