/// A phone number or numeric id as people type it, reduced to its digits: `+1 415-555-0101`,
/// `(415) 555-0101`, `0014155550101` and `14155550101` all read as digits plus whether the text
/// said the country code is included.
///
/// The one parser behind `use`, `whois`, `reply --to` and `messages --phone-number`, so
/// `reply --to 0014155550142` and `use 0014155550142` read the same number.
public struct PhoneNumberText: Sendable, Equatable {
    /// The digits without the `+` or `00` international prefix, e.g. `14155550101`.
    public var digits: String
    /// True when the text marked its country code: a leading `+` or the `00` international prefix.
    public var hasInternationalPrefix: Bool

    /// Why a text is not a phone number or numeric id.
    public enum Problem: Error, Sendable, Equatable {
        case empty
        /// A character other than ASCII digits, spaces, `-`, `.`, `(`, `)` and one leading `+`.
        case notANumber
        /// More digits than any id or phone number has.
        case tooLong(digits: Int)
        /// A `-` before the first digit: `-1` is a negative number, not `1`.
        case signed
    }

    /// The most digits a numeric id may have (Meta ids have 15–17; E.164 numbers at most 15).
    public static let maxDigits = 20
    /// The digit counts of an E.164 number with its country code (ITU-T E.164: at most 15).
    public static let e164Digits = 8...15

    public init(digits: String, hasInternationalPrefix: Bool) {
        self.digits = digits
        self.hasInternationalPrefix = hasInternationalPrefix
    }

    /// Reads `text`; separators may sit anywhere, `+` only first, `00` only as a prefix.
    public static func parse(_ text: String) -> Result<PhoneNumberText, Problem> {
        let text = withASCIISeparators(text)
        let trimmed = linkedNumber(text) ?? text.trimmingSpaces()
        guard !trimmed.isEmpty else { return .failure(.empty) }
        var body = Substring(trimmed)
        var international = false
        if body.first == "+" {
            international = true
            body = body.dropFirst()
        } else if body.hasPrefix("(+") {
            // `(+1) 415 555 0101`: the country code in brackets.
            international = true
            body = "(" + body.dropFirst(2)
        }
        guard body.allSatisfy({ $0.isASCII && ($0.isNumber || " -.()".contains($0)) }) else {
            return .failure(.notANumber)
        }
        guard body.first != "-" else { return .failure(.signed) }
        var digits = String(body.filter(\.isNumber))
        guard !digits.isEmpty else { return .failure(.notANumber) }
        // A trunk prefix written after the country code, `+44 (0)20 7946 0958`, is not dialled from abroad
        // (ITU-T E.123 §2.5 advises against it; people write it anyway): drop it.
        if international || digits.hasPrefix("00"), let trunk = body.firstRange(of: "(0)"),
            body[..<trunk.lowerBound].contains(where: \.isNumber)
        {
            digits = String((body[..<trunk.lowerBound] + body[trunk.upperBound...]).filter(\.isNumber))
        }
        // `00` is the international call prefix in most of the world (ITU-T E.164 annex; `011` in North America).
        if !international, digits.hasPrefix("00"), digits.count > 2 {
            digits.removeFirst(2)
            international = true
        }
        guard digits.count <= maxDigits else { return .failure(.tooLong(digits: digits.count)) }
        return .success(PhoneNumberText(digits: digits, hasInternationalPrefix: international))
    }

    /// True for a character written between a number's digits: ASCII space, `-`, `.`, `(` and `)`, and the
    /// look-alikes a number copied from a web page, WhatsApp Web or a spreadsheet holds (probe22 P22-10): any
    /// Unicode space separator (general category Zs: no-break space U+00A0, thin space U+2009, narrow no-break
    /// space U+202F…) and the dashes U+2010–U+2015 (hyphen, no-break hyphen, figure dash, en and em dash) and
    /// U+2212 (minus). `parse` reads these as their ASCII forms and the transcript's PII masker finds numbers with
    /// this same test, so every form kops reads as a number is one the masker masks.
    public static func isSeparator(_ character: Character) -> Bool {
        if character.isASCII { return " -.()".contains(character) }
        return asciiSeparator(character) != nil
    }

    /// `text` with each Unicode space separator as an ASCII space and each dash (`isSeparator`) as `-`; the same
    /// text when it has none.
    public static func withASCIISeparators(_ text: String) -> String {
        guard !text.utf8.allSatisfy({ $0 < 0x80 }) else { return text }
        return String(text.map { asciiSeparator($0) ?? $0 })
    }

    /// ` ` or `-` for a non-ASCII separator (`isSeparator`), nil for any other character.
    private static func asciiSeparator(_ character: Character) -> Character? {
        guard !character.isASCII, character.unicodeScalars.count == 1, let scalar = character.unicodeScalars.first else {
            return nil
        }
        if scalar.properties.generalCategory == .spaceSeparator { return " " }
        if (0x2010...0x2015).contains(scalar.value) || scalar.value == 0x2212 { return "-" }
        return nil
    }

