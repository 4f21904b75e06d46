import KopsShell
import KopsTestSupport
import Testing

/// tester54 V8: `webhooks update META_WEBHOOK --events …` sent the PATCH and said "events: none (added …)", exit 0, while
/// `--add-events` on the same webhook was refused before any request. Kind meta forces `events: []` (kapso-api.md §0.8,
/// §3.2): `--events` is refused the same way, and nothing is sent.
@Suite struct V8MetaWebhookEventsTests {
    static let meta = "2c3d4e5f-6a7b-4c8d-8e9f-1a2b3c4d5e6f"

    @Test(arguments: ["--events whatsapp.message.received,whatsapp.message.failed", "--add-events whatsapp.message.failed"])
    func anEventListForAMetaWebhookIsRefused(flags: String) async throws {
        let runs = try await runDemo(["webhooks get \(Self.meta)", "webhooks update \(Self.meta) \(flags)", "webhooks get \(Self.meta)"],
            number: "100200300400501", width: 1000)
        #expect(runs[0].out.contains("kind: meta") || runs[0].out.contains("meta"), "\(runs[0].out)")
        #expect(runs[1].status == 64, "\(runs[1].out)\(runs[1].err)")
        let flag = flags.split(separator: " ")[0]
        #expect(
            runs[1].err == "error: webhooks: invalid flag for meta webhook \(Self.meta) '\(flag)'; expected no event list: a meta "
                + "webhook forwards every payload Meta sends for its number (kind kapso has events)\n", "\(runs[1].err)")
        #expect(!runs[1].out.contains("updated webhook"), "\(runs[1].out)")
        // Nothing was sent: the webhook reads as before (its updated_at too).
        #expect(runs[2].out == runs[0].out, "\(runs[2].out)")
    }

    /// `create --kind meta --events …` was created, its list dropped without a word: refused the same way.
    @Test func anEventListForANewMetaWebhookIsRefused() async throws {
        let runs = try await runDemo(
            [
                "webhooks create --kind meta --url https://x.example.com/m --events whatsapp.message.received "
                    + "--secret-key whsec_abcdefghijklmnop1234",
                "webhooks",
            ], number: "100200300400502", width: 1000)
        #expect(runs[0].status == 64, "\(runs[0].out)\(runs[0].err)")
        #expect(runs[0].err.contains("invalid flag for a meta webhook '--events'; expected no event list"), "\(runs[0].err)")
        #expect(!runs[1].out.contains("x.example.com"), "\(runs[1].out)")
    }
}
