import KapsoClient
@testable import KapsoDiagnostics
import KopsHTTP
import Testing

/// probe9 P9-4, P9-13, P9-21: a body saved as UTF-16, a whole saved request sent as the body, and a secret stored
/// with an invisible character, a literal `\n` or base64: each named only when the HMAC matches once it is undone.
@Suite struct SignatureCheckRepairTests {
    static let secret = "whsec_p9_0009"
    static let body = Array(#"{"message":{"text":{"body":"Señal ok / https://x.example/a","n":1}},"phone_number_id":"100200300400501"}"#.utf8)
    static func sign(_ bytes: [UInt8], _ key: String = secret) -> String {
        WebhookSignature.hmacSHA256Hex(key: Array(key.utf8), message: bytes)
    }

    static func cause(_ body: [UInt8], secret: String = secret, signature: String = sign(body)) -> String {
        SignatureCheck.cause(body: body, secret: Secret(secret), signature: signature, meta: false)
    }

    /// UTF-16 as Windows PowerShell writes it: `le` or BE, with or without a byte-order mark.
    static func utf16(_ bytes: [UInt8], little: Bool, bom: Bool) -> [UInt8] {
        var out: [UInt8] = bom ? (little ? [0xFF, 0xFE] : [0xFE, 0xFF]) : []
        for unit in String(decoding: bytes, as: UTF8.self).utf16 {
            let (low, high) = (UInt8(unit & 0xFF), UInt8(unit >> 8))
            out += little ? [low, high] : [high, low]
        }
        return out
    }

    @Test(arguments: [
        (true, true, "UTF-16LE with a byte-order mark"),
        (false, true, "UTF-16BE with a byte-order mark"),
        (true, false, "UTF-16LE (no byte-order mark)"),
    ])
    func aBodySavedAsUTF16IsNamedWhenItMatchesDecoded(_ little: Bool, _ bom: Bool, _ form: String) {
        let saved = Self.utf16(Self.body, little: little, bom: bom)
        let found = Self.cause(saved, signature: Self.sign(Self.body))
        #expect(found.hasPrefix("the body was saved as \(form), as Windows PowerShell 5.1's '>' and Out-File write text"), "\(found)")
        #expect(!found.contains("the secret is wrong"))
        // Under another secret no cause is named: what the body is comes first (probe14 P14-9), then the common causes.
        let wrong = Self.cause(saved, signature: Self.sign(Self.body, "whsec_other"))
        #expect(
            wrong.hasPrefix("the body is UTF-16 text (\(form)), not UTF-8 JSON; decoded to UTF-8 it still does not match this "
                + "secret and signature; " + SignatureCheck.commonCauses), "\(wrong)")
    }

    @Test func aUTF16BodyWithAnAddedLineEndIsNamedWithIt() {
        let saved = Self.utf16(Self.body + [0x0D, 0x0A], little: true, bom: true)
        let found = Self.cause(saved, signature: Self.sign(Self.body))
        #expect(found.hasPrefix("the body was saved as UTF-16LE with a byte-order mark and has a CRLF line break after it"), "\(found)")
        #expect(found.contains("decoded to UTF-8 without it, it matches"))
    }

    @Test func utf16DecodingRefusesWhatIsNotUTF16() {
        #expect(SignatureCheck.utf16Decoded(Self.body) == nil)
        #expect(SignatureCheck.utf16Decoded([0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00]) == nil, "a lone surrogate is not text")
    }

