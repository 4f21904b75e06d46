import KapsoClient
@testable import KapsoDiagnostics
import KopsHTTP
import Testing

/// What users paste as a webhook signature, read into the value to check and one note per oddity.
@Suite struct SignatureCheckTests {
    static let hex = String(repeating: "ab", count: 32)

    @Test(arguments: [
        ("sha256=\(hex)", "sha256=\(hex)", 0),
        (hex, hex, 0),
        ("SHA256=\(hex)", "sha256=\(hex)", 1),
        ("X-Hub-Signature-256: sha256=\(hex)", "sha256=\(hex)", 1),
        ("x-webhook-signature:\(hex)", hex, 1),
        (" \(hex)\r\n", hex, 1),
        ("X-Hub-Signature-256:  sha256= \(hex)", "sha256=\(hex)", 2),
        ("Sha1=\(String(repeating: "c", count: 40))", "sha1=\(String(repeating: "c", count: 40))", 2),
    ])
    func readsWhatUsersPaste(_ raw: String, _ value: String, _ notes: Int) {
        let pasted = SignatureCheck.read(raw)
        #expect(pasted.value == value)
        #expect(pasted.notes.count == notes, "\(pasted.notes)")
    }

    @Test func namesTheLegacySHA1Header() {
        let pasted = SignatureCheck.read("sha1=" + String(repeating: "0", count: 40))
        #expect(pasted.algorithm == .sha1)
        #expect(pasted.notes == ["'sha1=' is Meta's legacy X-Hub-Signature (HMAC-SHA1); it was checked as such; prefer X-Hub-Signature-256 ('sha256=')"])
    }

    // MARK: - Several values in one field (probe7 P7-5)

