import Foundation
import Testing
@testable import KapsoSimulator

/// The simulator against the shared contract documents: one run over every file in `fixtures/`, and bad input
/// answered in the contract's error shapes.
@Suite struct ContractTests {
    /// Members of a webhook's message event that the fixtures show in some payloads and not others
    /// (`kapso-api.md` §10.6: `content?`, `conversation.kapso?`; "don't assume `phone_number` is present").
    static let optionalWebhookMessageKeys: Set<String> = [
        "message.kapso.content", "message.kapso.has_media", "message.kapso.phone_number",
        "message.kapso.phone_number_id", "conversation.kapso",
    ]
    /// Headers every HTTP request has, which the delivery header fixture leaves out.
    private static let transportHeaders: Set<String> = ["host", "content-length", "connection"]

    private static let support = "\(platform)/whatsapp/phone_numbers/100200300400501"
    private static let send = "/meta/whatsapp/v24.0/100200300400501/messages"

    /// What the simulator produced for one fixture.
    enum Counterpart: Sendable {
        /// A response or payload, compared by keys and JSON types.
        case document(JSONValue, optional: Set<String> = [])
        /// The header set of a delivery (names lowercased) and its raw body.
        case deliveryHeaders([String: String], body: String)
        /// A fixture that is a request body: the answer the simulator gave to it.
        case acceptedRequest(status: Int)
        /// The signature fixture: checked against a real delivery signed with the same secret.
        case signature(header: String, body: String)
    }

