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
    /// A value with a blank at either end; `problem` says where (`ends with a space`, `starts with a tab`).
    case padded(problem: String)
    /// A value with no blank at either end.
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
        if secret.allSatisfy(\.isWhitespace) {
            self = .blank(blanks: Self.named(secret))
        } else if first.isWhitespace, last.isWhitespace {
            self = .padded(problem: "starts with \(Self.name(first)) and ends with \(Self.name(last))")
        } else if last.isWhitespace {
            self = .padded(problem: "ends with \(Self.name(last))")
        } else if first.isWhitespace {
            self = .padded(problem: "starts with \(Self.name(first))")
        } else {
            self = .set
        }
    }

    /// The state of `webhook`'s `secret_key`.
    public init(_ webhook: Webhook) {
        self.init(webhook.secretKey?.revealed)
    }

    /// True for a key a receiver cannot match as given: empty, blank or padded.
    public var isSuspect: Bool {
        switch self {
        case .empty, .blank, .padded: true
        case .absent, .set: false
        }
    }

    /// `3 spaces`, `a tab`, `2 spaces and a line feed`: the blanks of `text` by kind, in order of first appearance.
    static func named(_ text: String) -> String {
        var counts: [(name: String, plural: String, count: Int)] = []
        for character in text {
            let (name, plural) = kind(character)
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