    static let secret = Secret("whsec_p7_0003")
    static let body = Array(#"{"message":{"text":{"body":"Tom & Jerry <3 ¿mañana? 👍"}},"lat":38.0,"n":1}"#.utf8)
    static func sign(_ bytes: [UInt8], _ key: Secret = secret) -> String {
        WebhookSignature.hmacSHA256Hex(key: Array(key.revealed.utf8), message: bytes)
    }
    static let zeros = String(repeating: "0", count: 64)

    @Test func aJoinedFieldIsSplitIntoItsValues() {
        let right = Self.sign(Self.body)
        #expect(SignatureCheck.field("\(right), \(Self.zeros)").values == [right, Self.zeros])
        #expect(SignatureCheck.field("sha256=\(right),sha256=\(right)").values == ["sha256=\(right)", "sha256=\(right)"])
        #expect(SignatureCheck.field(right).values == [right])
        #expect(SignatureCheck.field(right).notes.isEmpty)
    }

    @Test(arguments: [
        ("\"sha256=\(hex)\"", "sha256=\(hex)"),
        ("  'sha256=\(hex)'\n", "sha256=\(hex)"),
        ("\"x-hub-signature-256\": \"sha256=\(hex)\",", "sha256=\(hex)"),
        ("\"sha256=\(hex)\",", "sha256=\(hex)"),
        ("\(hex),", hex),
    ])
    func quotesAndAJSONMemberAreUnwrappedAndSaid(_ raw: String, _ value: String) {
        let field = SignatureCheck.field(raw)
        #expect(field.values == [value])
        #expect(!field.notes.isEmpty)
        #expect(field.foreign == nil)
    }

    /// A single value with a separator after it: the note names the separator that was there, not always ','.
    @Test(arguments: [
        ("\(hex);", "a trailing ';' (';' separates the values of a header list; this one holds one value) was removed"),
        ("\(hex),", "a trailing ',' (as a JSON or log line has it) was removed"),
        ("\"sha256=\(hex)\",", "quotes and a trailing ',' (as a JSON or log line has them) were removed"),
        ("\"sha256=\(hex)\";", "quotes and a trailing ';' (as a JSON or log line has them) were removed"),
    ])
    func aSeparatorAfterOneValueIsNamedAsItWas(_ raw: String, _ note: String) {
        let field = SignatureCheck.field(raw)
        #expect(field.values.count == 1)
        #expect(field.notes == [note])
    }

    @Test func anotherProvidersFormatIsNamed() {
        let stripe = SignatureCheck.field("t=1795255200,v1=\(Self.hex)")
        #expect(stripe.foreign?.hasPrefix("'t=…,v1=…' is Stripe's Stripe-Signature format") == true)
        let svix = SignatureCheck.field("v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=")
        #expect(svix.foreign?.hasPrefix("'v1,…' is the Standard Webhooks (Svix)") == true)
        #expect(SignatureCheck.field("sha256=\(Self.hex), sha256=\(Self.hex)").foreign == nil)
    }

    @Test func eachValueIsCheckedAndTheMatchingOneNamed() {
        let right = Self.sign(Self.body)
        let second = SignatureCheck.checkEach([Self.zeros, right], body: Self.body, secret: Self.secret, meta: false)
        #expect(second.match == 1)
        #expect(second.text.contains("the 2nd matches this body and secret, the 1st does not"))
        #expect(second.text.contains("or only its first value"))
        let first = SignatureCheck.checkEach([right, Self.zeros], body: Self.body, secret: Self.secret, meta: false)
        #expect(first.match == 0)
        #expect(first.text.contains("the 1st matches this body and secret, the 2nd does not"))
        let twice = SignatureCheck.checkEach(["sha256=" + right, "sha256=" + right], body: Self.body, secret: Self.secret, meta: true)
        #expect(twice.match == 0)
        #expect(twice.text.hasPrefix("the same signature value was received 2 times"))
    }

    @Test func noneMatchingSaysSoWithoutCallingTheFieldMalformed() {
        let other = Self.sign(Self.body, Secret("whsec_other"))
        let none = SignatureCheck.checkEach([Self.zeros, "xyz", other], body: Self.body, secret: Self.secret, meta: false)
        #expect(none.match == nil)
        #expect(none.unexplained)
        #expect(none.text.hasPrefix("3 signature values were received"))
        #expect(none.text.contains("none matches this body and secret; the 2nd is not a signature"))
        #expect(!none.text.contains("malformed"))
        // A value that matches a re-formatted body names that cause, and no common causes (no "secret is wrong").
        let pretty = Array("{\n  \"a\": 1\n}".utf8)
        let compactSignature = Self.sign(Array(#"{"a":1}"#.utf8))
        let explained = SignatureCheck.checkEach([Self.zeros, compactSignature], body: pretty, secret: Self.secret, meta: false)
        #expect(!explained.unexplained)
        #expect(explained.text.contains("the 2nd: the body was re-formatted"))
    }

    @Test func ordinalsReadAsWords() {
        #expect((0..<4).map(SignatureCheck.ordinal) == ["1st", "2nd", "3rd", "4th"])
        #expect(SignatureCheck.ordinal(10) == "11th")
        #expect(SignatureCheck.ordinal(20) == "21st")
    }

    // MARK: - Bodies the receiver changed (probe7 P7-10, P7-9)

    /// The Latin-1 mojibake of a UTF-8 body: each byte read as one character, written back as UTF-8.
    static func latin1Mojibake(_ bytes: [UInt8]) -> [UInt8] {
        Array(String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) })).utf8)
    }

    @Test func aBodyDecodedAsLatin1AndEncodedAgainIsNamed() {
        let signature = Self.sign(Self.body)
        let cause = SignatureCheck.cause(body: Self.latin1Mojibake(Self.body), secret: Self.secret, signature: signature, meta: false)
        #expect(cause.hasPrefix("the body's UTF-8 was decoded as Latin-1 and encoded again"))
        #expect(!cause.contains("secret is wrong"))
    }

    @Test func aBodyDecodedAsWindows1252IsNamed() {
        // 'ñ' is C3 B1 (both Latin-1 letters); '👍' is F0 9F 91 8D: 9F is 'Ÿ' and 91 is '‘' in Windows-1252, 8D undefined.
        var text = ""
        for byte in Self.body {
            let windows: [UInt8: Character] = [0x9F: "\u{0178}", 0x91: "\u{2018}"]
            text.append(windows[byte] ?? Character(Unicode.Scalar(byte)))
        }
        let cause = SignatureCheck.cause(body: Array(text.utf8), secret: Self.secret, signature: Self.sign(Self.body), meta: false)
        #expect(cause.hasPrefix("the body's UTF-8 was decoded as Windows-1252 and encoded again"))
    }

    @Test func mojibakeIsNotClaimedWhenTheSignatureIsForAnotherBody() {
        let other = Self.sign(Array("{}".utf8))
        let cause = SignatureCheck.cause(body: Self.latin1Mojibake(Self.body), secret: Self.secret, signature: other, meta: false)
        #expect(cause.hasPrefix(SignatureCheck.unexplained))
        #expect(SignatureCheck.undoMojibake(Array("plain ASCII".utf8)) == nil)
    }

    @Test func htmlSafeEscapesAreTriedOnKapsoBodies() throws {
        // Signed as Go's encoding/json or Rails writes it; received after a JSON parse and JSON.stringify.
        let sent = Array(#"{"text":"Tom \u0026 Jerry \u003c3 \u003e ¿mañana?"}"#.utf8)
        let received = Array(#"{"text":"Tom & Jerry <3 > ¿mañana?"}"#.utf8)
        let cause = SignatureCheck.cause(body: received, secret: Self.secret, signature: Self.sign(sent), meta: false)
        #expect(cause.hasPrefix("the body was re-serialised; the signature matches it with '<', '>' and '&' written as \\u003c"))
    }

    @Test func wholeNumbersThatLostTheirFractionAreTried() {
        // Meta's form (escaped) and Kapso's form (raw UTF-8), each re-serialised by JSON.stringify: 38.0 became 38.
        let meta = Array(#"{"location":{"latitude":38.0,"longitude":-122.0,"name":"Caf\u00e9"},"n":3}"#.utf8)
        let metaReceived = Array(#"{"location":{"latitude":38,"longitude":-122,"name":"Café"},"n":3}"#.utf8)
        let cause = SignatureCheck.cause(body: metaReceived, secret: Self.secret, signature: "sha256=" + Self.sign(meta), meta: true)
        #expect(cause.hasPrefix("the body was re-serialised and lost number fractions"))
        #expect(cause.contains("'latitude' and 'longitude'"))
        let received = Array(#"{"lat":38,"n":1}"#.utf8)
        let kapso = SignatureCheck.cause(body: received, secret: Self.secret, signature: Self.sign(Array(#"{"lat":38.0,"n":1}"#.utf8)), meta: false)
        #expect(kapso.contains("in 'lat' written with '.0'"))
        // Only a matching form is claimed.
        let unrelated = SignatureCheck.cause(body: received, secret: Self.secret, signature: Self.zeros, meta: false)
        #expect(unrelated.hasPrefix(SignatureCheck.unexplained))
    }

    /// probe8 P8-10: values joined with ';' or whitespace are split like ','-joined ones; spaces inside one hex
    /// value (a wrapped line) are not a separator.
    @Test func valuesJoinedWithSemicolonOrWhitespaceAreSplit() {
        let other = String(repeating: "0", count: 64)
        #expect(SignatureCheck.field("\(Self.hex);\(other)").values == [Self.hex, other])
        #expect(SignatureCheck.field("\(Self.hex);\(other)").separator == ";")
        #expect(SignatureCheck.field("\(other) \(Self.hex)").values == [other, Self.hex])
        #expect(SignatureCheck.field("sha256=\(other)\nsha256=\(Self.hex)").separator == " ")
        let wrapped = String(Self.hex.prefix(32)) + " " + String(Self.hex.dropFirst(32))
        #expect(SignatureCheck.field(wrapped).values == [wrapped])
        let text = SignatureCheck.checkEach([other, Self.hex], body: [], secret: Secret("s"), meta: false, separator: ";").text
        #expect(text.contains("(joined with ';')"), "\(text)")
    }

    /// probe8 P8-10: a doubled 'sha256=' and invisible characters are named; a match is claimed only when the HMAC
    /// after the named change matches.
    @Test func doubledPrefixAndInvisibleCharactersAreNamed() throws {
        let body = Array("{\"a\":1}".utf8)
        let secret = Secret("whsec_spelling")
        let right = WebhookSignature.hmacSHA256Hex(key: Array(secret.revealed.utf8), message: body)
        let doubled = try #require(SignatureCheck.spelling("sha256=sha256=" + right, secret: secret) { body })
        #expect(doubled.matches && !doubled.pasteArtefact)
        #expect(doubled.text.hasPrefix("the 'sha256=' prefix appears twice"), "\(doubled.text)")
        let wrongDoubled = try #require(SignatureCheck.spelling("sha256=sha256=" + Self.hex, secret: secret) { body })
        #expect(!wrongDoubled.matches && wrongDoubled.text.hasPrefix("the 'sha256=' prefix appears twice"))
        for (mark, name) in [("\u{200B}", "U+200B (zero-width space)"), ("\u{FEFF}", "U+FEFF"), ("\u{00AD}", "U+00AD (soft hyphen)")] {
            let value = "sha256=" + right.prefix(5) + mark + right.dropFirst(5)
            let found = try #require(SignatureCheck.spelling(value, secret: secret) { body })
            #expect(found.matches && found.pasteArtefact)
            #expect(found.text.contains("an invisible \(name)") && found.text.contains("at character 6"), "\(found.text)")
            let wrong = try #require(SignatureCheck.spelling(Self.hex + mark, secret: secret) { body })
            #expect(!wrong.matches && !wrong.text.contains("matches this"), "\(wrong.text)")
        }
        #expect(try SignatureCheck.spelling("sha256=xyz", secret: secret) { body } == nil)
    }
}
