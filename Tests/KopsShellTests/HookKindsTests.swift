import Foundation
@testable import KopsShell
import Testing

/// Every well-known receiver whose URL alone authorises a post (probe40 P40-3: an Airtable automation hook was printed
/// in clear by every view; its Google Chat line lost the `):` after the masked URL), in every form a line writes it:
/// with its scheme, without, inside a sentence's parentheses before `):`, before `: HTTP 401`, ending a sentence,
/// quoted. The masked text is the text with the key alone replaced: nothing of the key is left, and nothing around it
/// (the ids that name the hook, the sentence's punctuation) is lost.
@Suite struct HookKindsTests {
    /// A receiver's URL without its scheme, the same URL as kops masks it, and the bytes that must not be shown.
    struct Hook: Sendable, CustomStringConvertible {
        let url: String
        let masked: String
        let keys: [String]
        /// False for a URL that is its host alone: without a scheme and a `/` no text reads it as a URL.
        var schemeless = true
        var description: String { url }
    }

    static let hooks: [Hook] = [
        Hook(url: "hooks.slack.com/services/T0AAAAAAA/B0BBBBBBB/abcdefghijklmnopqrstuvwx",
             masked: "hooks.slack.com/services/T0AAAAAAA/B0BBBBBBB/<redacted>", keys: ["abcdefghijklmnopqrstuvwx"]),
        Hook(url: "hooks.slack.com/triggers/T0AAAAAAA/1234567890123/0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d",
             masked: "hooks.slack.com/triggers/T0AAAAAAA/1234567890123/<redacted>", keys: ["0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d"]),
        Hook(url: "discord.com/api/webhooks/123456789012345678/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-AbCdEfGh",
             masked: "discord.com/api/webhooks/123456789012345678/<redacted>", keys: ["AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-AbCdEfGh"]),
        Hook(url: "discord.com/api/v10/webhooks/123456789012345678/ZyXwVuTsRqPoNmLkJiHg0123456789",
             masked: "discord.com/api/v10/webhooks/123456789012345678/<redacted>", keys: ["ZyXwVuTsRqPoNmLkJiHg0123456789"]),
        Hook(url: "acme.webhook.office.com/webhookb2/7e3c9f2a-1b4d-4c8e-9f0a-2b3c4d5e6f70@5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d"
                 + "/IncomingWebhook/5f2c1b6e4a3d4c2b9a8e7f6d5c4b3a21/0f1e2d3c-4b5a-4968-8776-5a4b3c2d1e0f",
             masked: "acme.webhook.office.com/webhookb2/7e3c9f2a-1b4d-4c8e-9f0a-2b3c4d5e6f70@5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d"
                 + "/IncomingWebhook/<redacted>/<redacted>",
             keys: ["5f2c1b6e4a3d4c2b9a8e7f6d5c4b3a21", "0f1e2d3c-4b5a-4968-8776-5a4b3c2d1e0f"]),
        Hook(url: "chat.googleapis.com/v1/spaces/AAAAB3CdEfG/messages?key=AIzaSyDdI0hCZtE6vySjMmWEfRq3CPzqKqqsHI&token=O7bnyri_WEXKcyFkAbCdEf%3D",
             masked: "chat.googleapis.com/v1/spaces/AAAAB3CdEfG/messages?key=<redacted>&token=<redacted>",
             keys: ["AIzaSyDdI0hCZtE6vySjMmWEfRq3CPzqKqqsHI", "O7bnyri_WEXKcyFkAbCdEf"]),
        Hook(url: "hooks.zapier.com/hooks/catch/123456/abcdef1/",
             masked: "hooks.zapier.com/hooks/catch/123456/<redacted>/", keys: ["abcdef1/"]),
        Hook(url: "hook.eu1.make.com/abcdefghijklmnopqrstuvwxyz123456",
             masked: "hook.eu1.make.com/<redacted>", keys: ["abcdefghijklmnopqrstuvwxyz123456"]),
        Hook(url: "n8n.acme.test/webhook/9f8e7d6c-5b4a-4321-8abc-def012345678",
             masked: "n8n.acme.test/webhook/<redacted>", keys: ["9f8e7d6c-5b4a-4321-8abc-def012345678"]),
        Hook(url: "eo1a2b3c4d5e6f7.m.pipedream.net",
             masked: "<redacted>.m.pipedream.net", keys: ["eo1a2b3c4d5e6f7"], schemeless: false),
        Hook(url: "eo9z8y7x6w5v4u3.m.pipedream.net/kapso",
             masked: "<redacted>.m.pipedream.net/kapso", keys: ["eo9z8y7x6w5v4u3"]),
        Hook(url: "maker.ifttt.com/trigger/order_failed/with/key/dAbCdEfGhIjKlMnOpQrSt12",
             masked: "maker.ifttt.com/trigger/order_failed/with/key/<redacted>", keys: ["dAbCdEfGhIjKlMnOpQrSt12"]),
        Hook(url: "maker.ifttt.com/trigger/order_failed/json/with/key/dAbCdEfGhIjKlMnOpQrSt34",
             masked: "maker.ifttt.com/trigger/order_failed/json/with/key/<redacted>", keys: ["dAbCdEfGhIjKlMnOpQrSt34"]),
        Hook(url: "api.telegram.org/bot123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/sendMessage",
             masked: "api.telegram.org/bot<redacted>/sendMessage", keys: ["AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"]),
        Hook(url: "chat.acme.test/hooks/5mqfaz6ygjbbmpo3tp8cgd7uke",
             masked: "chat.acme.test/hooks/<redacted>", keys: ["5mqfaz6ygjbbmpo3tp8cgd7uke"]),
        Hook(url: "rocket.acme.test/hooks/a1B2c3D4e5F6g7H8i/ZyXwVuTsRqPoNmLkJiHgFeDcBa9876543210zyxwvuts",
             masked: "rocket.acme.test/hooks/<redacted>/<redacted>",
             keys: ["a1B2c3D4e5F6g7H8i", "ZyXwVuTsRqPoNmLkJiHgFeDcBa9876543210zyxwvuts"]),
        Hook(url: "acme-fn.azurewebsites.net/api/kapso?code=AbCdEf0123456789GhIjKl",
             masked: "acme-fn.azurewebsites.net/api/kapso?code=<redacted>", keys: ["AbCdEf0123456789GhIjKl"]),
        Hook(url: "prod-12.westus.logic.azure.com:443/workflows/abc123/triggers/manual/paths/invoke?api-version=2016-06-01"
                 + "&sv=1.0&sig=AbCdEf0123456789GhIjKlMnOpQrStUvWxYz01234",
             masked: "prod-12.westus.logic.azure.com:443/workflows/abc123/triggers/manual/paths/invoke?api-version=2016-06-01"
                 + "&sv=1.0&sig=<redacted>",
             keys: ["AbCdEf0123456789GhIjKlMnOpQrStUvWxYz01234"]),
        Hook(url: "hooks.acme.test/kapso?token=abcDEF123456ghiJKL",
             masked: "hooks.acme.test/kapso?token=<redacted>", keys: ["abcDEF123456ghiJKL"]),
        Hook(url: "webhook.site/1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e",
             masked: "webhook.site/<redacted>", keys: ["1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e"]),
        Hook(url: "hooks.airtable.com/workflows/v1/genericWebhook/appAbC123/wflDeF456/wtrGhI789JkL",
             masked: "hooks.airtable.com/workflows/v1/genericWebhook/appAbC123/wflDeF456/<redacted>", keys: ["wtrGhI789JkL"]),
        // probe41 P41-3: a Google Apps Script web app's deployment id, and a Workspace domain's form of it.
        Hook(url: "script.google.com/macros/s/AKfycbx1234567890abcdefghijklmnopqrstuvwxyzABCDEF/exec",
             masked: "script.google.com/macros/s/<redacted>/exec", keys: ["AKfycbx1234567890abcdefghijklmnopqrstuvwxyzABCDEF"]),
        Hook(url: "script.google.com/a/macros/acme.example/s/AKfycbzZyXwVuTsRqPoNmLkJiHgFeDcBa0987654321/exec",
             masked: "script.google.com/a/macros/acme.example/s/<redacted>/exec", keys: ["AKfycbzZyXwVuTsRqPoNmLkJiHgFeDcBa0987654321"]),
        // probe44 P44-7: Pabbly Connect, Hookdeck (three hosts), Workato (two data centres), Tray.ai, Activepieces.
        Hook(url: "connect.pabbly.com/workflow/sendwebhookdata/IjU3NjUwNTZhMDYzMjA0MzI1MjZhNTUzNDUxMzQi_pc",
             masked: "connect.pabbly.com/workflow/sendwebhookdata/<redacted>", keys: ["IjU3NjUwNTZhMDYzMjA0MzI1MjZhNTUzNDUxMzQi_pc"]),
        Hook(url: "webhook.hookdeck.com/e/src_9XyZabcDEF123456",
             masked: "webhook.hookdeck.com/e/<redacted>", keys: ["src_9XyZabcDEF123456"]),
        Hook(url: "events.hookdeck.com/e/src_QwErTyUiOp987654",
             masked: "events.hookdeck.com/e/<redacted>", keys: ["src_QwErTyUiOp987654"]),
        Hook(url: "hkdk.events/h4rdt0gu3ss1d",
             masked: "hkdk.events/<redacted>", keys: ["h4rdt0gu3ss1d"]),
        Hook(url: "webhooks.workato.com/webhooks/rest/5f1e2d3c-4b5a-4968-8776-5a4b3c2d1e0f/new_message",
             masked: "webhooks.workato.com/webhooks/rest/<redacted>/new_message", keys: ["5f1e2d3c-4b5a-4968-8776-5a4b3c2d1e0f"]),
        Hook(url: "webhooks.eu.workato.com/webhooks/rest/6a2f3e4d-5c6b-4a79-9887-6b5c4d3e2f10/lead",
             masked: "webhooks.eu.workato.com/webhooks/rest/<redacted>/lead", keys: ["6a2f3e4d-5c6b-4a79-9887-6b5c4d3e2f10"]),
        Hook(url: "7c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f.trayapp.io",
             masked: "<redacted>.trayapp.io", keys: ["7c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f"], schemeless: false),
        Hook(url: "cloud.activepieces.com/api/v1/webhooks/wAbCdEfGhIjKlMnOpQrSt",
             masked: "cloud.activepieces.com/api/v1/webhooks/<redacted>", keys: ["wAbCdEfGhIjKlMnOpQrSt"]),
    ]

