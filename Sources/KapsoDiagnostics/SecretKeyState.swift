public import KapsoClient
internal import KopsHTTP

/// What a webhook's `secret_key` holds, said without its value: the one fact `webhooks get` shows, `webhooks check`
/// warns on and `webhooks create|update --secret-key` refuses by (tester62 AL6, tester62b AM4: a blank key read
/// `(empty)`, a padded one `whsec_…` and passed `check`, and both were set without a word).
///
/// Kapso signs each delivery with the whole stored `secret_key` as the HMAC-SHA256 key, and the contract makes the field
/// a nullable string that PATCH can set (kapso-api.md §3.2, §3.3; "HMAC-SHA256(webhook_secret_key, raw_request_body)",
/// gokapso/agent-skills). A blank at either end is part of that key; a receiver whose configuration loader trims its copy
/// of the secret (as `.env` loaders and shell `$(...)` commonly do with a trailing line feed) computes another signature.
public enum SecretKeyState: Sendable, Equatable {
    /// `secret_key` null or missing: deliveries carry no signature to verify.
    case absent
    /// `""`: deliveries are signed with an empty key, which anyone can compute.
    case empty
    /// Only blanks; `blanks` names them (`3 spaces`, `a tab`, `2 spaces and a line feed`).
    case blank(blanks: String)
    /// A value with a blank or an invisible character at either end; `problem` says where (`ends with a space`, `starts
    /// with a zero-width space`).
    case padded(problem: String)
    /// A value wrapped in a matching pair of quotes (`"whsec_abc"` with its quotes, as a `.env` line writes it); `quote`
    /// names them (`double quotes`). A receiver that reads the same `.env` line drops the quotes and computes another
    /// signature (tester63b AO8; `webhooks probe` names "an env var with a stray space or quotes" as a cause).
    case quoted(quote: String)
    /// A value that is a shell variable's name (`$S`, `${S}`): kops expands `${env:S}`, not `$S`, so the secret would be
    /// those characters (tester63b AO8).
    case variableName(String)
    /// A placeholder or a reference to the secret (`{{secret}}`, `%NAME%`, `<your-secret>`, `WEBHOOK_SECRET`:
    /// `SecretPlaceholder`), stored as its text (tester64b U5).
    case placeholder(SecretPlaceholder)
    /// A value with no blank or invisible character at either end, not quoted, not a variable's name.
    case set

    /// The state of `secret` (nil: absent).
    public init(_ secret: String?) {
        guard let secret else {
            self = .absent
            return
        }
        guard let first = secret.first, let last = secret.last else {
            self = .empty
            return
        }
        // Invisible format characters (a zero-width space, a byte order mark) count as blanks: a key of them alone is as
        // guessable as spaces, and one at either end is as easily lost (tester63b AO8). A key whose first and last bytes
        // are visible ASCII (`!` to `~`, as `whsec_…` keys are) has neither at its ends and is not all of them: its
        // scalars' properties are not read (about 2,500 instructions a key, twice a `webhooks get`).
        let visibleEnds = Self.hasVisibleASCIIEnds(secret)
        let (head, tail) =
            visibleEnds ? (nil, nil) : (Self.edge(first, secret.unicodeScalars.first), Self.edge(last, secret.unicodeScalars.last))
        if !visibleEnds, secret.unicodeScalars.allSatisfy(Self.isInvisible) {
            self = .blank(blanks: Self.named(secret))
        } else if let head, let tail {
            self = .padded(problem: "starts with \(head) and ends with \(tail)")
        } else if let tail {
            self = .padded(problem: "ends with \(tail)")
        } else if let head {
            self = .padded(problem: "starts with \(head)")
        } else if secret.count >= 2, first == last, let quote = Self.quotes[first] {
            self = .quoted(quote: quote)
        } else if Self.isVariableName(secret) {
            self = .variableName(secret)
        } else if let placeholder = SecretPlaceholder(secret) {
            self = .placeholder(placeholder)
        } else {
            self = .set
        }
    }

    /// True when `text`'s first and last bytes are visible ASCII (`!` to `~`): its first and last scalars are those
    /// bytes, neither a blank nor a format character; the first character starts with that first byte, and `edge` reads
    /// the last end by its last scalar (a blank is a character's first scalar, and none ends in a visible byte).
    static func hasVisibleASCIIEnds(_ text: String) -> Bool {
        let visible: ClosedRange<UInt8> = 0x21...0x7E
        guard let first = text.utf8.first, let last = text.utf8.last else { return false }
        return visible.contains(first) && visible.contains(last)
    }

    /// The quote characters a `.env` line or a shell wraps a value in, by name.
    static let quotes: [Character: String] = ["\"": "double quotes", "'": "single quotes", "`": "backquotes"]

