import Foundation
import KapsoClient
@testable import KapsoDiagnostics
import KopsHTTP
import Testing

/// tester48 F11, F8: what `verify` says when the receiver hashed nothing or `[object Object]` (a JSON body parser ran
/// before the handler), when the body given is what such a handler logged, when hex comes in upper case, and when a
/// valid value was checked as the other sender's.
@Suite struct SignatureCheckParsedBodyTests {
    static let kapsoSecret = Secret("whsec_case_py_0001")
    static let metaSecret = Secret("app_secret_fake_0123456789abcdef")
    static let kapsoBody = Array(#"{"message":{"id":"wamid.X","type":"text"},"phone_number_id":"100200300400501"}"#.utf8)
    static let metaBody = Array(#"{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[]}]}"#.utf8)

    static func hmac(_ text: String, _ secret: Secret) -> String {
        WebhookSignature.hmacSHA256Hex(key: Array(secret.revealed.utf8), message: Array(text.utf8))
    }

    /// Kapso's bare hex and Meta's `sha256=` value, each under its own secret.
    @Test(arguments: [(false, ""), (true, "sha256=")])
    func theHMACOfNothingOrOfAnObjectsTextIsNamed(_ meta: Bool, _ prefix: String) {
        let (secret, body) = meta ? (Self.metaSecret, Self.metaBody) : (Self.kapsoSecret, Self.kapsoBody)
        let empty = SignatureCheck.cause(body: body, secret: secret, signature: prefix + Self.hmac("", secret), meta: meta)
        #expect(empty.hasPrefix("the value is the HMAC-SHA256 of an empty body under this secret: the receiver's code hashed nothing"), "\(empty)")
        let object = SignatureCheck.cause(body: body, secret: secret, signature: prefix + Self.hmac("[object Object]", secret), meta: meta)
        #expect(object.hasPrefix("the value is the HMAC-SHA256 of the text '[object Object]' under this secret"), "\(object)")
        let other = SignatureCheck.cause(body: body, secret: secret, signature: prefix + Self.hmac("{}", secret), meta: meta)
        #expect(!other.contains("empty body") && !other.contains("[object Object]"), "\(other)")
    }

    /// The body a handler that never had the raw bytes logged: empty, or `[object Object]` (with a newline after it).
    @Test(arguments: [(false, ""), (true, "sha256=")])
    func aBodyGivenEmptyOrAsAnObjectsTextIsNamed(_ meta: Bool, _ prefix: String) {
        let (secret, body) = meta ? (Self.metaSecret, Self.metaBody) : (Self.kapsoSecret, Self.kapsoBody)
        let signature = prefix + Self.hmac(String(decoding: body, as: UTF8.self), secret)
        let empty = SignatureCheck.cause(body: [], secret: secret, signature: signature, meta: meta)
        #expect(empty.hasPrefix("the body is empty: the handler never had the raw bytes"), "\(empty)")
        for text in ["[object Object]", "[object Object]\n"] {
            let object = SignatureCheck.cause(body: Array(text.utf8), secret: secret, signature: signature, meta: meta)
            #expect(object.hasPrefix("the body is the text '[object Object]': the handler had a parsed object, not the raw bytes"), "\(object)")
        }
    }

    /// F8: upper-case hex is noted, lowercase is not; the prefix's case has its own note.
    @Test func upperCaseHexIsNoted() {
        let hex = Self.hmac("x", Self.kapsoSecret)
        #expect(SignatureCheck.read(hex.uppercased()).notes == [SignatureCheck.upperCaseHexNote])
        #expect(SignatureCheck.read("sha256=" + hex.uppercased()).notes == [SignatureCheck.upperCaseHexNote])
        #expect(SignatureCheck.read(hex).notes.isEmpty)
        #expect(!SignatureCheck.read("SHA256=" + hex).notes.contains(SignatureCheck.upperCaseHexNote))
    }

    /// F8: bare hex under `--meta` with a Kapso secret or a Kapso body is a Kapso delivery; a Meta body with the app
    /// secret is a value that lost Meta's prefix.
    @Test func bareHexUnderMetaNamesAKapsoDelivery() {
        let kapso = SignatureCheck.bareHexUnderMeta(body: Self.kapsoBody, secret: Self.kapsoSecret)
        #expect(kapso.note.hasPrefix("this looks like a Kapso delivery (a Kapso webhook secret (whsec_…), bare hex)"))
        #expect(kapso.header == "X-Webhook-Signature")
        let kapsoBody = SignatureCheck.bareHexUnderMeta(body: Self.kapsoBody, secret: Self.metaSecret)
        #expect(kapsoBody.note.hasSuffix("check it without --meta"))
        #expect(kapsoBody.header == "X-Webhook-Signature")
        let meta = SignatureCheck.bareHexUnderMeta(body: Self.metaBody, secret: Self.metaSecret)
        #expect(meta.note.hasPrefix("the value has no 'sha256=' prefix"))
        #expect(meta.header == nil)
    }

    /// F8: a `sha256=` value over Meta's payload under a non-Kapso secret, checked without `--meta`, is Meta's header.
    @Test func aMetaValueCheckedWithoutTheFlagIsNamedAsMetas() {
        let named = SignatureCheck.metaValueWithoutFlag(body: Self.metaBody, secret: Self.metaSecret, signature: "sha256=ab")
        #expect(named?.header == "X-Hub-Signature-256")
        #expect(SignatureCheck.metaValueWithoutFlag(body: Self.kapsoBody, secret: Self.metaSecret, signature: "sha256=ab") == nil)
        #expect(SignatureCheck.metaValueWithoutFlag(body: Self.metaBody, secret: Self.kapsoSecret, signature: "sha256=ab") == nil)
        #expect(SignatureCheck.metaValueWithoutFlag(body: Self.metaBody, secret: Self.metaSecret, signature: "ab") == nil)
    }
}