    /// probe29 P29-17: a signature keyed with the secret minus its `whsec_` prefix (Standard Webhooks/Svix code strips
    /// it), or a stored secret without the prefix, is named, for `verify` and for what `listen` received alike; a
    /// re-formatted body with the prefix dropped too says both.
    @Test(arguments: [false, true])
    func theWhsecPrefixTakenOffOrMissingIsNamed(received: Bool) {
        let bare = String(Self.secret.dropFirst("whsec_".count))
        func cause(_ body: [UInt8], secret: String, signature: String) -> String {
            SignatureCheck.cause(body: body, secret: Secret(secret), signature: signature, meta: false, received: received)
        }
        let dropped = cause(Self.body, secret: Self.secret, signature: Self.sign(Self.body, bare))
        // tester67 Y6f: Standard Webhooks code decodes the rest too, so the prefix alone taken off is not said to be its way.
        #expect(dropped.hasPrefix("the signature matches the secret without its 'whsec_' prefix: it was made with the prefix "
            + "taken off (code that strips it as for a Standard Webhooks secret, without decoding the rest); Kapso signs with "
            + "the whole secret_key, whsec_ included: key the HMAC with the whole secret"), "\(dropped)")
        let missing = cause(Self.body, secret: bare, signature: Self.sign(Self.body))
        #expect(missing.hasPrefix("the signature matches the secret with 'whsec_' in front: the secret given lacks its prefix"), "\(missing)")
        let spaced = Array(#"{ "a": 1 }"#.utf8)
        let both = cause(spaced, secret: bare, signature: Self.sign(Array(#"{"a":1}"#.utf8)))
        #expect(both.hasSuffix("; and the secret given lacks its 'whsec_' prefix: with it the signature matches"), "\(both)")
        // Another secret altogether still gets the common causes, not the prefix.
        let other = cause(Self.body, secret: bare, signature: Self.sign(Self.body, "whsec_other"))
        #expect(!other.contains("whsec_' prefix") && !other.contains("'whsec_' in front"), "\(other)")
    }

    static let savedRequest: [UInt8] = {
        let head = "POST /hook HTTP/1.1\r\nhost: 127.0.0.1:4000\r\ncontent-type: application/json\r\n"
            + "x-webhook-signature: \(sign(body))\r\ncontent-length: \(body.count)\r\n\r\n"
        return Array(head.utf8) + body
    }()

    @Test func aSavedRequestIsReadWithItsHeadersAndBody() throws {
        let envelope = try #require(SignatureCheck.Envelope(Self.savedRequest))
        #expect(envelope.kind == .savedRequest)
        #expect(envelope.body == Self.body)
        #expect(envelope.signature(meta: false)?.name == "X-Webhook-Signature")
        #expect(envelope.signature(meta: false)?.value == Self.sign(Self.body))
        #expect(SignatureCheck.Envelope(Self.body) == nil, "an ordinary body is not a saved request")
        #expect(SignatureCheck.Envelope(Array("GET is not a request line\r\n\r\n{}".utf8)) == nil)
    }

    @Test func aJSONExportIsReadWithItsHeadersAndBody() throws {
        let body = String(decoding: Self.body, as: UTF8.self)
        let export = JSONValue.object([
            "headers": .object(["X-Hub-Signature-256": .array([.string("sha256=" + Self.sign(Self.body))])]),
            "body": .string(body),
        ])
        let envelope = try #require(SignatureCheck.Envelope(Array(export.serialized(pretty: true).utf8)))
        #expect(envelope.kind == .jsonExport)
        #expect(envelope.body == Self.body)
        #expect(envelope.signature(meta: false)?.name == "X-Hub-Signature-256")
        #expect(envelope.signature(meta: false)?.meta == true)
    }

    /// A saved request sent as the body (`curl --data-binary @saved.http`): named only when the body inside matches.
    @Test func aSavedRequestSentAsTheBodyIsNamed() {
        let found = Self.cause(Self.savedRequest, signature: Self.sign(Self.body))
        #expect(found.hasPrefix("the body is a saved HTTP request"), "\(found)")
        #expect(found.contains("the \(Self.body.count)-byte body after the empty line matches"))
        let other = Self.cause(Self.savedRequest, signature: Self.sign(Self.body, "whsec_other"))
        #expect(other.hasPrefix("the body is not JSON (expected a value at byte 0), and the signature does not match it"), "\(other)")
        #expect(other.contains(SignatureCheck.commonCauses))
    }

    @Test(arguments: [
        ("whsec_p9_0009\u{200B}", "the secret holds an invisible U+200B (zero-width space)"),
        ("\u{FEFF}whsec_p9_0009", "the secret holds an invisible U+FEFF (zero-width no-break space (byte-order mark))"),
        ("whsec_p9_0009\\n", "the secret ends with a literal '\\n' (a backslash and a letter"),
        ("whsec_p9_0009\\r\\n", "the secret ends with a literal '\\r\\n'"),
        ("d2hzZWNfcDlfMDAwOQ==", "the secret given is base64-encoded (as a Kubernetes Secret's data: field holds it); its decoded text matches"),
        ("d2hzZWNfcDlfMDAwOQ", "the secret given is base64-encoded"),
        ("d2hzZWNfcDlfMDAwOQo=", "the secret given is base64-encoded (as a Kubernetes Secret's data: field holds it), and what it encodes ends with a line break"),
    ])
    func aSecretStoredWithSomethingAddedIsNamed(_ given: String, _ named: String) {
        let found = Self.cause(Self.body, secret: given)
        #expect(found.hasPrefix(named), "\(found)")
        #expect(!found.contains("the secret is wrong"))
        // Not named for a signature made with another secret: the HMAC does not match once it is undone.
        let other = Self.cause(Self.body, secret: given, signature: Self.sign(Self.body, "whsec_other"))
        #expect(other.hasPrefix(SignatureCheck.unexplained), "\(other)")
    }

    /// A repaired secret combines with a body cause, as whitespace around it did.
    @Test func aRepairedSecretIsAddedToABodyCause() {
        let found = Self.cause(Self.body + [0x0A], secret: "whsec_p9_0009\u{200B}", signature: Self.sign(Self.body))
        #expect(found.hasPrefix("the body ends with a newline"), "\(found)")
        #expect(found.hasSuffix("; and the secret holds an invisible U+200B (zero-width space): without it the signature matches"))
    }

    /// tester67 Y6f: Standard Webhooks (Svix) libraries key the HMAC with the base64-decoded part of a `whsec_` secret
    /// (the spec's own test secret here); a signature made so was given only the common causes. It is named, for
    /// `verify` and for what `listen` received alike; a secret whose rest is no base64, or another key, is not.
    @Test(arguments: [false, true])
    func aStandardWebhooksKeyIsNamed(received: Bool) throws {
        let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
        let key = try #require(SignatureCheck.base64Decoded(Array(secret.utf8.dropFirst(6))))
        #expect(key.count == 24)
        let signature = WebhookSignature.hmacSHA256Hex(key: key, message: Self.body)
        let cause = SignatureCheck.cause(body: Self.body, secret: Secret(secret), signature: signature, meta: false, received: received)
        #expect(cause.hasPrefix("the signature was keyed with the base64-decoded part of the secret after 'whsec_', as "
            + "Standard Webhooks (Svix) libraries key it; Kapso signs with the whole secret_key as text"), "\(cause)")
        let other = SignatureCheck.cause(
            body: Self.body, secret: Secret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSx"), signature: signature, meta: false, received: received)
        #expect(!other.contains("Standard Webhooks (Svix) libraries key it"), "\(other)")
    }
}
