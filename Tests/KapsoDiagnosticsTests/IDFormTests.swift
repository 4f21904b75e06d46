import KapsoDiagnostics
import Testing

/// probe9 P9-19, P9-21: ids as they were stored or mangled on their way.
@Suite struct IDFormTests {
    /// Kapso serves an id as it stored it: the id as typed is asked first, its other `=` forms only after it (P37-15).
    @Test(arguments: [
        ("wamid.HBgLMTQxNTU1NTAx72VAgASGBQBQ02AAAAAAAAAAAAAAAAAAAA=",
         ["wamid.HBgLMTQxNTU1NTAx72VAgASGBQBQ02AAAAAAAAAAAAAAAAAAAA=", "wamid.HBgLMTQxNTU1NTAx72VAgASGBQBQ02AAAAAAAAAAAAAAAAAAAA==",
          "wamid.HBgLMTQxNTU1NTAx72VAgASGBQBQ02AAAAAAAAAAAAAAAAAAAA"]),
        ("wamid.HBgLMTQxNTU1NTAxNTcVAgASGBRCOTRFMkQ3QTE2QzAzRjU4RTkyMgA",
         ["wamid.HBgLMTQxNTU1NTAxNTcVAgASGBRCOTRFMkQ3QTE2QzAzRjU4RTkyMgA", "wamid.HBgLMTQxNTU1NTAxNTcVAgASGBRCOTRFMkQ3QTE2QzAzRjU4RTkyMgA="]),
        ("wamid.HBgLMTQxNTU1NTAxNTcVAgASGBRCOTRFMkQ3QTE2QzAzRjU4RTkyMgA=",
         ["wamid.HBgLMTQxNTU1NTAxNTcVAgASGBRCOTRFMkQ3QTE2QzAzRjU4RTkyMgA=", "wamid.HBgLMTQxNTU1NTAxNTcVAgASGBRCOTRFMkQ3QTE2QzAzRjU4RTkyMgA"]),
        ("WAMID.HBgLMTQxNTU1NTAxNTcVAgASGBRCOTRFMkQ3QTE2QzAzRjU4RTkyMgA%3D",
         ["wamid.HBgLMTQxNTU1NTAxNTcVAgASGBRCOTRFMkQ3QTE2QzAzRjU4RTkyMgA=", "wamid.HBgLMTQxNTU1NTAxNTcVAgASGBRCOTRFMkQ3QTE2QzAzRjU4RTkyMgA"]),
    ])
    func theIDAsTypedIsAskedFirst(_ typed: String, _ ids: [String]) throws {
        #expect(try WAMID.lookups(typed).get() == ids)
    }

    @Test func aLowerCasedWAMIDIsNamed() {
        #expect(WAMID.looksLowerCased("wamid.hbglmtqxntu1ntaxntcvagasgbrcotrfmkq3qte2qzazrju4rtkymga="))
        #expect(!WAMID.looksLowerCased("wamid.HBgLMTQxNTU1NTAxNTcVAgASGBRCOTRFMkQ3QTE2QzAzRjU4RTkyMgA="))
    }

    /// A spreadsheet's rendering of a long id: the value is named only when every digit is shown.
    @Test(arguments: [
        ("1.00200300400501e14", "it is 100200300400501 (every digit shown); use 100200300400501"),
        ("1.00200300400501E+14", "it is 100200300400501 (every digit shown); use 100200300400501"),
        ("1.002003004005e14", "only 13 of the 15 digits of an id starting 1002003004005 are kept, the rest are lost"),
        ("1,00200300400501E+14", "it is 100200300400501 (every digit shown)"),
        ("2.00300400500601001E+17", "only 15 of the 18 digits of an id starting 200300400500601 are kept, the rest are lost"),
    ])
    func aNumberInScientificNotationSaysWhatItIs(_ typed: String, _ said: String) throws {
        guard case .failure(let problem) = IDInput.read(typed) else {
            Issue.record("\(typed) was read as an id")
            return
        }
        #expect(problem.reason.hasPrefix("a number in scientific notation, as a spreadsheet shows a long number: "), "\(problem.reason)")
        #expect(problem.reason.contains(said), "\(problem.reason)")
    }

