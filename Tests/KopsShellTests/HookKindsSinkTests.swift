import Foundation
import KapsoSimulator
@testable import KopsShell
import KopsTestSupport
import Testing

/// The real commands against kapso-sim seeded with one failing webhook for each receiver of `HookKindsTests.hooks`
/// (its URL, its failed delivery, an API log naming it): no key of any of them reaches the terminal, a recorded
/// transcript, the history file or a JSON, table or expanded answer (probe40 P40-3: the Airtable hook ids were printed
/// by every view; probe38 P38-1: the narrow columns of `deliveries`, `errors` and `logs search` printed Slack,
/// Telegram, Zapier and n8n keys; probe44 P44-7: Pabbly Connect and Hookdeck keys in every view, the transcript and the
/// support bundle). The seed grows with the table.
@Suite struct HookKindsSinkTests {
    static let base = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Seeds/hook-keys.seed.json").path

    /// The inbound message (10:10) each seeded delivery follows, for `trace`.
    static let tracedTimestamp = "1795255800"

    /// `hook-keys.seed.json`'s numbers, messages and health, with a webhook, a failed delivery and an API log for each hook.
    static func seed(in folder: URL) throws -> String {
        var seed = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: base))) as! [String: Any]
        var webhooks: [[String: Any]] = []
        var deliveries: [[String: Any]] = []
        var logs: [[String: Any]] = []
        for (offset, hook) in HookKindsTests.hooks.enumerated() {
            let number = String(format: "%012d", offset + 1)
            let url = "https://" + hook.url
            webhooks.append([
                "id": "ef000000-0000-4000-8000-\(number)", "url": url, "kind": "kapso", "events": ["whatsapp.message.received"],
                "active": true, "payload_version": "v2", "phone_number_id": "100200300400501",
                "created_at": "2026-11-01T00:00:00Z", "updated_at": "2026-11-01T00:00:00Z", "secret_key": "whsec_x0",
            ])
            let second = String(format: "%02d", offset + 2)
            deliveries.append([
                "id": "df000000-0000-4000-8000-\(number)", "event": "whatsapp.message.received", "status": "failed",
                "attempt_count": 4, "created_at": "2026-11-21T10:10:\(second)Z", "response_status": 401,
                "delivered_at": NSNull(), "failed_at": "2026-11-21T10:52:00Z", "last_attempt_at": "2026-11-21T10:52:00Z",
                "webhook_id": "ef000000-0000-4000-8000-\(number)", "webhook_url": url,
                "whatsapp_config_id": "a1c2e3f4-0b1d-4e2f-8a3b-5c6d7e8f9012", "phone_number_id": "100200300400501",
                "conversation_phone_number": "14155550171", "error_message": "POST \(url) answered 401",
            ])
            logs.append([
                "id": "ab000000-0000-4000-8000-\(number)", "endpoint": "/platform/v1/whatsapp/webhooks", "http_method": "POST",
                "response_status": 422, "response_time_ms": 100, "ip_address": "203.0.113.24",
                "error_message": "url (\(url)): is not reachable", "created_at": "2026-11-21T11:\(second):00Z",
                "api_key_id": "k1", "api_key_name": "inbox-backend",
            ])
        }
        seed["webhooks"] = webhooks
        seed["webhook_deliveries"] = deliveries
        seed["api_logs"] = logs
        let path = folder.appendingPathComponent("hook-kinds.seed.json")
        try JSONSerialization.data(withJSONObject: seed, options: .withoutEscapingSlashes).write(to: path)
        return path.path
    }

    @Test func noHookKeyReachesAnySink() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-hookkinds-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let transcript = folder.appendingPathComponent("t.md").path
        let bundle = folder.appendingPathComponent("b.md").path
        let seed = try Self.seed(in: folder)
        let seedText = try String(contentsOfFile: seed, encoding: .utf8)
        let messages = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Self.base))) as! [String: Any]
        let traced = (messages["messages"] as! [[String: Any]]).first { $0["timestamp"] as? String == Self.tracedTimestamp }
        let wamid = try #require(traced?["id"] as? String)
        // Lines a user types with a hook's URL in them: the transcript's command line and the history file.
        let typed = HookKindsTests.hooks.flatMap { ["logs search https://\($0.url) --period 30d", "whois https://\($0.url)"] }
        let (terminal, kept) = try await withSimulator(seed: .file(seed)) { fixture in
            let (shell, output) = try fixture.shell()
            var lines = [
                "record \(transcript)", "use 100200300400501", "webhooks", "webhooks --output json", "webhooks check",
                "webhooks check ef000000-0000-4000-8000-000000000021", "webhooks get ef000000-0000-4000-8000-000000000021",
                "whois ef000000-0000-4000-8000-000000000021", "deliveries --period 30d", "deliveries --period 30d --expanded",
                "deliveries --period 30d --output json", "deliveries --period 30d --output expanded", "deliveries stats --period 30d",
                "errors --period 30d", "errors --period 30d --flat", "logs --period 30d", "logs --errors --period 30d --output table",
                "logs --errors --period 30d --output expanded", "logs --period 30d --output json",
                "logs search --problems --period 30d", "logs search --problems --period 30d --flat",
                "logs search --problems --period 30d --output table", "logs search --source webhook_delivery --period 30d",
                "trace \(wamid)", "trace \(wamid) --output json", "health", "overview",
                "output json", "errors --period 30d", "trace \(wamid)", "webhooks check", "output expanded", "deliveries --period 30d",
                "errors --period 30d", "output table",
            ]
            lines += typed
            lines.append("record stop")
            // The support bundle (probe44 P44-7: Pabbly and Hookdeck keys were in it in clear).
            lines += ["use 100200300400501", "bundle \(bundle) --period 30d"]
            for line in lines { shell.run(line: line) }
            var gate = HistoryGate()
            let kept = typed.filter { gate.admit($0, redactor: shell.redactor).save }
            return (output.combined, kept)
        }
        let page = try String(contentsOfFile: transcript, encoding: .utf8)
        let bundled = try String(contentsOfFile: bundle, encoding: .utf8)
        for hook in HookKindsTests.hooks {
            // The seed holds the key, so what the test looks for was there to leak.
            for key in hook.keys {
                #expect(seedText.contains(key), "\(key) not in the seed")
                for (name, text) in [("terminal", terminal), ("transcript", page), ("bundle", bundled)] {
                    let hits = text.split(separator: "\n").filter { $0.contains(key) }
                    #expect(hits.isEmpty, "\(key) in the \(name): \(hits.first ?? "")")
                }
            }
        }
        #expect(kept.isEmpty, "kept in history: \(kept)")
        // The views did show the receivers (masked): the test read what it meant to read.
        #expect(terminal.contains("hooks.airtable.com/workflows/v1/genericWebhook/appAbC123/wflDeF456/<redacted>"), "\(terminal)")
        #expect(page.contains("https://<redacted>.m.pipedream.net"))
        #expect(terminal.contains("messages?key=<redacted>&token=<redacted>"))
        #expect(bundled.contains("connect.pabbly.com/workflow/sendwebhookdata/<redacted>"), "\(bundled)")
    }
}
