import KapsoClient
import KapsoDiagnostics
import Testing

/// Probe5 P5-2: digits without `+` (how Meta's `wa_id`, Kapso's `phone_number` and kops's CONTACT column write a
/// number) read as international when they already carry another country's code, and kops never suggests putting
/// the project's code before them.
@Suite struct CountryReadingTests {
    @Test(arguments: [
        ("5511987654321", true), ("551187654321", true), ("5215512345678", true), ("525512345678", true),
        ("5491123456789", true), ("14155550142", true), ("442079460958", true), ("447700900123", true),
        // NANP: 10 digits after the 1, area code and exchange from 2-9.
        ("15511987654321", false), ("11987654321", false), ("14151550142", false), ("1415555014", false),
        // +41 (Switzerland) numbers have 9 digits after the code; 0 and 28 start no code.
        ("4155550142", false), ("02079460958", false), ("2812345678", false), ("", false), ("55abc", false),
    ])
    func plausibleNumbers(digits: String, plausible: Bool) {
        #expect(CountryCallingCode.isPlausible(digits) == plausible)
    }

    @Test func codesArePrefixFree() {
        #expect(CountryCallingCode.code(of: "5511987654321") == "55")
        #expect(CountryCallingCode.code(of: "5215512345678") == "52")
        #expect(CountryCallingCode.code(of: "14155550142") == "1")
        #expect(CountryCallingCode.code(of: "3530851234567") == "353")
        #expect(CountryCallingCode.code(of: "2812345678") == nil)
    }

    typealias Reading = PhoneNumberText.CountryReading

    @Test(arguments: [
        // P5-2: the contacts' numbers as the probe's conversations list them, in a +1 project.
        ("5511987654321", ["1"], Reading.international),
        ("551187654321", ["1"], .international),
        ("5215512345678", ["1"], .international),
        ("+44 20 7946 0958", ["1"], .international),
        ("14155550142", ["1"], .international),
        // A national number of the project's country: only the project's code goes before it.
        ("4155550142", ["1"], .uncertain(national: ["14155550142"], asTyped: nil)),
        ("(415) 555-0142", ["1"], .uncertain(national: ["14155550142"], asTyped: nil)),
        // Too short for Brazil and no NANP number with 1 before it: nothing to suggest.
        ("5511987654", ["1"], .uncertain(national: [], asTyped: nil)),
        // Belo Horizonte's (31) 98765-4321 in a Brazilian project, or a Dutch number: both are said.
        ("31987654321", ["55"], .uncertain(national: ["5531987654321"], asTyped: "31987654321")),
        // A UK national number with its trunk 0 in a UK project.
        ("07700900123", ["44"], .uncertain(national: ["447700900123"], asTyped: nil)),
    ])
    func readsAgainstTheProjectsCountryCodes(text: String, codes: [String], reading: Reading) throws {
        let number = try PhoneNumberText.parse(text).get()
        #expect(number.countryReading(projectCodes: codes) == reading)
    }

    /// The project's contacts are asked about only when the digits leave doubt; a contact's number is international.
    @Test func aContactsNumberIsInternationalAndAskedOnlyWhenInDoubt() throws {
        var asked = 0
        let contact = { () -> Bool in asked += 1; return true }
        #expect(try PhoneNumberText.parse("5511987654321").get().countryReading(projectCodes: ["1"], isContact: contact) == .international)
        #expect(asked == 0)
        #expect(try PhoneNumberText.parse("31987654321").get().countryReading(projectCodes: ["55"], isContact: contact) == .international)
        #expect(asked == 1)
    }

    static let numbers = IDResolverTests.numbers

    /// `reply --to`: never a `+1` before another country's number; a national number is still refused.
    @Test(arguments: [
        ("5511987654321", nil),
        ("551187654321", nil),
        ("5215512345678", nil),
        (
            "4155550142",
            "add the country code, e.g. --to +14155550142"
        ),
        (
            "5511987654",
            "give the contact's whole number with its country code, as 'conversations' shows it"
        ),
    ] as [(String, String?)])
    func replyNeverSuggestsTheProjectsCodeBeforeAnotherCountrysNumber(text: String, fix: String?) throws {
        let number = try PhoneNumberText.parse(text).get()
        let problem = IDResolver.notAContact(number, typed: text, numbers: Self.numbers)
        #expect(problem?.fix == fix)
        #expect(problem.map { !$0.fix.contains("+1551") && !$0.fix.contains("+1521") } ?? true)
    }

    @Test func aContactOfTheProjectIsNotRefusedAsNational() throws {
        let number = try PhoneNumberText.parse("4155550142").get()
        #expect(IDResolver.notAContact(number, typed: "4155550142", numbers: Self.numbers, isContact: { true }) == nil)
        // Its own numbers are still refused, contact or not.
        let own = try PhoneNumberText.parse("4155550100").get()
        #expect(IDResolver.notAContact(own, typed: "4155550100", numbers: Self.numbers, isContact: { true }) != nil)
    }

    /// `whois` warns with the same reading: no "add the country code" for another country's number.
    @Test func whoisDoesNotTellABrazilianNumberToAddTheProjectsCode() throws {
        for text in ["551187654321", "525512345678"] {
            let identity = try IDResolverTests.resolve(text)
            #expect(identity.kind == .unknown)
            #expect(identity.warnings.isEmpty, "\(identity.warnings)")
        }
        #expect(try IDResolverTests.resolve("4155559999").warnings.count == 1)
    }
}
