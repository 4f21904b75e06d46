/// What a value offered as a Kapso project API key is, read from its text alone, before any request:
/// `"kapso_live_…"` → `.quoted`, `kapso_live_…\r` → `.controlCharacter`, `EAAG…` → kind `.metaAccessToken`.
///
/// Kapso takes the key as the value of the `X-API-Key` header (kapso-api.md §1.1), so a key is one header value:
/// no control character (a CR or LF would end the header line, or start another), no space, plain ASCII. Kapso
/// does not publish the key's format [uncertain], so no length minimum or prefix is required: the simulator takes
/// any key. Every source of a key (environment, `api_key_env`, `api_key_command`, `profile add`) runs this one check.
public enum APIKeyShape {
    /// Where in the value a character sits, for the message: a trailing CR is the CRLF `.env` story.
    public enum Place: Sendable, Equatable {
        case start, inside, end
    }

    /// Why a value cannot be sent as a key; each is certain from the text, so nothing is sent.
    public enum Problem: Sendable, Equatable {
        /// A C0 control, DEL or C1 control (`\r`, `\n`, `\t`, NUL, ESC): it would go raw into the header.
        case controlCharacter(UInt32, Place)
        /// A character outside printable ASCII that prints as space or nothing (NBSP, zero-width space, BOM), or
        /// any other non-ASCII character: a header value is ASCII, so it came with the copy.
        case nonASCII(UInt32, Place)
        /// Wrapped in `"…"` or `'…'`: docker `--env-file` and `jq` without `-r` keep the quotes.
        case quoted
        /// One quote (`"`, `'` or a backtick) at one end only (`sk_…'`): a `.env` line or a shell quote closed in the
        /// wrong place (probe22 P22-6: it was sent, and the 401 did not say why).
        case strayQuote(Character, Place)
        /// `Bearer …`: kops sends the key in `X-API-Key` itself.
        case bearerPrefix
        /// `X-API-Key: …`, a whole header line.
        case headerLine
        /// `KAPSO_API_KEY=…`, a whole `.env` line; `name` is the variable's name (letters, digits, `_`).
        case assignment(name: String)
        /// Spaces between words: not one word (`key extra`).
        case words(Int)
        /// Starts with `/`: a file's path, not its content.
        case path
        /// Holds `:` (a URL, `op://…` reference, `a:b` list); no `X-API-Key:` prefix.
        case colon
        /// Longer than any key (in bytes).
        case tooLong(Int)
        /// A form kops prints in place of a key (`…34`, `<redacted>`) or its help's placeholder (`MaskedInput`): copied
        /// from kops's output, not the key (probe42 P42-3).
        case masked(MaskedInput)
        /// A Kapso webhook signing secret (`whsec_…`, `TokenPrefix.webhookSecret`): Kapso's own prefix for the secret
        /// that signs its deliveries, never a project API key; refused before it is sent to the API host, which may be a
        /// wrong one (tester54 V21).
        case webhookSecret
        /// A Meta access token (`EAA…` from 20 characters, `TokenPrefix.metaAccessToken`): it sends messages and
        /// manages the WhatsApp Business Account on Graph directly, a stronger credential than a webhook secret, so it is
        /// kept from the API host the same way (tester61 AJ5: it was sent, and named only after the 401). Kapso does not
        /// publish its key format [uncertain], but a random key begins with `EAA` in that case about once in 240,000;
        /// a shorter `EAA…` value is no Meta token (they run to 150 characters and more) and is sent, as any key.
        case metaAccessToken
    }

    /// A kind of credential kops can tell by its prefix (`TokenPrefix`) that is not a Kapso API key: each is refused
    /// before it is sent (`Problem.webhookSecret`, `Problem.metaAccessToken`); a 401 names the kind of a key that
    /// passed (a value checked by an older kops, or one the rules let through).
    public enum Kind: Sendable, Equatable {
        /// A Meta access token (user, system user, page), the `Bearer` token of a direct Cloud API integration:
        /// `EAA…` (`TokenPrefix.metaAccessToken`).
        case metaAccessToken
        /// A Kapso webhook signing secret, `whsec_…` (`TokenPrefix.webhookSecret`): it signs deliveries.
        case webhookSecret
    }

