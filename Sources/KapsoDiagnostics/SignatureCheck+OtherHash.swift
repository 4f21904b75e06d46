public import KopsHTTP
internal import KapsoClient

// MARK: - A digest of another hash's length

extension SignatureCheck {
    /// The hash whose hex digest has `count` characters: 32 MD5, 40 SHA-1, 56 SHA-224, 96 SHA-384, 128 SHA-512; nil
    /// for any other count (64, SHA-256's, is what Kapso and Meta send).
    public static func digestName(hexCount count: Int) -> String? {
        [32: "MD5", 40: "SHA-1", 56: "SHA-224", 96: "SHA-384", 128: "SHA-512"][count]
    }

    /// What a value of hex digits with another hash's length is (probe15 P15-8): `matches` when the HMAC under that
    /// hash with `secret` over `body` is the value (the sender's code uses the wrong hash; MD5, SHA-1 and SHA-512 are
    /// checked), and a phrase that names the hash. Nil when `hex` is not all hex digits or not such a length, and for
    /// 40 digits (SHA-1) that do not match, which `verify` names as Meta's legacy header already.
    /// `meta`: Meta's signature is checked (`--meta`), for which a SHA-1 value may be its legacy X-Hub-Signature;
    /// for Kapso's it never is (`sha1ForKapso`).
    public static func otherHash(hex: String, body: [UInt8], secret: Secret, meta: Bool = true) -> (text: String, matches: Bool)? {
        guard hex.allSatisfy({ $0.isASCII && $0.isHexDigit }), let hash = digestName(hexCount: hex.count) else { return nil }
        let digest = ["MD5": "MD5", "SHA-1": "SHA1", "SHA-512": "SHA512"][hash]
        let given = hex.lowercased()
        let lead = "\(hex.count) hex characters is \(hash == "MD5" ? "an" : "a") \(hash) digest"
        if let digest, WebhookSignature.hmacHex(digest, key: Array(secret.revealed.utf8), message: body) == given {
            if hash == "SHA-1" && !meta { return sha1ForKapso(hex: hex, prefixed: false, body: body, secret: secret) }
            if hash == "SHA-1" {
                return (lead + ", and HMAC-SHA1 of this \(body.count)-byte body with this secret matches it: it is Meta's "
                    + "legacy X-Hub-Signature; write it as 'sha1=…' to check it as such, or check X-Hub-Signature-256's "
                    + "value", true)
            }
            return (lead + ", and HMAC-\(hash.filter { $0 != "-" }) of this \(body.count)-byte body "
                + "with this secret matches it: the secret and body are right, but the sender's code uses \(hash); "
                + "Kapso and Meta sign with HMAC-SHA256 (64 hex characters)", true)
        }
        guard hash != "SHA-1" else { return nil }
        let checked = digest == nil ? "" : " (HMAC-\(hash.filter { $0 != "-" }) with this secret does not match this body either)"
        return (lead + checked + "; Kapso and Meta sign with HMAC-SHA256: 64 hex characters", false)
    }

    /// What a SHA-1 value (40 hex digits, with or without Meta's `sha1=`) is when Kapso's X-Webhook-Signature is
    /// checked: never a valid signature (probe21 P21-21). Kapso signs every webhook with HMAC-SHA256 under the
    /// webhook's secret key (docs.kapso.ai/docs/platform/webhooks/security: "Kapso signs all webhooks with HMAC
    /// SHA256 using your webhook secret key"; kapso-api.md §10.1: 64 lowercase hex characters, no prefix), so a SHA-1
    /// value over a Kapso body was made by the receiver's own code or a tool, not sent by Kapso. Only Meta sends
    /// SHA-1, as its legacy `X-Hub-Signature: sha1=…` (checked with `--meta`). `matches`: HMAC-SHA1 of `body` under
    /// `secret` is the value (the body and secret are right, the hash is not); the text names it either way, so
    /// the two spellings of one digest get the same verdict.
    public static func sha1ForKapso(hex: String, prefixed: Bool, body: [UInt8], secret: Secret) -> (text: String, matches: Bool) {
        let written = prefixed ? "a 'sha1=' value" : "40 hex characters"
        let sha256 = "X-Webhook-Signature is HMAC-SHA256 (64 hex characters, no prefix), and Kapso never signs with SHA-1"
        let meta = isMetaPayload(body) ? "; a Meta delivery's X-Hub-Signature is checked with --meta and the app secret" : ""
        guard isSHA1Hex(hex) else {
            return (
                "\(written) is Meta's legacy X-Hub-Signature form (HMAC-SHA1, 40 hex characters; this one has \(hex.count)); "
                    + sha256 + ": paste the X-Webhook-Signature header's value" + meta, false)
        }
        if WebhookSignature.verifySHA1(body: body, secret: secret, hex: hex) {
            return (
                "\(written) is a SHA-1 digest, and it is HMAC-SHA1 of this \(body.count)-byte body with this secret: your "
                    + "code computes HMAC-SHA1; \(sha256): compute HMAC-SHA256(key: the webhook's secret_key, message: the "
                    + "raw body)" + meta, true)
        }
        return (
            "\(written) is a SHA-1 digest (Meta's legacy X-Hub-Signature is 'sha1=' + 40 hex), and HMAC-SHA1 of this body "
                + "with this secret does not match it either; \(sha256): paste the X-Webhook-Signature header's value" + meta,
            false)
    }

    /// True when `body` is Meta's own webhook payload (`{"object":"whatsapp_business_account","entry":[…]}`, Meta's
    /// WhatsApp webhooks reference; kapso-api.md §10.1, meta kind).
    static func isMetaPayload(_ body: [UInt8]) -> Bool {
        guard let value = try? JSONValue.parse(body), let object = value.object else { return false }
        return object["object"]?.string == "whatsapp_business_account" || object["entry"]?.array != nil
    }
}
