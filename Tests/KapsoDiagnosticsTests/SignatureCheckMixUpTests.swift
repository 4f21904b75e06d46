import Foundation
import KapsoClient
@testable import KapsoDiagnostics
import KopsHTTP
import KopsTestSupport
import Testing

/// probe21: what `verify` says about a signature that is another spelling of the same hex (P21-12), a SHA-1 value
/// checked as Kapso's (P21-21), a secret of another kind (P21-16), a body both normalised and re-serialised (P21-4),
/// one item of a batch (P21-20) and a request-bin export that kept the body parsed (P21-8). The bodies are the
/// tester's, kept in `Tests/Signatures/` (its README says how each was made and what is right for it).
@Suite struct SignatureCheckMixUpTests {
    static let kapsoSecret = "whsec_case_py_0001"
    static let metaSecret = "app_secret_fake_0123456789abcdef"
    /// X-Webhook-Signature of `kapso-es.wire.json` (cases/real-world/kapso-es.signature.txt).
    static let kapsoSignature = "e73bda07a28d974fa4f44cada16a3a21413a696efcc701e7929ba469e0a48a33"
    /// X-Hub-Signature-256 of `meta-unicode.wire.json` (cases/real-world/meta-unicode.signature.txt).
    static let metaSignature = "sha256=b16306272f9ddaeff0886f510723027044d48c84b7329b9e282afe9890ea43db"
    /// HMAC-SHA1 of `kapso-es.wire.json` under the Kapso secret, as the tester's `mk.py` (Python's hmac) computed it.
    static let kapsoSHA1 = "a634b4c7e27fdad35c0c2c6dabd73277bb9d98da"
    /// The signature of `batch.json`, the whole buffered delivery, under the Kapso secret.
    static let batchSignature = "d4bcc26933580a2b24ab84b45d2a4ecf34b95c44d197801a12fb07f545fbc0c8"

