/// Labels that name a secret whatever follows them: `password: hunter2`, `secret=abc123`, `api_key: k1234`,
/// `Authorization=xyz`. After such a label a value is masked however short it is (probe36: a key under 12 characters
/// after `password:` was printed, recorded and bundled), where after a weaker label (`key:`, `credential:`,
/// `SecretLabels.names`) only a key-like value of 12 characters or more is (`SecretLabels.isKeyLike`).
///
/// Left as they are, because they are no value (`isValue`): a word of `nonValues` (`token: none`, `password:
/// required`, `secret: null`, `authorization: pending`), a number alone (`password: 8 characters`), a masked form
/// (`secret: whsec_…23`), an id or cursor `isKeyLike` leaves (a UUID, `eyJ…`, an environment variable's name), and, after
/// `:` and unquoted, a word of letters followed by another word: a sentence (`access token: Session has expired`,
/// Graph's code 190). After `=`, or in quotes (`"password": "letmein"`), a word of letters is a value. `token_type:`,
/// `api_key_id:` and `password_min_length:` end in other words, so they are no strong label.
enum StrongSecretLabels {
    /// The label endings (lower case; ` `, `-` and `_` stand for one another) after which any value is masked.
    static let names: [[UInt8]] = [
        "password", "passwd", "passphrase", "secret", "secret_key", "secretkey", "api_key", "apikey", "token", "authorization",
    ].map { Array($0.utf8) }

    /// Words that stand where a value would and are none (lower case): what an error or a form says of a secret.
    static let nonValues: Set<String> = [
        "none", "null", "nil", "undefined", "empty", "blank", "missing", "required", "optional", "invalid", "incorrect",
        "wrong", "expired", "revoked", "unknown", "unset", "set", "present", "absent", "provided", "hidden", "masked",
        "redacted", "pending", "true", "false", "yes", "no", "not", "never", "must", "is", "was", "should", "cannot",
        "too", "the", "a", "an", "string", "value", "default", "changed", "reset", "valid", "ok",
    ]

    /// Labels ending in `token` that name an id or a cursor, not a credential: a WhatsApp Flow's `flow_token` (the
    /// business's own identifier of a flow session, Meta's "Flows: flow_token"; `flow_token=tok` in a flow reply) and
    /// pagination tokens. After them a value is read as after a weak label (`SecretLabels.isKeyLike`).
    static let cursorLabels: Set<String> = [
        "flow_token", "flowtoken", "page_token", "pagetoken", "next_token", "nexttoken", "next_page_token", "nextpagetoken",
        "continuation_token", "continuationtoken", "sync_token", "pagination_token", "cursor_token",
    ]

    /// Scheme words: after `authorization=` the credential is the word after them (`Bearer abc123`).
    static let schemes: Set<String> = ["bearer", "basic", "token"]

    /// The byte test's question at a word that starts at `start` with no `:` or `=` before it: do only spaces, tabs,
    /// quotes, backslashes and `(` stand between it and the end of a strong label (`apikey X`, `secret "X"`, `the API key
    /// (X)`: `TokenShapes` reads a key-like word there as after a label, probe38 P38-10)? Allocates nothing.
    @inline(__always)
    static func mayLabelBare(_ bytes: UnsafeBufferPointer<UInt8>, word start: Int) -> Bool {
        var index = start
        while index > 0 {
            let byte = bytes[index - 1]
            guard byte == 0x20 || byte == 0x09 || byte == 0x22 || byte == 0x27 || byte == 0x5C || byte == 0x28 else { break }
            index -= 1
        }
        return index < start && endsInName(bytes, before: index)
    }

    /// True when the bytes before `end` (a label's last byte, `end` past it) end in one of `names`, in any ASCII case,
    /// with a space, `-` or `_` matching any of the three (`API key`, `x-api-key`, `SECRET_KEY`). Allocates nothing.
    @inline(__always)
    static func endsInName(_ bytes: UnsafeBufferPointer<UInt8>, before end: Int) -> Bool {
        guard end >= 5 else { return false }
        // The last two bytes first (`rd`, `wd`, `se`, `et`, `ey`, `en`, `on`): most words before a colon end in none.
        let (second, last) = (ByteSearch.fold(bytes[end - 2]), ByteSearch.fold(bytes[end - 1]))
        switch (second, last) {
        case (UInt8(ascii: "r"), UInt8(ascii: "d")), (UInt8(ascii: "w"), UInt8(ascii: "d")), (UInt8(ascii: "s"), UInt8(ascii: "e")),
            (UInt8(ascii: "e"), UInt8(ascii: "t")), (UInt8(ascii: "e"), UInt8(ascii: "y")), (UInt8(ascii: "e"), UInt8(ascii: "n")),
            (UInt8(ascii: "o"), UInt8(ascii: "n")):
            break
        default:
            return false
        }
        return SecretLabels.endsInOne(of: names, bytes, before: end)
    }

