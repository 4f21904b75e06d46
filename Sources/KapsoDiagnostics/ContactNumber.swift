/// Whether two numbers are the same WhatsApp contact: the same digits, or the two forms WhatsApp gives one Brazilian,
/// Mexican or Argentine mobile number, so a contact whose inbound `from` (`wa_id`) differs from the `to` a business sends to is one
/// contact for the 24-hour window, `trace`, `reply`, `whois` and `messages --phone-number`.
///
/// - Brazil (55): mobile numbers got a ninth digit 9 after the 2-digit area code (Anatel, from 2012), but many
///   WhatsApp IDs keep the 8-digit form: `55 11 98765-4321` is `5511987654321` dialled and `551187654321` as `wa_id`.
///   Only mobile numbers got the 9, and they began with 6-9 (landlines 2-5), so a landline is never linked.
/// - Mexico (52): mobile numbers were dialled from abroad with a 1 after the code (`+52 1 55 1234 5678`) until 2019;
///   WhatsApp IDs made before keep it: `5215512345678` as `wa_id`, `525512345678` as dialled.
///
/// - Argentina (54): a mobile is `+54 9 AREA NUMBER` in international form and its `wa_id` keeps the 9
///   (`5491123456789`), while many people and CRMs write `+54 11 2345-6789` (`541123456789`) or keep the national
///   mobile prefix 15 after the area code (`+54 11 15 2345-6789`, `54111523456789`). Area code and subscriber number
///   are 10 digits together (area 11, or 3 or 4 digits starting 2 or 3), so the forms are `549` + 10 digits, `54` +
///   10 digits and `54` + area + `15` + the rest (14 digits). Mobiles and landlines get distinct subscriber numbers,
///   so the 9 never turns a landline into another subscriber's mobile.
///
/// Sources: Zoho, "What is the reason for inconsistencies in mobile numbers and their WhatsApp IDs in Brazil and
/// Mexico?" (help.zoho.com); Zoko, "WhatsApp ID Brazil & Mexico" (zoko.io); whapi.cloud, "Specifics of sending
/// messages to numbers of different countries" (Argentina with Brazil and Mexico); Wikipedia, "Telephone numbers in
/// Argentina", mobile section ("(11) 15 1234-5678 … from abroad +54 9 11 1234 5678"); Toku, "Identifying an
/// Argentina Mobile number" (support.toku.co: "remove [the 15] … whilst adding the prefix of 9"). Read through the
/// search tool 2026-12-01. docs/messages-trace-reply.md has the rule.
public enum ContactNumber {
    /// How two numbers of one contact differ.
    public enum Match: Sendable, Equatable {
        /// The same digits (`+5511987654321` and `5511987654321`).
        case sameDigits
        /// Brazil: with and without the ninth digit 9 after the area code.
        case brazilNinthDigit
        /// Mexico: with and without the 1 after the country code.
        case mexicoMobileOne
        /// Argentina: with and without the mobile 9 after the country code (or the national 15 after the area code).
        case argentinaMobileNine
    }

    /// How `a` and `b` (digits, or numbers with `+`, spaces, `-`, `(`, `)`) are one contact; nil when they are not, or
    /// when either is no number (a business-scoped user id, a username).
    public static func match(_ a: String, _ b: String) -> Match? {
        guard let a = digits(a), let b = digits(b) else { return nil }
        if a == b { return .sameDigits }
        if let other = otherForm(a), other.digits == b { return other.match }
        // Argentina's 15 form has up to three readings (area code of 2, 3 or 4 digits): any that meets the other.
        let (a9, b9) = (argentineNineForms(a), argentineNineForms(b))
        if !a9.isEmpty, !b9.isEmpty, !Set(a9).isDisjoint(with: b9) { return .argentinaMobileNine }
        return nil
    }

    /// True when `a` and `b` name the same contact: the same text (a business-scoped user id), or `match`. The one
    /// equality of numbers: every rule about a changed number asks it (`WindowEvidence.movedTo`, `ContactWindow.Moved`,
    /// `IDResolver.replacement`), so a "new" number in another form of the old one is no move (probe35 P35-7).
    public static func same(_ a: String?, _ b: String?) -> Bool {
        guard let a, let b else { return false }
        return a == b || match(a, b) != nil
    }

    /// A contact's text with its digits and their other forms found once, for `isSame(as:)`: a list of windows asks
    /// `same` of each row's contact and each of its number's 100 inbound messages, and each ask found both digits again
    /// (tester63 AN7).
    public struct Prepared: Sendable {
        public let text: String
        let digits: String?
        /// `otherForm(digits)`'s digits.
        let otherDigits: String?
        let nineForms: [String]

