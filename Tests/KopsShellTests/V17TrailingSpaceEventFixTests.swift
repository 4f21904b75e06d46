import Foundation
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// tester54 V17: a webhook subscribed to `"whatsapp.message.received "` (a trailing space) got the fix `webhooks update ID
/// --add-events whatsapp.message.received --remove-events whatsapp.message.received ` from `webhooks check`, which kops
/// refused whether pasted as shown (the space lost) or quoted (the name trimmed, then "in both --add-events and
/// --remove-events"). The check names the space, and its fix, pasted as printed, works.
@Suite struct V17TrailingSpaceEventFixTests {
    static let webhook = "aaaa0000-4e5f-4a6b-8c7d-9e0f1a2b3c06"

    /// A seed whose one webhook, of the Support Line, is `id` subscribed to `events` (also `AA2WildcardEventFixTests`').
    static func seed(_ name: String = "v17", id: String = webhook, events: [String] = ["whatsapp.message.received "]) throws -> String {
        try SeedFile.write(name, [
            "phone_numbers": [SeedFile.phoneNumber("100200300400501", name: "Support Line", phone: "0100")],
            "webhooks": [[
                "id": id, "url": "https://g.example.com/x", "kind": "kapso", "events": events,
                "active": true, "created_at": "2026-10-02T09:00:00Z", "updated_at": "2026-11-03T12:30:00Z",
                "project_id": "5b0e7c1a-2f4d-4e8a-9c3b-7d6e5f4a3b21", "phone_number_id": "100200300400501",
                "secret_key": "whsec_demo_123", "headers": [:], "buffer_enabled": false, "buffer_window_seconds": NSNull(),
                "max_buffer_size": NSNull(), "buffer_events": [], "inactivity_minutes": 60, "payload_version": "v2",
            ]],
        ])
    }

    @Test func theFixCheckPrintsRunsAsPasted() async throws {
        let path = try Self.seed()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let check = try await runDemo(["webhooks check"], number: "100200300400501", seed: .file(path), width: 1000)[0]
        let said = check.out + check.err
        #expect(said.contains("subscribed to 'whatsapp.message.received ' (whatsapp.message.received with white space around it)"), "\(said)")
        let fix = try #require(Self.fixLine(said, webhook: Self.webhook), "\(said)")
        #expect(fix.hasSuffix("--remove-events \"whatsapp.message.received \""), "\(fix)")
        let runs = try await runDemo([fix, "webhooks get \(Self.webhook) --output json"], number: "100200300400501", seed: .file(path))
        #expect(runs[0].status == 0, "\(runs[0].out)\(runs[0].err)")
        #expect(runs[1].out.contains("\"whatsapp.message.received\""), "\(runs[1].out)")
        #expect(!runs[1].out.contains("\"whatsapp.message.received \""), "\(runs[1].out)")
    }

    /// The `webhooks update ID …` that `said` (a `webhooks check`) gives as a fix, from its command on.
    static func fixLine(_ said: String, webhook: String) -> String? {
        said.split(separator: "\n").compactMap { line in line.range(of: "webhooks update \(webhook)").map { String(line[$0.lowerBound...]) } }.first
    }

    /// A name typed with spaces around it in a list is still read without them when the webhook holds no such name.
    @Test func aSpacedNameIsTrimmedWhenNoStoredNameHasTheSpace() async throws {
        let runs = try await runDemo(
            ["webhooks update 5f6a7b8c-9d0e-4f1a-8b2c-4d5e6f7a8b92 --add-events whatsapp.message.read --remove-events ' whatsapp.message.received'",
             "webhooks update 5f6a7b8c-9d0e-4f1a-8b2c-4d5e6f7a8b92 --add-events whatsapp.message.sent --remove-events 'whatsapp.message.sent '"],
            number: "100200300400502")
        #expect(runs[0].status == 0, "\(runs[0].out)\(runs[0].err)")
        #expect(runs[1].status == 64, "\(runs[1].out)\(runs[1].err)")
        #expect(runs[1].err.contains("invalid event in both --add-events and --remove-events 'whatsapp.message.sent'"), "\(runs[1].err)")
    }
}
