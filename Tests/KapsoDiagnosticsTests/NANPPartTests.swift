import Testing

@testable import KapsoDiagnostics

/// A +1 number of the right length whose area code or exchange starts with 0 or 1 is no NANP number (NXX-NXX-XXXX):
/// the part that is wrong is named, as a wrong length is.
@Suite struct NANPPartTests {
    @Test(arguments: [
        ("11235550100", "an area code starting with 2-9 after +1 (a NANP number is NXX-NXX-XXXX), not 123"),
        ("10235550100", "an area code starting with 2-9 after +1 (a NANP number is NXX-NXX-XXXX), not 023"),
        ("14150550100", "an exchange (the 3 digits after the area code) starting with 2-9 after +1 (a NANP number is "
            + "NXX-NXX-XXXX), not 055"),
        ("14151550100", "an exchange (the 3 digits after the area code) starting with 2-9 after +1 (a NANP number is "
            + "NXX-NXX-XXXX), not 155"),
        ("11231550100", "an area code and an exchange (the 3 digits after it) each starting with 2-9 after +1 (a NANP number "
            + "is NXX-NXX-XXXX), not 123 and 155"),
    ])
    func aWrongPartIsNamed(digits: String, says: String) throws {
        let problem = try #require(CountryCallingCode.numberProblem(digits))
        #expect(problem.hasPrefix(says + ": check the number"), "\(problem)")
        #expect(!CountryCallingCode.isPlausible(digits))
    }

    @Test(arguments: ["14155550100", "12025550143", "19005550100", "447700900123", "5511987654321"])
    func possibleNumbersPass(digits: String) {
        #expect(CountryCallingCode.numberProblem(digits) == nil)
    }

    /// A wrong length is said first: its digits are not NXX-NXX-XXXX at all.
    @Test func theLengthComesFirst() {
        #expect(CountryCallingCode.numberProblem("112355501001")?.hasPrefix("10 digits after +1") == true)
        #expect(CountryCallingCode.nanpPartProblem("112355501001") == nil)
    }
}