    /// The forms a line writes a URL in: `%@` stands for the URL.
    static let forms = [
        "https://%@", "%@", "(https://%@): 1 of 1 deliveries failed", "to https://%@: HTTP 401", "sent to https://%@.",
        "\"https://%@\"", "(%@): 1 of 1 deliveries failed", "to %@: HTTP 401", "see https://%@; then retry", "(https://%@)",
    ]

    @Test(arguments: hooks)
    func eachFormMasksTheKeyAloneAndKeepsWhatIsAroundIt(hook: Hook) {
        for form in Self.forms where hook.schemeless || form.contains("https://") {
            let text = form.replacingOccurrences(of: "%@", with: hook.url)
            let expected = form.replacingOccurrences(of: "%@", with: hook.masked)
            let masked = Redactor().redact(text)
            #expect(masked == expected, "form \(form)")
            for key in hook.keys { #expect(!masked.contains(key), "\(key) in \(masked)") }
            // The byte test in front of every sink lets the text through to the masking.
            #expect(ShapedCredentialsTests.scan(text), "\(text)")
        }
    }

    /// `CapabilityURLs.kind(of:)` tells a host ending in none of `.com`, `.net`, `.io`, `.events` no hook's by its last
    /// four bytes: every rule's hosts end so.
    @Test func everyRuleHostEndsInComOrNet() {
        for rule in CapabilityURLs.rules {
            for pattern in rule.hosts {
                let last: String
                switch pattern {
                case .exact(let name): last = name
                case .suffix(let suffix): last = suffix
                case .prefixAndSuffix(_, let suffix): last = suffix
                }
                #expect([".com", ".net", ".io", ".events"].contains { last.hasSuffix($0) }, "\(rule.name): \(last)")
                #expect(last == last.lowercased(), "\(rule.name): \(last)")
            }
        }
    }
}
