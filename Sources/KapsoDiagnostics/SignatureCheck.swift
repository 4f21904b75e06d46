public import KapsoClient
public import KopsHTTP

/// What a pasted webhook signature is, and why a signature does not match a body: the rules behind `verify`.
///
/// Senders: Kapso's `X-Webhook-Signature` is bare hex (kapso-api.md §10.1); Meta's `X-Hub-Signature-256`
/// is `sha256=` + hex of the HMAC over the exact bytes it sent, which escape non-ASCII as lowercase
/// `\uXXXX` (surrogate pairs for emoji) and `/` as `\/`; Meta's legacy `X-Hub-Signature` is `sha1=` +
/// hex of HMAC-SHA1 (Meta's Webhooks docs, "Validating payloads").
public enum SignatureCheck {
    /// The hash a pasted value names.
    public enum Algorithm: Sendable, Equatable {
        case sha256, sha1
    }

    /// Why `signature` does not match `body` under `secret`, found by trying the usual mistakes; one line
    /// naming the cause and the fix, or the list of common causes when none of them explains it.
    /// `received`: the bytes are what kops itself received (`listen`), so a cause lies between the sender and kops,
    /// never in the user's hashing (probe14 P14-10). `stop` is asked between the forms tried (each a pass over the
    /// whole body); once it says true the search ends and `unexplained` is returned (Ctrl-C: probe18 P18-19).
    public static func cause(
        body: [UInt8], secret: Secret, signature: String, meta: Bool, received: Bool = false, stop: () -> Bool = { false }
    ) -> String {
        let digest = (try? WebhookSignature.decode(signature, meta: false).get()) ?? []
        return cause(body: body, secret: secret, digest: digest, meta: meta, received: received, stop: stop) { bytes, key in
            WebhookSignature.verify(body: bytes, secret: key, signature: signature, meta: meta) == .valid
        }
    }

    /// `cause` for any algorithm: `matches(body, secret)` says whether the pasted signature is right for them
    /// (Meta's legacy SHA-1 value goes through here too). Tried in order: bytes added around the body
    /// (whitespace, line breaks, a UTF-8 byte-order mark: the JSON inside is then Meta's or Kapso's own),
    /// the body re-formatted compactly (Kapso signs compact JSON), re-serialised without Meta's escapes or
    /// without `\u003c`/`\u003e`/`\u0026` (Go's and Rails' encoders), UTF-8 decoded as Latin-1 or Windows-1252
    /// and encoded again, the body saved as UTF-16 (Windows PowerShell 5.1), gzip-compressed, URL-encoded, saved as
    /// Windows-1252 (PowerShell 5.1's Set-Content) or normalised to NFD (`SignatureCheck+Damage.swift`), whole numbers
    /// that lost their `.0` (JavaScript); before them, a whole saved request sent as the body (`Envelope`), the body kept as base64 or
    /// as a JSON string (`base64Decoded`, `jsonStringDecoded`); and with each, the secret
    /// repaired (`secretRepairs`: whitespace, quotes, invisible characters, a literal `\n`, its `whsec_` prefix, base64). A cause is
    /// named only when the signature matches the form it names; otherwise `unmatched` says what a body that is not
    /// JSON is, then the causes the secret's and body's shape suggest and the common causes for the sender `meta`
    /// names (none for a body cut short).
    public static func cause(
        body: [UInt8], secret: Secret, meta: Bool = false, received: Bool = false, stop: () -> Bool = { false },
        matches: ([UInt8], Secret) -> Bool
    ) -> String {
        if let found = repaired(body: body, secret: secret, meta: meta, received: received, stop: stop, matches: matches) { return found }
        return stop() ? unexplained : unmatched(body, secret: secret, meta: meta, received: received)
    }