    /// The number in a link people paste for a contact, ready for `parse`; nil for any other text.
    /// `https://wa.me/14155550101` and `https://api.whatsapp.com/send?phone=14155550101` (WhatsApp's
    /// click-to-chat links carry the full number in international form without `+`: WhatsApp Help Center,
    /// "How to use click to chat") and `whatsapp://send?phone=…` give `+14155550101`; `tel:+1-415-555-0101`
    /// (RFC 3966) gives `+1-415-555-0101`; Twilio's WhatsApp address `whatsapp:+14155550101` (its `To`/`From` of a
    /// WhatsApp message, Twilio's WhatsApp API docs) gives `+14155550101`.
    /// A WhatsApp Web JID, as Baileys, whatsmeow and their logs write a contact (`user[:device]@s.whatsapp.net`, the
    /// legacy `@c.us`; baileys.wiki "JIDs": the user part is the number with its country code, without `+`), gives
    /// `+14155550142` (tester56 Z8).
    public static func linkedNumber(_ text: String) -> String? {
        var link = Substring(text.trimmingSpaces())
        if let at = link.lastIndex(of: "@"), ["s.whatsapp.net", "c.us"].contains(link[link.index(after: at)...].lowercased()) {
            // `user:device@…` and `user_agent@…` (jidDecode in Baileys' jid-utils) carry the number in `user`.
            let user = link[..<at].prefix { $0 != ":" && $0 != "_" }
            return !user.isEmpty && user.allSatisfy({ $0.isASCII && $0.isNumber }) ? "+" + user : nil
        }
        for scheme in ["https://", "http://"] where link.lowercased().hasPrefix(scheme) { link = link.dropFirst(scheme.count) }
        let lowered = link.lowercased()
        if lowered.hasPrefix("tel:") {
            let number = link.dropFirst(4).prefix { $0 != ";" }
            return number.isEmpty ? nil : String(number)
        }
        if lowered.hasPrefix("whatsapp:"), !lowered.hasPrefix("whatsapp://") {
            let number = link.dropFirst(9)
            return number.isEmpty ? nil : String(number)
        }
        var number: Substring
        if lowered.hasPrefix("wa.me/") {
            number = link.dropFirst(6).prefix { $0 != "?" && $0 != "/" }
        } else if lowered.hasPrefix("api.whatsapp.com/send") || lowered.hasPrefix("whatsapp://send"),
            let query = link.firstIndex(of: "?")
        {
            let pairs = link[link.index(after: query)...].split(separator: "&")
            guard let phone = pairs.first(where: { $0.lowercased().hasPrefix("phone=") }) else { return nil }
            number = phone.dropFirst(6)
        } else {
            return nil
        }
        number = number.replacing("%2B", with: "+").replacing("%2b", with: "+")[...]
        if number.first == "+" { number = number.dropFirst() }
        return number.isEmpty ? nil : "+" + number
    }

    /// The digits when they can be a number with its country code (8 to 15 digits, not starting with 0).
    public var e164: String? {
        PhoneNumberText.e164Digits.contains(digits.count) && digits.first != "0" ? digits : nil
    }

    /// True when a bare run of digits found in text (a path, an error message) is likely a phone number with
    /// its country code: 10 to 13 digits not starting with 0; with country code 1 (NANP) exactly 11, with an
    /// area code and exchange that start with 2-9; with 7 (Russia, Kazakhstan) exactly 11.
    ///
    /// Meta's ids (15-17 digits), Unix times in seconds (10 digits starting with 1) and milliseconds (13) are
    /// not. Sources: ITU-T E.164 (15 digits at most; country codes), NANP numbering plan (NXX-NXX-XXXX).
    public static func isPlausibleInternational(_ digits: String) -> Bool {
        let characters = Array(digits)
        guard (10...13).contains(characters.count), characters.allSatisfy({ $0.isASCII && $0.isNumber }),
            characters[0] != "0"
        else { return false }
        switch characters[0] {
        case "1": return characters.count == 11 && characters[1] >= "2" && characters[4] >= "2"
        case "7": return characters.count == 11
        default: return true
        }
    }
}

extension PhoneNumberText.Problem {
    /// What was wrong, for an error line.
    public var reason: String {
        switch self {
        case .empty: "nothing was given"
        case .notANumber: "only digits, spaces, '-', '.', '(', ')' and a leading '+' may appear"
        case .tooLong(let digits): "\(digits) digits is longer than any phone number or id"
        case .signed: "a '-' before the digits makes a negative number; ids and phone numbers have none"
        }
    }
}

extension String {
    /// Without leading and trailing spaces, tabs and newlines.
    func trimmingSpaces() -> String {
        var text = Substring(self)
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return String(text)
    }
}
