import KapsoClient
import KapsoDiagnostics
import KopsHTTP
import Testing

/// What `listen` reads off a delivery: event, batch, number, message, and the signature verdict on raw bytes.
@Suite struct ReceivedDeliveryTests {
    static let secret = Secret("whsec_read_test")

    static func plan(_ target: String, meta: Bool = false, batch: Int? = nil) throws -> FirePlan.Delivery {
        try FirePlan(target, version: nil, batch: batch, meta: meta, overrides: [], secret: secret, newKey: { "key-1" })
            .deliveries[0]
    }

    static func read(_ delivery: FirePlan.Delivery, body: [UInt8]? = nil, secret: Secret? = secret) -> ReceivedDelivery {
        ReceivedDelivery(
            headers: delivery.headers.map { ($0.name.lowercased(), $0.value) }, body: body ?? delivery.body,
            secret: meta(delivery) ? nil : secret, metaSecret: meta(delivery) ? secret : nil)
    }

    static func meta(_ delivery: FirePlan.Delivery) -> Bool { delivery.headers.contains { $0.name == "X-Hub-Signature-256" } }

    @Test func aKapsoMessageEventIsReadAndVerified() throws {
        let reading = Self.read(try Self.plan("whatsapp.message.failed"))
        #expect(reading.event == "whatsapp.message.failed")
        #expect(reading.kind == "kapso")
        #expect(reading.phoneNumberID == "100200300400501")
        #expect(reading.messageStatus == "failed")
        #expect(reading.idempotencyKey == "key-1")
        #expect(reading.signature == .valid(header: "X-Webhook-Signature"))
    }

