import KapsoClient
import KopsHTTP
import KopsTestSupport
import Testing

@Suite struct WebhookSignatureTests {
    static let secret = Secret("whsec_demo_123")

    private func fixture() throws -> (body: [UInt8], signature: String) {
        let body = Array(try Fixtures.data("webhook.v2.message_received.json"))
        let signature = String(decoding: try Fixtures.data("webhook.v2.message_received.signature.txt"), as: UTF8.self)
        return (body, signature)
    }

    @Test(arguments: [
        // RFC 4231 test cases 1 and 2, and the empty key over the empty message.
        (
            Array(repeating: UInt8(0x0b), count: 20), Array("Hi There".utf8),
            "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"
        ),
        (
            Array("Jefe".utf8), Array("what do ya want for nothing?".utf8),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        ),
        ([], [], "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad"),
    ])
    func computesHMACSHA256AsLowercaseHex(key: [UInt8], message: [UInt8], expected: String) {
        #expect(WebhookSignature.hmacSHA256Hex(key: key, message: message) == expected)
    }

    @Test func fixtureBodyVerifiesWithItsSecret() throws {
        let (body, signature) = try fixture()
        #expect(body.count == 1063)
        #expect(WebhookSignature.hmacSHA256Hex(key: Array("whsec_demo_123".utf8), message: body) == signature)
        #expect(WebhookSignature.verify(body: body, secret: Self.secret, signature: signature, meta: false) == .valid)
    }

    @Test func tamperedBodyTrailingNewlineAndWrongSecretMismatch() throws {
        let (body, signature) = try fixture()
        var tampered = body
        tampered[tampered.count / 2] ^= 0x01
        #expect(
            WebhookSignature.verify(body: tampered, secret: Self.secret, signature: signature, meta: false) == .mismatch
        )
        #expect(
            WebhookSignature.verify(body: body + [0x0A], secret: Self.secret, signature: signature, meta: false)
                == .mismatch)
        #expect(
            WebhookSignature.verify(body: body, secret: Secret("whsec_demo_124"), signature: signature, meta: false)
                == .mismatch)
    }

    @Test func acceptsMetaFormOnlyWithItsPrefix() throws {
        let (body, signature) = try fixture()
        let metaForm = "sha256=" + signature
        #expect(WebhookSignature.verify(body: body, secret: Self.secret, signature: metaForm, meta: true) == .valid)
        #expect(WebhookSignature.verify(body: body, secret: Self.secret, signature: metaForm, meta: false) == .valid)
        #expect(
            WebhookSignature.verify(body: body, secret: Self.secret, signature: signature, meta: true)
                == .malformed(.missingPrefix))
    }

    @Test func ignoresHexCaseAndSurroundingWhitespace() throws {
        let (body, signature) = try fixture()
        #expect(
            WebhookSignature.verify(body: body, secret: Self.secret, signature: signature.uppercased(), meta: false)
                == .valid)
        #expect(
            WebhookSignature.verify(body: body, secret: Self.secret, signature: " \(signature)\n", meta: false)
                == .valid)
    }

    static func a(_ count: Int) -> String { String(repeating: "a", count: count) }
    static let malformed: [(signature: String, reason: WebhookSignature.Malformation)] = [
        ("", .wrongLength(0)),
        (a(63), .wrongLength(63)),
        (a(65), .wrongLength(65)),
        ("sha256=" + a(40), .wrongLength(40)),
        ("zz" + a(62), .notHex(position: 0)),
        (a(10) + "g" + a(53), .notHex(position: 10)),
        ("whsec_demo_123", .notHex(position: 0)),
    ]

    @Test(arguments: malformed)
    func rejectsMalformedSignaturesBeforeComparing(signature: String, reason: WebhookSignature.Malformation) throws {
        let (body, _) = try fixture()
        #expect(
            WebhookSignature.verify(body: body, secret: Self.secret, signature: signature, meta: false)
                == .malformed(reason))
    }
}

@Suite struct SHA256Tests {
    @Test func knownVectors() {
        #expect(WebhookSignature.sha256Hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(WebhookSignature.sha256Hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }
}
