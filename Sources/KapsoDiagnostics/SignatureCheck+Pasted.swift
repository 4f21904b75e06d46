// MARK: - What a pasted signature is

extension SignatureCheck {
    /// A pasted signature, cleaned: header name, stray whitespace and prefix case removed, each noted.
    public struct Pasted: Sendable, Equatable {
        /// The value to check: `sha256=` + hex, `sha1=` + hex, or bare hex, without whitespace.
        public var value: String
        public var algorithm: Algorithm
        /// The hex digits after any prefix.
        public var hex: String
        /// One line per thing that was not a plain header value, saying what it was.
        public var notes: [String]
        /// The header name of a pasted header line (`X-Hub-Signature` in `X-Hub-Signature: sha1=…`), as written; nil
        /// when only a value was pasted.
        public var header: String? = nil
    }

    /// Reads what a user pasted as a signature: `sha256=ab…`, ` AB…\n`, `SHA256=…`, `sha256:…`, `0xab…`, `v1=ab…`,
    /// `X-Hub-Signature-256: sha256=…`, or the legacy `sha1=…`.
    ///
    /// Spellings that hold the same hex are read as it and named in `notes` (probe21 P21-12): a prefix written with
    /// `:` (`sha256:`, as digests are labelled in logs and container image ids), `0x` before the hex (what a
    /// hex-printing helper adds), and a `v1=` label (Stripe-style headers write `v1=` before their HMAC,
    /// docs.stripe.com/webhooks/signature). Kapso's X-Webhook-Signature is bare hex (docs.kapso.ai, "Webhook
    /// security"; kapso-api.md §10.1) and Meta's X-Hub-Signature-256 is `sha256=` + hex, so neither sender writes them.
    public static func read(_ raw: String) -> Pasted {
        var notes: [String] = []
        let whitespace = raw.contains { $0.isWhitespace }
        var text = raw
        var header: String?
        if let colon = text.firstIndex(of: ":") {
            let name = text[..<colon].filter { !$0.isWhitespace }
            // `sha256:…` is a prefix written with a colon, not a header named `sha256`.
            if !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }),
                !digestLabels.contains(name.lowercased())
            {
                notes.append("a whole header line was pasted ('\(name): …'); only its value was checked")
                text = String(text[text.index(after: colon)...])
                header = name
            }
        }
        let stripped = text.filter { !$0.isWhitespace }
        // The one space after a header's colon is part of the header line, not stray whitespace.
        let trimmed = raw.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }
        let inner = header != nil ? text.drop { $0 == " " }.contains { $0.isWhitespace } : whitespace
        if inner || trimmed.count != raw.count {
            notes.append("whitespace in the pasted value (spaces, tabs or line breaks) was ignored")
        }
        var rest = Substring(stripped)
        if rest.lowercased().hasPrefix("v1="), rest.count > 3 {
            notes.append(
                "the value starts 'v1=' (a version label, as Stripe-style signature headers write one before the hex); "
                    + "Kapso and Meta send none: it was read without it")
            rest = rest.dropFirst(3)
        }
        var algorithm = Algorithm.sha256
        var prefix = ""
        for (name, kind) in [("sha256", Algorithm.sha256), ("sha1", .sha1)] {
            let lowered = rest.lowercased()
            guard lowered.hasPrefix(name + "=") || lowered.hasPrefix(name + ":") else { continue }
            let written = String(rest.prefix(name.count + 1))
            if written != name + "=" {
                notes.append("the prefix was written '\(written)'; senders write '\(name)=' (read the same)")
            }
            algorithm = kind
            prefix = name + "="
            rest = rest.dropFirst(name.count + 1)
            break
        }
        if rest.count > 2, rest.hasPrefix("0x") || rest.hasPrefix("0X"), rest.dropFirst(2).allSatisfy({ $0.isASCII && $0.isHexDigit }) {
            notes.append(
                "a '\(rest.prefix(2))' prefix was added to the hex (as a hex-printing helper writes it); senders send "
                    + "the hex alone: it was read without it")
            rest = rest.dropFirst(2)
        }
        let hex = String(rest)
        if let note = caseNote(hex: hex) { notes.append(note) }
        if algorithm == .sha1 { notes.append(legacyNote) }
        return Pasted(value: prefix + hex, algorithm: algorithm, hex: hex, notes: notes, header: header)
    }

    /// `upperCaseHexNote` for hex digits with one of A–F among them; nil for lowercase hex or what is no hex. `verify`
    /// (through `read`) and `listen` (`ReceivedDelivery`) say it by this one rule.
    public static func caseNote(hex: String) -> String? {
        hex.contains(where: { ("A"..."F").contains($0) }) && hex.allSatisfy({ $0.isASCII && $0.isHexDigit }) ? upperCaseHexNote : nil
    }

    /// The note on hex written in upper case (tester48 F8): the same digest, but Kapso writes lowercase hex
    /// (kapso-api.md §0 gotcha 11, §10.1), as Meta does, so something between the sender and the receiver wrote it
    /// again, and a receiver comparing the text with its own lowercase digest rejects it.
    public static let upperCaseHexNote =
        "the hex is in upper case; Kapso and Meta send lowercase hex, so something on the way wrote it again, and a "
            + "receiver that compares it as text with its own (lowercase) digest rejects it: compare the bytes, or "
            + "lower-case both"

    /// The note on a `sha1=` value: Meta's legacy header, checked as HMAC-SHA1 (with `--meta`; Kapso's never is one).
    public static let legacyNote =
        "'sha1=' is Meta's legacy X-Hub-Signature (HMAC-SHA1); it was checked as such; prefer X-Hub-Signature-256 ('sha256=')"

    /// The names a digest value is labelled with before `=` or `:`; a colon after one is no header line's.
    static let digestLabels: Set<String> = ["sha256", "sha1"]

    /// True when `hex` is 40 hex digits: a SHA-1 digest's length (Meta's legacy X-Hub-Signature, `sha1=` + 40 hex).
    public static func isSHA1Hex(_ hex: String) -> Bool {
        hex.count == 40 && hex.allSatisfy { $0.isASCII && $0.isHexDigit }
    }
}
