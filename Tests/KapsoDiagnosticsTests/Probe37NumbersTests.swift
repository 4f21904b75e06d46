import KapsoDiagnostics
import Testing

/// probe37 P37-3 and P37-10: one subscriber written two ways. A test number's allowed list holds an Argentine or Mexican
/// mobile without the 9 or 1 its WhatsApp ID carries, so a 131030 says which form went out and which to send to or add;
/// a national trunk 0 kept after the country code (`+44 07700 900123`) is the number without it, said in one line; the
/// country length check reads 549…, 521…, 440… and `+54 9 … 15 …` alike.
@Suite struct Probe37NumbersTests {
    /// P37-3: the wa_id form, the listed form and Argentina's domestic 15 form each get their own reading.
    @Test(arguments: [
        ("5491123456789", "541123456789", "5491123456789", "the form WhatsApp IDs (wa_id) give this Argentine mobile", "send to +541123456789"),
        ("541123456789", "541123456789", "5491123456789", "the form a test number's allowed list holds", "add +541123456789"),
        ("54111523456789", "541123456789", "5491123456789", "domestic form (15 after the area code)", "send to +541123456789"),
        ("5215512345678", "525512345678", "5215512345678", "the form older WhatsApp IDs (wa_id) give this Mexican mobile", "send to +525512345678"),
        ("525512345678", "525512345678", "5215512345678", "may be +5215512345678", "add +525512345678"),
    ])
    func aRefusedSendNamesTheListedForm(sent: String, listed: String, whatsAppID: String, says: String, fix: String) throws {
        let form = try #require(ContactNumber.allowedListForm(sent))
        #expect(form.listed == listed)
        #expect(form.whatsAppID == whatsAppID)
        #expect(form.text.contains("the send went to +\(sent)"), "\(form.text)")
        #expect(form.text.contains(says) && form.text.contains(fix), "\(form.text)")
        // The advice a failed status, `errors` and `trace` give for this recipient is that reading.
        let error = MessageError(code: "131030", title: "Recipient phone number not in allowed list", message: nil, details: nil)
        #expect(error.fix(for: FailedSend(isTemplate: false, recipient: "+" + sent)) == form.text)
    }

    /// Other numbers (and a 13-digit +54 number with no mobile 9) keep the catalogue's fix.
    @Test(arguments: ["14155550142", "5511987654321", "447700900123", "5422123456789"])
    func otherNumbersKeepTheCataloguesFix(number: String) throws {
        #expect(ContactNumber.allowedListForm(number) == nil)
        let error = MessageError(code: "131030")
        #expect(error.fix(for: FailedSend(isTemplate: false, recipient: number)) == ErrorCatalog.entry(for: "131030")?.fix)
    }

    /// The catalogue's fix (a 131030 with no number: an API-log row, `explain 131030`) names both countries' forms.
    @Test func theCataloguesFixNamesBothForms() throws {
        let entry = try #require(ErrorCatalog.entry(for: "131030"))
        #expect(entry.fix.contains("+54 11 …, not +54 9 11 …") && entry.fix.contains("+52 55 …, not +52 1 55 …"), "\(entry.fix)")
    }

