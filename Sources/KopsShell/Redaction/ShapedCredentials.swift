/// Credentials a server's text shows that kops never learned, recognised by their shape: a token-shaped word
/// (`TokenShapes`: `EAA…`, `whsec_…`, `sk_…`, `kapso_…`) and the value of a credential-named query parameter in a
/// path without a scheme (`/platform/v1/webhook_deliveries?access_token=EAA…`, an API log's `endpoint`).
///
/// Typed by the user such a token was `<redacted>` everywhere, and a URL with a scheme had its credential parameters
/// masked; the same token in an API log's endpoint, an error message or a key's name went in clear to the terminal,
/// the transcript and the support bundle (probe27 P27-5). Every string the redactor reads goes through this reading,
/// behind a byte test (`mayOccur`) that allocates nothing.
///
/// A credential percent-encoded once is read as the same credential: an escape (`%3D`, `%22`, `%20`) ends a word as
/// the character it stands for does, and `%3D`/`%3A` after a secret name label the word after them (probe29 P29-1,
/// P29-20: `access_token%3DEAA…` in an API log's endpoint was printed, recorded and bundled in clear).
///
/// A webhook URL whose path is its key (Slack, Discord, Make, Zapier, Pipedream: `CapabilityURLs`) has that part masked.
///
/// A message body is the customer's words, and it is read the same way: a token a customer or an agent pasted into a
/// chat is no less a secret in a ticket.
enum ShapedCredentials {
    /// False only where `masked(_:)` would leave the text as it is: no word starts with a token prefix (any ASCII
    /// case) and runs on to `TokenShapes.minimumLength` bytes, or past its prefix right after `=` or `:` (a label, as
    /// `TokenShapes.isLabelledToken` reads it); and no `?` or `&` is followed by a credential name and `=`.
    ///
    /// Words are runs of ASCII letters, digits, `_` and `-`, as `TokenShapes.masked` reads them; a byte past ASCII
    /// ends a word in both readings (a `Character` that is not ASCII ends its word), so each word of the `Character`
    /// reading starts where a word of this one starts and ends no later.
    ///
    /// Each byte's kind comes from one table (`byteKinds`), and the token prefixes are tried only at a word that starts
    /// with one's first letter: trying all six at every word cost about 370 instructions a word, 152 M of the 5.2 MB
    /// of `deliveries --all --output json` (docs/performance.md, "Session 29"). `ShapedCredentialsTests` compares the
    /// answer with the reading that tries them at every word.
    static func mayOccur(in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        mayOccur(in: bytes, colonEndsHeaderOrURL: nil)
    }

    /// `mayOccur(in:)`, or true when a colon in `bytes` ends one of `names` (`Name:` or `"name":`,
    /// `ByteSearch.header`) or follows a URL's scheme whose authority may hold credentials
    /// (`URLCredentialScan.mayHoldCredentials(_:urlAt:)`), in one walk over the bytes: this walk stops at every colon
    /// already, so it asks the header and URL tests there instead of a second walk looking for the colons
    /// (`ByteWords.firstIndex`, 19 M of the 5.2 MB JSON run of `deliveries --all`: docs/performance.md, "Session 32").
    /// `ShapedCredentialsTests` compares the answer with the two asked apart.
    static func mayOccur(in bytes: UnsafeBufferPointer<UInt8>, orColonEndsHeaderOrURL names: HeaderNames) -> Bool {
        mayOccur(in: bytes, colonEndsHeaderOrURL: names)
    }

    /// `mayOccur(in:orColonEndsHeaderOrURL:)` that does not visit the positions of `skipped` (sorted, disjoint; members
    /// of an NDJSON page equal to the member above them, `RepeatedMembers.ranges(in:)`): each reading at a position of
    /// such a member reads that member and the byte on either side of it only, and it answered false at the same
    /// position of the line above, which was visited (or skipped as equal to the one above it). The bytes outside are
    /// read as before, and every reading that starts there reads into a member as before.
    static func mayOccur(
        in bytes: UnsafeBufferPointer<UInt8>, orColonEndsHeaderOrURL names: HeaderNames, skipping skipped: [Range<Int>]
    ) -> Bool {
        var start = 0
        for member in skipped {
            if mayOccur(in: bytes, colonEndsHeaderOrURL: names, from: start, to: member.lowerBound) { return true }
            start = member.upperBound
        }
        return mayOccur(in: bytes, colonEndsHeaderOrURL: names, from: start, to: bytes.count)
    }

