/// What an identifier looks like before anything is fetched: digits (an id or a number in any
/// display form), a UUID (Kapso's own ids), a WAMID, or a business-scoped user id.
///
/// `IDInput.read("+1 415-555-0101")` → `.number(14155550101, international)`;
/// `IDInput.read("A1C2E3F4-0B1D-4E2F-8A3B-5C6D7E8F9012")` → `.uuid("a1c2e3f4-…")`.
public enum IDInput: Sendable, Equatable {
    case number(PhoneNumberText)
    /// Lowercased.
    case uuid(String)
    /// The WAMID as typed and the contact number it carries, if any.
    case wamid(String, contact: String?)
    /// A business-scoped user id as typed (`US.13491208655302741918`, `US.ENT.…`): a contact without a number.
    case businessScopedUserID(String)
    /// A WhatsApp username as typed, `@` included (`@marisol.v`, as `conversations` shows it; Kapso's `username`,
    /// kapso-api.md §8.3): a contact known by handle, found among the project's conversations.
    case username(String)

    /// Why a text is not an id kops can look up.
    public enum Problem: Error, Sendable, Equatable {
        case empty
        case nonASCII
        /// A cell kops's own table cut in the middle, `0a1b2c3d-0…0000000305`, pasted back (tester46 F4).
        case shortenedByTable
        case tooLong(characters: Int)
        /// A whole JSON object longer than kops reads for the id inside it (`maxPastedObject`).
        case tooLongObject(characters: Int)
        case number(PhoneNumberText.Problem)
        case wamid(WAMID.Problem)
        /// Neither digits, a UUID nor a WAMID.
        case unknownForm
        /// A number in scientific notation, `1.002003004005e14`: how a spreadsheet shows a long number (probe9 P9-21).
        case scientificNotation(String)
        /// A whole number with a zero fraction, `100200300400501.0`: how a float column writes a long number (probe10 P10-9).
        case zeroFraction(String)
        /// Digits of another script, `١٤١٥٥٥٥٠١٠٠` (Arabic-Indic) or full-width `１４１…`, with the ASCII digits they are.
        case nonASCIIDigits(ascii: String, script: String)
        /// Letters that look like digits in an id of digits, `1OO2OO3OO4OO5O1`: the id they stand for and what was read
        /// (`IDInput.lettersForDigits`, probe23 P23-7).
        case lettersForDigits(ascii: String, read: String)
        /// A character of another script in an id shaped text, `wаmid.…` with a Cyrillic `а`: the character named with its
        /// position, and the id typed in ASCII when every such character is a known look-alike (`IDInput.lookAlike`).
        case lookAlike(character: String, ascii: String?)
        /// An id with the field name it had in a JSON payload, log or config in front, `id: wamid.…`: the name as
        /// written, the id, and what it reads as in words (`IDInput.fieldNameInFront`, tester54 V13).
        case fieldName(field: String, id: String, kind: String)
        /// A business-scoped user id with its country code in lower case, `us.1349…`, with the id as Kapso matches it
        /// (`BusinessScopedUserID.capitalised`, probe43 P43-14).
        case userIDCase(ascii: String)
    }

    /// The longest id accepted (WAMIDs run to about 60 characters).
    public static let maxLength = 200

