// MARK: - The handler checks Meta's signature header (tester66b X12)

extension WebhookProbeReading {
    /// The Meta header a refusal's body names when it names one and not Kapso's (`X-Hub-Signature-256`, or the legacy
    /// `X-Hub-Signature`), e.g. "Invalid X-Hub-Signature-256", "Missing or invalid X-Hub-Signature-256 header"; nil
    /// otherwise. The probe only runs on kind-kapso webhooks, whose deliveries carry `X-Webhook-Signature`
    /// (`SignatureCheck.Header`), so such a handler reads a header the delivery does not have. Reads at most the first
    /// 512 bytes the probe keeps.
    static func metaHeaderNamed(in body: String) -> SignatureCheck.Header? {
        let text = body.lowercased()
        guard !text.contains(SignatureCheck.Header.kapso.name.lowercased()) else { return nil }
        if text.contains(SignatureCheck.Header.meta.name.lowercased()) { return .meta }
        return text.contains(SignatureCheck.Header.metaLegacy.name.lowercased()) ? .metaLegacy : nil
    }

    /// The verdict when the handler refused correctly signed deliveries (`signedText`: their answers) with an answer
    /// naming Meta's `header`: a handler written for Meta's webhooks. Kapso signs a kind-kapso delivery with
    /// `X-Webhook-Signature`, lowercase hex of HMAC-SHA256 over the raw body under the webhook's secret_key, no prefix
    /// (Kapso docs, Webhook security, https://docs.kapso.ai/docs/platform/webhooks/security); Meta's `X-Hub-Signature-256`
    /// is `sha256=` + hex of HMAC-SHA256 under the Meta app secret, its legacy `X-Hub-Signature` `sha1=` + HMAC-SHA1
    /// (Meta's Webhooks docs, "Validating payloads", https://developers.facebook.com/docs/graph-api/webhooks/getting-started).
    static func metaHeaderChecked(_ signedText: String, header: SignatureCheck.Header) -> String {
        "error: correctly signed deliveries were refused (\(signedText)) with an answer naming \(header.name), Meta's "
            + "signature header: the handler was written for Meta's webhooks, while this kind-kapso webhook's deliveries carry "
            + "Kapso's X-Webhook-Signature (hex of HMAC-SHA256 over the raw body under this webhook's secret_key, no '"
            + "\(header.prefix)' prefix), not \(header.name) ('\(header.prefix)' + the HMAC under the Meta app secret); have the "
            + "handler read X-Webhook-Signature, without the prefix, with the webhook's secret_key (or send it Meta's payloads "
            + "from a kind-meta webhook); 'listen --save DIR' keeps a delivery, then 'verify' checks it against the secret"
    }
}