    @Test func everyFixture_HasACounterpart_WithItsKeysAndTypes() async throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Fixtures.directory.path)
            .filter { $0 != "README.md" }.sorted()
        #expect(files.count >= 19)
        let counterparts = try await Self.counterparts()
        for file in files {
            guard let counterpart = counterparts[file] else {
                Issue.record("\(file): no counterpart in ContractTests.counterparts(); add one")
                continue
            }
            let differences = try Self.differences(file, counterpart)
            #expect(differences.isEmpty, "\(file): \(differences.joined(separator: "; "))")
        }
    }

    private static func differences(_ file: String, _ counterpart: Counterpart) throws -> [String] {
        switch counterpart {
        case .document(let actual, let optional):
            return ShapeComparison.differences(expected: try Fixtures.json(file), actual: actual, optional: optional)
        case .deliveryHeaders(let headers, let body):
            let fixture = try Fixtures.json(file).objectValue ?? [:]
            let expected = Set(fixture.keys.map { $0.lowercased() })
            let received = Set(headers.keys).subtracting(transportHeaders)
            var problems = expected.subtracting(received).sorted().map { "missing header \($0)" }
            problems += received.subtracting(expected).sorted().map { "unexpected header \($0)" }
            for name in ["content-type", "x-webhook-event", "x-webhook-payload-version", "x-acme-env"]
            where headers[name] != fixture.members.first(where: { $0.key.lowercased() == name })?.value.stringValue {
                problems.append("\(name) is \(headers[name] ?? "absent")")
            }
            if headers["x-webhook-signature"] != WebhookSignature.hex(body: Array(body.utf8), secret: "whsec_demo_123") {
                problems.append("x-webhook-signature does not sign the body")
            }
            return problems
        case .acceptedRequest(let status):
            return status == 200 ? [] : ["the simulator answered \(status) to it"]
        case .signature(let header, let body):
            let expected = String(decoding: try Fixtures.data(file), as: UTF8.self)
            let fixtureBody = try Fixtures.data("webhook.v2.message_received.json")
            var problems: [String] = []
            if WebhookSignature.hex(body: Array(fixtureBody), secret: "whsec_demo_123") != expected {
                problems.append("the fixture body does not hash to it")
            }
            if header.count != expected.count || header != WebhookSignature.hex(body: Array(body.utf8), secret: "whsec_demo_123") {
                problems.append("a real delivery's signature is not the same kind of hex HMAC")
            }
            return problems
        }
    }

    /// Every fixture's counterpart from one demo simulator: reads first, then writes and deliveries.
    private static func counterparts() async throws -> [String: Counterpart] {
        let receiver = try LoopbackReceiver()
        let hook = "http://127.0.0.1:\(receiver.port)/hook"
        var found = try await withSimulator { simulator in
            try await requests(to: simulator) { client in
                var found: [String: Counterpart] = [:]
                func document(_ file: String, _ path: String, method: String = "GET", body: String? = nil) throws {
                    found[file] = .document(try client.request(method, path, body: body).json)
                }
                try document("phone_numbers.list.json", "\(platform)/whatsapp/phone_numbers")
                try document("health.healthy.json", "\(support)/health")
                try document("health.degraded.json", "\(platform)/whatsapp/phone_numbers/100200300400502/health")
                try document("webhooks.list.json", "\(support)/webhooks")
                try document(
                    "webhook_deliveries.list.json",
                    "\(platform)/webhook_deliveries?period=7d&limit=100&webhook_id=0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d")
                try document("api_logs.list.json", "\(platform)/api_logs?period=7d&limit=100&endpoint=\(send)")
                try document("messages.list.json", "\(platform)/whatsapp/messages?phone_number_id=100200300400501&limit=3")
                try document(
                    "message.failed_131047.json",
                    "\(platform)/whatsapp/messages/wamid.HBgLMTQxNTU1NTAxNTcVAgASGBRCOTRFMkQ3QTE2QzAzRjU4RTkyMgA%3D")
                try document("conversations.list.json", "\(platform)/whatsapp/conversations?limit=100")
                try document("platform_error.404.json", "\(platform)/whatsapp/phone_numbers/200300400500601")

                let request = String(decoding: try Fixtures.data("send_message.request.json"), as: UTF8.self)
                let sent = try client.request("POST", send, body: request)
                found["send_message.request.json"] = .acceptedRequest(status: sent.status)
                found["send_message.success.json"] = .document(sent.json)
                let toLee = #"{"messaging_product":"whatsapp","to":"14155550157","type":"text","text":{"body":"Hi"}}"#
                try document("send_message.error_131047.json", send, method: "POST", body: toLee)

                // Deliveries to a loopback receiver, one at a time so they arrive in order.
                let webhook = #"{"whatsapp_webhook":{"url":"\#(hook)","secret_key":"whsec_demo_123","events":["whatsapp.message.received","whatsapp.message.failed"],"headers":{"X-Acme-Env":"prod"}}}"#
                let id = try client.request("POST", "\(support)/webhooks", body: webhook).json["data"]?["id"]?.stringValue ?? ""
                _ = try client.request("POST", "\(platform)/whatsapp/webhooks/\(id)/test", body: #"{"event_type":"whatsapp.message.received"}"#)
                let received = ReceivedRequest(receiver.waitForRequests(1).last ?? "")
                found["webhook.v2.message_received.json"] = .document(
                    try JSONParser.parse(Array(received.body.utf8)), optional: optionalWebhookMessageKeys)
                found["webhook.v2.message_received.headers.json"] = .deliveryHeaders(received.headers, body: received.body)
                found["webhook.v2.message_received.signature.txt"] = .signature(
                    header: received.headers["x-webhook-signature"] ?? "", body: received.body)
                _ = try client.request("POST", "\(platform)/whatsapp/webhooks/\(id)/test", body: #"{"event_type":"whatsapp.message.failed"}"#)
                let failed = ReceivedRequest(receiver.waitForRequests(2).last ?? "")
                found["webhook.v2.message_failed.json"] = .document(
                    try JSONParser.parse(Array(failed.body.utf8)), optional: optionalWebhookMessageKeys)
                _ = try client.request("PATCH", "\(support)/webhooks/\(id)", body: #"{"whatsapp_webhook":{"buffer_enabled":true}}"#)
                _ = try client.request("POST", "\(platform)/whatsapp/webhooks/\(id)/test", body: #"{"event_type":"whatsapp.message.received"}"#)
                let batch = ReceivedRequest(receiver.waitForRequests(3).last ?? "")
                found["webhook.v2.batch_message_received.json"] = .document(
                    try JSONParser.parse(Array(batch.body.utf8)), optional: optionalWebhookMessageKeys)

                return found
            }
        }
        // The health limiter on the wall clock (a deterministic simulator waits out its windows instead): checks
        // in a burst until one is refused (200 cannot all fit under 5/s and 60/min, however slow the machine).
        let refused = try await withSimulator(deterministic: false) { simulator in
            try await requests(to: simulator) { client -> JSONValue? in
                for _ in 0..<200 {
                    let response = try client.request("GET", "\(support)/health")
                    if response.status == 429 { return response.json }
                }
                return nil
            }
        }
        if let refused { found["platform_error.429.json"] = .document(refused) }
        return found
    }

    // MARK: - Bad input

    /// A request the contract says must be refused, and how.
    struct BadInput: Sendable, CustomTestStringConvertible {
        var method = "GET"
        var target: String
        var body: String?
        var contentType: String? = "application/json"
        var status: Int
        /// Meta proxy routes answer Graph errors (`{"error": {"message", "code", ...}}`).
        var graph = false

        var testDescription: String { "\(method) \(target) \(contentType ?? "")" }
    }

    static let webhookBody = #"{"whatsapp_webhook":{"url":"https://x.test/h","events":["project.event"]}}"#
    static let textBody = #"{"messaging_product":"whatsapp","to":"14155550142","type":"text","text":{"body":"Hi"}}"#

    static let badInputs: [BadInput] = [
        BadInput(method: "POST", target: "\(platform)/whatsapp/webhooks", body: "{not json", status: 422),
        BadInput(method: "POST", target: "\(support)/webhooks", body: #"{"whatsapp_webhook":[1]}"#, status: 422),
        BadInput(method: "POST", target: "\(support)/webhooks", body: "[]", status: 422),
        BadInput(method: "PATCH", target: "\(platform)/whatsapp/webhooks/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", body: "\"x\"", status: 422),
        BadInput(method: "PATCH", target: "\(platform)/whatsapp/conversations/d4f5b6c7-3e4a-4b5c-9d6e-8f9012345678", body: "{", status: 422),
        BadInput(method: "PATCH", target: "\(platform)/whatsapp/conversations/d4f5b6c7-3e4a-4b5c-9d6e-8f9012345678", body: #"{"whatsapp_conversation":{"status":"bogus"}}"#, status: 422),
        BadInput(method: "POST", target: "\(platform)/whatsapp/webhooks/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d/test", body: "{bad", status: 422),
        BadInput(method: "POST", target: "\(platform)/whatsapp/webhooks/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d/test", body: #"{"event_type":"bogus.event"}"#, status: 422),
        BadInput(method: "POST", target: "\(platform)/whatsapp/webhooks", body: webhookBody, contentType: "text/plain", status: 400),
        BadInput(method: "POST", target: "\(platform)/whatsapp/webhooks", body: "url=https://x.test", contentType: "application/x-www-form-urlencoded", status: 400),
        BadInput(method: "POST", target: send, body: "{", status: 400, graph: true),
        BadInput(method: "POST", target: send, body: textBody, contentType: "text/plain", status: 400, graph: true),
        BadInput(method: "POST", target: send, body: #"{"messaging_product":"whatsapp","type":"text"}"#, status: 400, graph: true),
        BadInput(target: "\(platform)/whatsapp/phone_numbers/100200300400501/nothing", status: 404),
        BadInput(method: "DELETE", target: "\(platform)/whatsapp/phone_numbers", status: 405),
        BadInput(target: "\(platform)/unknown", status: 404),
        BadInput(target: "/meta/whatsapp/v24.0/100200300400501/messages", status: 404, graph: true),
        BadInput(target: "/meta/whatsapp/v24.0/200300400500601/messages", status: 404, graph: true),
        BadInput(method: "DELETE", target: "/meta/whatsapp/v24.0/100200300400501/messages", status: 405, graph: true),
        BadInput(target: "/favicon.ico", status: 404),
        BadInput(target: "\(platform)/webhook_deliveries?after=%25%25%25", status: 400),
        BadInput(target: "\(platform)/api_logs?before=bm90LWpzb24", status: 400),
        BadInput(target: "\(platform)/whatsapp/messages?after=eyJ2YWx1ZXMiOltdfQ", status: 400),
        BadInput(target: "\(platform)/whatsapp/messages?limit=0", status: 400),
        BadInput(target: "\(platform)/whatsapp/messages?limit=101", status: 400),
        BadInput(target: "\(platform)/whatsapp/messages?limit=-5", status: 400),
        BadInput(target: "\(platform)/whatsapp/conversations?limit=1e3", status: 400),
        BadInput(target: "\(platform)/whatsapp/phone_numbers?per_page=1000", status: 400),
        BadInput(target: "\(platform)/whatsapp/messages?page=0", status: 400),
        BadInput(target: "\(platform)/webhook_deliveries?status=bogus", status: 400),
        BadInput(target: "\(platform)/whatsapp/messages?status=bogus", status: 400),
        BadInput(target: "\(platform)/whatsapp/messages?direction=sideways", status: 400),
        BadInput(target: "\(platform)/whatsapp/conversations?status=bogus", status: 400),
        BadInput(target: "\(platform)/whatsapp/webhooks?kind=bogus", status: 400),
        BadInput(target: "\(platform)/webhook_deliveries?period=1y", status: 400),
        BadInput(target: "\(platform)/api_logs?period=1y", status: 400),
        BadInput(target: "\(platform)/api_logs?status_code=abc", status: 400),
        BadInput(target: "\(platform)/webhook_deliveries?errors_only=perhaps", status: 400),
        BadInput(target: "\(platform)/whatsapp/phone_numbers?messaging_enabled=maybe", status: 400),
        BadInput(target: "\(platform)/whatsapp/conversations?created_after=yesterday", status: 400),
        BadInput(target: "\(platform)/whatsapp/conversations?assigned_user_id=5b0e7c1a-2f4d-4e8a-9c3b-7d6e5f4a3b21&unassigned=true", status: 422),
    ]

    @Test(arguments: badInputs)
    func badInput_IsRefusedInTheContractShape(_ input: BadInput) async throws {
        let (response, after) = try await withSimulator { simulator in
            try await requests(to: simulator) { client in
                (
                    try client.request(input.method, input.target, body: input.body, contentType: input.contentType),
                    try client.request("GET", "\(platform)/whatsapp/phone_numbers").status
                )
            }
        }
        #expect(response.status == input.status, "\(response.text)")
        #expect(response.header("content-type") == "application/json")
        #expect(!response.text.lowercased().contains("<html"))
        if input.graph {
            #expect(response.json["error"]?["message"]?.stringValue != nil, "\(response.text)")
            #expect(response.json["error"]?["code"]?.intValue != nil, "\(response.text)")
        } else {
            #expect(response.json["error"]?.stringValue != nil, "\(response.text)")
        }
        #expect(after == 200)
    }

    /// Whatever arrives as a body, every write route answers a JSON 4xx (or a success), never a 5xx.
    @Test func arbitraryBodies_NeverBreakAWriteRoute() async throws {
        var random = SplitMix64(seed: 3)
        var bodies = [
            String(repeating: "[", count: 500), String(repeating: "{\"a\":", count: 300), "1e999999", "-", "\"\\ud800\"",
            #"{"whatsapp_webhook":{"url":"http://\u0000","events":[1,2,{}],"headers":{"a":{}},"buffer_window_seconds":1e300}}"#,
            #"{"whatsapp_webhook":{"url":"https://x.test","secret_key":"","events":["whatsapp.message.read"],"kind":7}}"#,
            #"{"messaging_product":"whatsapp","to":"+","type":"image","image":{"id":[]}}"#,
            #"{"messaging_product":"whatsapp","status":"read","message_id":{}}"#, #"{"seconds":1e400}"#,
            #"{"faults":"rate=1e-400:500"}"#,
        ]
        for _ in 0..<30 {
            let length = Int(random.next() % 64)
            bodies.append(String(decoding: (0..<length).map { _ in UInt8(random.next() % 128) }, as: UTF8.self))
        }
        let routes = [
            ("POST", "\(platform)/whatsapp/webhooks"), ("POST", "\(Self.support)/webhooks"),
            ("PATCH", "\(platform)/whatsapp/webhooks/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"),
            ("POST", "\(platform)/whatsapp/webhooks/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d/test"),
            ("PATCH", "\(platform)/whatsapp/conversations/d4f5b6c7-3e4a-4b5c-9d6e-8f9012345678"), ("POST", Self.send),
            ("POST", "/__sim/faults"), ("POST", "/__sim/clock/advance"),
        ]
        let answers = try await withSimulator { [bodies] simulator in
            try await requests(to: simulator) { client in
                try routes.flatMap { route in
                    try bodies.map { body -> (String, Int, String?) in
                        let response = try client.request(route.0, route.1, body: body)
                        return ("\(route.0) \(route.1) \(body.prefix(40))", response.status, response.header("content-type"))
                    }
                }
            }
        }
        for (request, status, type) in answers {
            #expect(status < 500, "\(request) answered \(status)")
            #expect(type == "application/json", "\(request) answered \(type ?? "no content type")")
        }
    }
}