    /// Reads an id as pasted: what `cleaned` removes does not count, and a WAMID is read in its
    /// `WAMID.canonical` form (so `.wamid`'s id is the one to send to the API).
    public static func read(_ text: String) -> Result<IDInput, Problem> {
        // A number copied with no-break spaces or hyphens reads as typed with ASCII ones (P22-10).
        let trimmed = PhoneNumberText.withASCIISeparators(cleaned(text))
        guard !trimmed.isEmpty else { return .failure(.empty) }
        guard trimmed.allSatisfy({ $0.isASCII && !$0.isNewline }) else {
            if let pasted = pastedObjectProblem(text) { return .failure(pasted) }
            // Named for an id's or a phone number's length (7 digits or more), which `١٢٣` is not.
            if let (ascii, script) = nonASCIIDigits(trimmed), ascii.filter(\.isNumber).count >= 7, case .success = read(ascii) {
                return .failure(.nonASCIIDigits(ascii: ascii, script: script))
            }
            if trimmed.contains("\u{2026}") { return .failure(.shortenedByTable) }
            if let (character, ascii) = lookAlike(trimmed) { return .failure(.lookAlike(character: character, ascii: ascii)) }
            return .failure(.nonASCII)
        }
        if trimmed.hasPrefix("@") { return isUsername(trimmed) ? .success(.username(trimmed)) : .failure(.unknownForm) }
        if isUUID(trimmed) { return .success(.uuid(trimmed.lowercased())) }
        if BusinessScopedUserID.isValid(trimmed) { return .success(.businessScopedUserID(trimmed)) }
        if zeroFractionDigits(trimmed) != nil { return .failure(.zeroFraction(trimmed)) }
        // Digits copied out of a URL path (`100200300400501%20`, as `errors` quotes it): read decoded (P15-3).
        if let decoded = urlDecodedDigits(trimmed) { return read(decoded) }
        // Digits with a literal `\n` or a form-encoded space (`+`) after them (`strayTail`): the id, named by `whois`.
        if let (id, _) = strayTail(trimmed) { return read(id) }
        if PhoneNumberText.linkedNumber(trimmed) != nil || !trimmed.contains(where: \.isLetter) && trimmed.contains(where: \.isNumber) {
            return PhoneNumberText.parse(trimmed).map(IDInput.number).mapError(Problem.number)
        }
        guard trimmed.count <= maxLength else { return .failure(longProblem(text, characters: trimmed.count)) }
        if scientificDigits(trimmed) != nil { return .failure(.scientificNotation(trimmed)) }
        if let (field, id, kind) = fieldNameInFront(text) { return .failure(.fieldName(field: field, id: id, kind: kind)) }
        if trimmed.lowercased().hasPrefix("wamid.") {
            return WAMID.canonical(trimmed).flatMap { id in WAMID.contactNumber(in: id).map { .wamid(id, contact: $0) } }
                .mapError(Problem.wamid)
        }
        if let fixed = BusinessScopedUserID.capitalised(trimmed) { return .failure(.userIDCase(ascii: fixed)) }
        if let (ascii, read) = lettersForDigits(trimmed) { return .failure(.lettersForDigits(ascii: ascii, read: read)) }
        return .failure(.unknownForm)
    }

    /// What was pasted, without what surrounds an id in tickets, chats and URLs: spaces, quotes (also
    /// typographic ones), backticks and brackets around it, a bracket left alone at one end (`wamid.…)` copied out
    /// of Markdown's `(wamid.…)`), sentence punctuation after it (`.` `,` `;` `:` `!` `?`), and invisible characters
    /// anywhere (a zero-width space copied from a chat or web page). `"200300400500601,"` → `200300400500601`. No id
    /// or phone number ends in one of those or holds an invisible one, and base64 (WAMIDs) has none of them.
    public static func cleaned(_ text: String) -> String {
        // Nothing to clean when the text is ASCII and its first and last bytes are letters or digits: the first
        // `Character` is then no space or quote, and the last no space, punctuation or closing quote. Ids as typed
        // take this path (8,700 instructions fewer an id).
        if let first = text.utf8.first, let last = text.utf8.last, isASCIIAlphanumeric(first),
            isASCIIAlphanumeric(last), text.utf8.allSatisfy({ $0 < 0x80 })
        {
            return text
        }
        return cleanedByCharacters(text)
    }

    /// `cleaned` without its byte test in front: the reading it stands for.
    static func cleanedByCharacters(_ text: String) -> String {
        var text = Substring(removingInvisibles(text).trimmingSpaces())
        let pairs: [(Character, Character)] = [
            ("\"", "\""), ("'", "'"), ("`", "`"), ("<", ">"), ("[", "]"), ("(", ")"), ("{", "}"), ("\u{201C}", "\u{201D}"),
            ("\u{2018}", "\u{2019}"),
        ]
        while true {
            let before = text
            while let last = text.last, ".,;:!?".contains(last) { text.removeLast() }
            if let first = text.first, let last = text.last, text.count >= 2, pairs.contains(where: { $0 == (first, last) }) {
                text = text.dropFirst().dropLast()
            }
            // A bracket at one end without its partner in the text: `(415) 555-0100` keeps its `(`.
            for (open, close) in pairs.dropFirst(3) {
                let (opens, closes) = (text.filter { $0 == open }.count, text.filter { $0 == close }.count)
                if text.last == close, closes > opens { text.removeLast() }
                if text.first == open, opens > closes { text.removeFirst() }
            }
            text = Substring(String(text).trimmingSpaces())
            if text == before { return String(text) }
        }
    }

