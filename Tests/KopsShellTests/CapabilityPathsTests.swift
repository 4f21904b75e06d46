@testable import KopsShell
import KopsTestSupport
import Testing

/// Probe33 P33-4: webhook URLs whose key is a path segment on hosts `CapabilityURLs` does not list, masked by the
/// words before the key and its shape; the ids Kapso's paths carry stay readable.
@Suite struct CapabilityPathsTests {
    static func scan(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { ShapedCredentials.mayOccur(in: $0) }
    }

    @Test(arguments: [
        // IFTTT Maker: the key after `/key/`.
        ("https://maker.ifttt.com/trigger/kapso/with/key/dQw4w9WgXcQaB3dE5gH7jK",
         "https://maker.ifttt.com/trigger/kapso/with/key/<redacted>"),
        ("--url https://maker.ifttt.com/trigger/kapso/with/KEY/dQw4w9WgXcQaB3dE5gH7jK?value1=x --events all",
         "--url https://maker.ifttt.com/trigger/kapso/with/KEY/<redacted>?value1=x --events all"),
        // Microsoft Teams: everything after `IncomingWebhook/`; the group and tenant before it stay.
        ("https://acme.webhook.office.com/webhookb2/1a2b3c4d-0000-4000-8000-000000000001@2b3c/IncomingWebhook/9f8e7d6c5b4a39281706f5e4d3c2b1a0/3c4d5e6f",
         "https://acme.webhook.office.com/webhookb2/1a2b3c4d-0000-4000-8000-000000000001@2b3c/IncomingWebhook/<redacted>/<redacted>"),
        // Mattermost and Rocket.Chat: random segments after `/hooks/`.
        ("url: https://mm.acme.io/hooks/xg8kq4j5tfbz7rnmy3w6p2c9de", "url: https://mm.acme.io/hooks/<redacted>"),
        ("https://chat.acme.io/hooks/6Xz9NbPnwZqKb5Wjv/Tg3Jz4Lq9Vx2Wc8Rb5Nm7Kp1Hd6Fs0", "https://chat.acme.io/hooks/<redacted>/<redacted>"),
        // n8n: a UUID after the singular `/webhook/` (and `/webhook-test/`).
        ("https://n8n.acme.io/webhook/7c1e4b2a-9d3f-4e8a-b6c5-0f1e2d3c4b5a", "https://n8n.acme.io/webhook/<redacted>"),
        ("\"https://n8n.acme.io/WEBHOOK-TEST/7c1e4b2a-9d3f-4e8a-b6c5-0f1e2d3c4b5a\"", "\"https://n8n.acme.io/WEBHOOK-TEST/<redacted>\""),
        // probe33 P33-4's variants: a host named for hooks, Telegram's bot token, PagerDuty's integration key.
        ("https://webhook.site/7c1e4b2a-9d3f-4e8a-b6c5-0f1e2d3c4b5a", "https://webhook.site/<redacted>"),
        ("https://api.telegram.org/bot123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/sendMessage",
         "https://api.telegram.org/bot<redacted>/sendMessage"),
        ("https://events.pagerduty.com/integration/0123456789abcdef0123456789abcdef/enqueue",
         "https://events.pagerduty.com/integration/<redacted>/enqueue"),
    ])
    func aKeyInAHookPathIsMasked(text: String, masked: String) {
        #expect(Self.scan(text))
        #expect(ShapedCredentials.masked(text) == masked)
        #expect(Redactor().redact(text) == masked)
        // Masked once, it stays as it is.
        #expect(Redactor().redact(masked) == masked)
    }