    /// The most bytes a key may have: far above any token, below what a header line takes.
    public static let maximumBytes = 512

    /// The first problem that stops `value` from being sent as a key, nil when it can be sent (empty is the
    /// caller's "not set").
    public static func problem(in value: String) -> Problem? {
        let scalars = Array(value.unicodeScalars)
        func place(_ index: Int) -> Place { index == 0 ? .start : index == scalars.count - 1 ? .end : .inside }
        // A CR or LF first: it decides the header line, whatever else the value holds.
        if let index = scalars.firstIndex(where: isControl) { return .controlCharacter(scalars[index].value, place(index)) }
        // Before the non-ASCII test: `…` is kops's own mask, not a character copied from a web page.
        if let masked = MaskedInput.read(value) { return .masked(masked) }
        if let index = scalars.firstIndex(where: { $0.value > 0x7E }) { return .nonASCII(scalars[index].value, place(index)) }
        let lower = value.lowercased()
        if lower.hasPrefix("bearer ") || lower == "bearer" { return .bearerPrefix }
        if lower.hasPrefix("x-api-key:") || lower.hasPrefix("x-api-key ") { return .headerLine }
        if let name = assignedName(value) { return .assignment(name: name) }
        if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first { return .quoted }
        for (quote, place) in [(value.first, Place.start), (value.last, Place.end)] {
            if let quote, quote == "\"" || quote == "'" || quote == "`" { return .strayQuote(quote, place) }
        }
        let words = value.split(separator: " ").count
        if words > 1 || value.contains(" ") { return .words(max(words, 1)) }
        if value.utf8.count > maximumBytes { return .tooLong(value.utf8.count) }
        if value.hasPrefix("/") { return .path }
        if value.contains(":") { return .colon }
        switch kind(of: value) {
        case .webhookSecret?: return .webhookSecret
        case .metaAccessToken?: return .metaAccessToken
        case nil: break
        }
        return nil
    }

    /// What else `value` is, when its prefix says so (`TokenPrefix.all`, in the issued case, from each prefix's
    /// `kindMinimumCount` characters); nil for anything that may be a Kapso key.
    public static func kind(of value: String) -> Kind? {
        TokenPrefix.all.first { prefix in
            prefix.kind != nil && value.hasPrefix(prefix.text) && value.count >= prefix.kindMinimumCount
        }?.kind
    }

    /// The name of a `NAME=value` line: an environment-variable name (letters, digits and `_`, not a digit
    /// first) before the first `=`; nil otherwise (a key may end in base64 `=` padding).
    static func assignedName(_ value: String) -> String? {
        guard let equals = value.firstIndex(of: "="), equals != value.startIndex else { return nil }
        var name = value[..<equals]
        if name.hasPrefix("export ") { name = name.dropFirst("export ".count) }
        guard name.count <= 64, let first = name.first, !first.isNumber,
            name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }),
            // `abc==` is padding, `KAPSO_API_KEY=…` a line: a name has a letter and something after the `=`.
            name.contains(where: \.isLetter), value[value.index(after: equals)...].contains(where: { $0 != "=" })
        else { return nil }
        // A lower-case run of letters and digits before `=` is more likely a base64 key than a variable.
        guard name.contains(where: { $0.isUppercase }) || name.contains("_") else { return nil }
        return String(name)
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}

// MARK: - Words