        public init(_ text: String) {
            self.text = text
            digits = ContactNumber.digits(text)
            otherDigits = digits.flatMap { ContactNumber.otherForm($0)?.digits }
            nineForms = digits.map(ContactNumber.argentineNineForms) ?? []
        }

        /// `ContactNumber.same(text, other.text)`, in that order (`match` reads the first one's other form).
        public func isSame(as other: Prepared) -> Bool {
            if text == other.text { return true }
            guard let digits, let second = other.digits else { return false }
            if digits == second || otherDigits == second { return true }
            return !nineForms.isEmpty && !other.nineForms.isEmpty && !Set(nineForms).isDisjoint(with: other.nineForms)
        }
    }

    /// True when a list row's contact number (`contact`, as Kapso wrote it: digits with or without `+`, spaces) is the
    /// whole number `digits`: the same digits, or the other form of a Brazilian, Mexican or Argentine mobile number
    /// (`same`). Kapso's `phone_number` filter matches part of a number (kapso-api.md §1, gotcha 17: "The `phone_number`
    /// filters are partial matches"), so the list for a whole number also holds every contact whose number contains it:
    /// `5214155550171` (Mexico) for `14155550171` (probe44 P44-10), which is another person, not a row of this one.
    public static func isRow(_ contact: String?, of digits: String) -> Bool {
        guard let contact else { return false }
        let own = contact.filter { $0.isASCII && $0.isNumber }
        return own == digits || same(own, digits)
    }

    /// True when `national` (digits with or without spaces, `-`, `(`, `)`, a trunk `0` first) is `international` without
    /// its country calling code (`CountryCallingCode.code(of:)`): `4155550171` or `(415) 555-0171` for `14155550171`,
    /// `0612345678` for `31612345678`. Kapso writes a delivery row's contact as it got it, and phone formats vary
    /// (kapso-api.md §0.17): a row naming the contact in national form was read as another contact's, and `trace` said
    /// "Kapso skipped this one: report it to Kapso support" (tester54 V14). `use` reads a national form the same way
    /// (`IDResolver.isNationalForm`).
    public static func isNationalForm(_ national: String, of international: String) -> Bool {
        guard !national.hasPrefix("+"), let national = digits(national)?.trimmingLeadingZeros(), let full = digits(international),
            let code = CountryCallingCode.code(of: full), national.count >= 6
        else { return false }
        return full.count == code.count + national.count && full.hasSuffix(national)
    }

    /// The other form of a Brazilian, Mexican or Argentine mobile number's digits, nil for any other number:
    /// `551187654321` for `5511987654321` and back, `525512345678` for `5215512345678` and back, `541123456789` for
    /// `5491123456789` and back; for Argentina's 15 form (`54111523456789`) the `549` form of its first reading.
    public static func otherForm(_ digits: String) -> (digits: String, match: Match)? {
        let all = Array(digits)
        guard all.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        if all.count == 13, digits.hasPrefix("55"), isArea(all[2], all[3]), all[4] == "9", isMobileStart(all[5]) {
            return (String(all[0..<4] + all[5...]), .brazilNinthDigit)
        }
        if all.count == 12, digits.hasPrefix("55"), isArea(all[2], all[3]), isMobileStart(all[4]) {
            return (String(all[0..<4]) + "9" + String(all[4...]), .brazilNinthDigit)
        }
        if all.count == 13, digits.hasPrefix("521"), all[3] != "0" {
            return ("52" + String(all[3...]), .mexicoMobileOne)
        }
        if all.count == 12, digits.hasPrefix("52"), all[2] != "0", all[2] != "1" {
            return ("521" + String(all[2...]), .mexicoMobileOne)
        }
        if all.count == 13, digits.hasPrefix("549"), isArgentineAreaStart(all[3]) {
            return ("54" + String(all[3...]), .argentinaMobileNine)
        }
        if all.count == 12, digits.hasPrefix("54"), isArgentineAreaStart(all[2]) {
            return ("549" + String(all[2...]), .argentinaMobileNine)
        }
        if all.count == 14, let first = argentineNineForms(digits).first { return (first, .argentinaMobileNine) }
        return nil
    }