    /// The reading at the positions `from..<to` of `bytes` (the first a position the whole reading visits, as the one
    /// after a member's last byte is), with the bytes around them read as they are.
    @inline(__always)
    private static func mayOccur(
        in bytes: UnsafeBufferPointer<UInt8>, colonEndsHeaderOrURL names: HeaderNames?, from start: Int = 0, to stop: Int? = nil
    ) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let count = bytes.count
        let stop = stop ?? count
        // The tables and the shortest prefix are read once: a `static let` read in the loop is a `swift_once` call at each
        // word (1.8 M of the JSON run of `deliveries --all`, docs/performance.md, "Session 36").
        let shortestPrefix = Self.shortestPrefix
        return byteKinds.withUnsafeBufferPointer { kinds in
            secondBytes.withUnsafeBufferPointer { seconds in
                var index = start
                while index < stop {
                    let kind = kinds[Int(base[index])]
                    if kind == 0 {
                        // The bytes no reading stops at (blanks, quotes, most punctuation) in a loop of their own: through
                        // the `switch` of the kinds each cost 16 instructions (0.14 M of the replay's 40.9 M,
                        // docs/performance.md, "Session 69").
                        index += 1
                        while index < stop, kinds[Int(base[index])] == 0 { index += 1 }
                        continue
                    }
                    if kind == queryKind {
                        if credentialNameFollows(bytes, after: index) { return true }
                        index += 1
                        continue
                    }
                    // A percent-escape is a boundary, as `%` alone is, its two hex digits in no word (`access_token%3DEAA…`,
                    // `%22EAA…%22`); an encoded `?` or `&` may start a credential parameter as the plain one does.
                    if kind == percentKind {
                        guard let escaped = escape(bytes, at: index) else {
                            index += 1
                            continue
                        }
                        if escaped == UInt8(ascii: "?") || escaped == UInt8(ascii: "&"), credentialNameFollows(bytes, after: index + 2) {
                            return true
                        }
                        // `%3A%2F%2F`: a URL encoded into the text (`CapabilityURLs.maskedEncoded` reads its hook).
                        if escaped == UInt8(ascii: ":"), CapabilityURLs.encodedSlashesFollow(bytes, colonEscape: index) { return true }
                        // `%253A%252F%252F`: the same encoded twice.
                        if escaped == UInt8(ascii: "%"), CapabilityURLs.twiceEncodedSchemeEndAt(bytes, percentEscape: index) { return true }
                        // `password%3Dhunter2`: a strong label's separator (`StrongSecretLabels`).
                        if escaped == UInt8(ascii: ":") || escaped == UInt8(ascii: "="),
                            StrongSecretLabels.mayLabel(bytes, separator: index, width: 3)
                        {
                            return true
                        }
                        // `whsec%5F…`, `%255F`: an escaped `_` or `-` next to a word joins it (`TokenShapes.joinerWidth`).
                        if joinsWord(bytes, escapeAt: index, escaped: escaped) { return true }
                        index += 3
                        continue
                    }
                    if kind == equalsKind {
                        if StrongSecretLabels.mayLabel(bytes, separator: index, width: 1) { return true }
                        index += 1
                        continue
                    }
                    // A webhook URL that is its own key (`https://hooks.slack.com/services/…/SECRET`, `CapabilityURLs`).
                    if kind == colonKind {
                        if let names, ByteSearch.header(names, endsBefore: index, in: bytes) { return true }
                        // `password: hunter2`: a value of any length after a strong label (`StrongSecretLabels`).
                        if StrongSecretLabels.mayLabel(bytes, separator: index, width: 1) { return true }
                        // Both URL tests answer false unless `//` follows the colon (most colons in JSON end a key).
                        if index + 2 < count, base[index + 1] == slash, base[index + 2] == slash {
                            if CapabilityURLs.mayFollow(bytes, colon: index) { return true }
                            if names != nil, URLCredentialScan.mayHoldCredentials(bytes, urlAt: index) { return true }
                        }
                        index += 1
                        continue
                    }
                    var end = index + 1
                    while end < count, kinds[Int(base[end])] & wordKind != 0 { end += 1 }
                    // Only a word long enough to be a token, or labelled and longer than the shortest prefix, can be one:
                    // the prefixes are not compared at the many short words (`status`, `event`, `body`).
                    let length = end - index
                    // A key after a label (`API key: 3f9a…`, `"client_secret": "…"`), whatever its shape (`SecretLabels`).
                    if length >= SecretLabels.minimumValueLength,
                        SecretLabels.mayLabel(bytes, word: index) || StrongSecretLabels.mayLabelBare(bytes, word: index)
                    {
                        return true
                    }
                    // The last label of a host written without a scheme (`hooks.slack.com/services/…`: `SchemelessURLs`).
                    if end < count, index > 0, base[index - 1] == dot, base[end] == slash || base[end] == percent,
                        SchemelessURLs.mayEndHost(bytes, label: index, end: end)
                    {
                        return true
                    }
                    if kind == prefixStartKind {
                        if length > shortestPrefix {
                            let labelled = index > 0 && (base[index - 1] == UInt8(ascii: "=") || base[index - 1] == UInt8(ascii: ":"))
                                || (index >= 3 && base[index - 3] == UInt8(ascii: "%") && base[index - 2] == UInt8(ascii: "3"))
                            // A word of lower-case hex and `-` (a UUID: `eaa16ffb-…`) is no prefix's token unless labelled,
                            // as `TokenShapes.isToken` reads it (`isLowercaseHex`).
                            if length >= TokenShapes.minimumLength || labelled,
                                labelled || !TokenShapes.isLowercaseHex(UnsafeBufferPointer(rebasing: bytes[index..<end])),
                                let prefix = prefixLength(bytes, at: index, seconds: seconds),
                                length >= TokenShapes.minimumLength || (labelled && length > prefix)
                            {
                                return true
                            }
                        }
                        // A JWT's first part or SendGrid's `SG` before a dot (`DottedTokens`).
                        if DottedTokens.mayStart(bytes, word: index, end: end) { return true }
                    }
                    index = end
                }
                return false
            }
        }
    }

    /// A byte's kind for `mayOccur`: `wordKind` for a word byte (`isWordByte`), `prefixStartKind` for one that is also
    /// the first letter of a token prefix or of a dotted token (`DottedTokens.firstBytes`) in either case, `queryKind` for `?` and `&`, `percentKind` for `%`, `colonKind` for `:`, `equalsKind` for `=`, 0 for every other byte.
    private static let byteKinds: [UInt8] = (0...255).map { value -> UInt8 in
        let byte = UInt8(value)
        if byte == UInt8(ascii: "?") || byte == UInt8(ascii: "&") { return queryKind }
        if byte == UInt8(ascii: "%") { return percentKind }
        if byte == UInt8(ascii: ":") { return colonKind }
        if byte == UInt8(ascii: "=") { return equalsKind }
        guard isWordByte(byte) else { return 0 }
        let folded = ByteSearch.fold(byte)
        return prefixes.contains { $0.first == folded } || DottedTokens.firstBytes.contains(folded) ? prefixStartKind : wordKind
    }
    private static let wordKind: UInt8 = 1
    private static let prefixStartKind: UInt8 = 3
    private static let queryKind: UInt8 = 4
    private static let percentKind: UInt8 = 8
    private static let colonKind: UInt8 = 16
    private static let equalsKind: UInt8 = 32
    private static let slash = UInt8(ascii: "/")
    private static let dot = UInt8(ascii: ".")
    private static let percent = UInt8(ascii: "%")

    /// True when the escape at `index` (standing for `escaped`) is an escaped `_` or `-`, once (`%5F`) or twice (`%255F`)
    /// encoded, with a word byte (or a byte past ASCII) right before it or right after it: where `TokenShapes` joins
    /// the word across it.
    @inline(__always)
    static func joinsWord(_ bytes: UnsafeBufferPointer<UInt8>, escapeAt index: Int, escaped: UInt8) -> Bool {
        var width = 3
        if escaped != UInt8(ascii: "_") && escaped != UInt8(ascii: "-") {
            guard escaped == UInt8(ascii: "%"), let twice = escape(bytes, at: index + 2),
                twice == UInt8(ascii: "_") || twice == UInt8(ascii: "-")
            else { return false }
            width = 5
        }
        func joins(_ byte: UInt8) -> Bool { byte >= 0x80 || isWordByte(byte) || byte == UInt8(ascii: "%") }
        return (index > 0 && joins(bytes[index - 1])) || (index + width < bytes.count && joins(bytes[index + width]))
    }

    /// `text` with every token-shaped word (`TokenShapes.masked`) and every credential query parameter's value
    /// replaced by `<redacted>`; `except` (a secret the user asked to see) stays as it is.
    static func masked(_ text: String, except revealed: String? = nil) -> String {
        var bytes = text
        guard bytes.withUTF8({ mayOccur(in: $0) }) else { return text }
        let queries = maskedQueryValues(CapabilityURLs.masked(CapabilityURLs.maskedEncoded(text)))
        guard let revealed, queries.contains(revealed) else { return TokenShapes.maskedByCharacter(queries) }
        // The revealed secret is kept whole: the text around it is read on its own.
        return queries.split(separator: revealed, omittingEmptySubsequences: false)
            .map { TokenShapes.maskedByCharacter(maskedQueryValues(String($0))) }.joined(separator: revealed)
    }

    /// `masked(_:)` without its byte test in front: the reading `mayOccur` must agree with (`ShapedCredentialsTests`).
    static func maskedWithoutByteTest(_ text: String) -> String {
        TokenShapes.maskedByCharacter(maskedQueryValues(CapabilityURLs.masked(CapabilityURLs.maskedEncoded(text))))
    }

    /// `text` with the value of each `name=value` pair after a `?` or `&` whose name is a credential
    /// (`CredentialParameters`) replaced by `<redacted>`. A value ends at `&`, `#`, whitespace, a quote, `<`, `>`, a
    /// backtick or a comma (where `Redactor.maskURLCredentials` ends a URL); one masked already is left.
    ///
    /// The same pair percent-encoded once (`%3Faccess_token%3DEAA…`, `?access_token%3D…`: an endpoint that carries
    /// a redirect URL) is read alike, its value ending at the next `%` too (probe29 P29-1).
    static func maskedQueryValues(_ text: String) -> String {
        var characters = Array(text)
        var index = 0
        while index < characters.count {
            let separator = characters[index] == "?" || characters[index] == "&" ? 1 : escaped(characters, at: index, oneOf: "?&") ? 3 : 0
            guard separator > 0 else {
                index += 1
                continue
            }
            var equals = index + separator
            while equals < characters.count, let ascii = characters[equals].asciiValue, isNameByte(ascii) { equals += 1 }
            let assignment = equals < characters.count && characters[equals] == "=" ? 1 : escaped(characters, at: equals, oneOf: "=") ? 3 : 0
            guard assignment > 0, equals > index + separator,
                CredentialParameters.isCredential(name: String(characters[(index + separator)..<equals]))
            else {
                index += 1
                continue
            }
            let encoded = separator == 3 || assignment == 3
            let start = equals + assignment
            var end = start
            while end < characters.count, !valueEnds.contains(characters[end]), !(encoded && characters[end] == "%") { end += 1 }
            // Punctuation before the text's end or a space is the sentence's (`URLSpans.sentenceEnds`, probe40 P40-3).
            if end == characters.count || !"&#".contains(characters[end]) { end -= URLSpans.trailingPunctuation(characters[start..<end]) }
            let value = String(characters[start..<end])
            if !value.isEmpty, value != "<redacted>", value != "<redacted>;", !CredentialParameters.isTemplatePlaceholder(value) {
                characters.replaceSubrange(start..<end, with: Array("<redacted>"))
                end = start + "<redacted>".count
            }
            index = end
        }
        return String(characters)
    }

    /// The byte a percent-escape at `index` stands for (`%3D` → `=`), nil when `%` and two hex digits are not there.
    @inline(__always)
    static func escape(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt8? {
        guard index + 2 < bytes.count, let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) else { return nil }
        return high << 4 | low
    }

    /// True when `%` and two hex digits at `index` encode one of `bytes` (`%3D`, `%3d` for `=`).
    static func escaped(_ characters: [Character], at index: Int, oneOf bytes: String) -> Bool {
        guard index + 2 < characters.count, characters[index] == "%", let high = characters[index + 1].asciiValue.flatMap(hexValue),
            let low = characters[index + 2].asciiValue.flatMap(hexValue)
        else { return false }
        return bytes.utf8.contains(high << 4 | low)
    }

    @inline(__always)
    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x37
        case 0x61...0x66: byte - 0x57
        default: nil
        }
    }

    private static let valueEnds: Set<Character> = ["&", "#", " ", "\t", "\n", "\r", "\"", "'", "<", ">", "`", ","]

    /// `TokenPrefix.all` lower-cased as bytes (each is ASCII, so `ByteSearch.fold` matches any case).
    private static let prefixes = HistoryPolicy.tokenPrefixes.map { Array($0.utf8) }
    /// The fewest bytes of a token prefix (`EAA`, `sk_`).
    private static let shortestPrefix = prefixes.map(\.count).min() ?? 0

    /// The length of the token prefix that starts at `index`, in any ASCII case; nil when none does. Also the typed-line
    /// test's (`Redactor.mayShowSecret(typedLine:)`).
    ///
    /// The first two bytes are looked up before any prefix is compared (`secondBytes`): the first letters of the
    /// prefixes (`a`, `d`, `h`, `n`, `p`, `r` since session 34's `AIza`, `dop_v1_`, `hf_`, `npm_`, `pypi-`, `rk_`) start
    /// most words of a JSON page (`attempt_count`, `delivered_at`, `phone_number_id`, `response_status`, a UUID's
    /// `a1c2e3f4-…`), and comparing every prefix there cost 29.6 M of the 5.2 MB `deliveries --all --output json`
    /// (docs/performance.md, "Session 36"). Then only the prefixes with that first letter are compared
    /// (`prefixesByFirst`). `ShapedCredentialsTests.thePrefixLengthIsTryingEveryPrefix` compares the answer with
    /// every prefix tried at every position.
    static func prefixLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        secondBytes.withUnsafeBufferPointer { prefixLength(bytes, at: index, seconds: $0) }
    }

    /// `prefixLength(_:at:)` with `secondBytes` at hand.
    @inline(__always)
    private static func prefixLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, seconds: UnsafeBufferPointer<UInt64>) -> Int? {
        // Every prefix has at least two bytes (`shortestPrefix`), so one that starts at the last byte is none.
        guard index + 1 < bytes.count, seconds[Int(bytes[index])] >> (ByteSearch.fold(bytes[index + 1]) & 63) & 1 != 0 else {
            return nil
        }
        return comparedPrefixLength(bytes, at: index)
    }

    /// `prefixLength` past its two-byte test: each prefix whose first byte is `bytes[index]`'s, compared in any case.
    private static func comparedPrefixLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        for prefix in prefixesByFirst[Int(bytes[index])] where bytes.count - index >= prefix.count {
            var offset = 1
            while offset < prefix.count, ByteSearch.fold(bytes[index + offset]) == prefix[offset] { offset += 1 }
            if offset == prefix.count { return prefix.count }
        }
        return nil
    }

    /// True when the word `bytes[start..<end]` starts with a token prefix in any ASCII case and runs on past it
    /// (`EAAGm0`, `sk_live`): where `TokenShapes.isLabelledToken` may read a token after a label. Any prefix, not the
    /// first one found as `prefixLength` answers. Allocates nothing.
    static func startsWithShorterPrefix(_ bytes: UnsafeBufferPointer<UInt8>, word start: Int, end: Int) -> Bool {
        prefixes.contains { prefix in
            prefix.count < end - start && prefix.indices.allSatisfy { ByteSearch.fold(bytes[start + $0]) == prefix[$0] }
        }
    }

    /// For each byte value, a bit for each second byte a prefix starting with it (in either case) has: bit
    /// `fold(second) & 63`. Bytes that share the low six bits share a bit (`p` and `0`), so the test may answer true for a
    /// pair no prefix starts with, never false for one that does.
    private static let secondBytes: [UInt64] = {
        precondition(shortestPrefix >= 2, "prefixLength reads two bytes before comparing a prefix")
        var masks = [UInt64](repeating: 0, count: 256)
        for prefix in prefixes {
            let bit: UInt64 = 1 << (UInt64(ByteSearch.fold(prefix[1])) & 63)
            masks[Int(prefix[0])] |= bit
            masks[Int(upperCased(prefix[0]))] |= bit
        }
        return masks
    }()

    /// For each byte value, the prefixes (lower case) that start with it in either case, in `prefixes`' order.
    private static let prefixesByFirst: [[[UInt8]]] = (0...255).map { value in
        prefixes.filter { ByteSearch.fold(UInt8(value)) == $0[0] }
    }

    private static func upperCased(_ byte: UInt8) -> UInt8 { byte >= 0x61 && byte <= 0x7A ? byte - 32 : byte }

    /// True when the bytes after `index` are a credential parameter's name (`CredentialParameters`) and `=`.
    static func credentialNameFollows(_ bytes: UnsafeBufferPointer<UInt8>, after index: Int) -> Bool {
        var equals = index + 1
        while equals < bytes.count, isNameByte(bytes[equals]) { equals += 1 }
        guard equals < bytes.count, equals > index + 1, bytes[equals] == UInt8(ascii: "=") || escape(bytes, at: equals) == UInt8(ascii: "=")
        else { return false }
        return CredentialParameters.isCredential(UnsafeBufferPointer(rebasing: bytes[(index + 1)..<equals]))
    }

    /// A byte of a word as `TokenShapes.masked` reads words: an ASCII letter or digit, `_` or `-`.
    @inline(__always)
    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == 0x5F || byte == 0x2D
    }

    /// A byte of a query parameter's name: a word byte or `.` (`x.api.key`).
    @inline(__always)
    private static func isNameByte(_ byte: UInt8) -> Bool { isWordByte(byte) || byte == 0x2E }
}
