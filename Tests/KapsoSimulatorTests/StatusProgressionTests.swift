import Foundation
import Testing
@testable import KapsoSimulator

@Suite struct StatusProgressionTests {
    private let send = "/meta/whatsapp/v24.0/100200300400501/messages"
    private let toDana = #"{"messaging_product":"whatsapp","to":"14155550142","type":"text","text":{"body":"On its way"}}"#
    private let support = "\(platform)/whatsapp/phone_numbers/100200300400501/webhooks"

    private func statuses(_ message: JSONValue) -> [String] {
        message["data"]?["kapso"]?["statuses"]?.arrayValue?.compactMap { $0["status"]?.stringValue } ?? []
    }

    @Test func sentMessage_IsDeliveredThenRead_AsTheClockAdvances() async throws {
        let (sent, delivered, read, deliveries) = try await withSimulator { simulator in
            try await requests(to: simulator) { client in
                let id = try client.request("POST", send, body: toDana).json["messages"]?.arrayValue?.first?["id"]?.stringValue ?? ""
                let path = "\(platform)/whatsapp/messages/\(QueryEncoding.escape(id))"
                let sent = try client.request("GET", path).json
                _ = try client.request("POST", "/__sim/clock/advance", body: #"{"seconds": 2}"#)
                let delivered = try client.request("GET", path).json
                _ = try client.request("POST", "/__sim/clock/advance", body: #"{"seconds": 3}"#)
                let read = try client.request("GET", path).json
                let deliveries = try client.request(
                    "GET", "\(platform)/webhook_deliveries?webhook_id=0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d&limit=3").json
                return (sent, delivered, read, deliveries)
            }
        }
        #expect(sent["data"]?["kapso"]?["status"] == "sent")
        #expect(statuses(sent) == ["sent"])
        #expect(delivered["data"]?["kapso"]?["status"] == "delivered")
        #expect(statuses(delivered) == ["sent", "delivered"])
        #expect(read["data"]?["kapso"]?["status"] == "read")
        #expect(statuses(read) == ["sent", "delivered", "read"])
        let times = read["data"]?["kapso"]?["statuses"]?.arrayValue?.compactMap { $0["timestamp"]?.stringValue } ?? []
        #expect(times == ["1795262400", "1795262402", "1795262405"])
        // The Support Line's message webhook subscribes to every message event.
        let events = deliveries["data"]?.arrayValue?.compactMap { $0["event"]?.stringValue } ?? []
        #expect(events == ["whatsapp.message.read", "whatsapp.message.delivered", "whatsapp.message.sent"])
        let created = deliveries["data"]?.arrayValue?.first?["created_at"]
        #expect(created == "2026-11-21T12:00:05Z")
    }

    @Test func fixedClock_NeverMovesOnItsOwn() async throws {
        let status = try await withSimulator { simulator in
            try await requests(to: simulator) { client -> JSONValue? in
                let id = try client.request("POST", send, body: toDana).json["messages"]?.arrayValue?.first?["id"]?.stringValue ?? ""
                Thread.sleep(forTimeInterval: 0.05)
                return try client.request("GET", "\(platform)/whatsapp/messages/\(QueryEncoding.escape(id))").json["data"]?["kapso"]?["status"]
            }
        }
        #expect(status == "sent")
    }

    @Test func wallClock_ProgressesOnItsOwn_AtTheTimeScale() async throws {
        let final = try await withSimulator(deterministic: false, timeScale: 1000) { simulator in
            try await requests(to: simulator) { client -> JSONValue? in
                let id = try client.request("POST", send, body: toDana).json["messages"]?.arrayValue?.first?["id"]?.stringValue ?? ""
                let path = "\(platform)/whatsapp/messages/\(QueryEncoding.escape(id))"
                var status = try client.request("GET", path).json["data"]?["kapso"]?["status"]
                for _ in 0..<500 where status != "read" {
                    Thread.sleep(forTimeInterval: 0.01)
                    status = try client.request("GET", path).json["data"]?["kapso"]?["status"]
                }
                return status
            }
        }
        #expect(final == "read")
    }

    /// kapso-api.md §10.1: a meta-kind delivery's X-Idempotency-Key is the SHA-256 of its payload (probe2 F25).
    @Test func metaKindDelivery_IdempotencyKeyIsThePayloadsSHA256() async throws {
        let receiver = try LoopbackReceiver()
        let body = #"{"whatsapp_webhook":{"url":"http://127.0.0.1:\#(receiver.port)/meta"}}"#
        let request = try await withSimulator { simulator in
            try await requests(to: simulator) { client -> String? in
                _ = try client.request("PATCH", "\(platform)/whatsapp/webhooks/2c3d4e5f-6a7b-4c8d-8e9f-1a2b3c4d5e6f", body: body)
                _ = try client.request("POST", send, body: toDana)
                _ = try client.request("POST", "/__sim/clock/advance", body: #"{"seconds": 2}"#)
                return receiver.waitForRequest()
            }
        }
        let received = ReceivedRequest(try #require(request))
        #expect(received.headers["x-idempotency-key"] == WebhookSignature.sha256Hex(Array(received.body.utf8)))
        #expect(received.headers["x-idempotency-key"]?.count == 64)
    }

    @Test func subscribedLoopbackWebhook_ReceivesSignedDeliveredEvent() async throws {
        let receiver = try LoopbackReceiver()
        let body = #"{"whatsapp_webhook":{"url":"http://127.0.0.1:\#(receiver.port)/hook","secret_key":"s3cret","events":["whatsapp.message.delivered"]}}"#
        let request = try await withSimulator { simulator in
            try await requests(to: simulator) { client -> String? in
                _ = try client.request("POST", support, body: body)
                _ = try client.request("POST", send, body: toDana)
                _ = try client.request("POST", "/__sim/clock/advance", body: #"{"seconds": 2}"#)
                return receiver.waitForRequest()
            }
        }
        let received = ReceivedRequest(try #require(request))
        #expect(received.headers["x-webhook-event"] == "whatsapp.message.delivered")
        #expect(received.headers["x-webhook-signature"] == WebhookSignature.hex(body: Array(received.body.utf8), secret: "s3cret"))
        let payload = try JSONParser.parse(Array(received.body.utf8))
        #expect(payload["message"]?["kapso"]?["status"] == "delivered")
        #expect(payload["conversation"]?["kapso"] == nil)
        #expect(payload["conversation"]?["phone_number"] == "+14155550142")
    }

    @Test func failingReceiver_IsRetriedOnTheSchedule_ThenFails() async throws {
        let receiver = try LoopbackReceiver(status: 500)
        let body = #"{"whatsapp_webhook":{"url":"http://127.0.0.1:\#(receiver.port)/hook","secret_key":"s","events":["whatsapp.message.received"]}}"#
        let (afterFirst, afterSecond, final, attempts) = try await withSimulator { simulator in
            try await requests(to: simulator) { client in
                let id = try client.request("POST", support, body: body).json["data"]?["id"]?.stringValue ?? ""
                let rows = "\(platform)/webhook_deliveries?limit=1&webhook_id=\(id)"
                _ = try client.request("POST", "\(platform)/whatsapp/webhooks/\(id)/test")
                _ = receiver.waitForRequests(1)
                // Attempt 1 runs in the background; its result is in once the row counts it.
                var afterFirst: JSONValue?
                for _ in 0..<500 where afterFirst?["attempt_count"] != 1 {
                    Thread.sleep(forTimeInterval: 0.01)
                    afterFirst = try client.request("GET", rows).json["data"]?.arrayValue?.first
                }
                _ = try client.request("POST", "/__sim/clock/advance", body: #"{"seconds": 10}"#)
                let afterSecond = try client.request("GET", rows).json["data"]?.arrayValue?.first
                _ = try client.request("POST", "/__sim/clock/advance", body: #"{"seconds": 130}"#)
                let final = try client.request("GET", rows).json["data"]?.arrayValue?.first
                return (afterFirst, afterSecond, final, receiver.waitForRequests(4))
            }
        }
        #expect(afterFirst?["status"] == "pending")
        #expect(afterFirst?["attempt_count"] == 1)
        #expect(afterFirst?["response_status"] == 500)
        #expect(afterSecond?["attempt_count"] == 2)
        #expect(afterSecond?["last_attempt_at"] == "2026-11-21T12:00:10Z")
        #expect(final?["status"] == "failed")
        #expect(final?["attempt_count"] == 4)
        #expect(final?["failed_at"] == "2026-11-21T12:02:20Z")
        #expect(attempts.count == 4)
        let keys = Set(attempts.map { ReceivedRequest($0).headers["x-idempotency-key"] ?? "" })
        #expect(keys.count == 1)
    }

    /// An advance returns once the attempts it made due have ended, including the retries of an attempt that was
    /// still running when it came, so `sim advance 150; deliveries` shows the final row (probe2 F30).
    @Test func advance_WaitsForAttemptsStillRunning_AndTheRetriesTheyMakeDue() async throws {
        let receiver = try LoopbackReceiver(status: 500, delay: 1)
        let body = #"{"whatsapp_webhook":{"url":"http://127.0.0.1:\#(receiver.port)/hook","secret_key":"s","events":["whatsapp.message.received"]}}"#
        let (row, clock) = try await withSimulator { simulator in
            try await requests(to: simulator) { client in
                let id = try client.request("POST", support, body: body).json["data"]?["id"]?.stringValue ?? ""
                _ = try client.request("POST", "\(platform)/whatsapp/webhooks/\(id)/test")
                // Attempt 1 is with the receiver (it answers after 1 s) while the clock moves past every retry.
                let clock = try client.request("POST", "/__sim/clock/advance", body: #"{"seconds": 150}"#).json
                let row = try client.request("GET", "\(platform)/webhook_deliveries?limit=1&webhook_id=\(id)").json["data"]?.arrayValue?.first
                return (row, clock)
            }
        }
        #expect(row?["status"] == "failed")
        #expect(row?["attempt_count"] == 4)
        #expect(row?["failed_at"] == "2026-11-21T12:02:20Z")
        #expect(clock["data"]?["attempts_running"] == 0)
    }

    @Test func receiverRecovering_EndsDelivered() async throws {
        let receiver = try LoopbackReceiver(statuses: [503, 200])
        let body = #"{"whatsapp_webhook":{"url":"http://127.0.0.1:\#(receiver.port)/hook","secret_key":"s","events":["whatsapp.message.received"]}}"#
        let row = try await withSimulator(deterministic: false, timeScale: 1000) { simulator in
            try await requests(to: simulator) { client -> JSONValue? in
                let id = try client.request("POST", support, body: body).json["data"]?["id"]?.stringValue ?? ""
                _ = try client.request("POST", "\(platform)/whatsapp/webhooks/\(id)/test")
                _ = receiver.waitForRequests(2)
                var row: JSONValue?
                for _ in 0..<500 where row?["status"] != "delivered" {
                    Thread.sleep(forTimeInterval: 0.01)
                    row = try client.request("GET", "\(platform)/webhook_deliveries?limit=1&webhook_id=\(id)").json["data"]?.arrayValue?.first
                }
                return row
            }
        }
        #expect(row?["status"] == "delivered")
        #expect(row?["attempt_count"] == 2)
        #expect(row?["response_status"] == 200)
    }

    @Test func bufferedWebhook_GetsBatchShapedDeliveries() async throws {
        let receiver = try LoopbackReceiver()
        let body = #"{"whatsapp_webhook":{"url":"http://127.0.0.1:\#(receiver.port)/hook","secret_key":"s","events":["whatsapp.message.received"],"buffer_enabled":true}}"#
        let request = try await withSimulator { simulator in
            try await requests(to: simulator) { client -> String? in
                let id = try client.request("POST", support, body: body).json["data"]?["id"]?.stringValue ?? ""
                _ = try client.request("POST", "\(platform)/whatsapp/webhooks/\(id)/test")
                return receiver.waitForRequest()
            }
        }
        let received = ReceivedRequest(try #require(request))
        #expect(received.headers["x-webhook-batch"] == "true")
        #expect(received.headers["x-batch-size"] == "1")
        let payload = try JSONParser.parse(Array(received.body.utf8))
        try expectShape(
            of: payload, like: "webhook.v2.batch_message_received.json",
            optional: ContractTests.optionalWebhookMessageKeys)
    }
}
