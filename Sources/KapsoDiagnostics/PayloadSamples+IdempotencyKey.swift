internal import KapsoClient

// MARK: - The samples' X-Idempotency-Key

extension PayloadSamples {
    /// What `X-Webhook-Event` says for `event` in `version`: v1 `whatsapp.phone_number.created` is
    /// `whatsapp.config.created` (kapso-api.md §10.7), every other event is itself.
    static func headerEvent(_ event: String, version: String) -> String {
        version == "v1" && event == "whatsapp.phone_number.created" ? "whatsapp.config.created" : event
    }

    /// A stable UUID-shaped key per event and version, so samples are reproducible.
    static func idempotencyKey(event: String, version: String) -> String {
        var hex = Array(
            WebhookSignature.hmacSHA256Hex(key: Array("kops-sample".utf8), message: Array("\(event)/\(version)".utf8)))
        // Version 4, variant 10xx, as a random UUID would have.
        hex[12] = "4"
        hex[16] = "8"
        let text = String(hex.prefix(32))
        let parts = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { range in
            String(text.dropFirst(range.lowerBound).prefix(range.count))
        }
        return parts.joined(separator: "-")
    }

    /// The sample whose `X-Idempotency-Key` is `key` (lower-case UUID): its header event and version, e.g.
    /// `("whatsapp.message.received", "v2")`, or nil when no sample carries it. A key a receiver logged from
    /// `payload sample` output is kops's example, not one of Kapso's deliveries.
    public static func sampleEvent(withIdempotencyKey key: String) -> (event: String, version: String)? {
        for event in events {
            for version in versions(of: event) {
                let header = headerEvent(event, version: version)
                if idempotencyKey(event: header, version: version) == key { return (header, version) }
            }
        }
        return nil
    }
}
