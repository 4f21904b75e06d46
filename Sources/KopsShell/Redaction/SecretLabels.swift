/// A key a server's text names by a label, whatever its shape: `Invalid API key: 3f9a8b7c…` (64 hex digits),
/// `"client_secret": "5f4dcc3b…"`, `token=Zx9qLm0…`. Many providers issue keys of plain hex or base62, which no token
/// prefix marks (`TokenShapes`), and hex is the shape kops prints in clear as an id; the label is what says it is a
/// key (probe34 P34-5: such a key in an API log's `error_message` was shown by `logs` and `errors` and recorded, while
/// the same line's `kapso_live_…` and `?password=` were `<redacted>`). After a strong label (`password`, `secret`,
/// `api_key`, `token`, `authorization`: `StrongSecretLabels`) a value of any length is masked.
///
/// A label is a word ending in one of `names` (`key`, `API key`, `x-api-key`, `apiKey`, `verify_token`, `Password`),
/// then `:` or `=` (or `%3A`/`%3D`), with spaces, tabs, quotes or backslashes around the separator (`"api_key": "…"`).
/// The word after it is masked when it looks like a key (`isKeyLike`): 12 characters or more (`TokenShapes.minimumLength`)
/// mixing letters and digits, or letter cases as a random run does. Left alone: the ids kops prints, which a label may
/// precede too (`idempotency_key: <UUID>`, `key: 100200300400501`): a UUID (Kapso's webhook, conversation and API key
/// ids: the key's id is what `logs` shows as `api_key_id`), a number (phone-number and WABA ids), a word starting `eyJ`
/// (a Kapso cursor, base64 JSON; a JWT is `DottedTokens`'), an environment variable's name; and labels naming an id
/// (`api_key_id:`, `key_name:` end in other words). A value under 12 characters after a weaker label (`key:`,
/// `credential:`) is left too: a word that short after `key:` is as often a word (`key: missing`).
enum SecretLabels {
    /// The endings (lower case) that make a word a label.
    static let names: [[UInt8]] = [
        "key", "token", "secret", "password", "passwd", "pwd", "passphrase", "credential", "credentials", "authorization",
    ].map { Array($0.utf8) }

    /// The fewest characters of a value masked after a label.
    static let minimumValueLength = TokenShapes.minimumLength

    /// True when `word` (letters, digits, `_`, `-`) ends in one of `names`, in any ASCII case.
    static func isLabel(_ word: String) -> Bool {
        var word = word
        return word.withUTF8 { endsInName($0, before: $0.count) }
    }

