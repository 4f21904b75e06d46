import Foundation
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// `trace` of a received message whose number has an active webhook subscribed to `whatsapp.message.received`, with no
/// delivery recorded (probe17 P17-11): it said "none … (they go only to phone-number-scoped webhooks)", as if the
/// webhook were missing, gave a clean verdict and never showed Kapso's `processing_status` (here `blocked`).
/// `Tests/Seeds/window-summary.seed.json` (clock 2026-11-21T12:00:00Z, no webhooks, no deliveries), with contact 91's
/// message of 1 h ago set `blocked` and, for the first trace, the number's webhook added.
@Suite struct TraceUndeliveredTests {
    static let wamid = "wamid.HBgLMTQxNTU1NTAxOTEVAgASGBQBUzAyAAAAAAAAAAAAAAAAAAA="

    static func seed(webhook: Bool) throws -> String {
        var seed = try #require(
            JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: ConversationListWindowTests.seedPath))) as? [String: Any])
        var messages = try #require(seed["messages"] as? [[String: Any]])
        let index = try #require(messages.firstIndex { $0["id"] as? String == wamid })
        var kapso = try #require(messages[index]["kapso"] as? [String: Any])
        kapso["processing_status"] = "blocked"
        messages[index]["kapso"] = kapso
        seed["messages"] = messages
        if webhook {
            seed["webhooks"] = [[
                "id": "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "url": "https://hooks.example.com/k", "kind": "kapso",
                "events": ["whatsapp.message.received"], "active": true, "created_at": "2026-11-01T00:00:00Z",
                "updated_at": "2026-11-01T00:00:00Z", "phone_number_id": "100200300400501", "secret_key": "whsec_x", "headers": [:],
                "buffer_enabled": false, "buffer_events": [], "inactivity_minutes": 60, "payload_version": "v2",
            ]]
        }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("undelivered-\(UUID().uuidString).seed.json").path
        try JSONSerialization.data(withJSONObject: seed).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func aSubscribedWebhookWithoutADeliveryIsNamedWithTheProcessingStatus() async throws {
        let with = try Self.seed(webhook: true)
        let without = try Self.seed(webhook: false)
        defer { for path in [with, without] { try? FileManager.default.removeItem(atPath: path) } }
        let subscribed = try #require(try await runDemo(["trace \(Self.wamid)"], number: "100200300400501", seed: .file(with)).first)
        #expect(subscribed.status == 0, "\(subscribed.err)")
        #expect(subscribed.out.contains("processing:"), "\(subscribed.out)")
        #expect(subscribed.out.contains("blocked (Kapso stopped processing it; its webhooks may not have gone out)"), "\(subscribed.out)")
        #expect(
            subscribed.out.contains(
                "webhook deliveries: none for whatsapp.message.received, although 1 active webhook of this number subscribes to "
                    + "them (https://hooks.example.com/k): Kapso recorded no delivery of this message"), "\(subscribed.out)")
        #expect(
            subscribed.out.contains(
                "no webhook delivery: 1 active webhook of this number subscribes to them (https://hooks.example.com/k), yet Kapso "
                    + "recorded none for this message; Kapso's processing_status is blocked"), "\(subscribed.out)")
        #expect(!subscribed.out.contains("they go only to phone-number-scoped webhooks"), "\(subscribed.out)")
        let none = try #require(try await runDemo(["trace \(Self.wamid)"], number: "100200300400501", seed: .file(without)).first)
        #expect(none.out.contains("no active webhook of this number subscribes to them"), "\(none.out)")
        #expect(!none.out.contains("no webhook delivery:"), "\(none.out)")
    }
}
