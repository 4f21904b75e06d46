// MARK: - Refused before or regardless of the signature (tester64b U9)

extension WebhookProbeReading {
    /// The verdict when the signed deliveries and the wrong-signature one all got 401/403 and no answer names the
    /// signature: the answers show nothing about the signature check, so the usual layers in front of a handler are named
    /// beside it, the one the body names first (`frontLayer(in:)`). `signedText` is the signed deliveries' answers
    /// (`403, 403`), `bodies` the start of what they got back.
    static func refusedRegardless(_ signedText: String, bodies: [String]) -> String {
        let named = bodies.lazy.compactMap(frontLayer(in:)).first
        return "error: correctly signed deliveries were refused (\(signedText)), as the wrong signature was"
            + (named.map { ", with \($0)" } ?? "")
            + ": something refuses them before or regardless of the signature, so kops cannot tell whether the secret is "
            + "at fault: a WAF, bot protection or IP allow-list in front of the handler (Cloudflare and the like challenge "
            + "requests with no browser), a proxy or platform login (basic auth, a preview deployment's protection), or "
            + "the app's own authentication on the route; let the route through unauthenticated for Kapso and have the "
            + "handler verify X-Webhook-Signature; if the handler itself answers this, 'listen --save DIR' keeps a "
            + "delivery, then 'verify' checks it against the secret"
    }

    /// What a refusal's body says of the layer that sent it: `a Cloudflare page` when it names a CDN or WAF known to
    /// answer webhooks with a challenge page, `an HTML page` for another HTML document (a handler answering JSON or text
    /// seldom sends one), nil otherwise. Reads at most the first 512 bytes the probe keeps.
    static func frontLayer(in body: String) -> String? {
        let text = body.lowercased()
        let layers = [
            ("cloudflare", "Cloudflare"), ("cloudfront", "Amazon CloudFront"), ("akamai", "Akamai"),
            ("incapsula", "Imperva Incapsula"), ("sucuri", "Sucuri"), ("vercel", "Vercel"), ("awselb", "an AWS load balancer"),
        ]
        if let layer = layers.first(where: { text.contains($0.0) }) { return "a page naming \(layer.1)" }
        return text.contains("<html") || text.contains("<!doctype html") ? "an HTML page (as a proxy or WAF sends)" : nil
    }
}

// MARK: - The signature header did not arrive (session 65's fixA note)

extension WebhookProbeReading {
    /// True when a refusal's body says the signature header is absent rather than wrong: it names the signature, says
    /// missing, absent, required, not present or not provided (`x-webhook-signature header missing`, `Missing
    /// X-Webhook-Signature`, `No signature header`, `missing_signature`), and says nothing of a comparison. A body that
    /// speaks of matching, an expected, valid or computed signature, a verification or a mismatch compared a signature
    /// it had, so the header arrived and the secret's reading stays (tester66b X1: Stripe's "No signatures found matching
    /// the expected signature for payload", "Signature not present in the list of valid signatures", "Computed signature
    /// not found among X-Webhook-Signature values", "missing or invalid signature"). Reads at most the first 512 bytes
    /// the probe keeps.
    static func saysHeaderMissing(_ body: String) -> Bool {
        let text = body.lowercased()
        guard text.contains("signature") else { return false }
        let absent = ["missing", "absent", "required", "not present", "not provided", "no signature header", "no x-webhook-signature"]
        let compared = [
            "match", "expected", "valid", "computed", "verif", "compar", "incorrect", "wrong", "bad signature", "failed", "among",
            "list of", "hmac",
        ]
        return absent.contains(where: text.contains) && !compared.contains(where: text.contains)
    }

    /// The verdict when the handler answered the signed deliveries that their signature header is missing
    /// (`signedText`: their answers). The probe sends `X-Webhook-Signature`, the header Kapso signs its deliveries with
    /// (Kapso docs, Webhook security: "The signature is sent in the X-Webhook-Signature header",
    /// https://docs.kapso.ai/docs/platform/webhooks/security; gokapso/agent-skills
    /// skills/integrate-whatsapp/references/webhooks-reference.md: "Header: `X-Webhook-Signature`"), so the header was
    /// sent and did not reach the check under the name it reads: the secret was never compared, and changing it
    /// changes nothing.
    static func headerNotReceived(_ signedText: String) -> String {
        "error: correctly signed deliveries were refused (\(signedText)) with an answer that says the signature header is "
            + "missing: the probe sent X-Webhook-Signature, as Kapso does, so the header did not reach the handler's check "
            + "under the name it reads, and the secret was never compared (not a wrong secret): a proxy, CDN, API gateway or "
            + "framework in front may strip or rename it, or the handler reads another header name (X-Hub-Signature-256 is "
            + "Meta's, not Kapso's); log the headers the handler receives, then 'listen --save DIR' and 'verify' check a "
            + "delivery against the secret"
    }
}
