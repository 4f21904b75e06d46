import KapsoDiagnostics
import Testing

@Suite struct PhoneNumberTextTests {
    typealias Case = (text: String, digits: String?, international: Bool, problem: PhoneNumberText.Problem?)

    static let cases: [Case] = [
        ("+1 415-555-0101", "14155550101", true, nil),
        ("14155550101", "14155550101", false, nil),
        ("0014155550101", "14155550101", true, nil),
        ("00 1 (415) 555-0101", "14155550101", true, nil),
        ("  +44 20 7946 0958 ", "442079460958", true, nil),
        // The trunk `(0)` after a country code is not dialled from abroad; before any digit it stays.
        ("+44 (0)20 7946 0958", "442079460958", true, nil),
        ("0044 (0) 20 7946 0958", "442079460958", true, nil),
        ("(0)20 7946 0958", "02079460958", false, nil),
        ("(415) 555.0101", "4155550101", false, nil),
        ("100200300400501", "100200300400501", false, nil),
        ("0415555010", "0415555010", false, nil),
        // The country code in brackets, and the links people paste for a contact (probe finding F21).
        ("(+1) 415 555 0101", "14155550101", true, nil),
        ("https://wa.me/14155550101", "14155550101", true, nil),
        ("wa.me/14155550101?text=Hola", "14155550101", true, nil),
        ("https://api.whatsapp.com/send?text=hi&phone=14155550101", "14155550101", true, nil),
        ("whatsapp://send?phone=%2B14155550101", "14155550101", true, nil),
        ("tel:+1-415-555-0101", "14155550101", true, nil),
        // Copied from a web page or WhatsApp Web: Unicode spaces and dashes between the digits (P22-10).
        ("+1\u{00A0}415\u{00A0}555\u{00A0}0101", "14155550101", true, nil),
        ("+1\u{202F}415\u{202F}555\u{202F}0101", "14155550101", true, nil),
        ("+1\u{2009}415\u{2009}555\u{2009}0101", "14155550101", true, nil),
        ("+1 415\u{2011}555\u{2011}0101", "14155550101", true, nil),
        ("(415)\u{2007}555\u{2013}0101", "4155550101", false, nil),
        ("\u{2212}14155550101", nil, false, .signed),
        ("https://wa.me/", nil, false, .notANumber),
        ("", nil, false, .empty),
        ("   ", nil, false, .empty),
        ("+", nil, false, .notANumber),
        ("1+415", nil, false, .notANumber),
        ("++14155550101", nil, false, .notANumber),
        ("415-CALL-NOW", nil, false, .notANumber),
        ("١٤١٥٥٥٥٠١٠١", nil, false, .notANumber),
        ("１４１５５５５０１０１", nil, false, .notANumber),
        (String(repeating: "9", count: 500), nil, false, .tooLong(digits: 500)),
        ("+" + String(repeating: "1", count: 21), nil, false, .tooLong(digits: 21)),
    ]

    @Test(arguments: cases)
    func parses(_ row: Case) {
        switch PhoneNumberText.parse(row.text) {
        case .success(let parsed):
            #expect(parsed.digits == row.digits, "\(row.text)")
            #expect(parsed.hasInternationalPrefix == row.international, "\(row.text)")
            #expect(row.problem == nil, "\(row.text) parsed, expected \(String(describing: row.problem))")
        case .failure(let problem):
            #expect(problem == row.problem, "\(row.text)")
            #expect(row.digits == nil, "\(row.text) failed with \(problem)")
        }
    }

    @Test(arguments: [
        ("+14155550142", "14155550142"), ("0014155550142", "14155550142"), ("04155550142", nil),
        ("1234567", nil), ("1234567890123456", nil), ("+44 20 7946 0958", "442079460958"),
    ] as [(String, String?)])
    func e164NeedsEightToFifteenDigitsWithoutTrunkZero(_ text: String, _ expected: String?) throws {
        let parsed = try PhoneNumberText.parse(text).get()
        #expect(parsed.e164 == expected)
    }
}

