/// Whether two numbers are the same WhatsApp contact: the same digits, or the two forms WhatsApp gives one Brazilian or
/// Mexican mobile number, so a contact whose inbound `from` (`wa_id`) differs from the `to` a business sends to is one
/// contact for the 24-hour window, `trace`, `reply`, `whois` and `messages --phone-number`.
///
/// - Brazil (55): mobile numbers got a ninth digit 9 after the 2-digit area code (Anatel, from 2012), but many
///   WhatsApp IDs keep the 8-digit form: `55 11 98765-4321` is `5511987654321` dialled and `551187654321` as `wa_id`.
///   Only mobile numbers got the 9, and they began with 6-9 (landlines 2-5), so a landline is never linked.
/// - Mexico (52): mobile numbers were dialled from abroad with a 1 after the code (`+52 1 55 1234 5678`) until 2019;
///   WhatsApp IDs made before keep it: `5215512345678` as `wa_id`, `525512345678` as dialled.
///
/// Sources: Zoho, "What is the reason for inconsistencies in mobile numbers and their WhatsApp IDs in Brazil and
/// Mexico?" (help.zoho.com); Zoko, "WhatsApp ID Brazil & Mexico" (zoko.io); whapi.cloud, "Specifics of sending
/// messages to numbers of different countries" (also Argentina's 549, which kops does not link: its dialled form
/// puts a 15 inside the number). docs/messages-trace-reply.md has the rule.
public enum ContactNumber {
    /// How two numbers of one contact differ.
    public enum Match: Sendable, Equatable {
        /// The same digits (`+5511987654321` and `5511987654321`).
        case sameDigits
        /// Brazil: with and without the ninth digit 9 after the area code.
        case brazilNinthDigit
        /// Mexico: with and without the 1 after the country code.
        case mexicoMobileOne
    }

    /// How `a` and `b` (digits, or numbers with `+`, spaces, `-`, `(`, `)`) are one contact; nil when they are not, or
    /// when either is no number (a business-scoped user id, a username).
    public static func match(_ a: String, _ b: String) -> Match? {
        guard let a = digits(a), let b = digits(b) else { return nil }
        if a == b { return .sameDigits }
        guard let other = otherForm(a), other.digits == b else { return nil }
        return other.match
    }

    /// True when `a` and `b` name the same contact: the same text (a business-scoped user id), or `match`.
    public static func same(_ a: String?, _ b: String?) -> Bool {
        guard let a, let b else { return false }
        return a == b || match(a, b) != nil
    }

    /// The other form of a Brazilian or Mexican mobile number's digits, nil for any other number:
    /// `551187654321` for `5511987654321` and back, `525512345678` for `5215512345678` and back.
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
        return nil
    }

    /// The form WhatsApp IDs take (`wa_id`, an inbound `from`): Brazil's without the ninth digit, Mexico's with the 1;
    /// nil for other numbers. Which form a given contact's ID has depends on when it was made, so kops says it, never
    /// assumes it.
    public static func whatsAppIDForm(_ digits: String) -> String? {
        guard let other = otherForm(digits) else { return nil }
        let (shorter, longer) = other.digits.count < digits.count ? (other.digits, digits) : (digits, other.digits)
        return other.match == .brazilNinthDigit ? shorter : longer
    }

    /// The digits to give Kapso's `phone_number` filter (a partial match, kapso-api.md §7.1, §8.1) so that both forms
    /// of a number are found: a Brazilian or Mexican mobile number's last 8 digits, which its two forms share (what it
    /// finds includes other contacts ending so: filter with `same`); any other number's own digits.
    public static func searchKey(_ digits: String) -> String {
        otherForm(digits) != nil ? String(digits.suffix(8)) : digits
    }

    /// `(which form, e.g. Brazil's ninth digit)` wording for a match, for a sentence.
    public static func reason(_ match: Match) -> String {
        switch match {
        case .sameDigits: "the same digits"
        case .brazilNinthDigit: "Brazil's ninth digit 9 after the area code"
        case .mexicoMobileOne: "Mexico's mobile 1 after the country code"
        }
    }

    /// Only digits, after a leading `+` and separators; nil when anything else is in the text.
    private static func digits(_ text: String) -> String? {
        guard text.allSatisfy({ ($0.isASCII && $0.isNumber) || "+ ()-".contains($0) }) else { return nil }
        let digits = text.filter(\.isNumber)
        return digits.isEmpty ? nil : digits
    }

    /// A Brazilian area code (DDD): two digits 1-9 each (11 São Paulo … 99 Maranhão; none has a 0).
    private static func isArea(_ first: Character, _ second: Character) -> Bool {
        ("1"..."9").contains(first) && ("1"..."9").contains(second)
    }

    /// The first digit of a Brazilian mobile number before the ninth digit: 6-9 (2-5 are landlines).
    private static func isMobileStart(_ digit: Character) -> Bool { ("6"..."9").contains(digit) }
}