    /// The `549` + 10 digits forms an Argentine number may stand for: itself; `549` + the rest of `54` + 10 digits;
    /// and for `54` + 14 digits, each reading with an area code of 2 (`11`), 3 or 4 digits followed by the national
    /// mobile prefix `15`, without the 15. Empty for any other number.
    static func argentineNineForms(_ digits: String) -> [String] {
        let all = Array(digits)
        guard digits.hasPrefix("54"), all.allSatisfy({ $0.isASCII && $0.isNumber }) else { return [] }
        if all.count == 13, all[2] == "9", isArgentineAreaStart(all[3]) { return [digits] }
        if all.count == 12, isArgentineAreaStart(all[2]) { return ["549" + String(all[2...])] }
        guard all.count == 14, isArgentineAreaStart(all[2]) else { return [] }
        return [2, 3, 4].compactMap { area in
            if area == 2, String(all[2..<4]) != "11" { return nil }
            if area > 2, !"23".contains(all[2]) { return nil }
            let at = 2 + area
            guard all[at] == "1", all[at + 1] == "5" else { return nil }
            return "549" + String(all[2..<at]) + String(all[(at + 2)...])
        }
    }

    /// The form WhatsApp IDs take (`wa_id`, an inbound `from`): Brazil's without the ninth digit, Mexico's and
    /// Argentina's with the 1 or 9;
    /// nil for other numbers. Which form a given contact's ID has depends on when it was made, so kops says it, never
    /// assumes it.
    public static func whatsAppIDForm(_ digits: String) -> String? {
        guard let other = otherForm(digits) else { return nil }
        let (shorter, longer) = other.digits.count < digits.count ? (other.digits, digits) : (digits, other.digits)
        if other.match == .argentinaMobileNine { return digits.count == 13 ? digits : other.digits }
        return other.match == .brazilNinthDigit ? shorter : longer
    }

    /// The digits to give Kapso's `phone_number` filter (a partial match, kapso-api.md §7.1, §8.1) so that both forms
    /// of a number are found: a Brazilian or Mexican mobile number's last 8 digits, which its two forms share (what it
    /// finds includes other contacts ending so: filter with `same`); an Argentine mobile number's last 8 digits, or
    /// the last 6 of its 15 form (the shortest subscriber number follows the 15); any other number's own digits.
    public static func searchKey(_ digits: String) -> String {
        guard otherForm(digits) != nil else { return digits }
        return String(digits.suffix(digits.count == 14 ? 6 : 8))
    }

    /// `(which form, e.g. Brazil's ninth digit)` wording for a match, for a sentence.
    public static func reason(_ match: Match) -> String {
        switch match {
        case .sameDigits: "the same digits"
        case .brazilNinthDigit: "Brazil's ninth digit 9 after the area code"
        case .mexicoMobileOne: "Mexico's mobile 1 after the country code"
        case .argentinaMobileNine: "Argentina's mobile 9 after the country code (15 after the area code at home)"
        }
    }

    /// Only digits, after a leading `+` and separators; nil when anything else is in the text.
    private static func digits(_ text: String) -> String? {
        // ASCII read by its bytes: each byte of it is one `Character` but CR LF, which neither reading takes, so both take
        // the same texts and keep the same digits (tester63 AN7: a `KeyPath` and a scalar look-up per `Character`).
        // Nil from the closure: not ASCII, read below; `.some(nil)`: no number.
        let ascii = text.utf8.withContiguousStorageIfAvailable { bytes -> String?? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
            let isSeparator = { (byte: UInt8) in
                byte == UInt8(ascii: "+") || byte == UInt8(ascii: " ") || byte == UInt8(ascii: "(") || byte == UInt8(ascii: ")")
                    || byte == UInt8(ascii: "-")
            }
            guard bytes.allSatisfy({ isDigit($0) || isSeparator($0) }) else { return .some(nil) }
            let digits = String(decoding: bytes.filter(isDigit), as: UTF8.self)
            return .some(digits.isEmpty ? nil : digits)
        }
        if let ascii, let answer = ascii { return answer }
        guard text.allSatisfy({ ($0.isASCII && $0.isNumber) || "+ ()-".contains($0) }) else { return nil }
        let digits = text.filter(\.isNumber)
        return digits.isEmpty ? nil : digits
    }

    /// A Brazilian area code (DDD): two digits 1-9 each (11 São Paulo … 99 Maranhão; none has a 0).
    private static func isArea(_ first: Character, _ second: Character) -> Bool {
        ("1"..."9").contains(first) && ("1"..."9").contains(second)
    }

    /// The first digit of an Argentine area code: 1 (11, Buenos Aires), 2 or 3 (3- and 4-digit codes).
    private static func isArgentineAreaStart(_ digit: Character) -> Bool { ("1"..."3").contains(digit) }

    /// The first digit of a Brazilian mobile number before the ninth digit: 6-9 (2-5 are landlines).
    private static func isMobileStart(_ digit: Character) -> Bool { ("6"..."9").contains(digit) }
}