@Suite struct WAMIDTests {
    @Test(arguments: [
        ("wamid.HBgLMTQxNTU1NTAxNDIVAgASGBQzRUIwQTFDMkQzRTRGNTA2MTcyOAA=", "14155550142"),
        ("wamid.HBgLMTQxNTU1NTAxNTcVAgASGBRCOTRFMkQ3QTE2QzAzRjU4RTkyMgA=", "14155550157"),
        // Meta's own webhook sample (a Malaysian number), and the same id percent-encoded and unpadded.
        ("wamid.HBgLNjAxNzM1MjYyMzMVAgASGBQzQUI0NkE4NjM1QTU2NjVGOURGQgA=", "60173526233"),
        ("wamid.HBgLNjAxNzM1MjYyMzMVAgASGBQzQUI0NkE4NjM1QTU2NjVGOURGQgA%3D", "60173526233"),
        ("wamid.HBgLNjAxNzM1MjYyMzMVAgASGBQzQUI0NkE4NjM1QTU2NjVGOURGQgA", "60173526233"),
    ])
    func decodesTheContactNumber(_ wamid: String, _ number: String) {
        #expect(WAMID.contactNumber(in: wamid) == .success(number))
    }

    @Test func validBase64WithoutANumberFieldGivesNoNumber() {
        // "hello world" in base64.
        #expect(WAMID.contactNumber(in: "wamid.aGVsbG8gd29ybGQ=") == .success(nil))
    }

    @Test(arguments: ["wamid.!!!notbase64", "wamid.", "wamid.abcde", "wamid.ab cd", "wamid.é"])
    func rejectsWhatIsNotBase64(_ text: String) {
        #expect(WAMID.contactNumber(in: text) == .failure(.notBase64))
    }

    @Test func needsThePrefix() {
        #expect(WAMID.contactNumber(in: "HBgLMTQxNTU1NTAxNDIV") == .failure(.missingPrefix))
    }
}

@Suite struct IDInputTests {
    @Test(arguments: [
        ("200300400500601", IDInput.number(PhoneNumberText(digits: "200300400500601", hasInternationalPrefix: false))),
        ("+1 415-555-0101", .number(PhoneNumberText(digits: "14155550101", hasInternationalPrefix: true))),
        ("A1C2E3F4-0B1D-4E2F-8A3B-5C6D7E8F9012", .uuid("a1c2e3f4-0b1d-4e2f-8a3b-5c6d7e8f9012")),
        (" d4f5b6c7-3e4a-4b5c-9d6e-8f9012345678 ", .uuid("d4f5b6c7-3e4a-4b5c-9d6e-8f9012345678")),
        (
            "wamid.HBgLMTQxNTU1NTAxNDIVAgASGBQzRUIwQTFDMkQzRTRGNTA2MTcyOAA=",
            .wamid("wamid.HBgLMTQxNTU1NTAxNDIVAgASGBQzRUIwQTFDMkQzRTRGNTA2MTcyOAA=", contact: "14155550142")
        ),
    ])
    func readsEachForm(_ text: String, _ expected: IDInput) {
        #expect(IDInput.read(text) == .success(expected))
    }

    @Test(arguments: [
        ("", IDInput.Problem.empty), ("  \t ", .empty), ("２００３００", .nonASCII), ("café", .nonASCII),
        (String(repeating: "7", count: 500), .number(.tooLong(digits: 500))), ("wamid.***", .wamid(.notBase64)),
        ("hello", .unknownForm), (String(repeating: "x", count: 300), .tooLong(characters: 300)),
        ("12345678-1234-1234-1234-12345678901z", .unknownForm),
    ])
    func rejectsBadInputWithAReason(_ text: String, _ problem: IDInput.Problem) {
        #expect(IDInput.read(text) == .failure(problem))
        #expect(!problem.reason.isEmpty)
    }

