public import KapsoClient

// MARK: - An id one copying mistake from a phone-number id

extension IDResolver {
    /// An id that misses phone-number ids of the project by what copying adds or drops, e.g. `0100200300400501` for
    /// `100200300400501` (`with a leading 0`). The one reading behind `errors` (an id in a failed path), `whois` and
    /// `use` (P15-3, P15-10, S17).
    public struct NearMissID: Sendable {
        /// The id as given, e.g. `0100200300400501` or `100200300400501%20`.
        public var id: String
        /// The numbers it misses (several when a cut-off id is the start of more than one), in the API's order.
        public var numbers: [PhoneNumber]
        /// The mistake in words, after the id it misses: `with a leading 0`, `with a trailing space (%20)`,
        /// `with a '+' in front`, `without its last digit`.
        public var miss: String

        /// `0100200300400501 is 100200300400501 with a leading 0: the phone-number id of Support Line (+1 415-555-0100)`,
        /// or for several numbers `10020030040050 is a phone-number id without its last digit: 100200300400501 (Support
        /// Line) or 100200300400502 (Sales Line)`.
        public var statement: String {
            guard numbers.count == 1 else {
                return "\(id) is a phone-number id \(miss): " + IDResolver.choices(numbers)
            }
            return "\(id) is \(numbers[0].id) \(miss): the phone-number id of \(IDResolver.label(numbers[0]))"
        }

        /// `0100200300400501 is 100200300400501 with a leading 0 (Support Line's phone-number id)`, or `10020030040050 is a
        /// phone-number id without its last digit (of Sales Line or Support Line)`.
        public var summary: String {
            guard numbers.count == 1 else {
                let names = numbers.map { $0.name ?? $0.id }
                return "\(id) is a phone-number id \(miss) (of \(names.dropLast().joined(separator: ", ")) or \(names.last ?? ""))"
            }
            return "\(id) is \(numbers[0].id) \(miss) (\(numbers[0].name ?? numbers[0].id)'s phone-number id)"
        }
    }

    /// The phone-number ids of `numbers` that `id` misses by one copying mistake, or several of them together:
    /// whitespace around it, as typed or URL-encoded (`100200300400501%20`, RFC 3986 §2.1: Meta's error quotes the id
    /// with the space); quotes around it (`"100200300400501"` or `%22…%22`: a JSON string put into the path as it is,
    /// probe19 P19-1); a `+` in front (`+100200300400501`, or `%2B`: an id written as a phone number); leading zeros
    /// (`0100200300400501`, a "0"-padded column: Meta's ids never start with 0); its last 1 to 3 digits cut off (a
    /// column too narrow; 12 digits at least, so a short number is never read as one). With `typos`, also a mistyped id
    /// of the same length (`typo`): two adjacent digits swapped, or one digit changed, when exactly one id of `numbers` is
    /// that near (probe17 P17-6). Nil when `id` is one of the ids as it stands, or misses none.
    public static func nearMiss(_ id: String, numbers: [PhoneNumber], typos: Bool = true) -> NearMissID? {
        guard !numbers.contains(where: { $0.id == id }) else { return nil }
        var text = id
        var misses: [String] = []
        if id.contains("%"), let bytes = SignatureCheck.percentDecoded(Array(id.utf8)[...], plusIsSpace: false),
            let decoded = String(validating: bytes, as: UTF8.self), decoded != id
        {
            text = decoded
        }
        // Invisible characters (a zero-width space copied from a chat or web page, a byte-order mark from a file)
        // anywhere in it: `IDInput.cleaned` drops them, an API path keeps them (P21-10).
        let invisible = Array(text.unicodeScalars.filter { SignatureCheck.invisibles[$0] != nil })
        if !invisible.isEmpty {
            misses.append(invisibleMiss(invisible))
            text = IDInput.removingInvisibles(text)
        }
        let stripped = text.trimmingSpaces()
        if stripped != text {
            misses.append(spacesMiss(id, decoded: text))
            text = stripped
        }
        // Quotes around the id (`"100200300400501"`, `%22…%22`, `'…'`): a JSON string or a quoted template variable
        // put into the path as it is (probe19 P19-1). `IDInput.cleaned` drops the same pairs where an id is typed.
        if let inner = unquoted(text) {
            misses.append(quotesMiss(id, quote: text.first ?? "\""))
            text = inner
            let stripped = text.trimmingSpaces()
            if stripped != text {
                misses.append(spacesMiss(id, decoded: text) + " inside them")
                text = stripped
            }
        }
        if text.first == "+" {
            misses.append("a '+' in front" + (id.uppercased().contains("%2B") ? " (%2B)" : ""))
            text.removeFirst()
        }
        // A swap that put a 0 first (`010200300400501`) reads as a leading 0 too: the typo is looked for in both.
        let padded = (text: text, misses: misses)
        if text.count > 1, text.first == "0" {
            let bare = String(text.drop { $0 == "0" })
            let zeros = text.count - bare.count
            misses.append(zeros == 1 ? "a leading 0" : "\(zeros) leading 0s")
            text = bare
        }
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let with = misses.isEmpty ? "" : "with " + list(misses)
        if !misses.isEmpty, let number = numbers.first(where: { $0.id == text }) {
            return NearMissID(id: id, numbers: [number], miss: with)
        }
        let cut = numbers.filter { $0.id.count > text.count && $0.id.count - text.count <= 3 && $0.id.hasPrefix(text) }
        if typos, cut.isEmpty, text.count >= 12 {
            if let (number, typo) = typo(text, numbers: numbers) {
                return NearMissID(id: id, numbers: [number], miss: misses.isEmpty ? "with " + typo : with + " and " + typo)
            }
            if padded.text != text, let (number, typo) = typo(padded.text, numbers: numbers) {
                let with = padded.misses.isEmpty ? "with " : "with " + list(padded.misses) + " and "
                return NearMissID(id: id, numbers: [number], miss: with + typo)
            }
        }
        guard text.count >= 12, let first = cut.first, cut.allSatisfy({ $0.id.count == first.id.count }) else { return nil }
        let missing = first.id.count - text.count
        let without = missing == 1 ? "without its last digit" : "without its last \(missing) digits"
        return NearMissID(id: id, numbers: cut, miss: misses.isEmpty ? without : with + " and " + without)
    }

