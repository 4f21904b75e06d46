internal import Foundation
public import KapsoClient
public import KopsHTTP

// MARK: - A value that is not hex as written: the other spellings of the same HMAC

extension SignatureCheck {
    /// What a signature value that does not decode as hex is, found by reading it another way: with invisible
    /// characters removed, with a doubled `sha256=` prefix removed, or as base64 of 32 bytes. `verify` and
    /// `listen` use the same recognisers, so a value is named the same whether pasted or received.
    public struct Spelling: Sendable, Equatable {
        /// True when the HMAC, read this way, matches the body and secret (checked, never assumed).
        public var matches: Bool
        /// True when the value as written should be reported as malformed (it is not even a signature read
        /// this way, or it reads as one that does not match); false when it is a well-formed mismatch.
        public var malformed: Bool
        /// True when the oddity is what copying adds (invisible characters from a chat or web page): `verify`
        /// then treats it like stray whitespace; a received header has no such excuse.
        public var pasteArtefact: Bool
        /// One line: what the value is and whether it matches, with the fix.
        public var text: String
        /// For a value that matches read this way, as a received header's line says it (`ReceivedDelivery`): what the
        /// value is (`is base64, not hex`), how it was read (`decoded`), and what the sender did (`… encoded the digest
        /// as base64`); empty otherwise.
        public var received = ""
        public var reading = ""
        public var senderFix = ""
    }

    /// Zero-width and other invisible characters that chat apps, web pages and word processors put into copied
    /// text; none is `Character.isWhitespace` (Unicode category Cf), so they are named by code point. The explicit
    /// directional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) and the Arabic letter mark (U+061C)
    /// are the same kind (Unicode UAX #9, Bidirectional Algorithm, "Explicit Directional Formatting Characters":
    /// https://www.unicode.org/reports/tr9/): phones and chat apps wrap copied numbers in them, so copying "from the
    /// source" again brings them back (probe26 P26-20).
    static let invisibles: [Unicode.Scalar: String] = [
        "\u{200B}": "zero-width space", "\u{200C}": "zero-width non-joiner", "\u{200D}": "zero-width joiner",
        "\u{2060}": "word joiner", "\u{FEFF}": "zero-width no-break space (byte-order mark)",
        "\u{00AD}": "soft hyphen", "\u{200E}": "left-to-right mark", "\u{200F}": "right-to-left mark",
        "\u{061C}": "Arabic letter mark", "\u{202A}": "left-to-right embedding", "\u{202B}": "right-to-left embedding",
        "\u{202C}": "pop directional formatting", "\u{202D}": "left-to-right override", "\u{202E}": "right-to-left override",
        "\u{2066}": "left-to-right isolate", "\u{2067}": "right-to-left isolate", "\u{2068}": "first strong isolate",
        "\u{2069}": "pop directional isolate",
    ]

