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
    public static func otherHash(hex: String, body: [UInt8], secret: Secret) -> (text: String, matches: Bool)? {
        guard hex.allSatisfy({ $0.isASCII && $0.isHexDigit }), let hash = digestName(hexCount: hex.count) else { return nil }
        let digest = ["MD5": "MD5", "SHA-1": "SHA1", "SHA-512": "SHA512"][hash]
        let given = hex.lowercased()
        let lead = "\(hex.count) hex characters is \(hash == "MD5" ? "an" : "a") \(hash) digest"
        if let digest, WebhookSignature.hmacHex(digest, key: Array(secret.revealed.utf8), message: body) == given {
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
}