    /// The byte test's question at a separator (`:` or `=` at `separator`, or their escape `%3A`/`%3D` starting there,
    /// `width` bytes long): does a strong label end before it and a word start after it? Going back and forward over
    /// spaces, tabs, quotes, backslashes and their escapes, as `SecretLabels.mayLabel` does; false when that word is
    /// kops's own masked form (`isMaskedForm`). Allocates nothing.
    @inline(__always)
    static func mayLabel(_ bytes: UnsafeBufferPointer<UInt8>, separator: Int, width: Int) -> Bool {
        guard endsInName(bytes, before: SecretLabels.skipBack(bytes, from: separator)) else { return false }
        let index = SecretLabels.skipForward(bytes, from: separator + width)
        // A word byte, or one past ASCII (a `Character` the reading may join with what precedes it), unless kops's own
        // masked form stands there (`isMaskedForm`: `secret:    whsec_…23`).
        return index < bytes.count && (bytes[index] >= 0x80 || isWordByte(bytes[index])) && !isMaskedForm(bytes, value: index)
    }

    /// True for a word after a strong label that is a value: see the type's comment. `followedByWord`: a space and a
    /// letter come right after it; `assigned`: its label was followed by `=`, or the value by a quote.
    static func isValue(_ word: String, followedByWord: Bool, assigned: Bool, maskedForm: Bool) -> Bool {
        guard !word.isEmpty else { return false }
        // A key cut to fit (`3f9a8b7c…`) is masked as the whole was; kops's own masked form (`whsec_…23`) is not.
        if SecretLabels.isKeyLike(word) { return true }
        if maskedForm, word.hasSuffix("_") || word.count <= 6 { return false }
        let lower = word.lowercased()
        // An environment variable's name holds a `_` (`KAPSO_API_KEY`); `HUNTER` alone is as likely the secret.
        guard !nonValues.contains(lower), !schemes.contains(lower), !word.hasPrefix("eyJ"), !(word.contains("_") && HistoryPolicy.isEnvironmentName(word)),
            !word.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), !SecretLabels.isUUID(word)
        else { return false }
        let hasDigits = word.utf8.contains { $0 >= 0x30 && $0 <= 0x39 }
        // A word of letters after `:` and before another word is a sentence's (`token: Session has expired`).
        if !hasDigits, followedByWord, !assigned { return false }
        return true
    }

    @inline(__always)
    static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == 0x5F || byte == 0x2D
    }
}

// MARK: - Masked forms

extension StrongSecretLabels {
    /// True when the value starting at `start` (after a strong label's separator) is a masked form as kops prints it
    /// (`SecretMask`: a token prefix, `…`, at most two last characters: `whsec_…23`, `sk_…`, `…34`) and every reading
    /// leaves it: `TokenShapes.maskedByCharacter` takes `…` right after a word for a masked form (`isValue`'s
    /// `maskedForm`) and reads the tail after it with no label, and the other readings find nothing in it. Then the
    /// byte test (`mayLabel`) answers for the label as if it were none: every `webhooks get` shows its secret so
    /// (`secret:    whsec_…23`), and the `Character` readings ran over the whole text for it and changed nothing (78 M
    /// of the 116 M of `scripts/bench`'s replay; docs/performance.md, "Session 41").
    ///
    /// Read from the bytes: the word before `…` (ASCII letters, digits, `_`, `-`; none is a form too, `…34`) has fewer
    /// than `TokenShapes.minimumLength` bytes (so no token and nothing `SecretLabels.isKeyLike`), ends in `_` or has at
    /// most 6 bytes (what `isValue` leaves as a masked form), and runs past no token prefix in any case (`EAAGm0…` is a
    /// Meta token cut to fit, `TokenShapes.isLabelledToken`); `…` is U+2026's bytes, its `Character` alone: an ASCII
    /// byte or the end follows it (a combining mark after it makes another `Character`, which is no masked form); the
    /// tail after it has at most two word bytes (`SecretMask.tailCount`) and no word byte follows (`whsec_…23hunter2`
    /// is no form kops prints, and goes to the full reading). Allocates nothing.
    @inline(never)
    static func isMaskedForm(_ bytes: UnsafeBufferPointer<UInt8>, value start: Int) -> Bool {
        var end = start
        while end < bytes.count, isWordByte(bytes[end]) { end += 1 }
        let length = end - start
        guard length < TokenShapes.minimumLength, end + 2 < bytes.count, bytes[end] == 0xE2, bytes[end + 1] == 0x80,
            bytes[end + 2] == 0xA6
        else { return false }
        var tail = end + 3
        while tail < bytes.count, tail - (end + 3) <= 2, isWordByte(bytes[tail]) { tail += 1 }
        // At most two word bytes, then no word byte; right after `…` an ASCII byte or the end.
        guard tail - (end + 3) <= 2, tail == bytes.count || !isWordByte(bytes[tail]),
            end + 3 == bytes.count || bytes[end + 3] < 0x80
        else { return false }
        guard length > 0 else { return true }
        guard bytes[end - 1] == UInt8(ascii: "_") || length <= 6 else { return false }
        return !ShapedCredentials.startsWithShorterPrefix(bytes, word: start, end: end)
    }
}
