import Foundation
import KapsoClient
import KapsoDiagnostics
import KopsHTTP
@testable import KopsShell
import KopsTestSupport
import Testing

/// tester61 AH3: `replay` labelled a Kapso v2 delivery saved without its `X-Webhook-Event` header "meta": the header's
/// absence was taken for the sender. The body's shape decides now (kapso-api.md §10.1 Meta's envelope, §10.5 Kapso's
/// batch, §10.6 v2, §10.7 v1).
@Suite struct AH3ReplayLabelByShapeTests {
    static let v2 = #"{"message":{"id":"wamid.R1","type":"text","text":{"body":"Hi"},"kapso":{"direction":"inbound","status":"received"}},"conversation":{"id":"c1"},"is_new_conversation":false,"phone_number_id":"100200300400501"}"#
    static let meta = #"{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{}}]}]}"#

    @Test(arguments: [
        (v2, "kapso v2 (no X-Webhook-Event)"),
        (meta, "meta"),
        (#"{"type":"whatsapp.message.received","batch":true,"data":[{}]}"#, "kapso v2 batch of whatsapp.message.received"),
        (#"{"message":{"message_type":"text","content":"Hi"},"whatsapp_config":{"id":"x"}}"#, "kapso v1 (no X-Webhook-Event)"),
        (#"{"hello":"world"}"#, "unknown body (no X-Webhook-Event)"),
    ])
    func theBodysShapeNamesADeliveryWithoutItsHeader(body: String, label: String) throws {
        let json = try JSONValue.parse(Array(body.utf8))
        #expect(WebhookPayloadShape.deliveryLabel(event: nil, body: json) == label)
        #expect(WebhookPayloadShape.deliveryLabel(event: "whatsapp.message.sent", body: json) == "whatsapp.message.sent")
    }

    @Test func replayLabelsAKapsoDeliveryWithoutTheHeaderAsKapso() async throws {
        try await offPool {
            let bytes = Array(Self.v2.utf8)
            let signature = WebhookSignature.hmacSHA256Hex(key: Array(ReplayCommandTests.secret.utf8), message: bytes)
            let saved = ["POST /hook HTTP/1.1", "content-type: application/json", "x-webhook-signature: \(signature)",
                         "content-length: \(bytes.count)", "", ""].joined(separator: "\r\n") + Self.v2
            let folder = try ReplayCommandTests.folder(["k.http": saved])
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let run = try ReplayCommandTests.replay([folder])
            #expect(run.status == .ok, "\(run.err)")
            let all = run.out + run.err
            #expect(all.contains("k.http kapso v2 (no X-Webhook-Event)"), "\(all)")
            #expect(!all.contains("k.http meta"), "\(all)")
        }
    }
}
