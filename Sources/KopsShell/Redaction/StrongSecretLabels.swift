internal import KapsoDiagnostics

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
        return index < start && (endsInName(bytes, before: index) || endsInScheme(bytes, before: index))
    }

    /// Authorization scheme words a credential follows with no label (`Bearer 3f9a8b7c…`, `Basic dXNlcjpw…`: RFC 9110
    /// §11.4, the `credentials` of an `Authorization` header, pasted without the header's name): the word after one is
    /// read as after a weak label, masked only when it looks like a key (`SecretLabels.isKeyLike`), so prose stays
    /// (`the bearer of the number`, `Basic information`). Before, only a cut echo masked it (`Shortened`, tester59b AG10).
    static let bareSchemes: Set<String> = ["bearer", "basic"]

    /// True when the bytes before `end` are one of `bareSchemes` as a whole word, in any ASCII case: no word byte before
    /// it, or a percent-escape that is no joiner (`%20Bearer`; `%5FBearer` is the word `_Bearer`, as
    /// `TokenShapes.joinerWidth` reads it). Allocates nothing.
    @inline(__always)
    static func endsInScheme(_ bytes: UnsafeBufferPointer<UInt8>, before end: Int) -> Bool {
        guard end >= 5 else { return false }
        let scheme: StaticString
        switch ByteSearch.fold(bytes[end - 1]) {
        case UInt8(ascii: "r"): scheme = "bearer"
        case UInt8(ascii: "c"): scheme = "basic"
        default: return false
        }
        let count = scheme.utf8CodeUnitCount
        guard end >= count, end == count || !isWordByte(bytes[end - count - 1]) || afterEscape(bytes, at: end - count) else { return false }
        return scheme.withUTF8Buffer { name in (0..<count).allSatisfy { ByteSearch.fold(bytes[end - count + $0]) == name[$0] } }
    }

    /// True when a percent-escape other than an escaped `_` or `-` (`%5F`, `%2D`, and `%255F`, `%252D` encoded twice) ends
    /// right before `start`: a boundary, as `TokenShapes.maskedByCharacter` reads one.
    static func afterEscape(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        guard start >= 3, bytes[start - 3] == UInt8(ascii: "%"), let high = ShapedCredentials.hexValue(bytes[start - 2]),
            let low = ShapedCredentials.hexValue(bytes[start - 1])
        else { return false }
        let escaped = high << 4 | low
        return escaped != 0x5F && escaped != 0x2D
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
    /// kops's own masked form (`isMaskedForm`), true when `<redacted>` stands there with more of a value glued after it
    /// (`secret: <redacted>hunter2`: `TokenShapes` masks the whole, `valueSpan`). Allocates nothing.
    @inline(__always)
    static func mayLabel(_ bytes: UnsafeBufferPointer<UInt8>, separator: Int, width: Int) -> Bool {
        guard endsInName(bytes, before: SecretLabels.skipBack(bytes, from: separator)) else { return false }
        var index = SecretLabels.skipForward(bytes, from: separator + width)
        if index < bytes.count, bytes[index] == UInt8(ascii: "<"), isRedactedMark(bytes, at: index) {
            while index < bytes.count, bytes[index] == UInt8(ascii: "<"), isRedactedMark(bytes, at: index) { index += redactedMark.count }
            return index < bytes.count && continuesValue(bytes, at: index)
        }
        // Any byte but a blank or a control may start a value (`password: !Xy9#…`, `"password":"&abc"`: probe45 P45-1),
        // unless kops's own masked form stands there (`isMaskedForm`: `secret:    whsec_…23`).
        return index < bytes.count && bytes[index] > 0x20 && bytes[index] != 0x7F && !isMaskedForm(bytes, value: index)
    }

    /// True for a word after a strong label that is a value: see the type's comment. `followedByWord`: a space and a
    /// letter come right after it; `assigned`: its label was followed by `=`, or the value by a quote.
    /// A word cut by `…`, `•` or a letter past ASCII is read whole before (`TokenShapes.maskedByCharacter`, `valueSpan`):
    /// kops's own masked form is left there, and no word of it comes here.
    static func isValue(_ word: String, followedByWord: Bool, assigned: Bool) -> Bool {
        guard !word.isEmpty else { return false }
        if SecretLabels.isKeyLike(word) { return true }
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
    /// True when the value starting at `start` (after a strong label's separator) is exactly a masked form as kops
    /// prints it (`SecretMask.text`): nothing or a token prefix as issued (`TokenPrefix.all`: `whsec_`, `sk_`, `EAA`,
    /// `kapso_`), `…` (U+2026's bytes, its `Character` alone: an ASCII byte or the end follows it), at most
    /// `SecretMask.tailCount` word bytes, and then the end or an ASCII byte that carries no value on
    /// (`continuesValue`: no word byte, no byte past ASCII, no `%`, no `.` before a word byte, no `<redacted>`):
    /// `whsec_…23`, `sk_…`, `…34`, `EAA…xy`. Every `webhooks get` shows its secret so (`secret:    whsec_…23`).
    ///
    /// Both readings ask this one test: the byte test (`mayLabel`) answers for the label as if it were none (the
    /// `Character` readings ran over the whole text for it and changed nothing: 78 M of the 116 M of `scripts/bench`'s
    /// replay; docs/performance.md, "Session 41"), and `TokenShapes.maskedByCharacter` leaves such a value and masks
    /// any other value that holds `…`, `•` or `<redacted>` whole (`valueSpan`). Text that starts like the form and goes
    /// on (`whsec_…23hunter2`, `EAAGm0…abcdef123`, `…́X` with a combining mark on `…`, `hunter…`, `whsec_…23.x`) is no
    /// form kops prints: session 41 left its tail in clear (the label's reach ended at `…`), session 43 masks it.
    /// Allocates nothing.
    @inline(never)
    static func isMaskedForm(_ bytes: UnsafeBufferPointer<UInt8>, value start: Int) -> Bool {
        var end = start
        while end < bytes.count, isWordByte(bytes[end]) { end += 1 }
        guard end + 2 < bytes.count, bytes[end] == 0xE2, bytes[end + 1] == 0x80, bytes[end + 2] == 0xA6 else { return false }
        guard end == start || isMaskPrefix(bytes, from: start, to: end) else { return false }
        let after = end + 3
        // `…`'s `Character` alone: a combining mark after it makes another `Character`, which is no masked form.
        guard after == bytes.count || bytes[after] < 0x80 else { return false }
        var tail = after
        while tail < bytes.count, tail - after <= SecretMask.tailCount, isWordByte(bytes[tail]) { tail += 1 }
        guard tail - after <= SecretMask.tailCount else { return false }
        return tail == bytes.count || !continuesValue(bytes, at: tail)
    }

    /// True when a value may go on at `index` after a masked form or `<redacted>`, as the `Character` reading takes it
    /// (`valueWidth`, `trimmedEnd`): a word byte, a byte past ASCII, `%`, `<`, or other punctuation unless it is a
    /// sentence's mark, a pair break or a closing bracket before a blank or the end. Never false where the reading goes
    /// on (`MaskedFormByteTestTests`); true in a few places it stops (`/` in a path, a run of marks), which only costs
    /// the reading.
    @inline(__always)
    static func continuesValue(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let byte = bytes[index]
        if byte >= 0x80 || isWordByte(byte) || byte == UInt8(ascii: "%") || byte == UInt8(ascii: "<") { return true }
        if endsValue(byte, inPath: false) { return false }
        let next = index + 1
        guard next == bytes.count || endsValue(bytes[next], inPath: false) else { return true }
        switch byte {
        case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: ";"),
            UInt8(ascii: "&"), UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: ">"):
            return false
        default:
            return true
        }
    }

    /// `<redacted>`, the mark kops writes in place of a secret (`Secret.redactedText`).
    static let redactedMark: [UInt8] = Array("<redacted>".utf8)

    /// True when `<redacted>` starts at `index`.
    static func isRedactedMark(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let mark = redactedMark
        guard bytes.count - index >= mark.count else { return false }
        for offset in 0..<mark.count where bytes[index + offset] != mark[offset] { return false }
        return true
    }

    /// The token prefixes as issued (`TokenPrefix.all`'s text, case kept): the only words `SecretMask` writes before `…`.
    static let maskPrefixes: [[UInt8]] = TokenPrefix.all.map { Array($0.text.utf8) }

    /// True when `bytes[start..<end]` is one of `maskPrefixes`, byte for byte.
    static func isMaskPrefix(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
        maskPrefixes.contains { prefix in
            prefix.count == end - start && prefix.indices.allSatisfy { bytes[start + $0] == prefix[$0] }
        }
    }
}
