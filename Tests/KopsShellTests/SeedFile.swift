import Foundation

/// A seed a test writes for itself (`SimulatorSeed.file`): API-shaped objects in a temporary JSON file.
enum SeedFile {
    /// A connected phone number of the project as `GET /whatsapp/phone_numbers` lists it: `+1 415-555-PHONE`.
    static func phoneNumber(_ id: String, name: String, waba: String = "200300400500601", phone: String) -> [String: Any] {
        [
            "id": id, "phone_number_id": id, "internal_id": UUID().uuidString.lowercased(), "name": name,
            "business_account_id": waba, "is_coexistence": false, "inbound_processing_enabled": true,
            "calls_enabled": false, "webhook_verified_at": NSNull(), "created_at": "2026-01-01T00:00:00Z",
            "updated_at": "2026-01-01T00:00:00Z", "display_name": name, "display_phone_number": "+1 415-555-\(phone)",
            "display_phone_number_normalized": "1415555\(phone)", "verified_name": "Acme Demo Co", "quality_rating": "GREEN",
            "code_verification_status": "VERIFIED", "name_status": "APPROVED", "status": "CONNECTED", "throughput_tier": "TIER_250",
        ]
    }

    /// Writes `parts` (with empty lists for the keys not given) to a new temporary file named after `tag`; the path.
    static func write(_ tag: String, _ parts: [String: Any]) throws -> String {
        let path = NSTemporaryDirectory() + "kops-\(tag)-\(UInt32.random(in: 0...UInt32.max)).seed.json"
        var seed: [String: Any] = [
            "phone_numbers": [], "webhooks": [], "webhook_deliveries": [], "api_logs": [], "health": [:], "conversations": [],
            "messages": [],
        ]
        seed.merge(parts) { $1 }
        try JSONSerialization.data(withJSONObject: seed).write(to: URL(fileURLWithPath: path))
        return path
    }
}
