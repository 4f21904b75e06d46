public import KapsoClient

// MARK: - An id one copying mistake from a phone-number id

extension IDResolver {
    /// An id that misses ids of the project by what copying adds or drops, e.g. `0100200300400501` for the phone-number id
    /// `100200300400501` (`with a leading 0`), or `200300400500601%0A` for the WABA id `200300400500601`. The one reading
    /// behind `errors` (an id in a failed path, read for the kind its slot takes: `slotNearMiss`), `whois` and `use`
    /// (P15-3, P15-10, S17, probe21 P21-9).
    public struct NearMissID: Sendable {
        /// The kind of id missed: what the path's slot takes, and what `whois` names.
        public enum Kind: Sendable {
            case phoneNumberID, wabaID
        }

        /// The id as given, e.g. `0100200300400501` or `100200300400501%20`.
        public var id: String
        public var kind: Kind
        /// The project's ids it misses (several when a cut-off id is the start of more than one), in the API's order.
        public var ids: [String]
        /// The numbers it points to: the numbers it misses, or the numbers under the WABAs it misses, in the API's order.
        public var numbers: [PhoneNumber]
        /// The mistake in words, after the id it misses: `with a leading 0`, `with a trailing space (%20)`,
        /// `with a '+' in front`, `without its last digit`.
        public var miss: String
        /// True when `id` is several ids joined (`100200300400501,100200300400502`, `joinedIDs`): `miss` then says how
        /// (`two ids joined by ','`) and `numbers` are the project's among them.
        public var joined = false

        public init(id: String, kind: Kind = .phoneNumberID, ids: [String]? = nil, numbers: [PhoneNumber], miss: String, joined: Bool = false) {
            self.id = id
            self.kind = kind
            self.ids = ids ?? numbers.map(\.id)
            self.numbers = numbers
            self.miss = miss
            self.joined = joined
        }

        /// `0100200300400501 is 100200300400501 with a leading 0: the phone-number id of Support Line (+1 415-555-0100)`,
        /// or for several numbers `10020030040050 is a phone-number id without its last digit: 100200300400501 (Support
        /// Line) or 100200300400502 (Sales Line)`; for a WABA `200300400500601%0A is 200300400500601 with a trailing line
        /// feed (%0A): the WABA id (business_account_id) of Sales Line 100200300400502 and Support Line 100200300400501`.
        public var statement: String {
            if kind == .wabaID {
                guard ids.count == 1 else { return "\(id) is a WABA id \(miss): " + wabaChoices }
                return "\(id) is \(ids[0]) \(miss): the WABA id (business_account_id) of \(IDResolver.owners(numbers))"
            }
            if joined { return "\(id) is \(miss), where one phone-number id belongs: " + IDResolver.choices(numbers) }
            guard numbers.count == 1 else {
                return "\(id) is a phone-number id \(miss): " + IDResolver.choices(numbers)
            }
            return "\(id) is \(numbers[0].id) \(miss): the phone-number id of \(IDResolver.label(numbers[0]))"
        }

        /// `0100200300400501 is 100200300400501 with a leading 0 (Support Line's phone-number id)`, or `10020030040050 is a
        /// phone-number id without its last digit (of Sales Line or Support Line)`; for a WABA `200300400500601%0A is
        /// 200300400500601 with a trailing line feed (%0A) (the WABA id of Sales Line and Support Line)`.
        public var summary: String {
            if kind == .wabaID {
                guard ids.count == 1 else { return "\(id) is a WABA id \(miss) (\(wabaChoices))" }
                return "\(id) is \(ids[0]) \(miss) (the WABA id of \(IDResolver.list(numbers.map { $0.name ?? $0.id })))"
            }
            if joined {
                let names = IDResolver.list(numbers.map { ($0.name ?? $0.id) + "'s" })
                return "\(id) is \(miss) (\(names) phone-number \(numbers.count == 1 ? "id" : "ids")); the path takes one"
            }
            guard numbers.count == 1 else {
                let names = numbers.map { $0.name ?? $0.id }
                return "\(id) is a phone-number id \(miss) (of \(names.dropLast().joined(separator: ", ")) or \(names.last ?? ""))"
            }
            return "\(id) is \(numbers[0].id) \(miss) (\(numbers[0].name ?? numbers[0].id)'s phone-number id)"
        }

