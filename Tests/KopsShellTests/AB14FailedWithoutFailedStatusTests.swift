import Foundation
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// tester57 AB14: `errors` said "the failed status has no errors[] entry" of a message Kapso calls failed whose history
/// holds no failed status at all (it stops at sent), where `trace` says the history holds no failed event and points at
/// the failed webhook. `errors` now says it as `trace` does; a failed status without errors keeps its own line.
@Suite struct AB14FailedWithoutFailedStatusTests {
    static let wamid = "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQBT03AAAAAAAAAAAAAAAAAAAA="

    @Test func noFailedStatusIsSaidSo() async throws {
        let status: [String: Any] = ["id": Self.wamid, "recipient_id": "14155550171", "status": "sent", "timestamp": "1795256003"]
        let path = try SeedFile.write("ab14", [
            "phone_numbers": [SeedFile.phoneNumber("100200300400501", name: "Support Line", phone: "0100")],
            "messages": [[
                "id": Self.wamid, "timestamp": "1795256003", "type": "text", "to": "14155550171", "text": ["body": "T03"],
                "kapso": [
                    "direction": "outbound", "status": "failed", "processing_status": "processed", "origin": "cloud_api",
                    "phone_number": "14155550171", "phone_number_id": "100200300400501", "has_media": false,
                    "whatsapp_conversation_id": "0a1b2c3d-0000-4000-8000-000000000171", "contact_name": "Contact A",
                    "statuses": [status], "content": "T03",
                ] as [String: Any],
            ]],
        ])
        defer { try? FileManager.default.removeItem(atPath: path) }
        let ran = try await runDemo(["errors --flat --period 30d"], number: "100200300400501", seed: .file(path), width: 1000)[0]
        let said = ran.out + ran.err
        #expect(said.contains("holds no failed event, so Meta's error code was not recorded"), "\(said)")
        #expect(!said.contains("the failed status has no errors[] entry"), "\(said)")
    }
}