    /// probe10 P10-9: the project's own id with a float's `.0` was "not … of this project; wrong project or key?".
    @Test(arguments: [
        ("100200300400501.0", "a whole number written with a fraction ('.0'), as a spreadsheet or a float column (pandas, a CSV export) writes a long number: it is 100200300400501; use 100200300400501"),
        ("14155550171.00", "('.00'), as a spreadsheet or a float column (pandas, a CSV export) writes a long number: it is 14155550171; use 14155550171"),
        ("\"100200300400501,0\"", "it is 100200300400501; use 100200300400501"),
        // P12-9: with a `+` it was read as the phone number 141555501300 (the `.` a separator), another contact's.
        ("+14155550130.0", "('.0'), as a spreadsheet or a float column (pandas, a CSV export) writes a long number: it is +14155550130; use +14155550130"),
        ("2003004005006010001.0", "it reads 2003004005006010001, but a float keeps about 15 to 16 digits, so the last ones may be wrong"),
    ])
    func aWholeNumberWithAZeroFractionSaysWhatItIs(_ typed: String, _ said: String) throws {
        let problem = try #require(IDInput.read(typed).failureValue, "\(typed) was read as an id")
        #expect(problem.reason.contains(said), "\(problem.reason)")
    }

    /// probe10 P10-9: digits of another script, as phones with an Arabic or CJK keyboard type them, were "ASCII letters
    /// and digits only"; Twilio's `whatsapp:+1…` address was "expected E.164".
    @Test(arguments: [
        ("١٤١٥٥٥٥٠١٠٠", "it is written in Arabic-Indic digits (as a phone with that keyboard types them); in ASCII digits it is 14155550100: use 14155550100"),
        ("+۱ ۴۱۵ ۵۵۵ ۰۱۰۰", "Eastern Arabic-Indic (Persian, Urdu) digits (as a phone with that keyboard types them); in ASCII digits it is +1 415 555 0100"),
        ("１００２００３００４００５０１", "full-width digits (as a phone with that keyboard types them); in ASCII digits it is 100200300400501"),
    ])
    func digitsOfAnotherScriptAreNamed(_ typed: String, _ said: String) throws {
        let problem = try #require(IDInput.read(typed).failureValue, "\(typed) was read as an id")
        #expect(problem.reason.contains(said), "\(problem.reason)")
    }

    @Test func twiliosWhatsAppAddressIsANumber() throws {
        #expect(PhoneNumberText.linkedNumber("whatsapp:+14155550100") == "+14155550100")
        #expect(try IDInput.read("whatsapp:+14155550100").get() == IDInput.read("+14155550100").get())
        #expect(IDInput.read("١٤١٥x").failureValue == .nonASCII, "not digits alone")
    }

    @Test(arguments: ["415.555.0100", "4155550.1", "123.0", "0014155550100.0", "+14155550100", "+1.415.555.0100", "+123.0", "++14155550130.0"])
    func otherNumbersAreNoZeroFraction(_ typed: String) {
        #expect(IDInput.zeroFractionDigits(IDInput.cleaned(typed)) == nil, "\(typed)")
    }

    @Test(arguments: ["1.5e-3", "e14", "1.2345e2", "12e5x", "wamid.e14"])
    func otherTextIsNoScientificNumber(_ typed: String) {
        if case .failure(let problem) = IDInput.read(typed) {
            #expect(!problem.reason.contains("(every digit shown)"), "\(typed): \(problem.reason)")
        }
    }
}

extension Result {
    /// The error of a failure, or nil.
    fileprivate var failureValue: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
