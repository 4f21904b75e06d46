import Foundation
import KapsoClient
@testable import KapsoDiagnostics
import KopsHTTP
import KopsTestSupport
import Testing

/// probe14 P14-9: a body cut short, gzip-compressed, saved as Windows-1252, normalised to NFD or URL-encoded is
/// said to be so; a cause is named only when the body, so undone, matches the signature.
@Suite struct SignatureCheckDamageTests {
    static let secret = "whsec_case_py_0001"
    /// The real-world Kapso body (kapso-es.wire.json): Spanish text, 1031 bytes.
    static let wire = Array((try? Data(contentsOf: Fixtures.realWorldCases.appendingPathComponent("kapso-es.wire.json"))) ?? Data())
    /// A short body with '¿', 'ñ' and 'é': each one byte in Windows-1252, and 'é' two scalars in NFD.
    static let text = Array(#"{"message":{"text":{"body":"¿Llega mañana? café"}},"type":"x"}"#.utf8)

    static func sign(_ bytes: [UInt8], _ key: String = secret) -> String {
        WebhookSignature.hmacSHA256Hex(key: Array(key.utf8), message: bytes)
    }

    static func cause(_ body: [UInt8], signedOver: [UInt8], key: String = secret) -> String {
        SignatureCheck.cause(body: body, secret: Secret(secret), signature: sign(signedOver, key), meta: false)
    }

    /// `bytes` in gzip with stored (uncompressed) deflate blocks: RFC 1952 header, RFC 1951 §3.2.4 blocks, CRC-32
    /// and length.
    static func gzipStored(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x1F, 0x8B, 0x08, 0, 0, 0, 0, 0, 0, 0xFF]
        var start = 0
        repeat {
            let end = min(start + 65535, bytes.count)
            let length = UInt16(end - start)
            out += [end == bytes.count ? 1 : 0, UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8(~length >> 8)]
            out += bytes[start..<end]
            start = end
        } while start < bytes.count
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        crc = ~crc
        let size = UInt32(truncatingIfNeeded: bytes.count)
        for value in [crc, size] { out += (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }
        return out
    }

    /// `text` as Python's `gzip.compress(text, mtime=0)` wrote it (Huffman-coded, not stored).
    static let textGzip: [UInt8] = [
        0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x03, 0xab, 0x56, 0xca, 0x4d, 0x2d, 0x2e, 0x4e, 0x4c, 0x4f,
        0x55, 0xb2, 0xaa, 0x56, 0x2a, 0x49, 0xad, 0x28, 0x01, 0xd1, 0x49, 0xf9, 0x29, 0x95, 0x4a, 0x56, 0x4a, 0x87, 0xf6,
        0xfb, 0xe4, 0xa4, 0xa6, 0x27, 0x2a, 0xe4, 0x26, 0x1e, 0xde, 0x98, 0x98, 0x97, 0x68, 0xaf, 0x90, 0x9c, 0x98, 0x76,
        0x78, 0xa5, 0x52, 0x6d, 0xad, 0x8e, 0x52, 0x49, 0x65, 0x01, 0x50, 0x87, 0x52, 0x85, 0x52, 0x2d, 0x00, 0x39, 0xd9,
        0x78, 0x6f, 0x41, 0x00, 0x00, 0x00,
    ]

    /// Percent-encoded as Python's `urllib.parse.quote` writes it: all but letters, digits and `_.-~/`.
    static func urlEncoded(_ bytes: [UInt8], spaceAsPlus: Bool = false) -> [UInt8] {
        var out: [UInt8] = []
        for byte in bytes {
            if byte < 0x80, Character(UnicodeScalar(byte)).isLetter || Character(UnicodeScalar(byte)).isNumber || "_.-~/".utf8.contains(byte) {
                out.append(byte)
            } else if spaceAsPlus && byte == 0x20 {
                out.append(UInt8(ascii: "+"))
            } else {
                out += Array(String(format: "%%%02X", byte).utf8)
            }
        }
        return out
    }

    static func windows1252(_ bytes: [UInt8]) -> [UInt8] {
        // '¿', 'ñ' and 'é' are at the same code points in Latin-1 and Windows-1252.
        String(decoding: bytes, as: UTF8.self).unicodeScalars.map { UInt8($0.value) }
    }

    @Test func theFixturesAreWhatTheTestsExpect() {
        #expect(Self.wire.count == 1031)
        #expect(SignatureCheck.cause(body: Self.wire, secret: Secret(Self.secret), signature: Self.sign(Self.wire), meta: false) != "")
        #expect(WebhookSignature.verify(body: Self.wire, secret: Secret(Self.secret), signature: Self.sign(Self.wire), meta: false) == .valid)
    }

    // MARK: - Cut short

    @Test func aBodyCutShortIsSaidToBeIncompleteWhateverTheSecret() {
        let cut = Array(Self.wire.prefix(515))
        let expected = "the body is not complete JSON: it ends mid-JSON after 515 bytes"
        for key in [Self.secret, "whsec_other"] {
            let found = Self.cause(cut, signedOver: Self.wire, key: key)
            #expect(found.hasPrefix(expected), "\(found)")
            #expect(found.contains("says nothing about the secret"), "\(found)")
            #expect(!found.contains("the secret is wrong"), "the secret advice is a red herring: \(found)")
        }
        // A line end after the cut (a log line) is still a cut body; a whole body is not one.
        #expect(SignatureCheck.isIncompleteJSON(cut + [0x0A]))
        #expect(!SignatureCheck.isIncompleteJSON(Self.wire))
        #expect(!SignatureCheck.isIncompleteJSON(Array("hello".utf8)))
    }

    @Test(arguments: [#"{"a":tr"#, #"{"a":"caf\u00"#, #"{"a":1."#, #"{"a""#, #"[1,"#, #"{"a":"b"#])
    func eachWayJSONCanBeCutIsIncomplete(_ text: String) {
        #expect(SignatureCheck.isIncompleteJSON(Array(text.utf8)), "\(text)")
    }

    @Test(arguments: [#"{"a":tx"#, #"{"a" 1}"#, #"{"a":1}}"#, "{}"])
    func aBodyBrokenElsewhereIsNotIncomplete(_ text: String) {
        #expect(!SignatureCheck.isIncompleteJSON(Array(text.utf8)), "\(text)")
    }

    // MARK: - gzip

    @Test func aGzipBodyMatchesOnceDecompressed() {
        for (compressed, body) in [(Self.gzipStored(Self.wire), Self.wire), (Self.textGzip, Self.text)] {
            let found = Self.cause(compressed, signedOver: body)
            #expect(
                found.hasPrefix(
                    "the body is gzip-compressed (\(compressed.count) bytes, starting 1f 8b), not JSON; decompressed "
                        + "(\(body.count) bytes) it matches the signature"), "\(found)")
            let wrong = Self.cause(compressed, signedOver: body, key: "whsec_other")
            #expect(
                wrong.hasPrefix(
                    "the body is gzip-compressed (\(compressed.count) bytes, starting 1f 8b), not JSON; decompressed "
                        + "(\(body.count) bytes) it still does not match this secret and signature; common causes: "),
                "\(wrong)")
        }
    }

    @Test func aGzipBodyCutShortDoesNotDecompress() {
        let cut = Array(Self.textGzip.dropLast(12))
        let found = Self.cause(cut, signedOver: Self.text)
        #expect(found.hasPrefix("the body starts as gzip (1f 8b) but does not decompress: it is corrupt or cut short"), "\(found)")
    }

    @Test func gzipDecompressionKeepsToItsLimit() {
        let zeros = Self.gzipStored([UInt8](repeating: 0, count: 100_000))
        #expect(Gzip.decompressed(zeros, limit: 200_000) == .success([UInt8](repeating: 0, count: 100_000)))
        #expect(Gzip.decompressed(zeros, limit: 99_999) == .failure(.tooLarge(limit: 99_999)))
        #expect(Gzip.decompressed(Array(zeros.prefix(20)), limit: 200_000) == .failure(.incomplete))
        #expect(Gzip.decompressed(Self.wire) == .failure(.incomplete), "not gzip at all")
    }

    // MARK: - Windows-1252

    @Test func aBodySavedAsWindows1252MatchesReEncodedAsUTF8() {
        let saved = Self.windows1252(Self.text)
        #expect(saved.count == Self.text.count - 3)
        let found = Self.cause(saved, signedOver: Self.text)
        #expect(
            found.hasPrefix(
                "the body is not valid UTF-8, so not JSON: it is Windows-1252 text ('¿' as the one byte BF at byte 28), "
                    + "as Windows PowerShell 5.1's Set-Content and Add-Content write it (\"ANSI\"); decoded as "
                    + "Windows-1252 and encoded as UTF-8 it matches the signature: hash or save the bytes as received"),
            "\(found)")
        let wrong = Self.cause(saved, signedOver: Self.text, key: "whsec_other")
        #expect(wrong.hasPrefix("the body is not valid UTF-8, so not JSON ('¿' as the one byte BF at byte 28); read as Windows-1252"), "\(wrong)")
        #expect(wrong.contains("it still does not match this secret and signature; common causes: "), "\(wrong)")
        // Windows-1252's own characters at 80–9F: '€' is the one byte 80.
        let euro = Array(#"{"p":"10 €"}"#.utf8)
        #expect(SignatureCheck.windows1252Decoded([UInt8](#"{"p":"10 "#.utf8) + [0x80, 0x22, 0x7D]) == euro)
    }

    // MARK: - NFD

    @Test func aBodyNormalisedToNFDMatchesInNFC() {
        let decomposed = Array(String(decoding: Self.wire, as: UTF8.self).decomposedStringWithCanonicalMapping.utf8)
        #expect(decomposed != Self.wire)
        let found = Self.cause(decomposed, signedOver: Self.wire)
        #expect(found.hasPrefix("the body's text is Unicode-normalised to NFD (decomposed"), "\(found)")
        #expect(found.contains("normalised to NFC (composed) it matches the signature: hash the raw bytes as received"), "\(found)")
        let wrong = Self.cause(decomposed, signedOver: Self.wire, key: "whsec_other")
        #expect(
            wrong.hasPrefix(SignatureCheck.unexplained + "; the body has decomposed (NFD) characters, and normalised to NFC it does not match either"),
            "\(wrong)")
    }

    // MARK: - URL-encoded

    @Test func aURLEncodedBodyMatchesPercentDecoded() {
        let encoded = Self.urlEncoded(Self.wire)
        #expect(encoded.starts(with: Array("%7B%22message%22".utf8)))
        let found = Self.cause(encoded, signedOver: Self.wire)
        #expect(
            found.hasPrefix(
                "the body is URL-encoded (percent-encoded: '%7B%22…', as a form post or a log line writes it), not JSON; "
                    + "percent-decoded (1031 bytes) it matches the signature"), "\(found)")
        let wrong = Self.cause(encoded, signedOver: Self.wire, key: "whsec_other")
        #expect(wrong.hasPrefix("the body is URL-encoded, not JSON; percent-decoded it still does not match this secret and signature"), "\(wrong)")
    }

    @Test func aFormPostOfOneFieldMatchesItsValueDecoded() {
        let form = Array("payload=".utf8) + Self.urlEncoded(Self.text, spaceAsPlus: true)
        let found = Self.cause(form, signedOver: Self.text)
        #expect(found.hasPrefix("the body is a form post with the JSON URL-encoded in its 'payload' field"), "\(found)")
        let wrong = Self.cause(form, signedOver: Self.text, key: "whsec_other")
        #expect(wrong.hasPrefix("the body is URL-encoded (a form post, the JSON in its 'payload' field), not JSON"), "\(wrong)")
    }

    // MARK: - listen

    @Test func listenReadsAGzipDeliveryAndNamesItsSignature() {
        let compressed = Self.gzipStored(Self.wire)
        let headers: [(name: String, value: String)] = [
            ("X-Webhook-Event", "whatsapp.message.received"), ("Content-Encoding", "gzip"),
            ("X-Webhook-Signature", Self.sign(Self.wire)),
        ]
        let reading = ReceivedDelivery(headers: headers, body: compressed, secret: Secret(Self.secret), metaSecret: nil)
        #expect(
            reading.bodyProblem
                == "body is gzip-compressed JSON (\(compressed.count) bytes, 1031 decompressed; Content-Encoding: gzip)")
        #expect(reading.messageID != nil, "the event is read from the decompressed body")
        guard case .mismatch(_, let cause) = reading.signature else {
            Issue.record("expected a mismatch, got \(reading.signature)")
            return
        }
        #expect(cause.contains("decompressed (1031 bytes) it matches the signature"), "\(cause)")
        #expect(!reading.signature.isUnexplainedMismatch)
        // The line says what the body is once: the cause says it, so the note is left out; unsigned, the note stays.
        #expect(reading.bodyNote == nil)
        let unsigned = ReceivedDelivery(headers: Array(headers.prefix(2)), body: compressed, secret: Secret(Self.secret), metaSecret: nil)
        #expect(unsigned.bodyNote == reading.bodyProblem)
        let cut = ReceivedDelivery(headers: headers, body: Array(Self.wire.prefix(515)), secret: Secret(Self.secret), metaSecret: nil)
        #expect(cut.bodyProblem == "body is not complete JSON: it ends mid-JSON after 515 bytes")
        #expect(cut.bodyNote == nil)
        #expect(cut.signature.shortText.hasPrefix("X-Webhook-Signature does not match: the body is not complete JSON"))
    }

    @Test func listenSaysWhatABodyIsWhenItIsNotJSON() {
        func problem(_ body: [UInt8]) -> String? { SignatureCheck.bodyForm(body, contentEncoding: nil).problem }
        #expect(problem(Array(Self.wire.prefix(515))) == "body is not complete JSON: it ends mid-JSON after 515 bytes")
        #expect(problem(Self.urlEncoded(Self.text)) == "body is URL-encoded JSON, not JSON (\(Self.urlEncoded(Self.text).count) bytes)")
        #expect(problem(Self.windows1252(Self.text)) == "body is JSON written as Windows-1252, not UTF-8 (62 bytes)")
        #expect(problem(Array("hello".utf8)) == "body is not JSON (5 bytes)")
        #expect(SignatureCheck.bodyForm(Self.text, contentEncoding: "gzip").problem == "body is JSON, not gzip, though Content-Encoding says gzip")
    }
}
