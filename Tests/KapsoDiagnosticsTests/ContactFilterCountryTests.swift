import KapsoClient
import KapsoDiagnostics
import Testing

/// probe46 P46-13: a `--phone-number` filter typed without '+' or '00' that may be a national number of the project's
/// country is read by the rule `reply --to` and `whois` read such a number by (`PhoneNumberText.countryReading`).
@Suite struct ContactFilterCountryTests {
    static let numbers = IDResolverTests.numbers

    static func number(_ text: String) throws -> PhoneNumberText {
        guard case .success(let number) = PhoneNumberText.parse(text) else { throw PhoneNumberText.Problem.empty }
        return number
    }

    @Test(arguments: ["4155550157", "(415) 555-0157", "415 555 0157"])
    func aNationalNumberIsListedAsKapsosPartialMatch(_ typed: String) throws {
        let line = try #require(IDResolver.uncertainContactFilter(try Self.number(typed), typed: typed, numbers: Self.numbers))
        #expect(line.hasPrefix("\(typed) has no '+' or '00' and does not start with this project's country code (+1)"), "\(line)")
        #expect(line.contains("listed as Kapso's partial match"), "\(line)")
        #expect(line.contains("--phone-number +14155550157"), "\(line)")
    }

    /// Whole numbers with their country code, an id, and a project whose numbers are not known: no doubt.
    @Test(arguments: ["14155550157", "+4155550157", "004155550157", "5511987654321", "100200300400501"])
    func aWholeNumberIsNoDoubt(_ typed: String) throws {
        #expect(IDResolver.uncertainContactFilter(try Self.number(typed), typed: typed, numbers: Self.numbers) == nil)
    }

    @Test func withoutTheNumbersThereIsNoCountryToReadAgainst() throws {
        #expect(IDResolver.uncertainContactFilter(try Self.number("4155550157"), typed: "4155550157", numbers: []) == nil)
    }

    /// `reply --to` refuses the same number in the same words.
    @Test func replyToSaysItInTheSameWords() throws {
        let problem = try #require(IDResolver.notAContact(try Self.number("4155550157"), typed: "4155550157", numbers: Self.numbers))
        #expect(problem.statement.hasPrefix("4155550157 has no '+' or '00' and does not start with this project's country code (+1)"))
    }
}
