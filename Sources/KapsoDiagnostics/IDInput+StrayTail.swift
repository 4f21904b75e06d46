// MARK: - A stray tail after an id of digits

extension IDInput {
    /// The id of digits `text` holds before a tail that copying or encoding added, and the tail in words, e.g.
    /// `100200300400501\n` → `("100200300400501", "a literal '\n' after it (a line break as a JSON string or log line
    /// escapes it)")`, `100200300400501+` → `("100200300400501", "a trailing '+' (a space as form encoding writes it …)")`.
    ///
    /// - A backslash escape of a JSON string (`\n`, `\r`, `\t`; RFC 8259 §7), copied out of a JSON document or a log line
    ///   as written, never unescaped (tester51 N3: `whois '100200300400501\n'` got the list of id forms). Shown as typed,
    ///   as `WAMID.damage` and the signing-secret repairs show a literal `\n`.
    /// - A `+` after the digits: a trailing space as form encoding writes it ("replaces spaces by plus signs, as required
    ///   for quoting HTML form values", Python's `urllib.parse.quote_plus`; Java's `URLEncoder` and PHP's `urlencode` do
    ///   the same), where a path keeps `+` as it is (RFC 3986 §2.2); tester51b F10: `/v24.0/100200300400501+/messages`
    ///   was "not a phone-number id … nor an id of this project".
    ///
    /// Nil unless what is left is ASCII digits (no phone number ends in either, and ids of digits are Meta's).
    public static func strayTail(_ text: String) -> (id: String, miss: String)? {
        var rest = Substring(text)
        var escapes = ""
        while let last = rest.last, rest.dropLast().last == "\\", "nrt".contains(last) {
            escapes = "\\" + String(last) + escapes
            rest = rest.dropLast(2)
        }
        var miss: String
        if !escapes.isEmpty {
            let what = escapes.contains("\\t") ? "a tab" : escapes.count > 2 ? "a line end" : "a line break"
            miss = "a literal '\(escapes)' after it (\(what) as a JSON string or log line escapes it)"
        } else {
            let pluses = rest.reversed().prefix { $0 == "+" }.count
            guard pluses > 0 else { return nil }
            rest = rest.dropLast(pluses)
            miss = (pluses == 1 ? "a trailing '+'" : "\(pluses) trailing '+'") + " (a space as form encoding writes it: "
                + "Python's quote_plus, Java's URLEncoder, PHP's urlencode)"
        }
        guard !rest.isEmpty, rest.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return (String(rest), miss)
    }
}
