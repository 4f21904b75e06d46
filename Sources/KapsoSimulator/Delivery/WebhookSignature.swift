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
}