    static var folder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Signatures")
    }

    static func fixture(_ name: String) -> [UInt8] {
        Array((try? Data(contentsOf: folder.appendingPathComponent(name))) ?? Data())
    }

    static func realWorld(_ name: String) -> [UInt8] {
        Array((try? Data(contentsOf: Fixtures.realWorldCases.appendingPathComponent(name))) ?? Data())
    }

    @Test func theFixturesAreWhatTheTestsExpect() {
        let wire = Self.realWorld("kapso-es.wire.json")
        #expect(wire.count == 1031)
        #expect(WebhookSignature.verify(body: wire, secret: Secret(Self.kapsoSecret), signature: Self.kapsoSignature, meta: false) == .valid)
        #expect(WebhookSignature.verifySHA1(body: wire, secret: Secret(Self.kapsoSecret), hex: Self.kapsoSHA1))
        let batch = Self.fixture("batch.json")
        #expect(WebhookSignature.verify(body: batch, secret: Secret(Self.kapsoSecret), signature: Self.batchSignature, meta: false) == .valid)
        // data[0] of the batch is the wire body itself: the one item a handler looping over data[] would hash.
        let item = try? JSONValue.parse(batch)["data"]?.array?.first?.serialized()
        #expect(item.map { Array($0.utf8) } == wire)
    }

    // MARK: - P21-12: other spellings of the same hex

    @Test(arguments: [
        ("sha256:HEX", "sha256=HEX", ["the prefix was written 'sha256:'; senders write 'sha256=' (read the same)"]),
        ("SHA256:HEX", "sha256=HEX", ["the prefix was written 'SHA256:'; senders write 'sha256=' (read the same)"]),
        ("0xHEX", "HEX", ["a '0x' prefix was added to the hex (as a hex-printing helper writes it); senders send the hex alone: it was read without it"]),
        ("sha256=0XHEX", "sha256=HEX", ["a '0X' prefix was added to the hex (as a hex-printing helper writes it); senders send the hex alone: it was read without it"]),
        ("v1=HEX", "HEX", ["the value starts 'v1=' (a version label, as Stripe-style signature headers write one before the hex); Kapso and Meta send none: it was read without it"]),
        ("X-Hub-Signature-256: sha256:HEX", "sha256=HEX", [
            "a whole header line was pasted ('X-Hub-Signature-256: …'); only its value was checked",
            "the prefix was written 'sha256:'; senders write 'sha256=' (read the same)",
        ]),
    ])
    func aSpellingOfTheSameHexIsReadAsItAndNamed(_ raw: String, _ value: String, _ notes: [String]) {
        let hex = Self.kapsoSignature
        let pasted = SignatureCheck.read(raw.replacingOccurrences(of: "HEX", with: hex))
        #expect(pasted.value == value.replacingOccurrences(of: "HEX", with: hex))
        #expect(pasted.hex == hex)
        #expect(pasted.notes == notes)
        // A digest label before ':' is no header: only a real header line sets `header`.
        #expect((pasted.header != nil) == raw.hasPrefix("X-"))
    }

    // MARK: - P21-21: SHA-1 is never Kapso's

    @Test(arguments: [
        (true, kapsoSHA1, true), (false, kapsoSHA1, true),
        (true, String(repeating: "0", count: 40), false), (false, String(repeating: "0", count: 40), false),
    ])
    func aSHA1ValueIsNeverKapsosAndBothSpellingsSayTheSame(_ prefixed: Bool, _ hex: String, _ matches: Bool) {
        let wire = Self.realWorld("kapso-es.wire.json")
        let verdict = SignatureCheck.sha1ForKapso(hex: hex, prefixed: prefixed, body: wire, secret: Secret(Self.kapsoSecret))
        #expect(verdict.matches == matches)
        #expect(verdict.text.contains("X-Webhook-Signature is HMAC-SHA256 (64 hex characters, no prefix), and Kapso never signs with SHA-1"))
        #expect(verdict.text.hasPrefix(prefixed ? "a 'sha1=' value is " : "40 hex characters is "))
        #expect(verdict.text.contains("your code computes HMAC-SHA1") == matches, "\(verdict.text)")
        // A Kapso body: no hint to check it as Meta's.
        #expect(!verdict.text.contains("--meta"))
    }

    @Test func aSHA1OfMetasBodyPointsToMetaMode() {
        let wire = Self.realWorld("meta-unicode.wire.json")
        let verdict = SignatureCheck.sha1ForKapso(
            hex: "96df1f85655f5b331d84d7dae06b12e5632a1555", prefixed: true, body: wire, secret: Secret(Self.metaSecret))
        #expect(verdict.matches)
        #expect(verdict.text.hasSuffix("; a Meta delivery's X-Hub-Signature is checked with --meta and the app secret"))
    }

    @Test func aSHA1UnderSHA256sPrefixIsNotCalledMetasInKapsoMode() throws {
        let wire = Self.realWorld("kapso-es.wire.json")
        let kapso = try #require(SignatureCheck.otherHash(hex: Self.kapsoSHA1, body: wire, secret: Secret(Self.kapsoSecret), meta: false))
        #expect(kapso.text.contains("your code computes HMAC-SHA1"))
        let meta = try #require(SignatureCheck.otherHash(hex: Self.kapsoSHA1, body: wire, secret: Secret(Self.kapsoSecret)))
        #expect(meta.text.contains("write it as 'sha1=…'"))
    }

    // MARK: - P21-16: a secret of another kind

    @Test(arguments: [
        ("whsec_case_py_0001", true, "the secret given is a Kapso webhook secret (whsec_…), not the app secret: Meta keys X-Hub-Signature-256 with the app's App Secret (App Dashboard › Settings › Basic)"),
        ("EAAGm0PX4ZCpsBAKZAZBlahblahblahblahblah", true, "the secret given is a Meta access token (EAA…), not the app secret"),
        ("EAAGm0PX4ZCpsBAKZAZBlahblahblahblahblah", false, "the secret given is a Meta access token (EAA…): Kapso keys X-Webhook-Signature with the webhook's own secret_key"),
        ("app_secret_wrong_0000", true, nil),
        ("whsec_other_0002", false, nil),
    ] as [(String, Bool, String?)])
    func aSecretOfAnotherKindIsNamedFirst(_ secret: String, _ meta: Bool, _ lead: String?) {
        let body = Self.realWorld(meta ? "meta-unicode.wire.json" : "kapso-es.wire.json")
        let signature = meta ? Self.metaSignature : Self.kapsoSignature
        let cause = SignatureCheck.cause(body: body, secret: Secret(secret), signature: signature, meta: meta)
        #expect(cause.hasPrefix(SignatureCheck.unexplained + "; " + (lead ?? "common causes: ")), "\(cause)")
        #expect(cause.contains("common causes: the body was re-serialised from parsed JSON"), "\(cause)")
        // Meta does not key its signature with Kapso's per-webhook secret_key.
        if meta { #expect(!cause.contains("secret_key"), "\(cause)") }
        #expect(!cause.contains(secret))
    }

    // MARK: - P21-4: normalised to NFD and re-serialised

    @Test(arguments: [
        ("k-nfd-pretty.json", false, "its compact form matches the signature"),
        ("m-nfd.json", true, "Meta's escaped form (non-ASCII as lowercase \\uXXXX, '/' as '\\/') matches the signature"),
    ])
    func bothDamagesAreNamedWhenNFCAndReserialisationMatch(_ file: String, _ meta: Bool, _ form: String) {
        let body = Self.fixture(file)
        let secret = Secret(meta ? Self.metaSecret : Self.kapsoSecret)
        let signature = meta ? Self.metaSignature : Self.kapsoSignature
        #expect(WebhookSignature.verify(body: body, secret: secret, signature: signature, meta: meta) != .valid)
        let cause = SignatureCheck.cause(body: body, secret: secret, signature: signature, meta: meta)
        #expect(cause.hasPrefix("the body's text is Unicode-normalised to NFD"), "\(cause)")
        #expect(cause.contains("and the body was re-serialised: normalised to NFC (composed), " + form), "\(cause)")
        #expect(!cause.contains("does not match either"))
    }

    @Test func eachDamageAloneKeepsItsOwnCause() throws {
        let wire = Self.realWorld("kapso-es.wire.json")
        let text = String(decoding: wire, as: UTF8.self)
        let nfd = Array(text.decomposedStringWithCanonicalMapping.utf8)
        let pretty = Array(try JSONValue.parse(wire).serialized(pretty: true).utf8)
        let secret = Secret(Self.kapsoSecret)
        let nfdCause = SignatureCheck.cause(body: nfd, secret: secret, signature: Self.kapsoSignature, meta: false)
        #expect(nfdCause.hasPrefix("the body's text is Unicode-normalised to NFD") && nfdCause.contains("normalised to NFC (composed) it matches"))
        let prettyCause = SignatureCheck.cause(body: pretty, secret: secret, signature: Self.kapsoSignature, meta: false)
        #expect(prettyCause.hasPrefix("the body was re-formatted; the signature matches its compact form"))
    }

    // MARK: - P21-20: one item of a batch

    @Test func oneItemCheckedAgainstTheBatchSignatureNamesTheBatchBeforeTheSecret() throws {
        let item = Self.realWorld("kapso-es.wire.json")
        let cause = SignatureCheck.cause(body: item, secret: Secret(Self.kapsoSecret), signature: Self.batchSignature, meta: false)
        let batch = try #require(cause.range(of: "the body is one item of a batched delivery's data[] (with buffering on, X-Webhook-Batch: true, the signature covers the whole batch body"))
        let secret = try #require(cause.range(of: "the secret is wrong"))
        #expect(batch.lowerBound < secret.lowerBound)
        #expect(cause.hasPrefix(SignatureCheck.unexplained + "; common causes: "), "\(cause)")
    }

    @Test(arguments: [("batch.json", false), ("kapso-es.wire.json", true)])
    func theBatchIsNamedOnlyForAnItemAndOnlyForKapso(_ file: String, _ meta: Bool) {
        let body = file == "batch.json" ? Self.fixture(file) : Self.realWorld(file)
        let cause = SignatureCheck.cause(
            body: body, secret: Secret(Self.kapsoSecret), signature: String(repeating: "0", count: 64), meta: meta)
        #expect(cause.hasPrefix(SignatureCheck.unexplained))
        #expect(!cause.contains("X-Webhook-Batch"), "\(cause)")
    }

    @Test func listenKeepsItsOneListOfCauses() {
        // A received delivery's cause ends with the list `listen` prints once: no lead of the secret's or body's shape.
        let item = Self.realWorld("kapso-es.wire.json")
        let cause = SignatureCheck.cause(
            body: item, secret: Secret("EAAGm0PX4ZCpsBAKZAZBlahblahblahblahblah"), signature: Self.batchSignature, meta: false,
            received: true)
        #expect(cause == SignatureCheck.unexplained + "; " + SignatureCheck.commonCauses)
    }

    // MARK: - P21-8: a request-bin export that kept the body parsed

    @Test(arguments: [
        ("bin-kapso-obj.json", false, true), ("bin-kapso-obj-sorted.json", false, false),
        ("bin-meta-obj.json", true, true), ("bin-meta-obj-sorted.json", true, false),
    ])
    func aParsedExportIsValidWhenItsRebuiltFormMatchesElseUncheckable(_ file: String, _ meta: Bool, _ valid: Bool) throws {
        let stored = try #require(SignatureCheck.Envelope(Self.fixture(file)))
        #expect(stored.parsed)
        let envelope = meta ? stored.forMeta() : stored
        let own = try #require(envelope.signature(meta: meta))
        let secret = Secret(meta ? Self.metaSecret : Self.kapsoSecret)
        let verdict = WebhookSignature.verify(body: envelope.body, secret: secret, signature: own.value, meta: meta)
        #expect((verdict == .valid) == valid)
        let sorted = SignatureCheck.keysSortedThroughout(try JSONValue.parse(envelope.body))
        #expect(sorted == !valid)
        guard !valid else { return }
        // No form of the rebuilt body matches, so nothing shows a cause: the check cannot be made from this file.
        #expect(SignatureCheck.cause(body: envelope.body, secret: secret, signature: own.value, meta: meta).hasPrefix(SignatureCheck.unexplained))
        let text = SignatureCheck.parsedExportUncheckable(envelope)
        #expect(text.hasPrefix("this export cannot prove or disprove the signature: it keeps the body as parsed JSON"))
        #expect(text.contains(meta ? "its Meta-escaped form" : "its compact form"))
        #expect(text.contains("its keys are in alphabetical order in every object"))
        #expect(text.hasSuffix("or capture the delivery with 'listen --save DIR'"))
        #expect(!text.contains("the secret is wrong"))
    }
}
