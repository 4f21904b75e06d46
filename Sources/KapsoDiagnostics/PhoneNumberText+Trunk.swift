// MARK: - A national trunk prefix 0 kept after the country code

extension PhoneNumberText {
    /// A number written with its country code and then the national trunk prefix 0 that international form drops:
    /// `+44 07700 900123` (+44 7700 900123), `4407700900123`, `+49 030 1234567`. kops reads these as mistakes, never as
    /// other contacts: `whois`, `messages --phone-number`, `conversations --phone-number` and `reply --to` say the
    /// number without the 0 in one line (`line`).
    ///
    /// Only for the country codes of `CountryCallingCode.trunkZeroCodes` (libphonenumber's `nationalPrefix="0"`, with
    /// no mobile or fixed-line national number starting with 0): the UK, most of Europe, Brazil, Argentina, India,
    /// Japan and others. Italy (+39) is not among them: its landlines keep the 0 after +39 (`+39 06 6988 1234`, Rome).
    /// ITU-T E.123 §2.5 and E.164: the trunk prefix is not part of the international number.
    public struct KeptTrunkZero: Sendable, Equatable {
        /// The country calling code the 0 follows, e.g. `44`.
        public var code: String
        /// The number's digits without the 0, e.g. `447700900123`.
        public var digits: String
        /// The number as typed, without the 0 and with `+`: `+44 7700 900123`.
        public var written: String
        /// What is still wrong once the 0 is dropped (`CountryCallingCode.numberProblem`), nil when nothing is.
        public var stillWrong: String?

        /// `drop the 0 after +44: +44 7700 900123` (the fix, for the end of a line).
        public var fix: String {
            "drop the 0 after +\(code): \(written)" + (stillWrong.map { " (even then: expected \($0))" } ?? "")
        }

        /// `the 0 after +44 is the national trunk prefix, which a number with its country code leaves out`.
        public var reason: String {
            "the 0 after +\(code) is the national trunk prefix, which a number with its country code leaves out"
        }

        /// `reason; fix`, one line.
        public var text: String { reason + "; " + fix }
    }

    /// The kept trunk 0 of this number as `typed`, nil when there is none. With `+` or `00`: a 0 right after a code of
    /// `CountryCallingCode.trunkZeroCodes` and at least 7 digits (the shortest national numbers) in all. Bare digits
    /// (`4407700900123`, as Meta's `wa_id` and Kapso's `phone_number` write a whole number) only when they make no
    /// whole number as typed nor with one of `projectCodes` before them (a national number of the project's country),
    /// and do once the 0 is dropped: `4405551234` is Ohio's area code 440 to a +1 project, never a UK number.
    public func keptTrunkZero(typed: String, projectCodes: [String] = []) -> KeptTrunkZero? {
        guard let code = Self.trunkZeroCountryCode(digits) else { return nil }
        let without = code + digits.dropFirst(code.count + 1)
        if !hasInternationalPrefix {
            guard !CountryCallingCode.isPlausible(digits), CountryCallingCode.isPlausible(without),
                !projectCodes.contains(where: { CountryCallingCode.isPlausible($0 + digits.trimmingLeadingZeros()) })
            else { return nil }
        }
        return KeptTrunkZero(
            code: code, digits: without, written: Self.writtenWithoutTrunk(typed, code: code) ?? "+\(code) \(without.dropFirst(code.count))",
            stillWrong: CountryCallingCode.numberProblem(without))
    }

    /// The country code of `digits` (a number with its country code) when a trunk 0 follows it, e.g. `44` for
    /// `4407700900123`; nil otherwise.
    public static func trunkZeroCountryCode(_ digits: String) -> String? {
        (1...3).lazy.map { String(digits.prefix($0)) }.first {
            CountryCallingCode.trunkZeroCodes.contains($0) && digits.dropFirst($0.count).first == "0" && digits.count > $0.count + 6
        }
    }

    /// `typed` with `+`, without its international prefix and the 0 after the code's digits, its own spacing kept:
    /// `+44 07700 900123` → `+44 7700 900123`, `0044 (0)7700…` is read before this; `4407700900123` → `+44 7700900123`.
    /// Nil when the text is not digits and separators after an optional `+` (a link).
    static func writtenWithoutTrunk(_ typed: String, code: String) -> String? {
        var text = Substring(withASCIISeparators(typed).trimmingSpaces())
        if text.first == "+" { text = text.dropFirst() }
        guard text.allSatisfy({ $0.isASCII && ($0.isNumber || " -.()".contains($0)) }) else { return nil }
        if text.filter(\.isNumber).hasPrefix("00" + code + "0") {
            // `00 44 0…`: the international call prefix goes, as `parse` drops it.
            var dropped = 0
            while dropped < 2, let first = text.first {
                if first.isNumber { dropped += 1 }
                text = text.dropFirst()
            }
            text = text.drop { !$0.isNumber }
        }
        var seen = 0
        var result = ""
        var rest = text[...]
        while let character = rest.first {
            rest = rest.dropFirst()
            if character.isNumber {
                seen += 1
                if seen == code.count + 1 {
                    // The 0 itself goes; so do the separators after it when the code already ended with one.
                    if result.last.map({ !$0.isNumber }) ?? false { rest = rest.drop { !$0.isNumber } }
                    continue
                }
            }
            result.append(character)
            if seen == code.count, character.isNumber, rest.first == "0" { result.append(" ") }
        }
        return "+" + result.trimmingSpaces()
    }
}