    /// The cause `cause` names when a form of the body (or of the secret) matches; nil when none does.
    private static func repaired(
        body: [UInt8], secret: Secret, meta: Bool, received: Bool, stop: () -> Bool, matches: ([UInt8], Secret) -> Bool
    ) -> String? {
        let secrets = secretRepairs(secret).map { ($0.key, $0.also, $0.alone) }
        for (key, _, alone) in secrets where !alone.isEmpty && matches(body, key) { return alone }
        // Each other form of the body is made once, when the forms before it did not match, and tried with each key;
        // once `stop` says so, no form is made or tried any more.
        var stopped = false
        func attempt(_ make: @autoclosure () -> [UInt8]?, _ cause: @autoclosure () -> String) -> String? {
            if stopped || stop() {
                stopped = true
                return nil
            }
            guard let bytes = make(), bytes != body else { return nil }
            for (key, also, _) in secrets where matches(bytes, key) { return cause() + also }
            return nil
        }
        if let envelope = Envelope(body), let found = attempt(envelope.body, envelopeCause(envelope)) { return found }
        if let plain = dechunked(body), let found = attempt(plain, chunkedCause(framed: body.count, decoded: plain.count)) {
            return found
        }
        if let decoded = base64Decoded(body),
            let found = attempt(decoded, base64Cause(encoded: body.count, decoded: decoded.count))
        {
            return found
        }
        if let text = jsonStringDecoded(body), let found = attempt(text, jsonStringCause(decoded: text.count)) { return found }
        let added = Added(body)
        if let added, let found = attempt(added.inner, received ? added.receivedCause : added.cause) { return found }
        let parsed = try? JSONValue.parse(added?.inner ?? body)
        let compact = parsed.map { $0.serialized() }
        let escaped = parsed.map(metaEscaped)
        if let found = attempt(compact.map { Array($0.utf8) }, reformatted) { return found }
        if let found = attempt(escaped.map { Array($0.utf8) }, reserialisedCause(meta: meta)) { return found }
        let html = compact.flatMap(htmlEscaped)
        if let found = attempt(html.map { Array($0.utf8) }, htmlCause) { return found }
        if let (bytes, windows) = undoMojibake(body), let found = attempt(bytes, mojibakeCause(windows: windows)) {
            return found
        }
        if let (decoded, form) = utf16Decoded(body) {
            if let found = attempt(decoded, utf16Cause(form, added: nil)) { return found }
            if let added = Added(decoded), let found = attempt(added.inner, utf16Cause(form, added: added)) { return found }
        }
        if case .success(let inflated)? = gzipDecompressed(body),
            let found = attempt(inflated, gzipCause(compressed: body.count, decompressed: inflated.count))
        {
            return found
        }
        for (decoded, field) in percentDecoded(body) {
            if let found = attempt(decoded, urlEncodedCause(field: field, decoded: decoded.count, received: received)) {
                return found
            }
        }
        if let found = attempt(windows1252Decoded(body), windows1252Cause(body, received: received)) { return found }
        let nfc = stopped ? nil : nfcNormalized(body)
        if let found = attempt(nfc, nfcCause(received: received)) { return found }
        // Normalised and re-serialised: the NFC text through the same re-serialisations as the body itself (P21-4).
        if let nfc, !stopped, let value = try? JSONValue.parse(Added(nfc)?.inner ?? nfc) {
            let written = value.serialized()
            let forms = [
                (written, "its compact form"),
                (metaEscaped(value), "Meta's escaped form (non-ASCII as lowercase \\uXXXX, '/' as '\\/')"),
            ] + (htmlEscaped(written).map { [($0, "its compact form with '<', '>' and '&' written as \\u003c, \\u003e and \\u0026")] } ?? [])
            for (form, named) in forms {
                if let found = attempt(Array(form.utf8), nfcReserialisedCause(named, received: received)) { return found }
            }
        }
        if let parsed {
            let keys = wholeNumberKeys(parsed)
            for choice in keyChoices(keys) where !stopped {
                let value = withZeroFractions(parsed, keys: choice)
                let written = value.serialized()
                let forms = [written, metaEscaped(value)] + (htmlEscaped(written).map { [$0] } ?? [])
                for form in forms {
                    if let found = attempt(Array(form.utf8), numbersCause(describeKeys(choice, order: keys))) {
                        return found
                    }
                }
            }
        }
        return nil
    }

