import Foundation
import KapsoClient
import KapsoSimulator
import KopsHTTP
import KopsShell
import KopsTestSupport
import Testing

/// probe19's "the webhook stopped firing" stories on the real-world message-shapes seed (Support Line 100200300400501,
/// contact messages H01-H14 at 10:00-10:13, clock 2026-11-21T12:00:00Z), with Support Line's one kapso webhook
/// (active, message events, unchanged since 2026-11-03) whose 10 deliveries end at 2026-11-20T07:30:00Z.
/// - P19-2: nothing failed, so `webhooks check` said "0 errors", `overview` was silent and every `trace` sent the user
///   back to that check.
/// - P19-3 (`blocked`): the number's app subscription lacks Meta's `messages` field, and an outbound message R02 has
///   been at `sent` for 3 h: the trace blamed the contact's phone.
@Suite struct WebhookStoppedFiringTests {
    static let webhookID = "9a9b9c9d-0000-4000-8000-000000000011"
    static let sent3h = "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQBR02AAAAAAAAAAAAAAAAAAAA="

    /// The seed file (removed by the caller); `blocked` sets the subscription to `message_template_status_update` only
    /// and adds R02, sent 3 h before the clock with no status.
    static func seed(blocked: Bool = false) throws -> String {
        let source = Fixtures.realWorldCases.appendingPathComponent("message-shapes.seed.json")
        var seed = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: source)) as? [String: Any])
        let number = "100200300400501"
        let events = ["received", "sent", "delivered", "read", "failed"].map { "whatsapp.message." + $0 }
        seed["webhooks"] = [[
            "id": webhookID, "url": "https://hooks.acme.test/wa", "kind": "kapso", "events": events, "active": true,
            "created_at": "2026-10-02T09:00:00Z", "updated_at": "2026-11-03T12:30:00Z",
            "project_id": "5b0e7c1a-2f4d-4e8a-9c3b-7d6e5f4a3b21", "phone_number_id": number, "secret_key": "whsec_x",
            "headers": [:], "buffer_enabled": false, "buffer_events": [], "inactivity_minutes": 60, "payload_version": "v2",
        ]]
        seed["webhook_deliveries"] = (0..<10).map { index -> [String: Any] in
            let time = String(format: "2026-11-20T%02d:%02d:00Z", 6 + index / 6, (index % 6) * 10)
            return [
                "id": String(format: "7a8b9c0d-0000-4a3b-8c4d-%012d", index), "event": "whatsapp.message.received",
                "status": "delivered", "attempt_count": 1, "created_at": time, "response_status": 200, "delivered_at": time,
                "last_attempt_at": time, "webhook_id": webhookID, "webhook_url": "https://hooks.acme.test/wa",
                "whatsapp_config_id": "a1c2e3f4-0b1d-4e2f-8a3b-5c6d7e8f9012", "phone_number_id": number,
                "conversation_phone_number": "14155550171",
            ]
        }
        if blocked {
            var health = try #require(seed["health"] as? [String: Any])
            var line = try #require(health[number] as? [String: Any])
            var checks = try #require(line["checks"] as? [String: Any])
            var subscription = try #require(checks["webhook_subscription"] as? [String: Any])
            var details = subscription["details"] as? [String: Any] ?? [:]
            details["subscribed_fields"] = ["message_template_status_update"]
            subscription["details"] = details
            checks["webhook_subscription"] = subscription
            line["checks"] = checks
            health[number] = line
            seed["health"] = health
            var messages = try #require(seed["messages"] as? [[String: Any]])
            var sent = try #require(messages.first { ($0["kapso"] as? [String: Any])?["direction"] as? String == "outbound" })
            sent["id"] = sent3h
            sent["timestamp"] = String(1_795_262_400 - 3 * 3_600)
            sent["type"] = "text"
            sent["text"] = ["body": "accepted, no status ever"]
            var kapso = try #require(sent["kapso"] as? [String: Any])
            kapso["status"] = "sent"
            kapso["statuses"] = nil
            sent["kapso"] = kapso
            messages.insert(sent, at: 0)
            seed["messages"] = messages
        }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("stopped-\(UUID().uuidString).seed.json").path
        try JSONSerialization.data(withJSONObject: seed).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// P19-2: the check compares the number's received messages with the webhook's deliveries (13 of the seed's 14 inbound
    /// records: the `system` notification is none Kapso documents delivering as received, tester49 F8); overview names it as a
    /// next step; a trace of one of those messages says the webhook stopped firing instead of "'webhooks check' reviews
    /// the webhook".
    @Test func deliveriesThatStoppedWhileMessagesArriveAreFoundByCheckOverviewAndTrace() async throws {
        let path = try Self.seed()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let runs = try await runDemo(
            ["webhooks check", "overview", "trace \(caseID("H01"))"], number: "100200300400501", seed: .file(path))
        #expect(runs[0].status == 1, "\(runs[0].out)")
        #expect(runs[0].out.hasPrefix(
            "error: \(Self.webhookID) (https://hooks.acme.test/wa): no whatsapp.message.received delivery since "
                + "2026-11-20T07:30:00Z (1 d 4 h ago), although 10 received messages arrived on 100200300400501 since then "
                + "(the first at 2026-11-21T10:00:00Z"), "\(runs[0].out)")
        #expect(runs[0].out.contains("so it stopped firing"), "\(runs[0].out)")
        #expect(runs[0].out.contains("docs.kapso.ai/docs/platform/webhooks/advanced"), "\(runs[0].out)")
        #expect(runs[1].out.contains("use 100200300400501; webhooks check"), "\(runs[1].out)")
        #expect(runs[1].out.contains(
            "webhook \(Self.webhookID) got no whatsapp.message.received delivery in 24h, although 10 received messages arrived"),
            "\(runs[1].out)")
        #expect(!runs[1].out.contains("nothing to fix"), "\(runs[1].out)")
        #expect(runs[2].out.contains("nor any delivery after it: the webhook stopped firing at or before this message"), "\(runs[2].out)")
        #expect(!runs[2].out.contains("reviews the webhook"), "\(runs[2].out)")
    }

    /// P19-3: with the subscription lacking `messages`, the verdict on a message at `sent` names it, not the contact,
    /// and `webhooks check` carries it as an error; the trace reads the health in its one batch (one request more, only
    /// for a message still waiting for a delivery report).
    @Test func aSubscriptionWithoutMessagesIsTheCauseOfAMissingReport() async throws {
        let path = try Self.seed(blocked: true)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let runs = try await runDemo(
            ["trace \(Self.sent3h)", "webhooks check"], number: "100200300400501", seed: .file(path))
        // A later send to the same contact was delivered (H21), so the verdict leads with that (P39-1) and names the
        // subscription as why this one's statuses cannot reach Kapso.
        #expect(runs[0].out.contains("verdict: sent, and no delivery report reached Kapso, yet a later message to the same contact"), "\(runs[0].out)")
        #expect(runs[0].out.contains(
            "its statuses cannot reach Kapso: the app's subscription lacks Meta's messages field (it has: message_template_status_update)"),
            "\(runs[0].out)")
        #expect(!runs[0].out.contains("phone may be offline"), "\(runs[0].out)")
        #expect(runs[0].out.contains("Meta sends Kapso no statuses for this number (the verdict says why)"), "\(runs[0].out)")
        #expect(runs[1].status == 1, "\(runs[1].out)")
        // Inbound messages reached Kapso until 10:13: the subscription read now is hedged, a warning dated by them (tester70
        // F7), while the webhook's own "stopped firing" error keeps the exit 1.
        #expect(runs[1].out.contains(
            "warning: number: 100200300400501's health: the app's subscription lacks Meta's messages field"), "\(runs[1].out)")
        #expect(runs[1].out.contains("its webhook \(Self.webhookID) gets no message or status event from then on"), "\(runs[1].out)")
        #expect(runs[1].out.contains("were not delivered are not the subscription's doing"), "\(runs[1].out)")
    }

    /// The trace's requests: the message, then one batch; the health joins the batch only for a message waiting for a
    /// delivery report (R02 at `sent`), not for a received one (H01).
    @Test func theTraceReadsHealthInItsOneBatchOnlyWhenAReportIsAwaited() async throws {
        let path = try Self.seed(blocked: true)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let batches = try await withSimulator(seed: .file(path)) { fixture in
            let (shell, _) = try fixture.shell(phoneNumberID: "100200300400501")
            shell.context.now = { 1_795_262_400 }
            var sizes: [[Int]] = []
            for id in [Self.sent3h, caseID("H01")] {
                let transport = PartlyFailingTransport(
                    wrapping: try CurlTransport(options: .init(connectTimeout: 2, timeout: 5, userAgent: "kops-tests")), failures: [:])
                shell.context.client = KapsoClient(baseURL: fixture.baseURL, apiKey: Secret(fixture.apiKey), transport: transport)
                _ = shell.run(line: "trace \(id)")
                sizes.append(transport.batches)
            }
            return sizes
        }
        // Sent message: conversation, inbound, deliveries, API log, Meta's events, webhooks, health, send-call search;
        // then, as Contact A moved to 14155550173 (H13), the new number's records (messages, conversations, number) for
        // what a reply does now, as `reply` reads them (session 36); and the contact's sends on the number, for what
        // reached them after it (P39-1), and the number's sends, for which calls and deliveries are other messages' (P44-2).
        #expect(batches[0] == [10, 3], "\(batches)")
        // Received message: conversation, inbound, deliveries, API log, Meta's events, webhooks (its window is open), the
        // contact's sends from the number (a later 131047 refutes the open window, tester67 Y2), and the move followed.
        #expect(batches[1] == [7, 3], "\(batches)")
    }
}