    /// The spelling of `value` (a value as `read(_:)` returns it, whitespace removed) when it does not decode as
    /// hex; nil when no recogniser knows it. `body` is read only when a recogniser needs it.
    public static func spelling(_ value: String, secret: Secret, body: () throws -> [UInt8]) rethrows -> Spelling? {
        // Invisible characters: named by code point and position, then the rest is checked.
        let scalars = Array(value.unicodeScalars)
        if let first = scalars.firstIndex(where: { invisibles[$0] != nil }) {
            let found = scalars.filter { invisibles[$0] != nil }
            let kinds = Array(Set(found)).sorted { $0.value < $1.value }.map { scalar in
                "U+" + String(format: "%04X", scalar.value) + " (" + (invisibles[scalar] ?? "") + ")"
            }
            let prefix = value.lowercased().hasPrefix(WebhookSignature.metaPrefix) ? WebhookSignature.metaPrefix.count : 0
            let what = (found.count == 1 ? "an invisible " : "\(found.count) invisible characters, ") + kinds.joined(separator: ", ")
                + " at character \(first - prefix + 1)"
            var clean = String.UnicodeScalarView()
            clean.append(contentsOf: scalars.filter { invisibles[$0] == nil })
            let rest = String(clean)
            guard case .success = WebhookSignature.decode(rest, meta: false) else {
                let inner = try spelling(rest, secret: secret, body: body)
                return Spelling(
                    matches: inner?.matches ?? false, malformed: inner?.malformed ?? true, pasteArtefact: true,
                    text: "the value holds \(what) (copied from a chat or web page); without "
                        + (found.count == 1 ? "it" : "them") + ": " + (inner?.text ?? "it is not a signature either"))
            }
            let bytes = try body()
            if WebhookSignature.verify(body: bytes, secret: secret, signature: rest, meta: false) == .valid {
                return Spelling(
                    matches: true, malformed: false, pasteArtefact: true,
                    text: "the value holds \(what) (copied from a chat or web page), and without "
                        + (found.count == 1 ? "it" : "them") + " the HMAC-SHA256 matches this \(bytes.count)-byte body "
                        + "and secret: copy the value as plain text",
                    received: "holds \(what)", reading: "without " + (found.count == 1 ? "it" : "them"),
                    senderFix: "whatever sent it copied the value from a chat or web page")
            }
            return Spelling(
                matches: false, malformed: false, pasteArtefact: true,
                text: "the value holds \(what) (removed); " + cause(body: bytes, secret: secret, signature: rest, meta: false))
        }
        // `sha256=sha256=…`: code that adds the prefix to a header value that already has it.
        let lowered = value.lowercased()
        let doubled = WebhookSignature.metaPrefix + WebhookSignature.metaPrefix
        if lowered.hasPrefix(doubled) {
            var rest = Substring(value)
            while rest.lowercased().hasPrefix(WebhookSignature.metaPrefix) { rest = rest.dropFirst(WebhookSignature.metaPrefix.count) }
            let times = (value.count - rest.count) / WebhookSignature.metaPrefix.count
            let named = times == 2 ? "appears twice ('sha256=sha256=…')" : "appears \(times) times"
            switch WebhookSignature.decode(String(rest), meta: false) {
            case .failure(let malformation):
                return Spelling(
                    matches: false, malformed: true, pasteArtefact: false,
                    text: "the 'sha256=' prefix \(named), and what follows is not a signature either: "
                        + ReceivedDelivery.describe(malformation))
            case .success:
                let bytes = try body()
                if WebhookSignature.verify(body: bytes, secret: secret, signature: String(rest), meta: false) == .valid {
                    return Spelling(
                        matches: true, malformed: false, pasteArtefact: false,
                        text: "the 'sha256=' prefix \(named), and the HMAC-SHA256 after it matches this \(bytes.count)-byte "
                            + "body and secret: 'sha256=' was added to a value that already starts with it (e.g. "
                            + "'sha256=' + header): add the prefix to the computed hex only, and compare the header as it is",
                        received: times == 2 ? "starts 'sha256=sha256=' (the prefix twice)" : "starts with 'sha256=' \(times) times",
                        reading: "after the prefix",
                        senderFix: "whatever sent it added 'sha256=' to a value that already started with it")
                }
                return Spelling(
                    matches: false, malformed: true, pasteArtefact: false,
                    text: "the 'sha256=' prefix \(named); the hex after it does not match this body and secret either: "
                        + cause(body: bytes, secret: secret, signature: String(rest), meta: false))
            }
        }
        // Base64 of 32 bytes: a handler that encodes its digest as base64 (senders send hex).
        let text = lowered.hasPrefix(WebhookSignature.metaPrefix) ? String(value.dropFirst(WebhookSignature.metaPrefix.count)) : value
        if let digest = base64Digest(text) {
            let bytes = try body()
            let hexForm = WebhookSignature.hex(digest)
            if WebhookSignature.verify(body: bytes, secret: secret, signature: hexForm, meta: false) == .valid {
                return Spelling(
                    matches: true, malformed: false, pasteArtefact: false,
                    text: "the value is base64, and it decodes to the HMAC-SHA256 that matches this \(bytes.count)-byte "
                        + "body and secret; Kapso and Meta send hex: encode the digest as hex (e.g. digest('hex')) "
                        + "where it is computed or compared",
                    received: "is base64, not hex", reading: "decoded",
                    senderFix: "Kapso and Meta send hex; whatever sent it encoded the digest as base64")
            }
            let reason = WebhookSignature.decode(value, meta: false).failureReason.map { ReceivedDelivery.describe($0) + "; " } ?? ""
            return Spelling(
                matches: false, malformed: true, pasteArtefact: false,
                text: reason + "it reads as base64 of 32 bytes, which does not match this body and secret either; "
                    + "senders send hex")
        }
        return nil
    }

    /// The 32 bytes a base64 (or base64url) value decodes to, or nil when it is not base64 of 32 bytes.
    public static func base64Digest(_ text: String) -> [UInt8]? {
        guard text.count == 43 || text.count == 44 else { return nil }
        var standard = String(text.map { $0 == "-" ? "+" : $0 == "_" ? "/" : $0 })
        while standard.count % 4 != 0 { standard += "=" }
        guard let data = Data(base64Encoded: standard), data.count == 32 else { return nil }
        return Array(data)
    }
}

extension Result {
    /// The error of a failure, or nil.
    fileprivate var failureReason: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