    /// A pasted 131030 that carries the number: read from a request body's `to` or a free-text log line.
    @Test(arguments: [
        (#"{"error":{"message":"(#131030) Recipient phone number not in allowed list","code":131030},"to":"5491123456789"}"#, "5491123456789"),
        ("(#131030) Recipient phone number not in allowed list, to +52 1 55 1234 5678", "5215512345678"),
    ])
    func aPastedErrorCarriesItsNumber(text: String, sent: String) throws {
        let pasted = try #require(PastedError(text))
        #expect(pasted.allowedListForm?.sent == sent)
    }

    @Test func aPastedErrorWithTwoNumbersOrNoneNamesNoForm() throws {
        #expect(try #require(PastedError("(#131030) Recipient phone number not in allowed list")).allowedListForm == nil)
        #expect(try #require(PastedError("131030 to 5491123456789 and 5215512345678")).allowedListForm == nil)
    }

    /// P37-10: the trunk 0 after the country code, with `+`, `00` or as bare digits, is the number without it.
    @Test(arguments: [
        ("+44 07700 900123", "44", "447700900123", "+44 7700 900123"),
        ("+4407700900123", "44", "447700900123", "+44 7700900123"),
        ("4407700900123", "44", "447700900123", "+44 7700900123"),
        ("0044 07700 900123", "44", "447700900123", "+44 7700 900123"),
        ("+44 0 7700 900123", "44", "447700900123", "+44 7700 900123"),
        ("+49 030 1234567", "49", "49301234567", "+49 30 1234567"),
        ("+33 06 12 34 56 78", "33", "33612345678", "+33 6 12 34 56 78"),
        ("+54 011 2345-6789", "54", "541123456789", "+54 11 2345-6789"),
        ("+55 011 98765-4321", "55", "5511987654321", "+55 11 98765-4321"),
        ("+91 098765 43210", "91", "919876543210", "+91 98765 43210"),
        ("+81 090-1234-5678", "81", "819012345678", "+81 90-1234-5678"),
    ])
    func aKeptTrunkZeroNamesTheNumberWithoutIt(typed: String, code: String, digits: String, written: String) throws {
        let number = try PhoneNumberText.parse(typed).get()
        let kept = try #require(number.keptTrunkZero(typed: typed, projectCodes: ["1"]))
        #expect(kept.code == code && kept.digits == digits && kept.written == written)
        #expect(kept.stillWrong == nil)
        #expect(kept.text.hasSuffix("; drop the 0 after +\(code): \(written)"), "\(kept.text)")
        #expect(CountryCallingCode.isPlausible(kept.digits))
    }

    /// Italy's landlines keep their 0 after +39, as Hungary's 06, Russia's 8 and Rwanda's numbers are their own
    /// cases; a national number that reads as the project's (Ohio's 440 in a +1 project) is no UK number.
    @Test(arguments: [
        ("+39 06 6988 1234", ["1"]), ("+39 02 1234 5678", ["1"]), ("+44 7700 900123", ["1"]), ("+36 06 30 123 4567", ["1"]),
        ("+7 8 912 345 67 89", ["1"]), ("+250 0788 123 456", ["1"]), ("4405551234", ["1"]), ("4402345678", ["1"]),
        ("+34 0612 345 678", ["1"]), ("447700900123", ["1"]),
    ])
    func noTrunkZeroWhereTheZeroBelongs(typed: String, codes: [String]) throws {
        let number = try PhoneNumberText.parse(typed).get()
        #expect(number.keptTrunkZero(typed: typed, projectCodes: codes) == nil)
    }

    /// A trunk 0 whose number is still wrong once the 0 is dropped says both.
    @Test func aTrunkZeroOnANumberTooShortSaysSo() throws {
        let number = try PhoneNumberText.parse("+44 0770 090").get()
        let kept = try #require(number.keptTrunkZero(typed: "+44 0770 090"))
        #expect(kept.stillWrong?.contains("9 to 10 digits after +44") == true, "\(kept.text)")
    }

    /// The table follows libphonenumber's metadata: the UK and Germany in, Italy and Spain out.
    @Test func theTrunkZeroCodesAreLibphonenumbersNationalPrefixZero() {
        for code in ["44", "49", "33", "31", "54", "55", "91", "81", "353", "380"] {
            #expect(PhoneNumberText.trunkZeroCountryCode(code + "0123456789") == code, "\(code)")
        }
        for code in ["39", "34", "351", "45", "47", "30", "48", "36", "7", "1", "52", "250"] {
            #expect(PhoneNumberText.trunkZeroCountryCode(code + "0123456789") == nil, "\(code)")
        }
    }

    /// Part 3: the length check reads each form as the contact lists do: 549… and 521… are whole numbers, 440… is the
    /// trunk's case, 54…15… is Argentina's domestic form; `+54 9 11 15 …` names the number without the 15; a 14-digit
    /// +54 number that is no 15 form is too long.
    @Test(arguments: ["5491123456789", "541123456789", "5215512345678", "525512345678", "4407700900123", "54111523456789", "542214155551234"])
    func theLengthCheckReadsEachForm(digits: String) {
        if digits == "542214155551234" {
            // 54 221 415 5551234: 13 digits after +54 and no 9: too long, no reading.
            #expect(CountryCallingCode.lengthProblem(digits)?.withoutTrunk == nil)
            #expect(CountryCallingCode.lengthProblem(digits) != nil)
        } else {
            #expect(CountryCallingCode.lengthProblem(digits) == nil, "\(digits)")
        }
    }

    @Test func bothArgentineMobileMarksNameTheNumberWithoutThe15() throws {
        let problem = try #require(CountryCallingCode.lengthProblem("549111523456789"))
        #expect(problem.withoutTrunk == "5491123456789")
        #expect(problem.text.hasSuffix("the 15 after the area code is Argentina's domestic mobile prefix, which the 9 after +54 replaces in international form: write +5491123456789"), "\(problem.text)")
    }

    @Test func fourteenDigitsAfter54ThatAreNoFifteenFormAreTooLong() throws {
        let problem = try #require(CountryCallingCode.lengthProblem("54112345678901"))
        #expect(problem.text.hasPrefix("10 to 11 digits after +54 (a +54 number), not 12"), "\(problem.text)")
    }
}