    /// `text` without the invisible characters copying adds (`SignatureCheck.invisibles`: zero-width space, word
    /// joiner, byte-order mark, soft hyphen, direction marks).
    /// `U+200B`: a scalar as Unicode writes its code point, at least four hex digits.
    static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    static func removingInvisibles(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { SignatureCheck.invisibles[$0] != nil }) else { return text }
        var kept = String.UnicodeScalarView()
        kept.append(contentsOf: text.unicodeScalars.filter { SignatureCheck.invisibles[$0] == nil })
        return String(kept)
    }

    private static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
    }

    /// `text` with its `%XX` escapes decoded (RFC 3986 §2.1) when it has some and the result has no letter and no `%`
    /// (digits with spaces: an id copied out of a URL path); nil otherwise (a WAMID's `%3D` is `WAMID.canonical`'s).
    static func urlDecodedDigits(_ text: String) -> String? {
        guard text.contains("%"), !text.lowercased().hasPrefix("wamid."),
            let bytes = SignatureCheck.percentDecoded(Array(text.utf8)[...], plusIsSpace: false),
            let decoded = String(validating: bytes, as: UTF8.self), !decoded.contains("%"),
            !decoded.contains(where: \.isLetter), decoded.contains(where: \.isNumber)
        else { return nil }
        let clean = cleaned(decoded)
        return clean.isEmpty ? nil : clean
    }

    /// What reading `text` changed, in words, e.g. `["the '=' padding put back"]`; empty when it was read as typed.
    public static func repairs(_ text: String) -> [String] {
        let trimmed = removingInvisibles(text).trimmingSpaces()
        let inner = cleaned(text)
        let invisible = Set(text.unicodeScalars.filter { SignatureCheck.invisibles[$0] != nil }).sorted { $0.value < $1.value }
            .map { scalar in codePoint(scalar) + " (" + (SignatureCheck.invisibles[scalar] ?? "") + ")" }
        var repairs: [String] = invisible.isEmpty
            ? [] : [(invisible.count == 1 ? "an invisible " : "invisible ") + invisible.joined(separator: ", ") + " removed"]
        // A WAMID's `...` is where it was cut short, not punctuation (tester56 Z1); no '=' is then put back.
        let cut = trimmed.hasSuffix("...") && inner.lowercased().hasPrefix("wamid.")
        if inner != trimmed { repairs.append(cut ? "the '...' at its end (where it was cut short) dropped" : "quotes or punctuation around it dropped") }
        if urlDecodedDigits(inner) != nil { repairs.append("URL encoding decoded (%20 is a space)") }
        if let (id, _) = strayTail(inner) { repairs.append("'\(inner.dropFirst(id.count))' after it dropped") }
        guard case .success(let id) = WAMID.canonical(inner) else { return repairs }
        if !inner.hasPrefix("wamid.") { repairs.append("'\(inner.prefix(6))' read as 'wamid.'") }
        if inner.contains("%") { repairs.append("URL encoding decoded (%3D is '=')") }
        let decoded = inner.filter { $0 == "=" }.count + inner.lowercased().ranges(of: "%3d").count
        if !cut, id.filter({ $0 == "=" }).count > decoded { repairs.append("the '=' padding put back") }
        return repairs
    }

    /// The digits a number in scientific notation stands for (`1.002003004005e14`, `1,00200300400501E+14`) and how
    /// many of them it shows: `("100200300400500", shown: 13)`. Nil for other text and for a value that is no whole number.
    static func scientificDigits(_ text: String) -> (digits: String, shown: Int)? {
        let parts = text.lowercased().split(separator: "e", omittingEmptySubsequences: false)
        guard parts.count == 2, let exponent = Int(parts[1].drop { $0 == "+" }), (1...40).contains(exponent),
            parts[1].allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "+") })
        else { return nil }
        let mantissa = parts[0].split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
            .flatMap { $0.split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false) }
        guard let lead = mantissa.first, lead.count == 1, let digit = lead.first, digit.isASCII, digit.isNumber, digit != "0",
            mantissa.count <= 2
        else { return nil }
        let fraction = mantissa.count == 2 ? mantissa[1] : ""
        guard fraction.allSatisfy({ $0.isASCII && $0.isNumber }), fraction.count <= exponent else { return nil }
        return (String(digit) + fraction + String(repeating: "0", count: exponent - fraction.count), 1 + fraction.count)
    }

    /// The digits of a whole number of 7 or more digits written with a zero fraction, `100200300400501.0` or
    /// `…501,00` → `100200300400501`: what a spreadsheet column formatted as a number with decimals, or a float
    /// column (pandas `to_csv`, a JSON number read as a double and written again) makes of a long id. A leading `+`
    /// is kept (`+14155550130.0` → `+14155550130`: a `+` typed before the number, which a sheet keeps as text
    /// prefix; it was read as the phone number 141555501300, another contact's, probe12 P12-9). Nil otherwise
    /// (`415.555.0100` has two separators and is a phone number).
    public static func zeroFractionDigits(_ text: String) -> String? {
        let sign = text.hasPrefix("+") ? "+" : ""
        let parts = text.dropFirst(sign.count).split(omittingEmptySubsequences: false, whereSeparator: { $0 == "." || $0 == "," })
        guard parts.count == 2, parts[0].count >= 7, parts[0].first != "0",
            parts[0].allSatisfy({ $0.isASCII && $0.isNumber }), (1...6).contains(parts[1].count), parts[1].allSatisfy({ $0 == "0" })
        else { return nil }
        return sign + String(parts[0])
    }

    /// `text` with its decimal digits of other scripts as ASCII digits, and the script's name, when it has such digits and
    /// nothing else but ASCII and plus signs: `+١ ٤١٥` → `("+1 415", "Arabic-Indic")`. Phones with an Arabic, Persian or CJK
    /// keyboard type these (Unicode `Nd` digits: U+0660…, U+06F0…, U+FF10…); the same keyboard types its own plus sign
    /// (`＋１４１５…`, `plusLookAlikes`), read as `+` (probe25 P25-15). Nil otherwise.
    static func nonASCIIDigits(_ text: String) -> (ascii: String, script: String)? {
        var ascii = ""
        var script: String?
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                ascii.unicodeScalars.append(scalar)
                continue
            }
            if plusLookAlikes.contains(scalar.value) {
                ascii += "+"
                continue
            }
            guard scalar.properties.numericType == .decimal, let value = scalar.properties.numericValue else { return nil }
            ascii += String(Int(value))
            script = script ?? {
                switch scalar.value {
                case 0x0660...0x0669: "Arabic-Indic"
                case 0x06F0...0x06F9: "Eastern Arabic-Indic (Persian, Urdu)"
                case 0xFF10...0xFF19: "full-width"
                case 0x0966...0x096F: "Devanagari"
                default: "non-ASCII"
                }
            }()
        }
        return script.map { (ascii, $0) }
    }

    /// `@marisol.v`: `@` and a handle without spaces or a second `@`.
    public static func isUsername(_ text: String) -> Bool {
        text.hasPrefix("@") && text.count > 1 && !text.dropFirst().contains { $0.isWhitespace || $0 == "@" }
    }

    /// True when `username` (Kapso's field, with or without its `@`) is the handle `typed`, compared without case.
    public static func sameUsername(_ username: String?, _ typed: String) -> Bool {
        guard let username else { return false }
        return username.lowercased().drop { $0 == "@" } == typed.lowercased().drop { $0 == "@" }
    }

    /// `8-4-4-4-12` hex digits.
    public static func isUUID(_ text: String) -> Bool {
        // Asked of every id typed: read as bytes when that gives the same answer. 36 bytes are 36 characters only when
        // all are ASCII (else fewer, never a UUID); fewer bytes are fewer characters. More bytes than 36 can still be
        // 36 characters when some are not ASCII (`Character.isHexDigit` takes the fullwidth digits): the `Character`
        // reading decides those.
        let utf8 = text.utf8
        if utf8.count == 36 { return isUUIDBytes(Array(utf8)) }
        if utf8.count < 36 || utf8.allSatisfy({ $0 < 0x80 }) { return false }
        let groups = text.split(separator: "-", omittingEmptySubsequences: false)
        return groups.map(\.count) == [8, 4, 4, 4, 12] && groups.allSatisfy { $0.allSatisfy(\.isHexDigit) }
    }

    /// `isUUID` of 36 bytes.
    private static func isUUIDBytes(_ bytes: [UInt8]) -> Bool {
        for (offset, byte) in bytes.enumerated() {
            if offset == 8 || offset == 13 || offset == 18 || offset == 23 {
                guard byte == UInt8(ascii: "-") else { return false }
            } else {
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"),
                    UInt8(ascii: "A")...UInt8(ascii: "F"): continue
                default: return false
                }
            }
        }
        return true
    }

    /// A typed value safe and short enough to echo in an error line: at most 24 characters, control
    /// characters shown as `?`, e.g. `12345678901234567890123…`; text that is nearly a UUID (`UUIDShape.isNearly`,
    /// hex digits and dashes, no secret) whole, as its defect is often in its last characters (probe24 P24-2).
    public static func echo(_ text: String) -> String {
        let clean = String(text.map { $0.isASCII && ($0.asciiValue ?? 0) < 0x20 || $0 == "\u{7F}" ? "?" : $0 })
        if UUIDShape.isNearly(cleaned(text)) { return clean }
        return clean.count > 24 ? String(clean.prefix(23)) + "…" : clean
    }
}

