internal import CCrypto

/// Kapso's `X-Webhook-Signature`: lowercase hex HMAC-SHA256 of the raw body, keyed with the webhook's secret.
enum WebhookSignature {
    static func hex(body: [UInt8], secret: String) -> String {
        let key = Array(secret.utf8)
        var mac = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let result = key.withUnsafeBytes { keyBytes in
            body.withUnsafeBytes { bodyBytes in
                HMAC(
                    EVP_sha256(), keyBytes.baseAddress, Int32(key.count), bodyBytes.baseAddress, body.count, &mac,
                    &length)
            }
        }
        guard result != nil else { return "" }
        let digits = Array("0123456789abcdef")
        return String(mac.prefix(Int(length)).flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0xF)]] })
    }

    /// Lowercase hex SHA-256 of `body`: the `X-Idempotency-Key` of a meta-kind delivery (kapso-api.md §10.1).
    static func sha256Hex(_ body: [UInt8]) -> String {
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let ok = body.withUnsafeBytes { EVP_Digest($0.baseAddress, body.count, &digest, &length, EVP_sha256(), nil) }
        guard ok == 1 else { return "" }
        let digits = Array("0123456789abcdef")
        return String(digest.prefix(Int(length)).flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0xF)]] })
    }
}
