import Foundation
import Testing
@testable import KapsoSimulator

@Suite struct WebhookWriteTests {
    private let support = "\(platform)/whatsapp/phone_numbers/100200300400501/webhooks"

    private func wrapped(_ fields: String) -> String { #"{"whatsapp_webhook":{"# + fields + "}}" }

    @Test func createUpdateDelete_NumberScope() async throws {
        let (created, updated, deleted, gone) = try await withSimulator { simulator in
            try await requests(to: simulator) { client in
                let created = try client.request(
                    "POST", support,
                    body: wrapped(#""url":"https://new.example.test/h","secret_key":"s3cret","events":["whatsapp.message.read"]"#))
                let id = created.json["data"]?["id"]?.stringValue ?? ""
                let updated = try client.request("PATCH", "\(support)/\(id)", body: wrapped(#""active":false"#))
                let deleted = try client.request("DELETE", "\(support)/\(id)")
                let gone = try client.request("GET", "\(platform)/whatsapp/webhooks/\(id)")
                return (created, updated, deleted, gone)
            }
        }
        #expect(created.status == 201)
        #expect(created.json["data"]?["phone_number_id"] == "100200300400501")
        #expect(created.json["data"]?["payload_version"] == "v2")
        // The second fixture webhook has no custom headers, like this one.
        let fixture = try Fixtures.json("webhooks.list.json")["data"]?.arrayValue?[1] ?? .null
        #expect(ShapeComparison.differences(expected: fixture, actual: created.json["data"] ?? .null).isEmpty)
        #expect(updated.status == 200)
        #expect(updated.json["data"]?["active"] == false)
        #expect(deleted.status == 204 && deleted.body.isEmpty)
        #expect(gone.status == 404)
    }

    /// A webhook made under its number (either kind) is found under its number and under the project until a DELETE
    /// under either scope removes it; then both answer 404, and a new webhook gets a new id (kapso-api.md §3.2, §3.3).
    /// What scripts/openapi/schemathesis.toml's ST302 exception rests on: a 404 after a 201 means the webhook was
    /// deleted, under one scope or the other, never that the simulator lost it.
    @Test(arguments: ["meta", "kapso"])
    func numberWebhook_LivesUntilADeleteUnderEitherScope(kind: String) async throws {
        let sales = "\(platform)/whatsapp/phone_numbers/100200300400502/webhooks"
        let project = "\(platform)/whatsapp/webhooks"
        let body = wrapped(#""url":"https://h.example.test/w","secret_key":"s","kind":""# + kind + #"","events":["whatsapp.message.sent"]"#)
        let statuses = try await withSimulator { simulator in
            try await requests(to: simulator) { client in
                let first = try client.request("POST", sales, body: body)
                let one = first.json["data"]?["id"]?.stringValue ?? ""
                var statuses = [
                    first.status, try client.request("GET", "\(sales)/\(one)").status,
                    try client.request("GET", "\(project)/\(one)").status,
                    try client.request("GET", "\(support)/\(one)").status,
                    try client.request("DELETE", "\(sales)/\(one)").status,
                    try client.request("GET", "\(project)/\(one)").status,
                    try client.request("DELETE", "\(sales)/\(one)").status,
                ]
                let second = try client.request("POST", sales, body: body)
                let two = second.json["data"]?["id"]?.stringValue ?? ""
                statuses += [
                    second.status, two != one && !two.isEmpty ? 1 : 0,
                    try client.request("DELETE", "\(project)/\(two)").status,
                    try client.request("DELETE", "\(sales)/\(two)").status,
                    try client.request("GET", "\(sales)/\(two)").status,
                ]
                return statuses
            }
        }
        #expect(statuses == [201, 200, 200, 404, 204, 404, 404, 201, 1, 204, 404, 404])
    }

    @Test(arguments: [
        (#""url":"https://x.test/h","events":["whatsapp.message.read"]"#, "secret_key"),
        (#""url":"not a url","secret_key":"s","events":["whatsapp.message.read"]"#, "url"),
        (#""url":"https://x.test/h","secret_key":"s","events":[]"#, "events"),
        (#""url":"https://x.test/h","secret_key":"s","events":["whatsapp.message.read"],"payload_version":"v3""#, "payload_version"),
        (#""url":"https://x.test/h","secret_key":"s","events":["whatsapp.message.read"],"buffer_enabled":true,"buffer_window_seconds":90"#, "buffer_window_seconds"),
        (#""url":"https://x.test/h","secret_key":"s","kind":"meta""#, "kind"),
    ])
    func invalidCreate_Returns422PerField(_ fields: String, _ field: String) async throws {
        let response = try await withSimulator { simulator in
            try await requests(to: simulator) { try $0.request("POST", support, body: wrapped(fields)) }
        }
        #expect(response.status == 422)
        #expect(response.json["error"]?.stringValue != nil)
        #expect(response.json["errors"]?[field]?.arrayValue?.isEmpty == false, "\(response.text)")
    }

    /// kapso-api.md §14.1: an unknown name answers Kapso's own 422 body and saves nothing, on create and update.
    @Test func unknownEventNames_Are422AndSaveNothing() async throws {
        let (create, update, list, after) = try await withSimulator { simulator in
            try await requests(to: simulator) { client in
                let create = try client.request(
                    "POST", support,
                    body: wrapped(
                        #""url":"https://x.test/h","secret_key":"s","events":["whatsapp.message.status","whatsapp.contact.identity_changed"]"#))
                let update = try client.request(
                    "PATCH", "\(platform)/whatsapp/webhooks/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
                    body: wrapped(#""events":["whatsapp.message.received","whatsapp.message.Read"],"active":false"#))
                let list = try client.request("GET", "\(platform)/whatsapp/webhooks?per_page=100")
                let after = try client.request("GET", "\(platform)/whatsapp/webhooks/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d")
                return (create, update, list, after)
            }
        }
        #expect(create.status == 422)
        #expect(create.text == #"{"error":"Events contains unsupported events: \"whatsapp.message.status\""}"#)
        #expect(update.status == 422)
        #expect(update.text == #"{"error":"Events contains unsupported events: \"whatsapp.message.Read\""}"#)
        #expect(list.json["data"]?.arrayValue?.contains { $0["url"] == "https://x.test/h" } == false)
        #expect(after.json["data"]?["active"] == true)
    }

    @Test func newerCatalogueEvents_AreAccepted() async throws {
        let created = try await withSimulator { simulator in
            try await requests(to: simulator) { client in
                try client.request(
                    "POST", support,
                    body: wrapped(
                        #""url":"https://x.test/h","secret_key":"s","events":["whatsapp.contact.marketing_preference_changed","whatsapp.meta_business_agent.handover"]"#))
            }
        }
        #expect(created.status == 201, "\(created.text)")
    }

    /// kapso-api.md §14.1 "project scope only": a phone-number webhook never receives project events, so creating
    /// or updating one with them is refused and nothing is saved; project webhooks take them.
    @Test func projectOnlyEventsOnANumberWebhook_Return422() async throws {
        let (create, viaProject, update) = try await withSimulator { simulator in
            try await requests(to: simulator) { client in
                (
                    try client.request(
                        "POST", support,
                        body: wrapped(
                            #""url":"https://a.example/","secret_key":"s3cretvalue123","events":["whatsapp.phone_number.offboarded","kapso_agent.run.failed"]"#)),
                    try client.request(
                        "POST", "\(platform)/whatsapp/webhooks",
                        body: wrapped(
                            #""url":"https://a.example/","phone_number_id":"100200300400502","events":["whatsapp.message.received","whatsapp.account.disabled"]"#)),
                    try client.request(
                        "PATCH", "\(platform)/whatsapp/webhooks/5f6a7b8c-9d0e-4f1a-8b2c-4d5e6f7a8b92",
                        body: wrapped(#""events":["whatsapp.message.received","workflow.execution.failed"]"#))
                )
            }
        }
        #expect(create.status == 422)
        #expect(
            create.json["error"]
                == #"Events contains project-only events: "whatsapp.phone_number.offboarded", "kapso_agent.run.failed" (delivered only to project webhooks)"#)
        #expect(viaProject.status == 422)
        #expect(update.status == 422)
        #expect(update.json["errors"]?["events"] != nil)
    }

    /// An event named twice, or buffer_events beyond whatsapp.message.received: 422 naming the field (probe2 F28).
    @Test func duplicateEventsAndUnbufferableBufferEvents_Return422() async throws {
        let (duplicate, buffered) = try await withSimulator { simulator in
            try await requests(to: simulator) { client in
                (
                    try client.request(
                        "POST", support,
                        body: wrapped(#""url":"https://a.example/","secret_key":"s","events":["whatsapp.message.received","whatsapp.message.received"]"#)),
                    try client.request(
                        "PATCH", "\(platform)/whatsapp/webhooks/5f6a7b8c-9d0e-4f1a-8b2c-4d5e6f7a8b92",
                        body: wrapped(#""buffer_enabled":true,"buffer_events":["whatsapp.message.sent"]"#))
                )
            }
        }
        #expect(duplicate.status == 422)
        #expect(duplicate.json["errors"]?["events"] == [#"contains duplicates: "whatsapp.message.received""#])
        #expect(buffered.status == 422)
        #expect(buffered.json["errors"]?["buffer_events"] != nil)
    }

    @Test func kindCannotChange_AndProjectScopeNeedsNoSecret() async throws {
        let (kind, project) = try await withSimulator { simulator in
            try await requests(to: simulator) { client in
                (
                    try client.request(
                        "PATCH", "\(platform)/whatsapp/webhooks/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
                        body: wrapped(#""kind":"meta""#)),
                    try client.request(
                        "POST", "\(platform)/whatsapp/webhooks",
                        body: wrapped(#""url":"https://x.test/p","events":["workflow.execution.failed"]"#))
                )
            }
        }
        #expect(kind.status == 422)
        #expect(kind.json["errors"]?["kind"] != nil)
        #expect(project.status == 201)
        #expect(project.json["data"]?["phone_number_id"] == .null)
    }

    @Test func missingWrapper_Returns422() async throws {
        let response = try await withSimulator { simulator in
            try await requests(to: simulator) { try $0.request("POST", support, body: #"{"url":"https://x.test"}"#) }
        }
        #expect(response.status == 422)
        #expect(response.json["errors"]?["whatsapp_webhook"] != nil)
    }

    @Test func test_RejectsUnsubscribedEvent_AndRecordsDelivery() async throws {
        let id = "5f6a7b8c-9d0e-4f1a-8b2c-4d5e6f7a8b92"
        let (rejected, accepted, deliveries) = try await withSimulator { simulator in
            try await requests(to: simulator) { client in
                (
                    try client.request("POST", "\(platform)/whatsapp/webhooks/\(id)/test", body: #"{"event_type":"whatsapp.message.read"}"#),
                    try client.request("POST", "\(platform)/whatsapp/webhooks/\(id)/test?event_type=whatsapp.message.received"),
                    try client.request("GET", "\(platform)/webhook_deliveries?limit=1&webhook_id=\(id)")
                )
            }
        }
        #expect(rejected.status == 422)
        #expect(accepted.status == 200)
        #expect(accepted.json == ["data": ["success": true]])
        let row = deliveries.json["data"]?.arrayValue?.first
        #expect(row?["created_at"] == "2026-11-21T12:00:00Z")
        // The simulated receiver's first attempt failed now; its retries wait for the simulator's clock.
        #expect(row?["status"] == "pending")
        #expect(row?["attempt_count"] == 1)
        #expect(row?["last_attempt_at"] == "2026-11-21T12:00:00Z")
        #expect(row?["response_status"] == 500)
    }

    @Test func test_PostsSignedPayloadToLoopbackReceiver() async throws {
        let receiver = try LoopbackReceiver()
        let url = "http://127.0.0.1:\(receiver.port)/hook"
        let (request, row, counters) = try await withSimulator { simulator in
            let row = try await requests(to: simulator) { client -> JSONValue in
                let created = try client.request(
                    "POST", support,
                    body: wrapped(#""url":"\#(url)","secret_key":"whsec_demo_123","events":["whatsapp.message.received"],"headers":{"X-Acme-Env":"test"}"#))
                let id = created.json["data"]?["id"]?.stringValue ?? ""
                _ = try client.request("POST", "\(platform)/whatsapp/webhooks/\(id)/test")
                _ = receiver.waitForRequest()
                // The receiver's answer is recorded in the background; wait (up to 5 s) until it is.
                var row: JSONValue = .null
                for _ in 0..<500 {
                    row = try client.request("GET", "\(platform)/webhook_deliveries?limit=1&webhook_id=\(id)").json
                    if row["data"]?.arrayValue?.first?["attempt_count"] != 0 { break }
                    Thread.sleep(forTimeInterval: 0.01)
                }
                return row
            }
            return (receiver.waitForRequest(), row, await simulator.counters())
        }
        let raw = try #require(request)
        let parts = raw.components(separatedBy: "\r\n\r\n")
        let head = parts[0].lowercased()
        let body = parts.dropFirst().joined(separator: "\r\n\r\n")
        let signature = head.components(separatedBy: "\r\n").first { $0.hasPrefix("x-webhook-signature:") }?
            .dropFirst("x-webhook-signature:".count).trimmingCharacters(in: .whitespaces)
        #expect(signature == WebhookSignature.hex(body: Array(body.utf8), secret: "whsec_demo_123"))
        #expect(head.contains("x-webhook-event: whatsapp.message.received"))
        #expect(head.contains("x-acme-env: test"))
        #expect(body.contains(#""status":"received""#))
        #expect(row["data"]?.arrayValue?.first?["status"] == "delivered")
        #expect(counters.deliveries == 1)
    }

    /// Events the simulator keeps no state for go out as the catalogue's sample of that event.
    @Test func test_NewerEventSendsTheCatalogueSample() async throws {
        let receiver = try LoopbackReceiver()
        let url = "http://127.0.0.1:\(receiver.port)/hook"
        let request = try await withSimulator { simulator in
            try await requests(to: simulator) { client in
                let created = try client.request(
                    "POST", support,
                    body: wrapped(#""url":"\#(url)","secret_key":"s","events":["whatsapp.contact.marketing_preference_changed"]"#))
                let id = created.json["data"]?["id"]?.stringValue ?? ""
                _ = try client.request("POST", "\(platform)/whatsapp/webhooks/\(id)/test")
                // Waited for on the client's own thread: blocking the cooperative pool would stall the delivery.
                return receiver.waitForRequest()
            }
        }
        let raw = try #require(request)
        #expect(raw.lowercased().contains("x-webhook-event: whatsapp.contact.marketing_preference_changed"))
        #expect(raw.contains(#""marketing_preference":{"status":"stopped","previous_status":"resumed""#))
    }

    @Test func signatureMatchesFixture() throws {
        let body = try Fixtures.data("webhook.v2.message_received.json")
        let expected = String(decoding: try Fixtures.data("webhook.v2.message_received.signature.txt"), as: UTF8.self)
        #expect(WebhookSignature.hex(body: Array(body), secret: "whsec_demo_123") == expected)
    }
}