extension IDInput.Problem {
    /// What was wrong and what is expected, for an error line.
    public var reason: String {
        switch self {
        case .empty: "nothing was given"
        case .nonASCII: "ids and phone numbers use ASCII letters and digits only; copy the id again from the source"
        case .shortenedByTable:
            "it was shortened by kops's table (the '…'); press Tab to complete it, or list again with --output expanded"
        case .tooLong(let characters): "\(characters) characters is longer than any id (at most \(IDInput.maxLength))"
        case .tooLongObject(let characters):
            "it is a JSON object of \(characters) characters, longer than kops reads for the id inside one (at most "
                + "\(IDInput.maxPastedObject)); copy its \"id\" value alone"
        case .number(let problem): problem.reason
        case .wamid(.missingPrefix): "a WAMID starts with 'wamid.'"
        case .wamid(.notBase64): "the part after 'wamid.' is not base64; copy the whole id from the payload"
        case .scientificNotation(let text):
            Self.scientificReason(text)
        case .zeroFraction(let text):
            Self.zeroFractionReason(text)
        case .nonASCIIDigits(let ascii, let script):
            "it is written in \(script) digits (as a phone with that keyboard types them); in ASCII digits it is \(ascii): "
                + "use \(ascii)"
        case .lettersForDigits, .lookAlike:
            Self.lookAlikeReason(self) ?? "ids and phone numbers use ASCII letters and digits only"
        case .fieldName(let field, let id, let kind):
            IDInput.objectMember(field).map { "it is a JSON object pasted whole, \(field): its \"\($0)\" reads as \(kind): \(id)" }
                ?? "'\(field)' in front is a field name copied with the id: without it, it reads as \(kind): \(id)"
        case .userIDCase(let ascii):
            "a business-scoped user id keeps its country code in capitals, as Meta writes it and Kapso matches it: use \(ascii)"
        case .unknownForm:
            "expected digits (an id or phone number), a UUID, a WAMID, a business-scoped user id (US.<digits>) or a "
                + "WhatsApp username (@handle)"
        }
    }