    static let lee = "wamid.HBgLMTQxNTU1NTAxNTcVAgASGBRCOTRFMkQ3QTE2QzAzRjU4RTkyMgA="

    /// What people paste around an id (probe F4, F6): one reading for every command.
    @Test(arguments: [
        (String(lee.dropLast()), lee), (String(lee.dropLast()) + "%3D", lee), (String(lee.dropLast()) + "%3d", lee),
        (lee + ".", lee), (lee + ",", lee), ("WAMID." + lee.dropFirst(6), lee), ("\"" + lee + "\"", lee),
        ("<" + lee + ">.", lee), ("\u{201C}" + lee + "\u{201D}", lee), ("`" + lee + "`", lee),
    ])
    func readsAPastedWAMIDAsTheOneInTheAPI(_ pasted: String, _ id: String) {
        #expect(IDInput.read(pasted) == .success(.wamid(id, contact: "14155550157")))
        #expect(WAMID.canonical(IDInput.cleaned(pasted)) == .success(id))
    }

    /// probe7 P7-9: an id with one `=` more than base64 needs (served so by the API) is kept as typed: the repair
    /// only ever adds padding, so it never looks up a different id; its contact number is still read.
    @Test func aWAMIDWithMorePaddingThanNeededIsKeptAsTyped() {
        let served = "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQBP701AAAAAAAAAAAAAAAAAAAA="
        #expect(WAMID.canonical(served) == .success(served))
        #expect(IDInput.read(served) == .success(.wamid(served, contact: "14155550171")))
        #expect(IDInput.repairs(served).isEmpty)
        #expect(WAMID.canonical(String(served.dropLast())) == .success(String(served.dropLast())))
    }

    @Test func repairsSayWhatReadingChanged() {
        #expect(IDInput.repairs(String(Self.lee.dropLast())) == ["the '=' padding put back"])
        #expect(IDInput.repairs(String(Self.lee.dropLast()) + "%3D") == ["URL encoding decoded (%3D is '=')"])
        #expect(IDInput.repairs(Self.lee + ".") == ["quotes or punctuation around it dropped"])
        #expect(IDInput.repairs("WAMID." + Self.lee.dropFirst(6)) == ["'WAMID.' read as 'wamid.'"])
        #expect(IDInput.repairs(Self.lee).isEmpty)
        #expect(IDInput.repairs(" 100200300400501 ").isEmpty)
    }

    @Test(arguments: [
        ("100200300400501.", "100200300400501"), ("200300400500601,", "200300400500601"), (" '100 200 300 400 501' ", "100200300400501"),
        ("(415) 555-0101;", "4155550101"), ("[+1 415-555-0101]", "14155550101"),
    ])
    func readsAPastedNumberWithoutItsPunctuation(_ pasted: String, _ digits: String) {
        guard case .success(.number(let number)) = IDInput.read(pasted) else {
            Issue.record("\(pasted) not read as a number")
            return
        }
        #expect(number.digits == digits)
    }

    @Test func aMinusSignIsNoIdAndTruncatedBase64IsRefused() {
        #expect(IDInput.read("-1") == .failure(.number(.signed)))
        #expect(IDInput.read("-100200300400501") == .failure(.number(.signed)))
        #expect(IDInput.read("wamid.HBgLM") == .failure(.wamid(.notBase64)), "5 base64 characters cannot be padded")
        #expect(IDInput.read("wamid.HB=gL") == .failure(.wamid(.notBase64)), "'=' only at the end")
    }

    @Test func echoIsShortAndHasNoControlCharacters() {
        #expect(IDInput.echo(String(repeating: "1", count: 500)) == String(repeating: "1", count: 23) + "…")
        #expect(IDInput.echo("ab\u{1B}[2Jcd") == "ab?[2Jcd")
        #expect(IDInput.echo("short") == "short")
    }
}