    /// True for a word after a label that `TokenShapes.maskedByCharacter` masks: see the type's comment.
    static func isKeyLike(_ word: String) -> Bool {
        guard word.utf8.count >= minimumValueLength, !word.hasPrefix("eyJ"), !HistoryPolicy.isEnvironmentName(word),
            !isUUID(word), !word.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), !isTimeHead(word)
        else { return false }
        let hasDigits = word.utf8.contains { $0 >= 0x30 && $0 <= 0x39 }
        let hasLetters = word.utf8.contains { $0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A }
        if hasDigits && hasLetters { return true }
        // Letters only: a random run changes case often (`QmFzZTY0S2V5`), a word (`InvalidSignature`) seldom.
        let (changes, length) = HistoryPolicy.classChanges(word)
        return hasLetters && changes >= max(4, length / 4)
    }

    /// The byte test's question at a word that starts at `start` (`ShapedCredentials.mayOccur`): is it after a label?
    /// True when, going back from `start` over spaces, tabs, quotes, backslashes and their escapes (`%20`, `%22`, `%27`,
    /// `%5C`), a `:` or `=` (or `%3A`, `%3D`) is found, and, going back from it over the same, a word ending in one of
    /// `names`. Allocates nothing; asked only at words of `minimumValueLength` bytes or more.
    ///
    /// A JSON member's value or key is answered from the few bytes before it (`jsonMemberAnswer`), without the walk.
    @inline(__always)
    static func mayLabel(_ bytes: UnsafeBufferPointer<UInt8>, word start: Int) -> Bool {
        if let answer = jsonMemberAnswer(bytes, word: start) { return answer }
        return mayLabelWalkingBack(bytes, word: start)
    }

    /// `mayLabel(_:word:)`'s answer where the bytes just before `start` decide it, nil where the walk back must:
    /// - after `"` and one of `,` `{` `[` (a JSON key or an array's string: `,"phone_number_id"`): false, no separator
    ///   stands there;
    /// - after `":"` with a byte before it that the walk back stops at (a JSON member's value: `"webhook_id":"7c1e…"`):
    ///   whether the bytes before that `":"` end in one of `names`.
    /// Every long word of a JSON page is one or the other, and the walk back, byte by byte and over two escapes, cost 7.7 M
    /// of the 5.2 MB of `deliveries --all --output json` (docs/performance.md, "Session 37"). `SecretLabelScanTests`
    /// compares `mayLabel` with `mayLabelWalkingBack` at every position of random texts.
    @inline(__always)
    static func jsonMemberAnswer(_ bytes: UnsafeBufferPointer<UInt8>, word start: Int) -> Bool? {
        guard start >= 4, bytes[start - 1] == quote else { return nil }
        let before = bytes[start - 2]
        // Neither a separator nor the end of an escape (`%3A`, `%22`), so the walk stops at it and finds no separator.
        if before == UInt8(ascii: ",") || before == UInt8(ascii: "{") || before == UInt8(ascii: "[") { return false }
        guard before == colon, bytes[start - 3] == quote else { return nil }
        // The walk back from the colon steps over the quote and stops at `last`, unless `last` is a byte it steps over or
        // ends an escape it steps over (`%5C`).
        let last = bytes[start - 4]
        if last == space || last == tab || last == quote || last == apostrophe || last == backslash { return nil }
        if start >= 6, bytes[start - 6] == percent, isSkippedEscape(bytes[start - 5], last) { return nil }
        return endsInName(bytes, before: start - 3)
    }

    /// `mayLabel(_:word:)` read by walking back from `start` byte by byte, as the type's comment says: the reading
    /// `jsonMemberAnswer` must agree with.
    @inline(__always)
    static func mayLabelWalkingBack(_ bytes: UnsafeBufferPointer<UInt8>, word start: Int) -> Bool {
        var index = skipBack(bytes, from: start)
        if index > 0, bytes[index - 1] == colon || bytes[index - 1] == equals {
            index -= 1
        } else if index >= 3, bytes[index - 3] == percent, bytes[index - 2] == UInt8(ascii: "3"),
            ByteSearch.fold(bytes[index - 1]) == UInt8(ascii: "a") || ByteSearch.fold(bytes[index - 1]) == UInt8(ascii: "d")
        {
            index -= 3
        } else {
            return false
        }
        return endsInName(bytes, before: skipBack(bytes, from: index))
    }

    /// `index` moved back over the bytes that may stand between a label, its separator and its value.
    @inline(__always)
    static func skipBack(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int) -> Int {
        var index = index
        while index > 0 {
            let byte = bytes[index - 1]
            if byte == space || byte == tab || byte == quote || byte == apostrophe || byte == backslash {
                index -= 1
            } else if index >= 3, bytes[index - 3] == percent, isSkippedEscape(bytes[index - 2], byte) {
                index -= 3
            } else {
                break
            }
        }
        return index
    }

    /// True when the two hex digits of an escape stand for a space, a quote or a backslash (`20`, `22`, `27`, `5C`).
    @inline(__always)
    static func isSkippedEscape(_ high: UInt8, _ low: UInt8) -> Bool {
        let low = ByteSearch.fold(low)
        if high == UInt8(ascii: "2") { return low == UInt8(ascii: "0") || low == UInt8(ascii: "2") || low == UInt8(ascii: "7") }
        return high == UInt8(ascii: "5") && low == UInt8(ascii: "c")
    }

    /// True when the bytes before `end` end in one of `names`, in any ASCII case.
    @inline(__always)
    private static func endsInName(_ bytes: UnsafeBufferPointer<UInt8>, before end: Int) -> Bool {
        guard end >= 3, endsLikeAName(ByteSearch.fold(bytes[end - 2]), ByteSearch.fold(bytes[end - 1])) else { return false }
        return endsInOne(of: names, bytes, before: end)
    }

    /// True when the bytes before `end` end in one of `names` (lower case), in any ASCII case, a `_` of a name matching
    /// a `_`, a space or a `-` (`API key`, `x-api-key`, `SECRET_KEY` for `api_key`, `secret_key`): the one walk of
    /// `names` here and of `StrongSecretLabels.names`. Allocates nothing.
    @inline(__always)
    static func endsInOne(of names: [[UInt8]], _ bytes: UnsafeBufferPointer<UInt8>, before end: Int) -> Bool {
        for name in names where end >= name.count {
            // From the end: `id` (most JSON keys before a UUID) differs from `password` at its second-last byte.
            var offset = name.count - 1
            while offset >= 0 {
                let byte = ByteSearch.fold(bytes[end - name.count + offset])
                let expected = name[offset]
                if expected == underscore {
                    guard byte == underscore || byte == space || byte == hyphen else { break }
                } else if byte != expected {
                    break
                }
                offset -= 1
            }
            if offset < 0 { return true }
        }
        return false
    }

    /// `index` moved forward over the bytes that may stand between a separator and its value: `skipBack`'s, the other way.
    @inline(__always)
    static func skipForward(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int) -> Int {
        var index = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == space || byte == tab || byte == quote || byte == apostrophe || byte == backslash {
                index += 1
            } else if byte == percent, index + 2 < bytes.count, isSkippedEscape(bytes[index + 1], bytes[index + 2]) {
                index += 3
            } else {
                break
            }
        }
        return index
    }

    /// Whether two bytes (lower case) end one of `names`: most words before a colon end in none (`_id`, `_at`, `url`,
    /// `status`), and the byte test asks no further. Compared in code, not read from a table: a static table costs a
    /// `swift_once` check at every word of the byte test (docs/performance.md, "Session 36"). `SecretLabelsTests`
    /// checks the pairs against `names`.
    @inline(__always)
    static func endsLikeAName(_ second: UInt8, _ last: UInt8) -> Bool {
        switch (second, last) {
        case (UInt8(ascii: "e"), UInt8(ascii: "y")), (UInt8(ascii: "e"), UInt8(ascii: "n")), (UInt8(ascii: "e"), UInt8(ascii: "t")),
            (UInt8(ascii: "r"), UInt8(ascii: "d")), (UInt8(ascii: "w"), UInt8(ascii: "d")), (UInt8(ascii: "s"), UInt8(ascii: "e")),
            (UInt8(ascii: "a"), UInt8(ascii: "l")), (UInt8(ascii: "l"), UInt8(ascii: "s")), (UInt8(ascii: "o"), UInt8(ascii: "n")):
            return true
        default:
            return false
        }
    }

    /// True for the word an ISO 8601 time starts with, up to its first `:` (`2026-11-21T11` of `2026-11-21T11:50:00Z`):
    /// what kops prints in every FIRST and LAST column and a log line starts with, never a key (tester50 F1).
    static func isTimeHead(_ word: String) -> Bool {
        let bytes = Array(word.utf8)
        guard bytes.count == 13 else { return false }
        return bytes.enumerated().allSatisfy { offset, byte in
            switch offset {
            case 4, 7: byte == UInt8(ascii: "-")
            case 10: byte == UInt8(ascii: "T")
            default: byte >= 0x30 && byte <= 0x39
            }
        }
    }

    static func isUUID(_ word: String) -> Bool {
        let parts = word.split(separator: "-", omittingEmptySubsequences: false)
        return parts.map(\.count) == [8, 4, 4, 4, 12] && parts.allSatisfy { $0.allSatisfy(\.isHexDigit) }
    }

    private static let colon = UInt8(ascii: ":")
    private static let equals = UInt8(ascii: "=")
    private static let percent = UInt8(ascii: "%")
    private static let space = UInt8(ascii: " ")
    private static let tab = UInt8(ascii: "\t")
    private static let quote = UInt8(ascii: "\"")
    private static let apostrophe = UInt8(ascii: "'")
    private static let backslash = UInt8(ascii: "\\")
    private static let underscore = UInt8(ascii: "_")
    private static let hyphen = UInt8(ascii: "-")
}