    /// A float holds every whole number up to 2^53 (16 digits, 9007199254740992) exactly (IEEE 754 binary64), so
    /// the value is named up to 15 digits, beyond which its last digits may already be another id's.
    static func zeroFractionReason(_ text: String) -> String {
        let digits = IDInput.zeroFractionDigits(text) ?? text
        let how = "a whole number written with a fraction ('\(text.dropFirst(digits.count))'), as a spreadsheet or a float column "
            + "(pandas, a CSV export) writes a long number"
        if digits.filter(\.isNumber).count <= 15 { return "\(how): it is \(digits); use \(digits)" }
        return "\(how): it reads \(digits), but a float keeps about 15 to 16 digits, so the last ones may be wrong; format "
            + "the column as text and copy the id again ('numbers' lists this project's ids)"
    }

    /// A spreadsheet shows a long number in scientific notation and keeps 15 significant digits (IEEE 754 doubles;
    /// Microsoft, "Excel specifications and limits": number precision 15 digits), so the value is named only when the
    /// notation shows every digit of it; else which digits are lost.
    static func scientificReason(_ text: String) -> String {
        let fix = "format the column as text and copy the id again ('numbers' lists this project's ids)"
        guard let (digits, shown) = IDInput.scientificDigits(text) else { return "a number in scientific notation; " + fix }
        let notation = "a number in scientific notation, as a spreadsheet shows a long number"
        if shown == digits.count, digits.count <= 15 { return "\(notation): it is \(digits) (every digit shown); use \(digits)" }
        let kept = min(shown, 15)
        return "\(notation): only \(kept) of the \(digits.count) digits of an id starting \(digits.prefix(kept)) are kept, the "
            + "rest are lost (a spreadsheet rounds to the digits shown and keeps at most 15); " + fix
    }
}