    /// The one id of `numbers` that `digits` mistypes, and the mistake: `two digits swapped (10 for 01 at digits 14-15)`
    /// (adjacent digits transposed, the commonest slip of typing or copying by hand) or `one digit changed (3 for 1 at
    /// digit 15)`. Nil when no id is that near, or several are (`100200300400503` is one digit from both …501 and …502:
    /// kops does not guess between them), or `digits` is one of them.
    static func typo(_ digits: String, numbers: [PhoneNumber]) -> (PhoneNumber, String)? {
        let typed = Array(digits.utf8)
        var found: [(PhoneNumber, String)] = []
        for number in numbers where !found.contains(where: { $0.0.id == number.id }) {
            let known = Array(number.id.utf8)
            guard known.count == typed.count else { continue }
            let differ = known.indices.filter { known[$0] != typed[$0] }
            let text = { (range: ClosedRange<Int>) in
                (String(decoding: typed[range], as: UTF8.self), String(decoding: known[range], as: UTF8.self))
            }
            if differ.count == 2, differ[1] == differ[0] + 1, typed[differ[0]] == known[differ[1]], typed[differ[1]] == known[differ[0]] {
                let (wrong, right) = text(differ[0]...differ[1])
                found.append((number, "two digits swapped (\(wrong) for \(right) at digits \(differ[0] + 1)-\(differ[1] + 1))"))
            } else if differ.count == 1 {
                let (wrong, right) = text(differ[0]...differ[0])
                found.append((number, "one digit changed (\(wrong) for \(right) at digit \(differ[0] + 1))"))
            }
        }
        return found.count == 1 ? found[0] : nil
    }

    /// The line `whois` and `use` add when an id as pasted read as a phone-number id of the project only once a copying
    /// mistake was dropped: `'100200300400501 ' is 100200300400501 with a trailing space; read as 100200300400501 here,
    /// but an API call with it as pasted fails ('errors' names such calls)`. Nil when `pasted` is the id as it stands, or
    /// misses none, or several.
    public static func pastedNearMissLine(_ pasted: String, numbers: [PhoneNumber]) -> String? {
        guard let miss = nearMiss(pasted, numbers: numbers), miss.numbers.count == 1 else { return nil }
        let id = miss.numbers[0].id
        return "'\(visible(pasted))' is \(id) \(miss.miss); read as \(id) here, but an API call with it as pasted fails "
            + "('errors' names such calls)"
    }

