public import KopsHTTP

/// How kops shows a credential it must not print (an API key, a Meta token, a webhook's `secret_key`): the scheme
/// prefix it was issued with, when it has one (`TokenPrefix.all`), `…`, and its last two characters when enough
/// stay hidden: `whsec_demo_123` → `whsec_…23`, `mysecret_1234` → `…34`, `abc123` → `…`.
///
/// The one rule for every masked form kops prints (a webhook's `secret` line, secret-named JSON fields in every
/// output mode and in transcripts, `Secret.masked`). A prefix a person typed (`mysecret_`, `prod_hook_`) is part of
/// the secret and is never shown: only the prefixes the token-prefix list names are a scheme (probe11 P11-10).
public enum SecretMask {
    /// How many of the last characters are shown.
    public static let tailCount = 2

    /// The fewest characters after the scheme prefix for which the tail is shown: at most a quarter of them.
    public static let tailMinimum = 8

    /// The masked form of `value` (`Character`s; the prefix compared in its issued case, as `APIKeyShape` does).
    public static func text(_ value: String) -> String {
        // `Bearer <token>` (an `Authorization` value): the scheme word and its space, then the token masked alone.
        let bearer = TokenPrefix.bearer.text + " "
        if value.hasPrefix(bearer), value.count > bearer.count {
            return bearer + text(String(value.dropFirst(bearer.count).drop { $0 == " " }))
        }
        let scheme = TokenPrefix.all.first { prefix in
            value.hasPrefix(prefix.text) && value.count > prefix.text.count && value.count >= prefix.kindMinimumCount
        }
        let prefix = scheme?.text ?? ""
        let body = value.dropFirst(prefix.count)
        let tail = body.count >= tailMinimum ? String(body.suffix(tailCount)) : ""
        return prefix + "…" + tail
    }
}

extension Secret {
    /// The secret as kops shows it (`SecretMask`): `whsec_…23`, `…34`, `…`.
    public var masked: String { SecretMask.text(revealed) }
}

extension SecretMask {
    /// The fewest characters of a secret's start (or end) next to an ellipsis (`opense…`, `…sesame`) that are masked as a
    /// cut copy of it: half the secret, rounded up, at least 3 and at most 8, the run any 8 characters of a secret are
    /// masked by anywhere. A prefix that is most of a short secret is the secret (tester51b F5: a 7-character webhook
    /// secret, which Kapso allows from 1 character, kapso-api.md §3.2, typed as `opense…` showed 6 of its 7); half keeps
    /// a word next to an ellipsis (`open…`, `prod…`) from being masked for a long secret that starts with it. Never
    /// reaches `text`'s own forms: an issued scheme alone (`whsec_…`) is no part of a secret, and 2 last characters are
    /// fewer than 3.
    public static func cutEchoFloor(length: Int) -> Int {
        min(8, max(3, (length + 1) / 2))
    }
}