    /// `cause` for an HMAC-SHA256 value given as `digest` (its 32 bytes), also naming hashes that are not
    /// the HMAC at all: a plain SHA-256 of the body (no key), of the secret and body run together (`sha256(secret +
    /// body)`, either order), and the HMAC with key and message swapped (`HMAC(key: body, message: secret)`, a common
    /// argument-order slip).
    public static func cause(
        body: [UInt8], secret: Secret, digest: [UInt8], meta: Bool = false, received: Bool = false,
        stop: () -> Bool = { false }, matches: ([UInt8], Secret) -> Bool
    ) -> String {
        if let found = repaired(body: body, secret: secret, meta: meta, received: received, stop: stop, matches: matches) { return found }
        if stop() { return unexplained }
        guard digest.count == 32 else { return unmatched(body, secret: secret, meta: meta, received: received) }
        let given = WebhookSignature.hex(digest)
        if let svix = standardWebhooksKeyCause(given: given, body: body, secret: secret) { return svix }
        if let nothing = hashedWithoutRawBody(given: given, body: body, secret: secret) { return nothing }
        if given == WebhookSignature.sha256Hex(body) {
            return "the value is a plain SHA-256 of the body, made without the secret; the signature is an "
                + "HMAC-SHA256 keyed with the secret: compute HMAC(key: secret, message: raw body)"
        }
        // A hand-rolled "signature": one hash over the secret and the body run together, no HMAC (probe15 P15-8).
        let key = Array(secret.revealed.utf8)
        for (bytes, order) in [(key + body, "the secret followed by the body"), (body + key, "the body followed by the secret")]
        where given == WebhookSignature.sha256Hex(bytes) {
            return "the value is a plain SHA-256 of \(order) (sha256(secret + body) style), not an HMAC; the signature is "
                + "an HMAC-SHA256 keyed with the secret: compute HMAC(key: secret, message: raw body)"
        }
        if given == WebhookSignature.hmacSHA256Hex(key: body, message: Array(secret.revealed.utf8)) {
            return "the value is an HMAC-SHA256 with key and message swapped (the body used as the key); "
                + "compute HMAC(key: secret, message: raw body)"
        }
        return unmatched(body, secret: secret, meta: meta, received: received)
    }

    /// Bytes added before or after a body: whitespace, line breaks and a UTF-8 byte-order mark.
    struct Added {
        /// The body without them.
        var inner: [UInt8]
        var leading: ArraySlice<UInt8>
        var trailing: ArraySlice<UInt8>

        /// Nil when nothing surrounds the body (or nothing else is left).
        init?(_ body: [UInt8]) {
            var start = body.startIndex
            if body.starts(with: [0xEF, 0xBB, 0xBF]) { start += 3 }
            while start < body.endIndex, Self.isSpace(body[start]) { start += 1 }
            var end = body.endIndex
            while end > start, Self.isSpace(body[end - 1]) { end -= 1 }
            guard start > 0 || end < body.endIndex, start < end else { return nil }
            inner = Array(body[start..<end])
            leading = body[..<start]
            trailing = body[end...]
        }

        private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

        /// `the body ends with a newline …`, `the body has a UTF-8 byte-order mark before it …`.
        var cause: String {
            if leading.isEmpty, trailing.elementsEqual([0x0A]) || trailing.elementsEqual([0x0D, 0x0A]) {
                let name = trailing.count == 1 ? "newline" : "CRLF line ending"
                return "the body ends with a \(name) and the signature matches without it; "
                    + "hash the body exactly as received, with nothing appended"
            }
            return "the body has " + phrase + ", and the signature matches without "
                + pronoun + "; hash the body exactly as received, with nothing added"
        }

        /// `cause` for bytes kops received itself: nobody on this side appended them (probe14 P14-10).
        var receivedCause: String {
            "the body arrived with " + phrase + ", and the signature matches without " + pronoun
                + ": something between the sender and kops (a proxy, a tunnel, a test tool sending a file saved with "
                + "a newline) added " + pronoun + "; the sender and the secret are right"
        }

        /// `a newline after it`, `a UTF-8 byte-order mark before it and 2 spaces after it`.
        var phrase: String {
            var parts: [String] = []
            let before = Self.marks(leading)
            let after = Self.marks(trailing)
            if !before.isEmpty { parts.append(Self.describe(before) + " before it") }
            if !after.isEmpty { parts.append(Self.describe(after) + " after it") }
            return parts.joined(separator: " and ")
        }

        /// `it` for one mark, `them` for more: counted in marks (a byte-order mark is 3 bytes, a CRLF 2).
        var pronoun: String {
            (Self.marks(leading) + Self.marks(trailing)).reduce(0) { $0 + $1.1 } == 1 ? "it" : "them"
        }

        /// `a UTF-8 byte-order mark, 2 newlines`, in the order they come.
        private static func describe(_ names: [(String, Int)]) -> String {
            names.map { name, count in count == 1 ? "a \(name)" : "\(count) \(name)s" }.joined(separator: ", ")
        }