        /// `use 200300400500601`, `use 100200300400501 (Support Line)`, or `use one of …`: the id the path needed.
        public var use: String {
            switch kind {
            case .phoneNumberID: "use " + IDResolver.choices(numbers)
            case .wabaID: ids.count == 1 ? "use \(ids[0])" : "use one of " + wabaChoices
            }
        }

        /// `200300400500601 (Sales Line and Support Line) or 200300400500701 (Other Line)`.
        private var wabaChoices: String {
            let items = ids.map { waba in
                waba + " (" + IDResolver.list(numbers.filter { $0.businessAccountID == waba }.map { $0.name ?? $0.id }) + ")"
            }
            guard items.count > 1 else { return items.first ?? "" }
            return items.dropLast().joined(separator: ", ") + " or " + (items.last ?? "")
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
        if let (ids, miss) = joinedIDs(id, among: numbers.map(\.id)) {
            return NearMissID(id: id, numbers: numbers.filter { ids.contains($0.id) }, miss: miss, joined: true)
        }
        guard let (ids, miss) = nearMiss(id, among: numbers.map(\.id), typos: typos) else { return nil }
        return NearMissID(id: id, numbers: numbers.filter { ids.contains($0.id) }, miss: miss)
    }

    /// The WABA ids (`business_account_id`) of `numbers` that `id` misses by one copying mistake, as `nearMiss` reads a
    /// phone-number id: `200300400500601%0A`, `+200300400500601`, `20030040050060`, `200300400500610` for
    /// `200300400500601` (probe21 P21-9: a WABA path's mangled id was "no object", and whois sent the reader to a
    /// phone-number id). Nil when `id` is one of them as it stands, or misses none.
    public static func nearMissWABA(_ id: String, numbers: [PhoneNumber], typos: Bool = true) -> NearMissID? {
        var wabas: [String] = []
        for waba in numbers.compactMap(\.businessAccountID) where !wabas.contains(waba) { wabas.append(waba) }
        guard let (ids, miss) = nearMiss(id, among: wabas, typos: typos) else { return nil }
        let owners = numbers.filter { $0.businessAccountID.map(ids.contains) ?? false }
        return NearMissID(id: id, kind: .wabaID, ids: ids, numbers: owners, miss: miss)
    }

    /// The project's id the id in `endpoint`'s slot nearly is, read for the kind of id the slot takes (`APIRoute.documented`):
    /// a WABA id in a WABA route (`/{waba}/message_templates`), a phone-number id in a number route (`/{id}/messages`,
    /// `/platform/v1/whatsapp/phone_numbers/{id}`), either in a Graph path of an id alone (`/{id}` reads any Meta object).
    /// Nil for other routes, for an id that is the project's as it stands, and for one that misses none.
    public static func slotNearMiss(_ endpoint: String, numbers: [PhoneNumber]) -> NearMissID? {
        guard let route = APIRoute.documented(endpoint), let id = route.id, let slot = route.slot else { return nil }
        switch slot {
        case .phoneNumberID: return nearMiss(id, numbers: numbers)
        case .wabaID: return nearMissWABA(id, numbers: numbers)
        case .metaObject:
            guard !numbers.contains(where: { $0.businessAccountID == id }) else { return nil }
            return nearMiss(id, numbers: numbers) ?? nearMissWABA(id, numbers: numbers)
        case .object: return nil
        }
    }

    /// The ids of `known` among several ids joined by commas (`100200300400501,100200300400502`, or `%2C` in a path: a
    /// list pasted where one id belongs, probe26 P26-19), and how: `two ids joined by ','`. Nil unless every part is
    /// digits and one at least is of `known`.
    static func joinedIDs(_ id: String, among known: [String]) -> (ids: [String], miss: String)? {
        guard let parts = joinedParts(id) else { return nil }
        let found = known.filter(parts.contains)
        guard !found.isEmpty else { return nil }
        return (found, joinedWords(parts.count))
    }

