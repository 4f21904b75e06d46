import Foundation
import KapsoSimulator
import KopsTestSupport
import Testing

/// tester63 AN1: `deliveries --all` reads its pages cut down to the keys it checks, so the redactor, which learns from
/// the client's answers, never saw a delivery's `secret_key`: the member was masked by its name (`"secret_key":"…11"`)
/// and its value printed in clear in the same item's `response_body` and in later items, in JSON, table and expanded
/// output, where the same list paged with `next` masked it. A cut-down page that may hold a secret-named member is now
/// learned from whole before it is printed.
@Suite struct AN1StreamedSecretLearnedTests {
    static let secret = "SameItemOpaque4711"
    static let hook = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"

    static func delivery(_ index: Int, extra: [String: Any]) -> [String: Any] {
        [
            "id": String(format: "7a8b9c0d-1e2f-4a3b-8c4d-%012d", index), "event": "whatsapp.message.received",
            "status": "failed", "attempt_count": 1, "created_at": String(format: "2026-11-21T10:%02d:00Z", 59 - index),
            "response_status": 500, "delivered_at": NSNull(), "failed_at": "2026-11-21T10:50:00Z",
            "last_attempt_at": "2026-11-21T10:50:00Z", "webhook_id": hook,
            "webhook_url": "https://hooks.example.test/in/\(index == 3 ? secret : "w")", "phone_number_id": "100200300400501",
        ].merging(extra) { $1 }
    }

    static func seed() throws -> String {
        try SeedFile.write("an1", [
            "phone_numbers": [SeedFile.phoneNumber("100200300400501", name: "Support Line", phone: "0100")],
            "webhooks": [[
                "id": hook, "url": "https://hooks.example.test/in/w", "kind": "kapso", "events": ["whatsapp.message.received"],
                "active": true, "created_at": "2026-10-02T09:00:00Z", "updated_at": "2026-11-03T12:30:00Z",
                "project_id": "5b0e7c1a-2f4d-4e8a-9c3b-7d6e5f4a3b21", "phone_number_id": "100200300400501",
                "secret_key": NSNull(), "headers": [:], "buffer_enabled": false, "buffer_window_seconds": NSNull(),
                "max_buffer_size": NSNull(), "buffer_events": [], "inactivity_minutes": 60, "payload_version": "v2",
            ]],
            "webhook_deliveries": [
                delivery(1, extra: ["secret_key": secret, "response_body": "echo \(secret)"]),
                delivery(2, extra: ["response_body": "next item \(secret)"]),
                delivery(3, extra: [:]),
            ],
        ])
    }

    @Test(arguments: ["--output json", "--output table", "--output expanded"])
    func aStreamedListMasksTheValueItMasksByName(mode: String) async throws {
        let path = try Self.seed()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let runs = try await runDemo(
            ["output \(mode.dropFirst(9))", "deliveries --all --period 30d", "deliveries --period 30d"], number: "100200300400501",
            seed: .file(path), width: 400)
        let (streamed, paged) = (runs[1], runs[2])
        #expect(streamed.status == 0, "\(streamed.err)")
        #expect(!streamed.out.contains(Self.secret), "\(streamed.out)")
        #expect(!paged.out.contains(Self.secret), "\(paged.out)")
        if mode == "--output json" { #expect(streamed.out.contains("next item <redacted>"), "\(streamed.out)") }
    }
}
