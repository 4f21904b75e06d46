import KapsoClient
import KapsoDiagnostics
import Testing

/// `payload sample whatsapp.message.received --type NAME`: every shape, summarised from its type object and signed.
@Suite struct MessageShapesTests {
    @Test(arguments: MessageShapes.names)
    func everyShapeIsASignedReceivedPayloadWithItsSummary(_ name: String) throws {
        let sample = try #require(PayloadSamples.sample("whatsapp.message.received", version: "v2", messageShape: name))
        let body = try JSONValue.parse(Array(sample.bodyText.utf8))
        let message = try #require(body["message"]?.object)
        let summary = MessageSummary.text(of: message)
        #expect(message["kapso"]?["content"]?.string == summary)
        #expect(!summary.contains("unknown type") && !summary.contains(" object") && !summary.hasPrefix("message with"))
        let signature = sample.headers.first { $0.name == "X-Webhook-Signature" }?.value
        #expect(signature == WebhookSignature.hmacSHA256Hex(key: Array(PayloadSamples.placeholderSecret.utf8), message: Array(sample.bodyText.utf8)))
    }

    @Test func unknownShapesAndOtherEventsHaveNoSample() {
        #expect(PayloadSamples.sample("whatsapp.message.received", version: "v2", messageShape: "hologram") == nil)
        #expect(PayloadSamples.sample("whatsapp.message.sent", version: "v2", messageShape: "location") == nil)
        #expect(PayloadSamples.sample("whatsapp.message.received", version: "v1", messageShape: "location") == nil)
    }
}
