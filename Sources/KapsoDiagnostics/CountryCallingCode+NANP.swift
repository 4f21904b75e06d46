// MARK: - A NANP number whose area code or exchange cannot start as it does

extension CountryCallingCode {
    /// Why a +1 number of the right length (10 digits after +1) is still none: NANP numbers are NXX-NXX-XXXX, where the
    /// area code (NPA) and the exchange (central office code) each start with 2-9 (ATIS's NANP glossary and NANPA's format:
    /// "NXX-NXX-XXXX, where N is any digit from 2-9"; libphonenumber's US pattern `[2-9]\d{2}[2-9]\d{6}`). `+1 123 555
    /// 0100` has area code 123; `+1 415 055 0100` exchange 055. Other NANP rules (N11 exchanges such as 911, unassigned
    /// area codes) are not checked: which of them a WhatsApp number may have is not documented where kops looked.
    public struct NANPPartProblem: Sendable, Equatable {
        /// The national number (`1235550100`).
        public var national: String
        public var areaCode: String
        public var exchange: String
        public var badAreaCode: Bool
        public var badExchange: Bool

        /// `an area code starting with 2-9 after +1 (a NANP number is NXX-NXX-XXXX), not 123: check the number; …`, what
        /// was expected and then what was given, as `LengthProblem.text`.
        public var text: String {
            let expected: String
            let given: String
            switch (badAreaCode, badExchange) {
            case (true, true):
                expected = "an area code and an exchange (the 3 digits after it) each starting"
                given = "\(areaCode) and \(exchange)"
            case (true, false):
                expected = "an area code starting"
                given = areaCode
            default:
                expected = "an exchange (the 3 digits after the area code) starting"
                given = exchange
            }
            // The digits stay out: the line echoes the number as typed, and a transcript masks that, not these.
            return "\(expected) with 2-9 after +1 (a NANP number is NXX-NXX-XXXX), not \(given): check the number; "
                + "'conversations' shows a contact's whole number"
        }
    }

    /// What is wrong with a +1 number's area code or exchange, nil when nothing is, or when the number is no NANP number
    /// of 10 digits after +1 (`lengthProblem` says what is wrong with its length).
    public static func nanpPartProblem(_ digits: String) -> NANPPartProblem? {
        guard digits.count == 11, digits.hasPrefix("1"), digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let national = Array(digits.dropFirst())
        let badAreaCode = national[0] < "2"
        let badExchange = national[3] < "2"
        guard badAreaCode || badExchange else { return nil }
        return NANPPartProblem(
            national: String(national), areaCode: String(national[0..<3]), exchange: String(national[3..<6]),
            badAreaCode: badAreaCode, badExchange: badExchange)
    }

    /// Why digits written with `+` or `00` cannot be a number (its length for its country, then a NANP number's area
    /// code or exchange), as the rest of a line after "expected "; nil when kops finds nothing wrong.
    public static func numberProblem(_ digits: String) -> String? {
        lengthProblem(digits)?.text ?? nanpPartProblem(digits)?.text
    }
}