    @Test(arguments: [
        // Kapso's own paths: a webhook's UUID after `webhooks`, phone-number ids, a WAMID, cursors.
        "http://127.0.0.1:47201/platform/v1/whatsapp/webhooks/4e5f6a7b-8c9d-4e0f-9a1b-3c4d5e6f7a80",
        "https://api.kapso.ai/platform/v1/whatsapp/phone_numbers/100200300400501/webhooks?limit=20",
        "https://api.kapso.ai/platform/v1/whatsapp/webhooks/4e5f6a7b-8c9d-4e0f-9a1b-3c4d5e6f7a80/test",
        "https://api.kapso.ai/meta/whatsapp/v24.0/100200300400501/messages/wamid.HBgLMTQxNTU1NTAxNDIVAgASGBRBN0YzQzE5RTAyQjg0RDZFNUMxMQA=",
        // A receiver's own readable path, a REST id in hex, digits after a hook word.
        "https://example.com/hook/m4kesecretpath0123", "https://n8n.acme.io/webhook/order-created",
        "https://api.acme.com/webhooks/kapso-inbound-2026", "https://api.acme.com/webhooks/5f8d0d55b54764421b7156c9",
        "https://api.acme.com/hooks/100200300400501/events", "https://api.acme.com/api/key/rotate",
        "https://hooks.example.com/v2/kapso", "https://api.acme.com/integrations/100200300400501",
        "https://api.acme.com/robots/bot-status-page-for-the-support-team",
    ])
    func ordinaryPathsStayReadable(text: String) {
        #expect(ShapedCredentials.masked(text) == text)
        #expect(Redactor().redact(text) == text)
    }

    /// A hook word followed by a segment too short for a key (every webhook URL of the demo seed) leaves the byte test
    /// false, so a `webhooks` table is not masked a second time (docs/performance.md, "Session 33": the 50-command replay
    /// 128.36 M instructions, 67 M of them masking such tables again); a segment long enough after it still says true.
    @Test(arguments: [
        ("https://sales.acme-demo.test/webhooks/kapso", false), ("https://hooks.acme-demo.test/kapso/whatsapp", false),
        ("url https://x.test/with/key/dQw4w9W next", false), ("https://x.test/webhook/order-created/x", false),
        ("https://x.test/webhooks/kapso/Xg8kQ4j5TfBz7rNm", true), ("https://x.test/with/key/dQw4w9Wg", true),
        ("https://x.test/webhook/Xg8kQ4j5TfBz7rNm", true),
    ])
    func aHookWordBeforeAShortSegmentIsNoKey(text: String, mayHold: Bool) {
        #expect(Self.scan(text) == mayHold, "\(text)")
        #expect(Self.scan("  ID  URL\n  1   \(text)  whatsapp.message.received\n") == mayHold, "\(text)")
    }

    /// Random paths of hook words, keys, ids and characters that join their neighbour: wherever the masking changes the
    /// text, the byte test said true.
    @Test func theByteTestNeverMissesAKeyInAPath() {
        let starts = ["https://x.test", "https://", "http://X.TEST:80", "x ", "https://webhook.site", "https://Hooks.x"]
        let pieces = [
            "https://", "x.test", "/", "/hooks/", "/HOOKS/", "/webhook/", "/webhook-test/", "/IncomingWebhook/", "/with/key/", "/Key/",
            "/token/", "hooks", "xg8kq4j5tfbz7rnmy3w6p2c9de", "7c1e4b2a-9d3f-4e8a-b6c5-0f1e2d3c4b5a", "9f8e7d6c5b4a39281706f5e4d3c2b1a0",
            "dQw4w9WgX", "dQw4w9W", "kapso", "Xg8kQ4j5TfBz7rN", "Xg8kQ4j5TfBz7rNm", "100200300400501", "/integration/", "/bot123456789:", "/BOT1:", "AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw", "?", "#", " ", "\"", "\r\n", "\u{301}", "/\u{212A}ey/", "é", "<redacted>", "a",
        ]
        var generator = SplitMix(seed: 33)
        var masked = 0
        for _ in 0..<20_000 {
            let start = starts[Int(generator.next() % UInt64(starts.count))]
            let text = start + (0..<(1 + generator.next() % 6)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            let unguarded = ShapedCredentials.maskedWithoutByteTest(text) != text
            if unguarded { masked += 1 }
            #expect(!unguarded || Self.scan(text), "\(text.debugDescription)")
            #expect((ShapedCredentials.masked(text) != text) == unguarded, "\(text.debugDescription)")
        }
        #expect(masked > 500, "\(masked)")
    }
}
