internal import CKopsShims
public import KopsHTTP

/// Checks webhook signatures: HMAC-SHA256 of the raw body bytes, as lowercase hex (kapso-api.md §10.1, §10.8).
///
/// Kapso's `X-Webhook-Signature` is 64 hex characters with no prefix (an optional `sha256=` is
/// tolerated); Meta's `X-Hub-Signature-256` is `sha256=` followed by the same hex.
public enum WebhookSignature {
    /// The outcome of checking one signature.
    public enum Verification: Sendable, Equatable {
        /// The signature is the HMAC of this body under this secret.
        case valid
        /// Well-formed, but not the HMAC of this body under this secret.
        case mismatch
        /// Not a signature at all; rejected before any comparison.
        case malformed(Malformation)
    }

    /// Why a signature was rejected before comparing.
    public enum Malformation: Error, Sendable, Equatable {
        /// Meta's form was expected but the value does not start with `sha256=`.
        case missingPrefix
        /// A character that is not a hex digit, at this zero-based position after any prefix.
        case notHex(position: Int)
        /// Not 64 hex characters; the count found after any prefix.
        case wrongLength(Int)
    }

    /// The prefix of Meta's `X-Hub-Signature-256` (optional on Kapso's header).
    public static let metaPrefix = "sha256="

    /// Lowercase hex HMAC-SHA256 of `message` keyed with `key`, e.g. RFC 4231 case 2 → `5bdcc146…3843`.
    ///
    /// Returns an empty string only if libcrypto fails, which then never verifies (fails closed).
    public static func hmacSHA256Hex(key: [UInt8], message: [UInt8]) -> String {
        hex(hmacSHA256(key: key, message: message))
    }

    /// Checks `signature` against the HMAC of the exact `body` bytes, comparing in constant time.
    ///
    /// With `meta` the value must carry the `sha256=` prefix; without it the prefix is optional.
    /// Surrounding whitespace is ignored; hex case is not significant.
    public static func verify(body: [UInt8], secret: Secret, signature: String, meta: Bool) -> Verification {
        let expected: [UInt8]
        switch decode(signature, meta: meta) {
        case .success(let bytes): expected = bytes
        case .failure(let reason): return .malformed(reason)
        }
        let actual = hmacSHA256(key: Array(secret.revealed.utf8), message: body)
        guard actual.count == expected.count else { return .mismatch }
        let same = actual.withUnsafeBytes { lhs in
            expected.withUnsafeBytes { rhs in kops_constant_time_compare(lhs.baseAddress, rhs.baseAddress, lhs.count) == 0 }
        }
        return same ? .valid : .mismatch
    }

    /// The 32 digest bytes of a signature header value, or why it is not one.
    public static func decode(_ signature: String, meta: Bool) -> Result<[UInt8], Malformation> {
        var text = Substring(signature.trimmingWhitespace)
        if text.lowercased().hasPrefix(metaPrefix) {
            text = text.dropFirst(metaPrefix.count)
        } else if meta {
            return .failure(.missingPrefix)
        }
        var bytes: [UInt8] = []
        var high: UInt8?
        for (position, character) in text.enumerated() {
            guard let nibble = character.hexDigitValue.map(UInt8.init), character.isASCII else {
                return .failure(.notHex(position: position))
            }
            if let first = high {
                bytes.append(first << 4 | nibble)
                high = nil
            } else {
                high = nibble
            }
        }
        guard text.count == 64 else { return .failure(.wrongLength(text.count)) }
        return .success(bytes)
    }

    /// Checks a legacy `X-Hub-Signature` digest (HMAC-SHA1 of the body, 40 hex characters after `sha1=`), in constant time.
    ///
    /// Meta still sends this header beside `X-Hub-Signature-256`; kops checks it only when that is what was pasted.
    public static func verifySHA1(body: [UInt8], secret: Secret, hex: String) -> Bool {
        var expected: [UInt8] = []
        var high: UInt8?
        for character in hex {
            guard character.isASCII, let nibble = character.hexDigitValue.map(UInt8.init) else { return false }
            if let first = high {
                expected.append(first << 4 | nibble)
                high = nil
            } else {
                high = nibble
            }
        }
        let actual = hmac("SHA1", key: Array(secret.revealed.utf8), message: body)
        guard hex.count == 40, actual.count == 20, expected.count == 20 else { return false }
        return actual.withUnsafeBytes { lhs in
            expected.withUnsafeBytes { rhs in kops_constant_time_compare(lhs.baseAddress, rhs.baseAddress, lhs.count) == 0 }
        }
    }

    /// Lowercase hex HMAC of `message` keyed with `key` under `digest` ("SHA1", "SHA256", "SHA512" or "MD5"), to name a
    /// value made with the wrong hash (e.g. RFC 4231 case 2 under "SHA512" → `164b7a7b…9737`); empty if libcrypto fails.
    public static func hmacHex(_ digest: String, key: [UInt8], message: [UInt8]) -> String {
        hex(hmac(digest, key: key, message: message))
    }

    /// Lowercase hex HMAC-SHA1 of `message` keyed with `key` (Meta's legacy `X-Hub-Signature` after `sha1=`), e.g.
    /// RFC 2202 case 2 → `effcdf6a…7c79`; empty only if libcrypto fails.
    public static func hmacSHA1Hex(key: [UInt8], message: [UInt8]) -> String {
        hex(hmac("SHA1", key: key, message: message))
    }

    /// Lowercase hex SHA-256 of `bytes` (a meta-kind delivery's `X-Idempotency-Key`, kapso-api.md §10.1);
    /// empty only if libcrypto fails.
    public static func sha256Hex(_ bytes: [UInt8]) -> String {
        var digest = [UInt8](repeating: 0, count: 32)
        let input = bytes.isEmpty ? [0] : bytes
        let length = input.withUnsafeBufferPointer { pointer in
            digest.withUnsafeMutableBufferPointer { out in kops_sha256(pointer.baseAddress, bytes.count, out.baseAddress) }
        }
        return length == 32 ? hex(digest) : ""
    }

    /// The raw 32-byte HMAC-SHA256, or no bytes if libcrypto fails.
    static func hmacSHA256(key: [UInt8], message: [UInt8]) -> [UInt8] {
        hmac("SHA256", key: key, message: message)
    }

    /// `digest` is "SHA256", "SHA1", "SHA512" or "MD5"; libcrypto is loaded at the first call (kops_crypto.c).
    private static func hmac(_ digest: String, key: [UInt8], message: [UInt8]) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: 64)
        // A placeholder byte keeps pointers non-null for an empty key or body, which libcrypto rejects.
        let keyBytes = key.isEmpty ? [0] : key
        let messageBytes = message.isEmpty ? [0] : message
        let length = keyBytes.withUnsafeBufferPointer { keyPointer in
            messageBytes.withUnsafeBufferPointer { messagePointer in
                output.withUnsafeMutableBufferPointer { out in
                    kops_hmac(
                        digest, keyPointer.baseAddress, Int32(key.count), messagePointer.baseAddress, message.count,
                        out.baseAddress)
                }
            }
        }
        return Array(output.prefix(Int(length)))
    }

    /// Lowercase hex of `bytes`, two digits a byte: how Kapso and Meta write a signature.
    public static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}

// MARK: - Whitespace

extension String {
    fileprivate var trimmingWhitespace: Substring {
        let start = firstIndex { !$0.isWhitespace } ?? endIndex
        let end = lastIndex { !$0.isWhitespace }.map { index(after: $0) } ?? start
        return self[start..<max(start, end)]
    }
}
