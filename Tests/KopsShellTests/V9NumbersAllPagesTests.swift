import Foundation
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// tester54 V9: with more than 100 phone numbers, `errors` and `logs --errors` read the first page of the project's
/// numbers and took it for the whole list: a number on page 2 was "not a phone-number id … of this project" when
/// selected (`errors` refused to run), and a 404 on it was read as "the number was likely removed from this project".
/// They read every page now, as `use`, `whois` and `health` do.
@Suite struct V9NumbersAllPagesTests {
    /// 130 numbers made in October, then Support Line `100200300400501`, the oldest, so that it is on page 2 of the
    /// newest-first list; one failed call, a 404 on `GET …/phone_numbers/100200300400501`.
    static func seed() throws -> String {
        let path = NSTemporaryDirectory() + "kops-v9-\(UInt32.random(in: 0...UInt32.max)).seed.json"
        func number(_ id: String, name: String, created: String, phone: String) -> [String: Any] {
            [
                "id": id, "phone_number_id": id, "internal_id": UUID().uuidString.lowercased(), "name": name,
                "business_account_id": "200300400500601", "is_coexistence": false, "inbound_processing_enabled": true,
                "calls_enabled": false, "webhook_verified_at": NSNull(), "created_at": created, "updated_at": created,
                "display_name": name, "display_phone_number": "+1 415-556-\(phone)", "display_phone_number_normalized": "1415556\(phone)",
                "verified_name": "Acme Demo Co", "quality_rating": "GREEN", "code_verification_status": "VERIFIED",
                "name_status": "APPROVED", "status": "CONNECTED", "throughput_tier": "TIER_250",
            ]
        }
        var numbers = (0..<130).map { index in
            number(String(100_200_300_400_700 + index), name: "Line \(index)", created: "2026-10-\(String(format: "%02d", 1 + index % 28))T08:00:00Z",
                phone: String(format: "%04d", index))
        }
        numbers.append(number("100200300400501", name: "Support Line", created: "2026-01-01T00:00:00Z", phone: "9999"))
        let log: [String: Any] = [
            "id": "8b9c0d1e-2f3a-4b4c-9d5e-6f7a8b9c1f03", "endpoint": "/platform/v1/whatsapp/phone_numbers/100200300400501",
            "http_method": "GET", "response_status": 404, "response_time_ms": 20, "ip_address": "203.0.113.24",
            "error_message": "WhatsApp phone number not found or not accessible in this project", "created_at": "2026-11-21T11:30:00Z",
            "api_key_id": "9c0d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e01", "api_key_name": "inbox-backend",
        ]
        let seed: [String: Any] = [
            "phone_numbers": numbers, "webhooks": [], "webhook_deliveries": [], "conversations": [], "messages": [],
            "health": [:], "api_logs": [log],
        ]
        try JSONSerialization.data(withJSONObject: seed).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func aNumberOnPageTwoIsTheProjectsInErrorsAndLogs() async throws {
        let path = try Self.seed()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let runs = try await runDemo(
            ["errors --period 30d", "errors --source api --period 30d", "logs --errors --period 30d"], number: "100200300400501",
            seed: .file(path), width: 400)
        for run in runs {
            #expect(!(run.out + run.err).contains("is not a phone-number id"), "\(run.out)\(run.err)")
            #expect(!(run.out + run.err).contains("removed from this project"), "\(run.out)\(run.err)")
        }
        #expect(runs[1].out.contains("Support Line"), "\(runs[1].out)")
    }
}
