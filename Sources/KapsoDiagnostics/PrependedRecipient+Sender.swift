public import KapsoClient

extension PrependedRecipient {
    /// The sending number's digits, whose calling code Meta prepends: `display_phone_number_normalized`; when Kapso sends
    /// it empty, the digits of `display_phone_number` when that is written in international form (`+44 20 7946 0100`)
    /// and its first group, if it sets one apart, is the calling code the digits start with (tester68b N3: an empty
    /// normalized number left a +44 sender's misdelivery hedged). Nil when neither says the code for certain: a display
    /// number without `+` (`020 7946 0100`) may be national, and guessing a code would tell a misdelivery that is none.
    public static func senderDigits(of number: PhoneNumber) -> String? {
        let normalized = number.normalizedDisplayNumber.filter { $0.isASCII && $0.isNumber }
        if !normalized.isEmpty { return normalized }
        return displayDigits(number.displayPhoneNumber)
    }

    /// The digits of a display number in international form whose calling code is unambiguous, else nil.
    static func displayDigits(_ display: String?) -> String? {
        guard let display = display?.drop(while: \.isWhitespace), display.hasPrefix("+") else { return nil }
        let shown = display.dropFirst()
        guard shown.allSatisfy({ ($0.isASCII && $0.isNumber) || " -().".contains($0) }) else { return nil }
        let digits = shown.filter { $0.isASCII && $0.isNumber }
        guard CountryCallingCode.isPlausible(digits), let code = CountryCallingCode.code(of: digits) else { return nil }
        // `+44 20 …`: the group before the first separator is the code, or the number is written some other way.
        let group = shown.prefix { $0.isASCII && $0.isNumber }
        guard group.count == digits.count || group == code else { return nil }
        return digits
    }
}
