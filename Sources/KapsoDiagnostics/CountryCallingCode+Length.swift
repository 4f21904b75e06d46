// MARK: - A number too long or too short for its country code

extension CountryCallingCode {
    /// Why digits written with `+` or `00` cannot be a number: the national number after the country code has a length
    /// the country does not use (`nationalLengths`, from libphonenumber's metadata; ITU-T E.164). A NANP (+1) number has
    /// exactly 10 digits after +1 (NXX-NXX-XXXX), as has one under +7 (Russia, Kazakhstan). When dropping a national
    /// trunk prefix kept by mistake gives a length the country uses, that is the fix: NANP's long-distance `1`
    /// (`+1 1 415 555 0190`), Russia's and Kazakhstan's trunk `8` (`+7 8 912 345 67 89`; E.164 international form drops
    /// it). A trunk `0` after the country code is `PhoneNumberText.trunkZeroCountryCode`'s case and gives nil here, as do
    /// digits without a known country code, and Argentina's domestic mobile form with 15 after the area code
    /// (`54 11 15 2345 6789`, 14 digits that read so), which `reply` sends to the contact's number (probe25 P25-19) (probe35 P35-6). Argentina's
    /// mobile written with both the international 9 and the domestic 15 (`+54 9 11 15 2345 6789`, 13 digits after +54)
    /// names the number without the 15 (`keptFifteen`; Wikipedia, "Telephone numbers in Argentina": from abroad the 15
    /// is dropped and 9 added) (probe37 P37-3).
    public struct LengthProblem: Sendable, Equatable {
        public var code: String
        public var national: String
        public var lengths: ClosedRange<Int>
        /// The whole number without the trunk prefix (`14155550190`), when dropping it gives a number of the right length.
        public var withoutTrunk: String?
        /// True when the extra digits are Argentina's domestic mobile 15 after the area code, written beside the 9 of
        /// the international form; `withoutTrunk` is then the number without the 15.
        public var keptFifteen = false

        /// `10 digits after +1 (a NANP number), not 11: the leading 1 is NANP's long-distance prefix, dropped in
        /// international form: write +14155550190` (what was expected, then the count given). The digits are not repeated:
        /// the line they end already echoes the number as typed, which a transcript masks, and these it would not
        /// (probe37: the typed digits came twice).
        public var text: String {
            let expected = lengths.count == 1 ? "\(lengths.lowerBound)" : "\(lengths.lowerBound) to \(lengths.upperBound)"
            let head = "\(expected) digits after +\(code) (\(Self.name(code))), not \(national.count)"
            guard let withoutTrunk else {
                return head + ": check the number; 'conversations' shows a contact's whole number"
            }
            if keptFifteen {
                return head + ": the 15 after the area code is Argentina's domestic mobile prefix, which the 9 after +54 "
                    + "replaces in international form: write +\(withoutTrunk)"
            }
            let prefix = code == "1" ? "NANP's long-distance prefix" : "the national trunk prefix"
            return head + ": the leading \(national.prefix(1)) is \(prefix), dropped in international form: write +\(withoutTrunk)"
        }

        static func name(_ code: String) -> String {
            switch code {
            case "1": "a NANP number"
            case "7": "a Russian or Kazakh number"
            default: "a +\(code) number"
            }
        }
    }

    /// The trunk prefix a national number may keep by mistake after its country code, other than 0.
    static let otherTrunkPrefixes: [String: Character] = ["1": "1", "7": "8"]

    /// What is wrong with the length of `digits` (a number with its country code), nil when nothing is (or kops cannot
    /// tell: no known code, a trunk 0).
    public static func lengthProblem(_ digits: String) -> LengthProblem? {
        guard digits.allSatisfy({ $0.isASCII && $0.isNumber }), PhoneNumberText.trunkZeroCountryCode(digits) == nil,
            !(digits.count == 14 && !ContactNumber.argentineNineForms(digits).isEmpty),
            let code = code(of: digits), let lengths = nationalLengths[code]
        else { return nil }
        let national = String(digits.dropFirst(code.count))
        guard !lengths.contains(national.count) else { return nil }
        var problem = LengthProblem(code: code, national: national, lengths: lengths)
        if let trunk = otherTrunkPrefixes[code], national.first == trunk, isPlausible(code + national.dropFirst()) {
            problem.withoutTrunk = code + national.dropFirst()
        }
        // `54 9 11 15 2345 6789`: both mobile marks; the one reading without the 15 is the number.
        if code == "54", national.count == 13, national.first == "9" {
            let readings = ContactNumber.argentineNineForms("54" + national.dropFirst())
            if readings.count == 1 {
                problem.withoutTrunk = readings[0]
                problem.keptFifteen = true
            }
        }
        return problem
    }
}