        /// The marks in `bytes` with how many of each in a row: `[("UTF-8 byte-order mark", 1), ("newline", 2)]`.
        private static func marks(_ bytes: ArraySlice<UInt8>) -> [(String, Int)] {
            var names: [(String, Int)] = []
            var index = bytes.startIndex
            while index < bytes.endIndex {
                let name: String
                if bytes[index...].starts(with: [0xEF, 0xBB, 0xBF]) {
                    name = "UTF-8 byte-order mark"
                    index += 3
                } else if bytes[index...].starts(with: [0x0D, 0x0A]) {
                    name = "CRLF line break"
                    index += 2
                } else {
                    switch bytes[index] {
                    case 0x0A: name = "newline"
                    case 0x0D: name = "carriage return"
                    case 0x09: name = "tab"
                    default: name = "space"
                    }
                    index += 1
                }
                if names.last?.0 == name { names[names.count - 1].1 += 1 } else { names.append((name, 1)) }
            }
            return names
        }
    }

    private static let reformatted =
        "the body was re-formatted; the signature matches its compact form, "
        + "so hash the raw bytes as received, not JSON serialised again"

    /// The escaped form matched: Meta signs it (`X-Hub-Signature-256`); for Kapso's header the sender is not named
    /// (tester64 T2: "Meta signs its escaped form" for a Kapso body and secret; Kapso signs its own bodies, which carry
    /// raw UTF-8, with the webhook's secret, kapso-api.md §10.1).
    private static func reserialisedCause(meta: Bool) -> String {
        let form = "(non-ASCII as lowercase \\uXXXX, '/' as '\\/')"
        return meta
            ? "the body was re-serialised; Meta signs its escaped form \(form), which matches: hash the raw bytes as received, "
                + "before any JSON parsing"
            : "the body was re-serialised; the signature matches its escaped form \(form), as the sender wrote it: hash the "
                + "raw bytes as received, before any JSON parsing"
    }

    private static let htmlCause =
        "the body was re-serialised; the signature matches it with '<', '>' and '&' written as \\u003c, \\u003e "
        + "and \\u0026, as the sender's JSON encoder writes them (Go's encoding/json and Rails do), which a JSON "
        + "parser turns back into the characters: hash the raw bytes as received, before any JSON parsing"

    private static func mojibakeCause(windows: Bool) -> String {
        let charset = windows ? "Windows-1252" : "Latin-1"
        return "the body's UTF-8 was decoded as \(charset) and encoded again (mojibake, e.g. 'ñ' becomes 'Ã±'); the "
            + "signature matches the bytes before that: hash the raw bytes as received, not text decoded with "
            + "another character set (read the body as bytes, or as UTF-8)"
    }

    private static func envelopeCause(_ envelope: Envelope) -> String {
        "the body is \(envelope.what), not the body alone; the \(envelope.body.count)-byte body \(envelope.whereBody) "
            + "matches: send and hash only the body (to send a saved delivery again, use 'replay FILE --to URL')"
    }

    private static func utf16Cause(_ form: String, added: Added?) -> String {
        let extra = added.map { " and has " + $0.phrase } ?? ""
        let without = added.map { " without " + $0.pronoun } ?? ""
        return "the body was saved as \(form)\(extra), as Windows PowerShell 5.1's '>' and Out-File write text; "
            + "decoded to UTF-8\(without), it matches the signature: hash or save the bytes as received, not text "
            + "written again by PowerShell (its '>' re-encodes whatever it is given)"
    }

    private static func numbersCause(_ keys: String) -> String {
        "the body was re-serialised and lost number fractions: the signature matches it with the whole number in "
            + "\(keys) written with '.0', as the sender wrote it (JavaScript's JSON.stringify writes 38.0 as 38): "
            + "hash the raw bytes as received, before any JSON parsing"
    }

    /// The start of `cause` when none of the usual mistakes explains a mismatch.
    public static let unexplained = "it does not match this body and secret"

    /// What usually makes a signature fail when no single cause could be shown; `listen` prints it once.
    public static let commonCauses = commonCauses(batchItem: nil)

    /// `commonCauses`, with the batch pitfall (`batchItemCause`) put ahead of the wrong secret when the body is one
    /// message item.
    static func commonCauses(batchItem: String?) -> String {
        let before = [
            "the body was re-serialised from parsed JSON instead of hashing the raw bytes", "a trailing newline was added",
        ]
        let after = [
            "the secret is wrong (each webhook has its own secret_key)",
            "Meta's X-Hub-Signature-256 and Kapso's X-Webhook-Signature were mixed up (Meta signs with the app secret)",
        ]
        return "common causes: " + (before + (batchItem.map { [$0] } ?? []) + after).joined(separator: "; ")
    }
}

