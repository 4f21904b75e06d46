import KapsoClient
import KapsoDiagnostics
import Testing

/// Kapso's own send refusals (kapso-api.md §9.3) and Graph codes in API error texts are named by
/// `errors`, whatever form the text takes: never "the request was refused" when the catalogue knows why.
@Suite struct APIRefusalTests {
    static let send = "/meta/whatsapp/v24.0/100200300400501/messages"

    @Test(arguments: [
        (402, "Insufficient credits", "402 insufficient_credits", "Kapso billing: the Kapso balance cannot cover"),
        (402, #"{"error":"Insufficient credits","code":"insufficient_credits","billing_url":"https://app.kapso.ai/billing"}"#,
            "402 insufficient_credits", "Kapso billing: the Kapso balance cannot cover"),
        (409, "Another message is already in-flight for this conversation. Please retry shortly.", "409 send in flight",
            "send in flight: another send to the same conversation is in progress"),
        (403, "Active sandbox session required to send messages", "403 sandbox_session_required", "Kapso sandbox: Kapso refused the send"),
        (422, "Marketing preference stopped", "422 marketing_preference_stopped", "Kapso marketing pre-check: the contact stopped marketing"),
        // Through Kapso's proxy the token Graph could not parse is the number's, which Kapso keeps (tester51 G14).
        (400, "Invalid OAuth access token - Cannot parse access token", "400 #190",
            "access token cannot be parsed: through Kapso's proxy the token Graph could not parse is the one Kapso keeps"),
        (400, "Malformed access token", "400 #190",
            "access token cannot be parsed: through Kapso's proxy the token Graph could not parse is the one Kapso keeps"),
        (422, "(#131047) Re-engagement message", "422 #131047", "re-engagement (24 h window closed): send an approved template"),
    ])
    func kapsoRefusalsAreNamedInTheGroupedView(status: Int, text: String, error: String, meaning: String) throws {
        var triage = ErrorTriage()
        triage.addAPILogs([FailureGroupsTests.log("POST", Self.send, status, key: "inbox-backend", at: "2026-11-21T10:00:00Z", error: text)])
        let group = try #require(FailureGroups(triage.entries, numbers: IDResolverTests.numbers).groups.first)
        #expect(group.error == error)
        #expect(group.meaning.hasPrefix(meaning), "\(group.meaning)")
        #expect(!group.meaning.contains("the request was refused"))
    }

    @Test func theBillingURLIsPartOfTheFix() throws {
        let refusal = try #require(APIRefusal(status: 402, text: #"{"error":"x","code":"insufficient_credits","billing_url":"https://app.kapso.ai/billing"}"#))
        #expect(refusal.advice?.hasSuffix("top up the balance (the error's billing_url): https://app.kapso.ai/billing") == true)
    }

    @Test func aTextWithoutACodeIsShownInTheErrorColumn() throws {
        var triage = ErrorTriage()
        triage.addAPILogs([FailureGroupsTests.log("POST", Self.send, 400, key: "inbox-backend", at: "2026-11-21T10:00:00Z", error: "Recipient field is blank")])
        let group = try #require(FailureGroups(triage.entries, numbers: IDResolverTests.numbers).groups.first)
        #expect(group.error == "400 Recipient field is blank")
        #expect(APIRefusal(status: 400, text: "Recipient field is blank") == nil)
    }

    @Test(arguments: [
        (#"{"error":"Another message is already in-flight for this conversation. Please retry shortly."}"#, "409"),
        (#"{"error":"Active sandbox session required to send messages"}"#, "sandbox_session_required"),
        ("Insufficient credits", "insufficient_credits"),
    ])
    func pastedKapsoBodiesAreRecognised(text: String, code: String) {
        #expect(PastedError(text)?.code == code)
    }
}