    /// `$NAME` or `${NAME}`, a shell variable's name as typed.
    static func isVariableName(_ text: String) -> Bool {
        guard text.hasPrefix("$") else { return false }
        var name = text.dropFirst()
        if name.hasPrefix("{"), name.hasSuffix("}") { name = name.dropFirst().dropLast() }
        guard let first = name.first, first == "_" || (first.isASCII && first.isLetter) else { return false }
        return name.allSatisfy { $0 == "_" || ($0.isASCII && ($0.isLetter || $0.isNumber)) }
    }

    /// The variable name in `$NAME` or `${NAME}` when it is spelled as environment variables are (upper case, digits,
    /// `_`: `WEBHOOK_SECRET`), so kops may show it; nil for another spelling, which may be a real secret that starts with
    /// `$` (`$Abc123_…`), shown then as `NAME`.
    public static func shownName(_ text: String) -> String? {
        let name = text.filter { !"${}".contains($0) }
        return name.allSatisfy({ $0 == "_" || ($0.isASCII && ($0.isNumber || $0.isUppercase)) }) ? name : nil
    }

    /// A blank or an invisible format character (general category Cf: U+200B, U+FEFF, …).
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar.properties.generalCategory == .format
    }

    /// The name of the blank or invisible character at one end (`character` that end's character, `scalar` its outermost
    /// scalar: a zero-width joiner joins the character before it), nil when it is neither.
    static func edge(_ character: Character, _ scalar: Unicode.Scalar?) -> String? {
        if character.isWhitespace { return name(character) }
        guard let scalar, scalar.properties.generalCategory == .format else { return nil }
        return "a \(kind(scalar).name)"
    }

    /// The state of `webhook`'s `secret_key`.
    public init(_ webhook: Webhook) {
        self.init(webhook.secretKey?.revealed)
    }

    /// True for a key a receiver cannot match as given: empty, blank or padded.
    public var isSuspect: Bool {
        switch self {
        case .empty, .blank, .padded, .quoted, .variableName, .placeholder: true
        case .absent, .set: false
        }
    }

    /// What is wrong with a `.quoted`, `.variableName` or `.placeholder` key, and why it matters, for a check's line or a refusal; nil
    /// for the other states.
    public var shapeProblem: String? {
        switch self {
        case .quoted(let quote):
            "is wrapped in \(quote): the quotes are part of the key Kapso signs with, and a receiver that reads the same "
                + "value from a .env line gets it without them, computes another signature and rejects every delivery"
        case .variableName(let name):
            "names the shell variable \(Self.shownName(name) ?? "NAME") instead of holding its value: kops expands "
                + "${env:\(Self.shownName(name) ?? "NAME")}, not $NAME, so the key would be those \(name.count) characters"
        case .placeholder(let placeholder):
            "is \(placeholder.problem): Kapso signs every delivery with that text as the key, and the receiver, holding the "
                + "real secret, rejects every delivery"
        default: nil
        }
    }

    /// `3 spaces`, `a tab`, `2 spaces and a line feed`: the blanks of `text` by kind, in order of first appearance.
    static func named(_ text: String) -> String {
        var counts: [(name: String, plural: String, count: Int)] = []
        for character in text {
            let (name, plural) = character.isWhitespace || character.unicodeScalars.first.map(isInvisible) != true
                ? kind(character) : kind(character.unicodeScalars.first ?? " ")
            if let index = counts.firstIndex(where: { $0.name == name }) {
                counts[index].count += 1
            } else {
                counts.append((name, plural, 1))
            }
        }
        let parts = counts.map { $0.count == 1 ? "a \($0.name)" : "\($0.count) \($0.plural)" }
        guard parts.count > 1 else { return parts.first ?? "" }
        return parts.dropLast().joined(separator: ", ") + " and " + (parts.last ?? "")
    }

    /// `a space`, `a tab`, `a line feed`, `a carriage return`, `a blank`.
    static func name(_ blank: Character) -> String {
        "a \(kind(blank).name)"
    }

    /// An invisible format character's name: `zero-width space`, `byte order mark (U+FEFF)`.
    private static func kind(_ scalar: Unicode.Scalar) -> (name: String, plural: String) {
        switch scalar.value {
        case 0x200B: ("zero-width space", "zero-width spaces")
        case 0x200C: ("zero-width non-joiner", "zero-width non-joiners")
        case 0x200D: ("zero-width joiner", "zero-width joiners")
        case 0x2060: ("word joiner", "word joiners")
        case 0xFEFF: ("byte order mark (U+FEFF)", "byte order marks (U+FEFF)")
        default:
            scalar.properties.isWhitespace
                ? kind(Character(scalar))
                : ("invisible character (U+\(String(scalar.value, radix: 16, uppercase: true)))", "invisible characters")
        }
    }

    private static func kind(_ blank: Character) -> (name: String, plural: String) {
        switch blank {
        case " ": ("space", "spaces")
        case "\t": ("tab", "tabs")
        case "\n": ("line feed", "line feeds")
        case "\r", "\r\n": ("carriage return", "carriage returns")
        default: ("blank", "blanks")
        }
    }
}