    /// The ids in `id` when it is several ids of digits joined by commas, as typed or in a path (`%2C`); nil unless
    /// every part is digits. The one reading of such a list, for a path (`joinedIDs`) and for what `whois` and `use`
    /// were given (probe29: `whois 100200300400501,100200300400502` got the generic "only digits…").
    public static func joinedParts(_ id: String) -> [String]? {
        var text = id
        if id.contains("%"), let bytes = SignatureCheck.percentDecoded(Array(id.utf8)[...], plusIsSpace: false),
            let decoded = String(validating: bytes, as: UTF8.self)
        {
            text = decoded
        }
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingSpaces() }
        guard parts.count > 1, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return nil }
        return parts
    }

    /// `two ids joined by ','`: how `count` joined ids are said.
    public static func joinedWords(_ count: Int) -> String {
        "\([2: "two", 3: "three"][count] ?? "\(count)") ids joined by ','"
    }

    /// The ids of `known` that `id` misses by one copying mistake (`nearMiss`), and the mistake in words.
    static func nearMiss(_ id: String, among known: [String], typos: Bool) -> (ids: [String], miss: String)? {
        guard !known.contains(id) else { return nil }
        var text = id
        var misses: [String] = []
        // A tail encoded more than once (`%250A`) or an encoded '+' (`%2B`, a literal '+', never form encoding's space) is
        // named as written, before the path is decoded (tester52b K9, K10).
        if id.contains("%"), let (digits, tail, _) = IDInput.strayTailParts(id), digits.allSatisfy(\.isNumber),
            tail.lowercased().contains("%25") || tail.lowercased().contains("%2b"), let (_, stray) = IDInput.strayTail(id)
        {
            misses.append(stray)
            text = digits
        } else if id.contains("%"), let bytes = SignatureCheck.percentDecoded(Array(id.utf8)[...], plusIsSpace: false),
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
        // Braces or brackets around it (`{100200300400501}`, `%7B…%7D`: a template placeholder left in the path) and
        // punctuation pasted after it (`;` `.` `,` `:`), which `IDInput.cleaned` drops where an id is typed (probe26 P26-19:
        // the path's id was called "the phone-number id …; not a phone-number id").
        if text.count >= 2, let first = text.first, let last = text.last,
            [("{", "}"), ("[", "]"), ("<", ">")].contains(where: { $0 == (first, last) })
        {
            misses.append("\(first) \(last) around it (a template placeholder left in?)")
            text = String(text.dropFirst().dropLast())
        }
        while text.count > 1, let last = text.last, ";.,:".contains(last) {
            misses.append("a trailing '\(last)'")
            text.removeLast()
        }
        // A literal `\n` (a JSON string's escape) or a form-encoded space (`+`) after the digits (tester51 N3, tester51b F10).
        if let (digits, stray) = IDInput.strayTail(text) {
            misses.append(stray)
            text = digits
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
        if !misses.isEmpty, known.contains(text) { return ([text], with) }
        let cut = known.filter { $0.count > text.count && $0.count - text.count <= 3 && $0.hasPrefix(text) }
        if typos, cut.isEmpty, text.count >= 12 {
            if let (match, typo) = typo(text, among: known) {
                return ([match], misses.isEmpty ? "with " + typo : with + " and " + typo)
            }
            if padded.text != text, let (match, typo) = typo(padded.text, among: known) {
                let with = padded.misses.isEmpty ? "with " : "with " + list(padded.misses) + " and "
                return ([match], with + typo)
            }
        }
        guard text.count >= 12, let first = cut.first, cut.allSatisfy({ $0.count == first.count }) else { return nil }
        let missing = first.count - text.count
        let without = missing == 1 ? "without its last digit" : "without its last \(missing) digits"
        return (cut, misses.isEmpty ? without : with + " and " + without)
    }

    /// The one id of `ids` that `digits` mistypes, and the mistake: `two digits swapped (10 for 01 at digits 14-15)`
    /// (adjacent digits transposed, the commonest slip of typing or copying by hand) or `one digit changed (3 for 1 at
    /// digit 15)`. Nil when no id is that near, or several are (`100200300400503` is one digit from both …501 and …502:
    /// kops does not guess between them), or `digits` is one of them.
    static func typo(_ digits: String, among ids: [String]) -> (String, String)? {
        // An id of `ids` is never another's typo: `100200300400501` sent with its digits escaped (`%31%30…%31`) is
        // Support Line's own id, not "…502 with one digit changed" (tester62b AM3).
        guard !ids.contains(digits) else { return nil }
        let typed = Array(digits.utf8)
        var found: [(String, String)] = []
        for id in ids where !found.contains(where: { $0.0 == id }) {
            let known = Array(id.utf8)
            guard known.count == typed.count else { continue }
            let differ = known.indices.filter { known[$0] != typed[$0] }
            let text = { (range: ClosedRange<Int>) in
                (String(decoding: typed[range], as: UTF8.self), String(decoding: known[range], as: UTF8.self))
            }
            if differ.count == 2, differ[1] == differ[0] + 1, typed[differ[0]] == known[differ[1]], typed[differ[1]] == known[differ[0]] {
                let (wrong, right) = text(differ[0]...differ[1])
                found.append((id, "two digits swapped (\(wrong) for \(right) at digits \(differ[0] + 1)-\(differ[1] + 1))"))
            } else if differ.count == 1 {
                let (wrong, right) = text(differ[0]...differ[0])
                found.append((id, "one digit changed (\(wrong) for \(right) at digit \(differ[0] + 1))"))
            }
        }
        return found.count == 1 ? found[0] : nil
    }

    /// The line `whois` and `use` add when an id as pasted read as a phone-number id of the project only once a copying
    /// mistake was dropped: `'100200300400501 ' is 100200300400501 with a trailing space; read as 100200300400501 here,
    /// but an API call with it as pasted fails ('errors' names such calls)`. Nil when `pasted` is the id as it stands, or
    /// misses none, or several.
    /// A WABA id pasted with such a mistake is named the same way (probe21 P21-9).
    public static func pastedNearMissLine(_ pasted: String, numbers: [PhoneNumber]) -> String? {
        guard let miss = nearMiss(pasted, numbers: numbers) ?? nearMissWABA(pasted, numbers: numbers), miss.ids.count == 1
        else { return nil }
        let id = miss.ids[0]
        return "'\(visible(pasted))' is \(id) \(miss.miss); read as \(id) here, but an API call with it as pasted fails "
            + "('errors' names such calls)"
    }

    /// An id written with whitespace around it (`"100200300400501 "`, a tab or a line end copied with it into a file):
    /// the id without it and the whitespace in words, as `pastedNearMissLine` says it (`with a trailing space`, `with a
    /// tab before it`); nil when there is none, or nothing but whitespace.
    public static func strayWhitespace(_ text: String) -> (id: String, miss: String)? {
        let stripped = text.trimmingSpaces()
        guard stripped != text, !stripped.isEmpty else { return nil }
        return (stripped, spacesMiss(text, decoded: text))
    }

    /// `pastedNearMissLine` of a UUID with a stray tail (`IDInput.strayTail`): `'d4f5…5678\n' is d4f5…5678 with a literal
    /// '\n' after it (…); read as d4f5…5678 here, but …`, the line an id of digits gets (tester52b K19). Nil otherwise.
    public static func pastedStrayTailLine(_ pasted: String) -> String? {
        let text = pasted.trimmingSpaces()
        guard let (id, miss) = IDInput.strayTail(text), IDInput.isUUID(id) else { return nil }
        return "'\(visible(text))' is \(id) with \(miss); read as \(id) here, but an API call with it as pasted fails "
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
