import Foundation
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// tester62 AL13: a kapso webhook with `buffer_enabled` and no `buffer_events` batches whatsapp.message.received (Kapso's
/// dashboard enables buffering "for the whatsapp.message.received event", https://docs.kapso.ai/docs/platform/webhooks/advanced;
/// `WebhookPayloadShape` already read "none listed" so), yet `trace` read `buffer_events` itself and shared the one batch
/// delivery out among three messages sent 2 s apart: main's build told the first two "none surely of this message; … it may
/// be this message's, which got none of its own" and the third "listed as this message's … but it may be another message's".
@Suite struct AL13BufferedBatchTraceTests {
    static let ids = ["BB00", "BB01", "BB02"].map { "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQB\($0)AAAAAAAAAAAAAAAAAAAA=" }

    /// Three inbound messages of Contact A at 11:00:00, :02 and :04 and one delivery of the buffering webhook at 11:00:05.
    static func seed() throws -> String {
        let path = try WebhookAudienceTraceTests.seed(
            webhooks: [WebhookAudienceTraceTests.webhook(
                WebhookAudienceTraceTests.first,
                ["buffer_enabled": true, "buffer_window_seconds": 5, "max_buffer_size": 50, "buffer_events": NSNull()])],
            deliveries: [WebhookAudienceTraceTests.delivery(1, webhook: WebhookAudienceTraceTests.first, at: "2026-11-21T11:00:05Z")])
        var seed = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        var messages = try #require(seed["messages"] as? [[String: Any]])
        for (offset, id) in ids.enumerated() {
            messages.append([
                "id": id, "timestamp": String(1_795_258_800 + 2 * offset), "type": "text", "from": "14155550171",
                "text": ["body": "is my order ready?"],
                "kapso": [
                    "direction": "inbound", "status": "received", "processing_status": "processed", "origin": "cloud_api",
                    "phone_number": "14155550171", "phone_number_id": WebhookAudienceTraceTests.number, "has_media": false,
                    "whatsapp_conversation_id": "0a1b2c3d-0000-4000-8000-000000000171", "contact_name": "Contact A",
                    "content": "is my order ready?",
                ],
            ])
        }
        seed["messages"] = messages
        try JSONSerialization.data(withJSONObject: seed).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func eachMessageOfTheBatchKeepsTheBatchDelivery() async throws {
        let runs = try await WebhookAudienceTraceTests.run(Self.ids.map { "trace \($0)" }, try Self.seed())
        for run in runs {
            #expect(!run.out.contains("got none of its own"), "\(run.out)")
            #expect(!run.out.contains("may be another message's"), "\(run.out)")
            #expect(!run.out.contains("none surely of this message"), "\(run.out)")
            #expect(run.out.contains("whatsapp.message.received"), "\(run.out)")
        }
    }
}