extension APIKeyShape.Problem {
    /// What the value is, after its subject (`the key in env KAPSO_API_KEY`): `ends with a carriage return (U+000D)`.
    public var what: String {
        switch self {
        case .controlCharacter(let value, let place):
            return "\(Self.placed(place)) \(Self.characterName(value))"
        case .nonASCII(let value, let place):
            return "\(Self.placed(place)) \(Self.characterName(value))"
        case .quoted: return "is wrapped in quotes"
        case .strayQuote(let quote, let place): return "\(Self.placed(place)) a quote (\(quote)) with none at the other end"
        case .bearerPrefix: return "starts with 'Bearer '"
        case .headerLine: return "is a whole header line ('X-API-Key: ...')"
        case .assignment(let name): return "is a whole '\(name)=...' line"
        // One word with blanks around it (`' sk_… '`, probe18 P18-16 said "(1 words)").
        case .words(let count) where count <= 1: return "starts or ends with a space"
        case .words(let count): return "holds spaces (\(count) words)"
        case .path: return "is a path, not a key"
        case .colon: return "holds ':' (a URL, a reference or a list?)"
        case .tooLong(let bytes): return "is \(bytes) bytes long (a key is at most \(APIKeyShape.maximumBytes))"
        case .masked(let masked): return masked.what("the key")
        case .webhookSecret: return "is a webhook signing secret (whsec_...), not an API key"
        case .metaAccessToken: return "is a Meta access token (EAA...), not a Kapso project API key"
        }
    }

    /// What to do; nothing was sent.
    public var fix: String {
        switch self {
        case .controlCharacter(0x0D, _):
            return "a key holds no control characters, so nothing was sent; a .env file saved with Windows line ends "
                + "leaves this CR: strip it (tr -d '\\r' or dos2unix)"
        case .controlCharacter:
            return "a key holds no control characters (it would go raw into the X-API-Key header), so nothing was sent; "
                + "give the key alone"
        case .nonASCII:
            return "a key is plain ASCII (copied from a web page or a chat?), so nothing was sent; retype or trim it"
        case .quoted:
            return "the quotes are not part of the key (docker --env-file keeps them, jq needs -r); remove them"
        case .strayQuote:
            return "a quote is not part of a key (a .env line or a shell quote closed in the wrong place?), so nothing "
                + "was sent; remove it"
        case .bearerPrefix, .headerLine:
            return "kops sends the key in the X-API-Key header itself; give the key alone"
        case .assignment:
            return "give only the value after '='"
        case .words(let count) where count <= 1:
            return "a key is one word with no blanks around it; remove the spaces"
        case .words:
            return "a key is one word; give the key alone"
        case .path:
            return "put the key itself there, not a path (KAPSO_API_KEY=\"$(cat FILE)\" reads a file)"
        case .colon, .tooLong:
            return "give the key alone"
        case .masked:
            return "kops never prints a key in full, so nothing was sent; give the key itself (Kapso dashboard, API keys)"
        case .webhookSecret:
            return "it signs Kapso's deliveries to your receiver and is kept from the API host, so nothing was sent; give the "
                + "project API key (Kapso dashboard, API keys)"
        case .metaAccessToken:
            return "it acts on your WhatsApp Business Account through Meta's Graph API and is kept from the API host, so "
                + "nothing was sent; give the project API key (Kapso dashboard, API keys)"
        }
    }

    static func placed(_ place: APIKeyShape.Place) -> String {
        switch place {
        case .start: "starts with"
        case .inside: "holds"
        case .end: "ends with"
        }
    }

    /// `a carriage return (U+000D)`, `a no-break space (U+00A0)`, `the character U+00E9`.
    static func characterName(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        let names: [UInt32: String] = [
            0x0D: "a carriage return", 0x0A: "a line feed", 0x09: "a tab", 0x00: "a NUL byte", 0x1B: "an escape",
            0x7F: "a delete", 0xA0: "a no-break space", 0x200B: "a zero-width space", 0xFEFF: "a byte-order mark",
            0x2028: "a line separator", 0x2029: "a paragraph separator", 0x202F: "a narrow no-break space",
        ]
        return names[value].map { "\($0) (\(code))" } ?? "the character \(code)"
    }
}
