import KapsoClient
import KapsoDiagnostics
import Testing

/// The probe35 readings, table-driven: Graph's 2500 on any status (P35-5), Kapso's marketing opt-out text and bare code
/// (P35-8), the id kind in a refused send's path whatever the status and text (P35-4), number lengths (P35-6), and Meta's
/// words beside a code (P35-9).
@Suite struct Probe35ReadingsTests {
    static func log(_ path: String, _ status: Int, _ error: String?) -> APILog {
        FailureGroupsTests.log("POST", path, status, key: "backend", at: "2026-11-21T10:00:00Z", error: error)
    }

    /// P35-5: the version or the part Graph names, whatever the status.
    @Test(arguments: [400, 403, 404])
    func unknownPathComponentsOnAnyStatus(status: Int) throws {
        let version = Self.log("/meta/whatsapp/v99.0/100200300400501/messages", status, "(#2500) Unknown path components: /v99.0/100200300400501/messages")
        let meaning = try #require(FailureGroups.meaning(of: version, numbers: IDResolverTests.numbers))
        #expect(meaning.hasPrefix("the path asks Graph v99.0, a version Meta never released"), "\(meaning)")
        let part = Self.log("/meta/whatsapp/v24.0/100200300400501/messages/extra", status, "(#2500) Unknown path components: /extra")
        #expect(FailureGroups.meaning(of: part, numbers: IDResolverTests.numbers)?.hasPrefix("Graph could not read /extra in the path") == true)
        let missing = Self.log("/meta/whatsapp/100200300400501/messages", status, "(#2500) Unknown path components: /100200300400501/messages")
        #expect(FailureGroups.meaning(of: missing, numbers: [])?.contains("/meta/whatsapp/v24.0/100200300400501/messages") == true)
    }

    /// P35-5: the catalogue knows 2500 and says its source is no Meta page.
    @Test func catalogueKnows2500() throws {
        // The code alone has two readings (P37-14); Graph's text "Unknown path components" picks this one.
        let entry = try #require(ErrorCatalog.entry(for: "#2500", message: "(#2500) Unknown path components: /extra"))
        #expect(entry.title == "Unknown path components" && entry.httpStatus == 400 && entry.retry == .fixFirst)
        #expect(entry.reference.hasPrefix("not on Meta's WhatsApp error-codes page"))
    }

    /// P35-8: Kapso's documented text, its code alone and its body are one refusal.
    @Test(arguments: [
        "Contact stopped marketing messages on this WhatsApp number", "marketing_preference_stopped", " marketing_preference_stopped\n",
        #"{"error":"Contact stopped marketing messages on this WhatsApp number","code":"marketing_preference_stopped"}"#,
    ])
    func marketingOptOutText(text: String) throws {
        let refusal = try #require(APIRefusal(status: 422, text: text))
        #expect(refusal.code == "marketing_preference_stopped" && !refusal.isGraphCode)
    }

    /// P35-4: a 400 or 403 on /{WABA id}/messages names the WABA id whatever the text; a project number's own 400 keeps
    /// Graph's reading, and Kapso's own refusals keep theirs.
    @Test(arguments: [
        (400, "(#100) Unsupported post request."), (400, "(#100) The parameter messaging_product is required."),
        (403, "(#200) Permissions error"), (400, nil),
    ] as [(Int, String?)])
    func wabaIDInTheSendPath(status: Int, text: String?) throws {
        let meaning = try #require(
            FailureGroups.meaning(of: Self.log("/meta/whatsapp/v24.0/200300400500601/messages", status, text), numbers: IDResolverTests.numbers))
        #expect(meaning.hasPrefix("200300400500601 is a WABA id, not a phone-number id"), "\(meaning)")
        let own = FailureGroups.meaning(of: Self.log("/meta/whatsapp/v24.0/100200300400501/messages", status, text), numbers: IDResolverTests.numbers)
        #expect(own?.contains("WABA id") == false, "\(own ?? "")")
        let credits = FailureGroups.meaning(
            of: Self.log("/meta/whatsapp/v24.0/200300400500601/messages", 402, #"{"error":"Insufficient credits","code":"insufficient_credits"}"#),
            numbers: IDResolverTests.numbers)
        #expect(credits?.hasPrefix("Kapso billing") == true, "\(credits ?? "")")
    }

    /// P35-6: lengths by country; a kept trunk prefix names the number without it; a trunk 0 is left to its own check.
    /// The count given is said once, without the digits again (probe37).
    @Test(arguments: [
        ("114155550190", "10 digits after +1 (a NANP number), not 11: the leading 1", "14155550190"),
        ("789123456789", "10 digits after +7 (a Russian or Kazakh number), not 11: the leading 8", "79123456789"),
        ("141555501901", "10 digits after +1 (a NANP number), not 11: check the number", nil),
        ("1415555019", "10 digits after +1 (a NANP number), not 9: check the number", nil),
    ] as [(String, String, String?)])
    func impossibleLengths(digits: String, says: String, without: String?) throws {
        let problem = try #require(CountryCallingCode.lengthProblem(digits))
        #expect(problem.text.hasPrefix(says), "\(problem.text)")
        #expect(problem.withoutTrunk == without)
    }

    @Test(arguments: ["14155550190", "79123456789", "5511987654321", "447700900123", "4407700900123", "4915123456789", "54111523456789"])
    func possibleLengthsPass(digits: String) {
        #expect(CountryCallingCode.lengthProblem(digits) == nil)
    }

    /// P35-9: the fix points at error_data.details only when the error has it; else at Meta's user message, or says no
    /// field was named.
    @Test func fixFollowsMetasWords() {
        let fix = "fix the payload; error_data.details names the field"
        #expect(GraphErrorWords(message: "m", details: "to is invalid").fix(fix) == fix)
        #expect(GraphErrorWords(message: "m", userMessage: "bad number").fix(fix) == "fix the payload; Meta's error_user_msg names the field")
        #expect(GraphErrorWords(message: "m").fix(fix).hasPrefix("fix the payload; Meta named no field"))
        let words = GraphErrorWords(error: [
            "message": "(#100) Invalid parameter", "error_subcode": 2_494_010, "error_user_title": "Invalid WhatsApp number",
            "error_user_msg": "The phone number is not a valid WhatsApp number",
        ])
        #expect(words.subcode == 2_494_010)
        #expect(words.quoted == #"Meta: "Invalid WhatsApp number"; "The phone number is not a valid WhatsApp number""#)
    }
}