    /// The quote pairs an id comes wrapped in when a JSON string or a quoted variable is pasted into a path: straight,
    /// typographic and back quotes, the pairs `IDInput.cleaned` drops.
    static let quotePairs: [(Character, Character)] = [
        ("\"", "\""), ("'", "'"), ("`", "`"), ("\u{201C}", "\u{201D}"), ("\u{2018}", "\u{2019}"),
    ]

    /// `text` without one pair of quotes around it (`"100200300400501"` → `100200300400501`); nil when it has none.
    static func unquoted(_ text: String) -> String? {
        guard text.count >= 2, let first = text.first, let last = text.last, quotePairs.contains(where: { $0 == (first, last) })
        else { return nil }
        return String(text.dropFirst().dropLast())
    }

    /// `quotes around it (%22)`: the quotes around the id, and their escape when `id` has it URL-encoded.
    private static func quotesMiss(_ id: String, quote: Character) -> String {
        let code = quote == "\"" ? "%22" : quote == "'" ? "%27" : nil
        let written = code.map { id.uppercased().contains($0) ? " (\($0))" : "" } ?? ""
        return "quotes around it" + written
    }

    /// `text` with its invisible characters written as `<U+200B>`, so a line naming them shows where they are.
    static func visible(_ text: String) -> String {
        var shown = ""
        for scalar in text.unicodeScalars {
            if SignatureCheck.invisibles[scalar] != nil { shown += "<\(IDInput.codePoint(scalar))>" } else { shown.unicodeScalars.append(scalar) }
        }
        return shown
    }

    /// `a zero-width space (U+200B)`, `invisible characters (U+200B, U+2060)`.
    private static func invisibleMiss(_ scalars: [Unicode.Scalar]) -> String {
        var codes: [String] = []
        for scalar in scalars where !codes.contains(IDInput.codePoint(scalar)) { codes.append(IDInput.codePoint(scalar)) }
        guard scalars.count == 1, let name = SignatureCheck.invisibles[scalars[0]] else {
            return "invisible characters (\(codes.joined(separator: ", ")))"
        }
        return "a \(name) (\(codes[0]))"
    }

    /// `with a trailing space (%20)`, `with spaces around it`, `with a trailing line feed (%0A)`: the whitespace
    /// `decoded` has around the id, named for what it is (a line end read from a file or `.env` is not a space: P21-3),
    /// and the escapes it was written with in `id`, in the order written.
    private static func spacesMiss(_ id: String, decoded: String) -> String {
        let lead = Array(decoded.unicodeScalars.prefix { $0.properties.isWhitespace })
        let trail = Array(decoded.unicodeScalars.reversed().prefix { $0.properties.isWhitespace }.reversed())
        var codes: [String] = []
        // Only whitespace's escapes: `%22` is the quotes `quotesMiss` names.
        for range in id.ranges(of: "%") {
            let code = String(id[range.lowerBound...].prefix(3)).uppercased()
            if ["%20", "%09", "%0A", "%0D"].contains(code), !codes.contains(code) { codes.append(code) }
        }
        let written = codes.isEmpty ? "" : " (\(codes.joined(separator: ", ")))"
        if lead.isEmpty {
            let what = whitespaceName(trail)
            return (what.hasPrefix("a ") ? "a trailing " + what.dropFirst(2) : what + " after it") + written
        }
        if trail.isEmpty { return whitespaceName(lead) + " before it" + written }
        if (lead + trail).allSatisfy({ $0 == " " }) { return "spaces around it" + written }
        return whitespaceName(lead) + " before it and " + whitespaceName(trail) + " after it" + written
    }

    /// `a space`, `spaces`, `a line feed`, `a carriage return`, `a CRLF line end`, `a tab`, `tabs`, `whitespace`.
    private static func whitespaceName(_ scalars: [Unicode.Scalar]) -> String {
        if scalars == ["\r", "\n"] { return "a CRLF line end" }
        for (scalar, one, many) in [(" ", "a space", "spaces"), ("\n", "a line feed", "line feeds"), ("\t", "a tab", "tabs")]
        where scalars.allSatisfy({ $0 == Unicode.Scalar(scalar) }) {
            return scalars.count == 1 ? one : many
        }
        if scalars == ["\r"] { return "a carriage return" }
        return "whitespace"
    }
}
