import Foundation
import KapsoSimulator
import KopsTestSupport

/// The real-world message-shapes seed with one outbound message of Support Line `100200300400501` to contact A (`…H60…`,
/// sent, delivered and read within 5 s), an active webhook of the number subscribed to the message events, and what the
/// logs hold around it: for tester55's X4, X6, X7 and X10 (`trace` judged logs it had not read back to the message).
enum TraceLogsSeed {
    static let number = "100200300400501"
    static let message = "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQBH60AAAAAAAAAAAAAAAAAAAA="
    static let webhook = "11111111-0000-4000-8000-0000000000a1"
    /// The demo shell's and the deterministic simulator's clock: 2026-11-21T10:00:00Z.
    static let now: Int64 = 1_795_262_400

    static func iso(_ seconds: Int64) -> String {
        ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }

    /// One delivery of the webhook; `answered: false` is one that failed without an HTTP response (`response_status` null).
    static func delivery(_ index: Int, event: String, at: Int64, contact: String, answered: Bool = true) -> [String: Any] {
        [
            "id": String(format: "00000000-0000-4000-8000-%012d", index), "event": event, "status": answered ? "delivered" : "failed",
            "attempt_count": 1, "created_at": iso(at), "response_status": answered ? 200 : NSNull(),
            "delivered_at": answered ? iso(at) : NSNull(), "failed_at": answered ? NSNull() : iso(at), "last_attempt_at": iso(at),
            "webhook_id": webhook, "webhook_url": "https://hooks.example.com/v2/kapso", "phone_number_id": number,
            "conversation_phone_number": contact,
        ]
    }

    static func call(_ index: Int, at: Int64) -> [String: Any] {
        [
            "id": String(format: "00000000-0000-4000-9000-%012d", index), "endpoint": "/meta/whatsapp/v24.0/\(number)/messages",
            "http_method": "POST", "response_status": 200, "response_time_ms": 300, "ip_address": "203.0.113.24",
            "error_message": NSNull(), "created_at": iso(at), "api_key_id": "9c0d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e01", "api_key_name": "backend",
        ]
    }

    static func messageObject(sent: Int64, history: [(String, Int64)]) -> [String: Any] {
        var statuses: [[String: Any]] = []
        for (status, after) in history {
            statuses.append(["id": message, "status": status, "timestamp": String(sent + after), "recipient_id": "14155550171"])
        }
        let kapso: [String: Any] = [
            "direction": "outbound", "status": history.last?.0 ?? "sent", "processing_status": "processed", "origin": "cloud_api",
            "phone_number": "14155550171", "phone_number_id": number, "has_media": false,
            "whatsapp_conversation_id": "0a1b2c3d-0000-4000-8000-000000000171", "contact_name": "Contact A",
            "statuses": statuses, "content": "Your order is ready",
        ]
        return [
            "id": message, "timestamp": String(sent), "type": "text", "to": "14155550171", "text": ["body": "Your order is ready"],
            "kapso": kapso,
        ]
    }

    static var webhookObject: [String: Any] { [
        "id": webhook, "url": "https://hooks.example.com/v2/kapso", "kind": "kapso",
        "events": ["whatsapp.message.received", "whatsapp.message.sent", "whatsapp.message.delivered", "whatsapp.message.read",
            "whatsapp.message.failed"],
        "active": true, "created_at": "2026-10-01T12:00:00Z", "updated_at": "2026-10-01T12:00:00Z",
        "project_id": "5b0e7c1a-2f4d-4e8a-9c3b-7d6e5f4a3b21", "phone_number_id": number, "secret_key": "whsec_story_a1xxxxxxxxxxxxxxxx",
        "headers": [String: String](), "buffer_enabled": false, "inactivity_minutes": 60, "payload_version": "v2",
    ] }

    /// A seed file in the temporary folder; `sent` is the message's time; `ownRows`: its send call and its status
    /// deliveries are in the logs; `laterRows` later deliveries and send calls (of another contact) one a minute from
    /// `laterFrom`, which got an HTTP answer unless `laterAnswered` is false; `statuses` the message's history after `sent`
    /// (seconds after it).
    static func write(
        sent: Int64, ownRows: Bool = true, laterRows: Int, laterFrom: Int64, statuses: [(String, Int64)] = [("delivered", 2), ("read", 5)],
        webhook: Bool = true, laterAnswered: Bool = true
    ) throws -> String {
        let path = NSTemporaryDirectory() + "kops-trace-logs-\(UInt32.random(in: 0...UInt32.max)).seed.json"
        let shapes = Fixtures.realWorldCases.appendingPathComponent("message-shapes.seed.json")
        var seed = try JSONSerialization.jsonObject(with: Data(contentsOf: shapes)) as? [String: Any] ?? [:]
        let history = [("sent", Int64(0))] + statuses
        seed["messages"] = [messageObject(sent: sent, history: history)] + (seed["messages"] as? [Any] ?? [])
        seed["webhooks"] = webhook ? [webhookObject] : []
        var deliveries: [[String: Any]] = []
        var calls: [[String: Any]] = []
        if ownRows {
            for (index, status) in history.enumerated() {
                deliveries.append(delivery(index, event: "whatsapp.message.\(status.0)", at: sent + status.1, contact: "14155550171"))
            }
            calls.append(call(0, at: sent))
        }
        for index in 0..<laterRows {
            let at = laterFrom + Int64(index) * 60
            deliveries.append(delivery(100 + index, event: "whatsapp.message.sent", at: at, contact: "14155550199", answered: laterAnswered))
            calls.append(call(100 + index, at: at))
        }
        seed["webhook_deliveries"] = Array(deliveries.reversed())
        seed["api_logs"] = Array(calls.reversed())
        try JSONSerialization.data(withJSONObject: seed).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// What `trace` of the message printed (out and err) on a simulator seeded by `write` with these arguments.
    static func trace(
        sent: Int64, ownRows: Bool = true, laterRows: Int, laterFrom: Int64, statuses: [(String, Int64)] = [("delivered", 2), ("read", 5)],
        webhook: Bool = true, laterAnswered: Bool = true
    ) async throws -> String {
        let path = try write(
            sent: sent, ownRows: ownRows, laterRows: laterRows, laterFrom: laterFrom, statuses: statuses, webhook: webhook,
            laterAnswered: laterAnswered)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = try await runDemo(["trace \(message)"], number: number, seed: .file(path), width: 400)[0]
        return run.out + run.err
    }
}
