// MARK: - Whether a number typed without '+' carries its country code

extension PhoneNumberText {
    /// How a number reads against the country codes of the project's numbers (`IDResolver.countryCodes`).
    public enum CountryReading: Sendable, Equatable {
        /// The digits are the number with its country code, to be used as they are.
        case international
        /// No '+' or '00', and the digits may be a national number of the project's country as well as not.
        /// `national`: the number with a project code before it, for each code where that makes a whole number;
        /// `asTyped`: the digits themselves when they make a whole number of another country (nil when not).
        case uncertain(national: [String], asTyped: String?)
    }

    /// Whether the digits carry their country code; the one reading behind `reply --to` (which refuses an uncertain
    /// number) and `whois` (which warns of one), so neither suggests a number the other would not.
    ///
    /// International: marked with `+`/`00`; a whole number starting with one of `projectCodes`; the number of one of the project's
    /// contacts (`isContact`, asked only when the rest leaves doubt: Meta's `wa_id`/`from`, Kapso's `phone_number`
    /// and kops's CONTACT column write numbers without `+`); or 11 digits or more that make a whole number of another
    /// country (`CountryCallingCode.isPlausible`) and no whole number of the project's country with its code before
    /// them. `5511987654321` in a +1 project is Brazilian: `+15511987654321` would be no NANP number, so it is never
    /// suggested. `31987654321` in a +55 project stays uncertain: Belo Horizonte's `(31) 98765-4321` or +31 (Netherlands).
    public func countryReading(projectCodes: [String], isContact: () throws -> Bool) rethrows -> CountryReading {
        guard !hasInternationalPrefix, !projectCodes.isEmpty,
            !(projectCodes.contains(where: { digits.hasPrefix($0) }) && CountryCallingCode.isPlausible(digits))
        else { return .international }
        let national = digits.trimmingLeadingZeros()
        let withProjectCode = projectCodes.map { $0 + national }.filter(CountryCallingCode.isPlausible)
        let asTyped = CountryCallingCode.isPlausible(digits) ? digits : nil
        if asTyped != nil, digits.count >= 11, withProjectCode.isEmpty { return .international }
        if try isContact() { return .international }
        return .uncertain(national: withProjectCode, asTyped: asTyped)
    }

    /// The reading when the project's contacts are not known (`whois`, which found no contact with the number).
    public func countryReading(projectCodes: [String]) -> CountryReading {
        countryReading(projectCodes: projectCodes, isContact: { false })
    }
}
