import Foundation
import KapsoClient
import KapsoSimulator
import KopsTestSupport
import Testing

/// tester63 AN18: one delivery without `status` ended `deliveries` and `deliveries --all` at its page ("unexpected
/// response (HTTP 200): webhook delivery without a 'status'", exit 1): the rows after it, exactly what a support engineer
/// is looking for, were never shown. It is listed now with `-` as its status, and the list goes on.
@Suite struct AN18DeliveryWithoutStatusTests {
    static func seed() throws -> String {
        let hook = AN1StreamedSecretLearnedTests.hook
        var deliveries = (1...3).map { AN1StreamedSecretLearnedTests.delivery($0, extra: [:]) }
        deliveries[1].removeValue(forKey: "status")
        deliveries[1]["id"] = "7a8b9c0d-1e2f-4a3b-8c4d-0000000000aa"
        return try SeedFile.write("an18", [
            "phone_numbers": [SeedFile.phoneNumber("100200300400501", name: "Support Line", phone: "0100")],
            "webhooks": [[
                "id": hook, "url": "https://hooks.example.test/in/w", "kind": "kapso", "events": ["whatsapp.message.received"],
                "active": true, "created_at": "2026-10-02T09:00:00Z", "updated_at": "2026-11-03T12:30:00Z",
                "project_id": "5b0e7c1a-2f4d-4e8a-9c3b-7d6e5f4a3b21", "phone_number_id": "100200300400501",
                "secret_key": "whsec_demo_123", "headers": [:], "buffer_enabled": false, "buffer_window_seconds": NSNull(),
                "max_buffer_size": NSNull(), "buffer_events": [], "inactivity_minutes": 60, "payload_version": "v2",
            ]],
            "webhook_deliveries": deliveries,
        ])
    }

    @Test(arguments: ["deliveries --period 30d", "deliveries --all --period 30d"])
    func aDeliveryWithoutStatusIsListedAndTheListGoesOn(line: String) async throws {
        let path = try Self.seed()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let runs = try await runDemo([line, "output json", line], number: "100200300400501", seed: .file(path), width: 400)
        let (table, json) = (runs[0], runs[2])
        #expect(table.status == 0 && json.status == 0, "\(table.err)\(json.err)")
        #expect(!table.err.contains("without a 'status'"), "\(table.err)")
        let rows = table.out.split(separator: "\n").filter { $0.hasPrefix("2026-") }
        #expect(rows.count == 3, "\(table.out)")
        #expect(rows.contains { $0.contains("whatsapp.message.received  -  ") }, "\(table.out)")
        #expect(json.out.contains("0000000000aa"), "\(json.out)")
    }
}