    /// probe14 P14-10: kops is the receiver, so a CRLF that arrived after the signed body was added on the way; the
    /// line does not tell the user to hash differently.
    @Test func aLineEndingThatArrivedIsBlamedOnTheWayNotOnTheUser() throws {
        let delivery = try Self.plan("whatsapp.message.received")
        let reading = Self.read(delivery, body: delivery.body + [0x0D, 0x0A])
        #expect(reading.signature == .mismatch(
            header: "X-Webhook-Signature",
            cause: "the body arrived with a CRLF line break after it, and the signature matches without it: something "
                + "between the sender and kops (a proxy, a tunnel, a test tool sending a file saved with a newline) "
                + "added it; the sender and the secret are right"))
        #expect(!reading.signature.text.contains("hash the body"))
    }

    @Test func aBatchCountsItsItems() throws {
        let reading = Self.read(try Self.plan("buffered-batch", batch: 4))
        #expect(reading.batchSize == 4)
        #expect(reading.messageStatus == "received")
    }

    @Test func aMetaPayloadIsReadAsMeta() throws {
        let reading = Self.read(try Self.plan("whatsapp.message.read", meta: true))
        #expect(reading.kind == "meta")
        #expect(reading.event == "meta: status")
        #expect(reading.messageStatus == "read")
        #expect(reading.signature == .valid(header: "X-Hub-Signature-256"))
    }

    /// A meta-kind webhook of Kapso sends Meta's envelope with Kapso's headers: number, message and status are
    /// still read from the body, the event from X-Webhook-Event (probe2 F26).
    @Test func aMetaEnvelopeWithKapsosHeadersIsReadByItsShape() throws {
        let delivery = try Self.plan("whatsapp.message.read", meta: true)
        let headers = [("X-Webhook-Event", "whatsapp.message.read"), ("X-Webhook-Signature", "00")]
        let reading = ReceivedDelivery(headers: headers, body: delivery.body, secret: nil, metaSecret: nil)
        #expect(reading.event == "whatsapp.message.read")
        #expect(reading.phoneNumberID == "100200300400501")
        #expect(reading.messageID?.hasPrefix("wamid.") == true)
        #expect(reading.messageStatus == "read")
    }

    @Test func oneChangedByteIsAMismatchAndReserialisingIsNamed() throws {
        let delivery = try Self.plan("whatsapp.message.received")
        var tampered = delivery.body
        tampered[tampered.count / 2] ^= 0x01
        guard case .mismatch = Self.read(delivery, body: tampered).signature else {
            Issue.record("a changed byte must not verify")
            return
        }
        let pretty = Array(try JSONValue.parse(delivery.body).serialized(pretty: true).utf8)
        guard case .mismatch(_, let cause) = Self.read(delivery, body: pretty).signature else {
            Issue.record("a re-formatted body must not verify")
            return
        }
        #expect(cause.hasPrefix("the body was re-formatted"))
    }

    @Test func noSecretMeansNotCheckedAndNoHeaderMeansUnsigned() throws {
        let delivery = try Self.plan("whatsapp.message.sent")
        #expect(Self.read(delivery, secret: nil).signature == .unchecked(header: "X-Webhook-Signature"))
        let unsigned = ReceivedDelivery(headers: [("x-webhook-event", "whatsapp.message.sent")], body: Array("hi".utf8), secret: Self.secret, metaSecret: nil)
        #expect(unsigned.signature == .missing(expected: "X-Webhook-Signature"))
        #expect(unsigned.bodyProblem == "body is not JSON (2 bytes)")
        #expect(unsigned.signature.uncheckedFor == nil, "a secret was given: an unsigned delivery fails verification")
    }

    /// An unsigned delivery read without a secret for it was not verified, and did not fail: without a secret nothing
    /// can be verified, signed or not (it was counted as "failed verification").
    @Test func anUnsignedDeliveryWithoutASecretIsNotVerifiedNotFailed() throws {
        let kapso = ReceivedDelivery(
            headers: [("x-webhook-event", "whatsapp.message.sent")], body: Array("{}".utf8), secret: nil, metaSecret: nil)
        #expect(kapso.signature == .unsignedUnchecked(expected: "X-Webhook-Signature"))
        #expect(kapso.signature.uncheckedFor == "--secret")
        #expect(kapso.signature.text == "unsigned: no X-Webhook-Signature header; not verified (no --secret given)")
        // Meta's envelope without X-Hub-Signature-256, and only Kapso's secret given: Meta's secret is the one missing.
        let meta = ReceivedDelivery(
            headers: [], body: Array(#"{"object":"whatsapp_business_account","entry":[]}"#.utf8), secret: Secret("s"), metaSecret: nil)
        #expect(meta.signature.uncheckedFor == "--meta-secret")
        #expect(meta.signature.text.hasSuffix("not verified (no --meta-secret given)"))
        #expect(Self.read(try Self.plan("whatsapp.message.sent"), secret: nil).signature.uncheckedFor == "--secret")
    }

    /// probe9 P9-15: the secret of the other flag matches the header that came (`--secret` for a Meta delivery,
    /// `--meta-secret` for a Kapso one): the mix-up and the flag to use are named, and the delivery is not verified.
    @Test func aSecretGivenWithTheOtherFlagIsNamedWhenItMatches() throws {
        let meta = try Self.plan("whatsapp.message.read", meta: true)
        let metaHeaders = meta.headers.map { ($0.name.lowercased(), $0.value) }
        let crossed = ReceivedDelivery(headers: metaHeaders, body: meta.body, secret: Self.secret, metaSecret: nil)
        #expect(crossed.signature == .otherFlag(header: "X-Hub-Signature-256"))
        #expect(!crossed.signature.isValid)
        #expect(crossed.signature.text.hasSuffix("the secret given with it matches this header: pass it as --meta-secret"))
        let kapso = try Self.plan("whatsapp.message.received")
        let kapsoHeaders = kapso.headers.map { ($0.name.lowercased(), $0.value) }
        let mirrored = ReceivedDelivery(headers: kapsoHeaders, body: kapso.body, secret: nil, metaSecret: Self.secret)
        #expect(mirrored.signature == .otherFlag(header: "X-Webhook-Signature"))
        #expect(mirrored.signature.text.hasSuffix("pass it as --secret"))
        // Another secret for the other flag proves nothing: not checked, and the flag that would check it is named.
        let other = ReceivedDelivery(headers: metaHeaders, body: meta.body, secret: Secret("whsec_other"), metaSecret: nil)
        #expect(other.signature == .unchecked(header: "X-Hub-Signature-256"))
        #expect(other.signature.text == "X-Hub-Signature-256 not checked (no --meta-secret given)")
    }

    /// probe15 P15-5: a Meta delivery signed only with the legacy SHA-1 X-Hub-Signature is checked (as `verify` checks
    /// the file `listen --save` wrote), not called unsigned; a wrong value is a mismatch of that header.
    @Test func aMetaDeliveryWithOnlyTheLegacySHA1HeaderIsChecked() throws {
        let meta = try Self.plan("whatsapp.message.read", meta: true)
        let sha1 = "sha1=" + WebhookSignature.hmacSHA1Hex(key: Array(Self.secret.revealed.utf8), message: meta.body)
        let headers = [("content-type", "application/json"), ("x-hub-signature", sha1)]
        let reading = ReceivedDelivery(headers: headers, body: meta.body, secret: nil, metaSecret: Self.secret)
        #expect(reading.kind == "meta")
        #expect(reading.signature == .valid(header: "X-Hub-Signature"))
        #expect(reading.signature.isValid)
        #expect(reading.signature.text.hasPrefix("signed only with Meta's legacy SHA-1 X-Hub-Signature: valid; X-Hub-Signature-256 is missing"))
        let wrong = ReceivedDelivery(headers: headers, body: meta.body, secret: nil, metaSecret: Secret("other_app_secret"))
        guard case .mismatch(let header, _) = wrong.signature else {
            Issue.record("another secret must not verify, got \(wrong.signature)")
            return
        }
        #expect(header == "X-Hub-Signature")
        // Both of Meta's headers: the SHA-256 one is the one checked.
        let both = headers + [("x-hub-signature-256", meta.headers.first { $0.name == "X-Hub-Signature-256" }!.value)]
        #expect(ReceivedDelivery(headers: both, body: meta.body, secret: nil, metaSecret: Self.secret).signature
            == .valid(header: "X-Hub-Signature-256"))
    }

    /// probe15 P15-5: `listen` checks the header `verify` takes from the file `listen --save` wrote, for every set of
    /// signature headers: one rule (`SignatureCheck.Header.find`).
    @Test(arguments: [
        ["X-Hub-Signature"], ["X-Hub-Signature-256"], ["X-Hub-Signature", "X-Hub-Signature-256"], ["X-Webhook-Signature"],
    ])
    func listenAndVerifyCheckTheSameHeader(names: [String]) throws {
        let meta = try Self.plan("whatsapp.message.read", meta: true)
        let headers = names.map { ($0, "sha1=00") }
        let reading = ReceivedDelivery(headers: headers, body: meta.body, secret: nil, metaSecret: nil)
        let saved = "POST / HTTP/1.1\r\n" + names.map { "\($0): sha1=00\r\n" }.joined() + "\r\n"
        let envelope = try #require(SignatureCheck.Envelope(Array(saved.utf8) + meta.body))
        let fromFile = try #require(envelope.signature(meta: reading.kind == "meta"))
        #expect(reading.signature == .unchecked(header: fromFile.name))
    }

    /// probe15 P15-6: with both secrets, a header that matches the other one (Meta's signed with the Kapso webhook
    /// secret, Kapso's with the app secret) says the sender used the wrong secret, not only "does not match".
    @Test func aHeaderSignedWithTheOtherSecretKopsHoldsIsNamed() throws {
        let meta = try Self.plan("whatsapp.message.read", meta: true)
        let metaHeaders = meta.headers.map { ($0.name.lowercased(), $0.value) }
        let wrong = ReceivedDelivery(headers: metaHeaders, body: meta.body, secret: Self.secret, metaSecret: Secret("app_secret_x"))
        #expect(wrong.signature == .mismatch(header: "X-Hub-Signature-256", cause: ReceivedDelivery.otherSecretCause(.meta)))
        #expect(wrong.signature.shortText.hasPrefix(
            "X-Hub-Signature-256 does not match: signed with the Kapso webhook secret (--secret), not the Meta app secret"))
        #expect(!wrong.signature.isValid)
        let kapso = try Self.plan("whatsapp.message.received")
        let kapsoHeaders = kapso.headers.map { ($0.name.lowercased(), $0.value) }
        let crossed = ReceivedDelivery(headers: kapsoHeaders, body: kapso.body, secret: Secret("whsec_x"), metaSecret: Self.secret)
        #expect(crossed.signature.text.hasPrefix(
            "X-Webhook-Signature does not match: signed with the Meta app secret (--meta-secret), not the Kapso webhook secret"))
        // Neither secret matches: no such claim.
        let neither = ReceivedDelivery(headers: metaHeaders, body: meta.body, secret: Secret("whsec_x"), metaSecret: Secret("app_x"))
        #expect(!neither.signature.text.contains("signed with the"))
    }

    /// probe9 P9-13: a body sent as UTF-16 (saved by Windows PowerShell 5.1, then posted) is read and said to be so.
    @Test func aUTF16BodyIsReadAndNamed() throws {
        let delivery = try Self.plan("whatsapp.message.received")
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in String(decoding: delivery.body, as: UTF8.self).utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let reading = Self.read(delivery, body: utf16)
        #expect(reading.bodyProblem == "body is JSON written as UTF-16LE with a byte-order mark, not UTF-8 (\(utf16.count) bytes)")
        #expect(reading.phoneNumberID == "100200300400501")
        guard case .mismatch(_, let cause) = reading.signature else {
            Issue.record("a UTF-16 body is a mismatch, got \(reading.signature)")
            return
        }
        #expect(cause.hasPrefix("the body was saved as UTF-16LE with a byte-order mark"), "\(cause)")
    }

    /// probe7 P7-5: the signature header twice (two header lines): each value is checked, whichever comes first; the
    /// line says which matched, and none matching is a mismatch, not a malformed value.
    @Test func aSignatureHeaderReceivedTwiceHasEachValueChecked() throws {
        let delivery = try Self.plan("whatsapp.message.received")
        let right = try #require(delivery.headers.first { $0.name == "X-Webhook-Signature" }?.value)
        let zeros = String(repeating: "0", count: 64)
        let others = delivery.headers.filter { $0.name != "X-Webhook-Signature" }.map { ($0.name.lowercased(), $0.value) }
        for (first, second, matching) in [(zeros, right, "2nd"), (right, zeros, "1st")] {
            let headers = others + [("x-webhook-signature", first), ("x-webhook-signature", second)]
            let reading = ReceivedDelivery(headers: headers, body: delivery.body, secret: Self.secret, metaSecret: nil)
            #expect(reading.signature.isValid)
            #expect(reading.signature.text.hasPrefix("signature ok: 2 signature values were received"))
            #expect(reading.signature.text.contains("the \(matching) matches this body and secret"))
        }
        let none = ReceivedDelivery(
            headers: others + [("x-webhook-signature", zeros), ("x-webhook-signature", String(repeating: "1", count: 64))],
            body: delivery.body, secret: Self.secret, metaSecret: nil)
        guard case .mismatch(_, let cause) = none.signature else {
            Issue.record("two wrong values are a mismatch, got \(none.signature)")
            return
        }
        #expect(cause.hasPrefix("2 signature values were received"))
        #expect(none.signature.isUnexplainedMismatch)
        #expect(none.signature.shortText.hasSuffix("none matches this body and secret"))
    }

    /// probe8 P8-9, P8-10: `listen` reads a received value with the recognisers `verify` uses: base64, a doubled
    /// 'sha256=', an invisible character; each is named, and said to match only when the HMAC does.
    @Test func otherSpellingsOfTheSignatureAreNamedAsVerifyNamesThem() throws {
        let delivery = try Self.plan("whatsapp.message.received")
        let right = try #require(delivery.headers.first { $0.name == "X-Webhook-Signature" }?.value)
        let others = delivery.headers.filter { $0.name != "X-Webhook-Signature" }.map { ($0.name.lowercased(), $0.value) }
        var digest: [UInt8] = []
        var index = right.startIndex
        while index < right.endIndex {
            let next = right.index(index, offsetBy: 2)
            digest.append(try #require(UInt8(right[index..<next], radix: 16)))
            index = next
        }
        let base64 = base64Encode(digest)
        let zwsp = String(right.prefix(10)) + "\u{200B}" + String(right.dropFirst(10))
        // Said plainly: what was received and what it is, never "does not match: … matches".
        let bytes = delivery.body.count
        let cases: [(String, String)] = [
            (base64, "X-Webhook-Signature is base64, not hex; decoded, it is this \(bytes)-byte body's HMAC-SHA256 under this secret "
                + "(the secret is right), but as sent it is no valid signature: Kapso and Meta send hex; whatever sent it "
                + "encoded the digest as base64"),
            ("sha256=sha256=" + right, "X-Webhook-Signature starts 'sha256=sha256=' (the prefix twice); after the prefix, it is this "
                + "\(bytes)-byte body's HMAC-SHA256 under this secret (the secret is right), but as sent it is no valid signature: "
                + "whatever sent it added 'sha256=' to a value that already started with it"),
            (zwsp, "X-Webhook-Signature holds an invisible U+200B (zero-width space) at character 11; without it, it is this"),
        ]
        for (value, named) in cases {
            let reading = ReceivedDelivery(headers: others + [("x-webhook-signature", value)], body: delivery.body, secret: Self.secret, metaSecret: nil)
            #expect(!reading.signature.isValid)
            #expect(reading.signature.shortText.hasPrefix(named), "\(reading.signature.shortText)")
            #expect(!reading.signature.text.contains("does not match"), "\(reading.signature.text)")
            #expect(!reading.signature.text.contains("is not a hex digit"), "\(reading.signature.text)")
            // Under another secret the same spelling is named, and never said to match.
            let wrong = ReceivedDelivery(headers: others + [("x-webhook-signature", value)], body: delivery.body, secret: Secret("whsec_other"), metaSecret: nil)
            #expect(!wrong.signature.isValid)
            #expect(!wrong.signature.text.contains("matches this"), "\(wrong.signature.text)")
        }
    }

    /// Standard base64 of `bytes` (no Foundation in this suite).
    private func base64Encode(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
        var out = ""
        var index = 0
        while index < bytes.count {
            let chunk = Array(bytes[index..<min(index + 3, bytes.count)])
            let value = chunk.enumerated().reduce(0) { $0 | Int($1.element) << (16 - 8 * $1.offset) }
            for position in 0..<4 {
                out.append(position <= chunk.count ? alphabet[(value >> (18 - 6 * position)) & 63] : "=")
            }
            index += 3
        }
        return out
    }
}
