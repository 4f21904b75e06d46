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

    /// probe46 P46-10: every shape reused the text sample's WAMID and time, so an edit or a deletion referred to itself.
    /// Each shape is its own message, later than the messages it refers to, and the conversation's summary names it.
    @Test func everyShapeIsItsOwnLaterMessage() throws {
        var ids: Set<String> = []
        for name in MessageShapes.names {
            let sample = try #require(PayloadSamples.sample("whatsapp.message.received", version: "v2", messageShape: name))
            let body = try JSONValue.parse(Array(sample.bodyText.utf8))
            let message = try #require(body["message"]?.object)
            let id = try #require(message["id"]?.string)
            #expect(ids.insert(id).inserted, "\(name) shares its id")
            #expect(WAMID.contactNumber(in: id) == .success("14155550142"), "\(name): \(id)")
            let type = try #require(message["type"]?.string)
            let referred = [message[type]?["original_message_id"]?.string, message[type]?["message_id"]?.string].compactMap { $0 }
            #expect(!referred.contains(id), "\(name) refers to itself")
            let kapso = try #require(body["conversation"]?["kapso"])
            #expect(kapso["last_message_id"]?.string == id, "\(name)")
            #expect(kapso["last_message_type"]?.string == type, "\(name)")
            let time = try #require(message["timestamp"]?.string.flatMap { Int64($0) })
            #expect(kapso["last_message_timestamp"]?.string == KapsoTime.iso(time), "\(name)")
            if name != "text" { #expect(time > 1_795_185_220, "\(name) is not after the reply it may refer to") }
        }
        #expect(ids.count == MessageShapes.names.count)
    }

    @Test func unknownShapesAndOtherEventsHaveNoSample() {
        #expect(PayloadSamples.sample("whatsapp.message.received", version: "v2", messageShape: "hologram") == nil)
        #expect(PayloadSamples.sample("whatsapp.message.sent", version: "v2", messageShape: "location") == nil)
        #expect(PayloadSamples.sample("whatsapp.message.received", version: "v1", messageShape: "location") == nil)
    }
}
