// MARK: - A stray tail after an id

extension IDInput {
    /// The id of digits or UUID `text` holds before a tail that copying or encoding added, and the tail in words, e.g.
    /// `100200300400501\n` → `("100200300400501", "a literal '\n' after it (a line break as a JSON string or log line
    /// escapes it)")`, `100200300400501+` → `("100200300400501", "a trailing '+' (a space as form encoding writes it …)")`,
    /// `100200300400501%250A` → `("100200300400501", "'%250A' after it (a line break, percent-encoded twice: …)")`.
    ///
    /// - A backslash escape of a JSON string (`\n`, `\r`, `\t`; RFC 8259 §7), copied out of a JSON document or a log line
    ///   as written, never unescaped (tester51 N3: `whois '100200300400501\n'` got the list of id forms). Shown as typed,
    ///   as `WAMID.damage` and the signing-secret repairs show a literal `\n`.
    /// - A `+` after the id: a trailing space as form encoding writes it ("replaces spaces by plus signs, as required
    ///   for quoting HTML form values", Python's `urllib.parse.quote_plus`; Java's `URLEncoder` and PHP's `urlencode` do
    ///   the same), where a path keeps `+` as it is (RFC 3986 §2.2); tester51b F10: `/v24.0/100200300400501+/messages`
    ///   was "not a phone-number id … nor an id of this project".
    /// - Percent escapes of a space, line break, tab or `+`, once or more (`%0A`; `%250A`, whose `%25` is an encoded `%`:
    ///   a value encoded twice, RFC 3986 §2.4). `%2B` is a literal `+` (RFC 3986 §2.1), never a space: only a `+` as
    ///   written is form encoding's space (tester52b K10).
    /// - After a UUID, anything that cannot continue it (`}`, `%7D`, `.json`: `uuidTail`).
    ///
    /// One rule for every id shape (tester52b K9, K19: the same tail after a webhook or conversation id was not named).
    /// Nil unless what is left is ASCII digits or a UUID (no phone number ends in one, ids of digits are Meta's, UUIDs
    /// Kapso's); a WAMID's damage is `WAMID.damage`'s.
    public static func strayTail(_ text: String) -> (id: String, miss: String)? {
        guard let (id, tail, what) = strayTailParts(text) else { return nil }
        switch tail.first {
        case "\\": return (id, "a literal '\(tail)' after it (\(what))")
        case "+": return (id, (tail.count == 1 ? "a trailing '+'" : "\(tail.count) trailing '+'") + " (\(what))")
        default: return (id, "'\(tail)' after it (\(what))")
        }
    }

    /// `strayTail`'s id, the tail as written (`\n`, `+`, `%250A`) and what it is in words (`a line break as a JSON string
    /// or log line escapes it`), for a reading that words it its own way (`PathArtefact`).
    public static func strayTailParts(_ text: String) -> (id: String, tail: String, what: String)? {
        var rest = Substring(text)
        var escapes = ""
        while let last = rest.last, rest.dropLast().last == "\\", "nrt".contains(last) {
            escapes = "\\" + String(last) + escapes
            rest = rest.dropLast(2)
        }
        let what: String
        if !escapes.isEmpty {
            let kind = escapes.contains("\\t") ? "a tab" : escapes.count > 2 ? "a line end" : "a line break"
            what = "\(kind) as a JSON string or log line escapes it"
        } else if let percent = rest.firstIndex(of: "%"), let (kind, times) = encodedTail(rest[percent...]) {
            rest = rest[..<percent]
            what = kind == "a '+'" && times == 1 ? "a literal '+' percent-encoded: %2B is a '+', never a space"
                : kind + (times == 1 ? ", percent-encoded" : ", percent-encoded \(times == 2 ? "twice" : "\(times) times"): %25 is an encoded '%'")
        } else {
            let pluses = rest.reversed().prefix { $0 == "+" }.count
            guard pluses > 0 else { return uuidTail(text) }
            rest = rest.dropLast(pluses)
            what = "a space as form encoding writes it: Python's quote_plus, Java's URLEncoder, PHP's urlencode"
        }
        guard !rest.isEmpty, rest.allSatisfy({ $0.isASCII && $0.isNumber }) || isUUID(String(rest)) else { return nil }
        return (String(rest), String(text.dropFirst(rest.count)), what)
    }

    /// A UUID followed by what cannot continue it (anything but a hex digit or `-`), e.g. `…8b92}` or `…8b92%7D` (a URL
    /// template's `{id}}`), `…8b92.json`, `…8b92%`: a UUID has a fixed length (RFC 9562 §4), so the rest was copied or
    /// built with it (tester53b U10, U20: read as "no webhook of this project has the id"). A `-` after the twelve digits
    /// of the last group starts a sixth group no UUID has (`…8b92-2`, `…8b92-`: tester54b W2, read as "one digit too
    /// many"). Nil otherwise, and for a space (a value that held two words: `UUIDShape.defect` says so).
    private static func uuidTail(_ text: String) -> (id: String, tail: String, what: String)? {
        let (id, tail) = (String(text.prefix(36)), String(text.dropFirst(36)))
        guard isUUID(id), let first = tail.first, !first.isHexDigit, !first.isWhitespace else { return nil }
        if tail.contains("%"), let bytes = SignatureCheck.percentDecoded(Array(tail.utf8)[...], plusIsSpace: false),
            let decoded = String(validating: bytes, as: UTF8.self), decoded != tail,
            decoded.allSatisfy({ $0.isASCII && ($0.isPunctuation || $0.isSymbol || $0.isLetter || $0.isNumber) })
        {
            return (id, tail, "'\(decoded)', percent-encoded: not part of the id")
        }
        return (id, tail, "not part of the id")
    }

    /// What `tail` (from its first `%`) decodes to, when decoding it (at most three times, while a `%` is left) leaves
    /// only spaces, line breaks, tabs or `+`, and how many times it was encoded; nil otherwise.
    private static func encodedTail(_ tail: Substring) -> (what: String, times: Int)? {
        var text = String(tail)
        var times = 0
        while text.contains("%"), times < 3,
            let bytes = SignatureCheck.percentDecoded(Array(text.utf8)[...], plusIsSpace: false), let decoded = String(validating: bytes, as: UTF8.self)
        {
            text = decoded
            times += 1
        }
        guard times > 0, !text.contains("%"), let first = text.first, text.allSatisfy({ $0 == first }) else { return nil }
        switch first {
        case "\n": return (text.count == 1 ? "a line break" : "line breaks", times)
        case "\r\n": return ("a line end", times)
        case "\r": return ("a carriage return", times)
        case "\t": return ("a tab", times)
        case " ": return (text.count == 1 ? "a space" : "spaces", times)
        case "+": return ("a '+'", times)
        default: return nil
        }
    }
}
