import Foundation
import Testing
@testable import KapsoSimulator

/// What the conformance run against Kapso's OpenAPI specs found in request handling (issue 20): every bad
/// write is refused with a 422 naming the field and saves nothing; the Meta proxy answers errors like Graph.
@Suite struct RequestValidationTests {
    private let numberHooks = "\(platform)/whatsapp/phone_numbers/100200300400501/webhooks"
    private let projectHooks = "\(platform)/whatsapp/webhooks"
    private let seededHook = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
    private let send = "/meta/whatsapp/v24.0/100200300400501/messages"

    private func wrapped(_ fields: String) -> String { #"{"whatsapp_webhook":{"# + fields + "}}" }
    private let valid = #""url":"https://x.test/h","secret_key":"s","events":["whatsapp.message.read"]"#

    @Test(arguments: [
        (#","buffer_enabled":"yes""#, "buffer_enabled"),
        (#","buffer_events":[1,false]"#, "buffer_events"),
        (#","buffer_events":"whatsapp.message.received""#, "buffer_events"),
        (#","active":"yes""#, "active"),
        (#","inactivity_minutes":"30""#, "inactivity_minutes"),
        (#","max_buffer_size":2.5"#, "max_buffer_size"),
        (#","headers":{"X-A":1}"#, "headers"),
        (#","payload_version":2"#, "payload_version"),
        (#","secret_key":7"#, "secret_key"),
        (#","kind":null"#, "kind"),
    ])
    func wronglyTypedField_Is422NamingIt_AndSavesNothing(_ extra: String, _ field: String) async throws {
        let (created, listed) = try await withSimulator { simulator in
            try await requests(to: simulator) { client in
                let before = try client.request("GET", projectHooks).json["data"]?.arrayValue?.count
                let created = try client.request("POST", numberHooks, body: wrapped(valid + extra))
                let after = try client.request("GET", projectHooks).json["data"]?.arrayValue?.count
                return (created, before == after)
            }
        }
        #expect(created.status == 422, "\(created.text)")
        #expect(created.json["errors"]?[field]?.arrayValue?.isEmpty == false, "\(created.text)")
        #expect(created.json["error"]?.stringValue?.lowercased().contains(field.replacingOccurrences(of: "_", with: " ")) == true)
        #expect(listed, "a refused create must save nothing")
    }

    @Test func wronglyTypedUpdate_LeavesTheWebhookAsItWas() async throws {
        let (update, before, after) = try await withSimulator { simulator in
            try await requests(to: simulator) { client in
                let before = try client.request("GET", "\(projectHooks)/\(seededHook)").json
                let update = try client.request(
                    "PATCH", "\(projectHooks)/\(seededHook)", body: wrapped(#""buffer_enabled":"yes","url":"https://changed.test/h""#))
                return (update, before, try client.request("GET", "\(projectHooks)/\(seededHook)").json)
            }
        }
        #expect(update.status == 422)
        #expect(update.json["errors"]?["buffer_enabled"] != nil)
        #expect(before == after)
    }

    @Test func unknownEvent_IsRefusedInKapsosWords() async throws {
        let (events, buffered) = try await withSimulator { simulator in
            try await requests(to: simulator) { client in
                (
                    try client.request(
                        "POST", numberHooks,
                        body: wrapped(#""url":"https://x.test/h","secret_key":"s","events":["whatsapp.message.read","whatsapp.message.bogus"]"#)),
                    try client.request(
                        "POST", numberHooks, body: wrapped(valid + #","buffer_enabled":true,"buffer_events":["nope"]"#))
                )
            }
        }
        #expect(events.status == 422)
        #expect(events.json["error"] == #"Events contains unsupported events: "whatsapp.message.bogus""#)
        #expect(buffered.status == 422)
        #expect(buffered.json["errors"]?["buffer_events"]?.arrayValue?.first == #"contains unsupported events: "nope""#)
    }

    @Test(arguments: ["", "{not json", "[1,2]", #"{"url":"https://x.test"}"#, #"{"whatsapp_webhook":"x"}"#])
    func unusableWebhookBody_Is422(_ body: String) async throws {
        let response = try await withSimulator { simulator in
            try await requests(to: simulator) { try $0.request("POST", projectHooks, body: body) }
        }
        #expect(response.status == 422, "\(body) → \(response.text)")
        #expect(response.json["error"]?.stringValue?.isEmpty == false)
    }

    @Test func unusableConversationBody_Is422() async throws {
        let id = "d4f5b6c7-3e4a-4b5c-9d6e-8f9012345678"
        let (broken, unwrapped) = try await withSimulator { simulator in
            try await requests(to: simulator) { client in
                (
                    try client.request("PATCH", "\(platform)/whatsapp/conversations/\(id)", body: "{"),
                    try client.request("PATCH", "\(platform)/whatsapp/conversations/\(id)", body: #"{"status":"ended"}"#)
                )
            }
        }
        #expect(broken.status == 422)
        #expect(unwrapped.status == 422)
        #expect(unwrapped.json["errors"]?["whatsapp_conversation"] != nil)
    }

    @Test(arguments: [#"{"event_type":null}"#, #"{"event_type":5}"#, #"{"event_type":""}"#])
    func webhookTest_RefusesAnEventTypeThatIsNotAName(_ body: String) async throws {
        let response = try await withSimulator { simulator in
            try await requests(to: simulator) { try $0.request("POST", "\(projectHooks)/\(seededHook)/test", body: body) }
        }
        #expect(response.status == 422, "\(response.text)")
        #expect(response.json["errors"]?["event_type"] != nil)
    }

    @Test func deliveries_RefuseANonUUIDWebhookFilter() async throws {
        let (bad, good) = try await withSimulator { simulator in
            (
                try await get(simulator, "\(platform)/webhook_deliveries?webhook_id=not-a-uuid"),
                try await get(simulator, "\(platform)/webhook_deliveries?webhook_id=\(seededHook)")
            )
        }
        #expect(bad.status == 400)
        #expect(bad.json["error"]?.stringValue?.contains("webhook_id") == true)
        #expect(good.status == 200)
    }

    @Test(arguments: ["whatsapp/messages", "whatsapp/conversations", "webhook_deliveries", "api_logs"])
    func emptyCursors_AreNoCursors(_ list: String) async throws {
        let (empty, plain) = try await withSimulator { simulator in
            (
                try await get(simulator, "\(platform)/\(list)?before=&after="),
                try await get(simulator, "\(platform)/\(list)")
            )
        }
        #expect(empty.status == 200, "\(empty.text)")
        // The same first page (api_logs gains a row per request, so compare the oldest-independent head).
        #expect(empty.json["data"]?.arrayValue?.count == plain.json["data"]?.arrayValue?.count)
        #expect(empty.json["paging"]?["previous"] == .null)
        #expect(empty.json["paging"] != nil)
    }

    @Test(arguments: [nil, "wrong-key"])
    func metaProxy401_IsAGraphError(_ key: String?) async throws {
        let response = try await withSimulator { simulator in
            try await requests(to: simulator, apiKey: key) { client in
                try client.request("POST", send, body: #"{"messaging_product":"whatsapp","to":"14155550142","text":{"body":"hi"}}"#)
            }
        }
        #expect(response.status == 401)
        #expect(response.json["error"]?["type"] == "OAuthException")
        #expect(response.json["error"]?["code"] == 190)
        #expect(response.json["error"]?["message"]?.stringValue != nil)
        #expect(response.json["error"]?["fbtrace_id"]?.stringValue != nil)
    }

    @Test func metaProxyUnknownRoute_IsAGraphError() async throws {
        let response = try await withSimulator { try await get($0, "/meta/whatsapp/v24.0/100200300400501/nothing") }
        #expect(response.status == 404)
        #expect(response.json["error"]?["code"] == 100)
        #expect(response.json["error"]?["message"]?.stringValue?.contains("Unsupported get request") == true)
    }

    @Test(arguments: [
        ("PUT", "\(platform)/whatsapp/webhooks/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "GET, PATCH, DELETE"),
        ("DELETE", "\(platform)/whatsapp/phone_numbers", "GET"),
        ("TRACE", "\(platform)/api_logs", "GET"),
    ])
    func servedPathWithAnotherMethod_Is405WithAllow(_ method: String, _ path: String, _ allow: String) async throws {
        let response = try await withSimulator { simulator in
            try await requests(to: simulator) { try $0.request(method, path) }
        }
        #expect(response.status == 405)
        #expect(response.header("allow") == allow)
        #expect(response.json["error"]?.stringValue?.contains("use \(allow)") == true)
    }

    @Test func metaProxyWrongMethod_Is405AsAGraphError() async throws {
        let response = try await withSimulator { simulator in
            try await requests(to: simulator) { try $0.request("DELETE", send) }
        }
        #expect(response.status == 405)
        #expect(response.json["error"]?["code"] == 100)
    }

    @Test(arguments: [
        "whatsapp/phone_numbers?customer_id=", "whatsapp/messages?conversation_id=abc",
        "whatsapp/conversations?assigned_user_id=x", "whatsapp/conversations?unassigned=null",
    ])
    func badUUIDOrBooleanFilters_Are400(_ query: String) async throws {
        let response = try await withSimulator { try await get($0, "\(platform)/\(query)") }
        #expect(response.status == 400, "\(response.text)")
        #expect(response.json["error"]?.stringValue?.hasPrefix("Invalid ") == true)
    }

    @Test func nullPayloadVersion_MeansTheDefault_AndMetaDropsBufferEvents() async throws {
        let (kapso, meta) = try await withSimulator { simulator in
            try await requests(to: simulator) { client in
                (
                    try client.request("POST", numberHooks, body: wrapped(valid + #","payload_version":null"#)),
                    try client.request(
                        "POST", "\(platform)/whatsapp/phone_numbers/100200300400502/webhooks",
                        body: wrapped(#""url":"https://x.test/m","secret_key":"s","kind":"meta","buffer_events":["x"]"#))
                )
            }
        }
        #expect(kapso.status == 201)
        #expect(kapso.json["data"]?["payload_version"] == "v2")
        #expect(meta.status == 201, "\(meta.text)")
        #expect(meta.json["data"]?["buffer_events"] == [])
    }
}
