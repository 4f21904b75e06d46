import KopsShell
import Testing

/// The probe37 findings on `explain` (offline, no request): Graph's token 2500 (P37-14), an edge or placeholder where the
/// object id goes (P37-6), Graph's `message` naming the parameter, 190's subcode and a string `error_data` (P37-7),
/// Kapso's own bodies (P37-8) and `explain 404` (P37-17), on the outside tester's pastes (/tmp/p37/repro8, repro9, repro28)
/// and one variant of each.
@Suite struct Probe37ExplainTests {
    static func explain(_ paste: String) -> (status: KopsShell.ExitStatus, out: String, err: String, requests: Int) {
        OfflineShell.run("explain", paste)
    }

    /// The value of the field `label` in `out` (the padding after the colon left out), nil when there is none.
    static func field(_ out: String, _ label: String) -> String? {
        out.split(separator: "\n").first { $0.hasPrefix(label + ":") }.map {
            String($0.dropFirst(label.count + 1).drop { $0 == " " })
        }
    }

    /// P37-14: the access-token 2500 is the token, its message shown, and no "fix the path".
    @Test func theTokenTwentyFiveHundredIsExplainedAsTheToken() {
        let ran = Self.explain(
            #"{"error":{"message":"An active access token must be used to query information about the current user.","type":"OAuthException","code":2500,"fbtrace_id":"AbCdEf"}}"#)
        #expect(ran.status == .ok, "\(ran.err)")
        #expect(Self.field(ran.out, "name") == "no active access token (Graph)", "\(ran.out)")
        #expect(Self.field(ran.out, "meta msg")?.hasPrefix("An active access token must be used") == true, "\(ran.out)")
        #expect(!ran.out.contains("fix the path") && !ran.out.contains("Unknown path components (HTTP 400)"), "\(ran.out)")
        #expect(ran.requests == 0)
    }

    /// P37-6: Graph's "Object with ID 'messages'" is the id left out of the path, not "'whois messages' says what the id is".
    @Test(arguments: ["messages", "undefined"])
    func anEdgeOrPlaceholderAsTheObjectIsTheMissingID(id: String) {
        let ran = Self.explain(
            #"{"error":{"message":"Unsupported post request. Object with ID '\#(id)' does not exist, cannot be loaded due to missing permissions, or does not support this operation.","type":"GraphMethodException","code":100,"error_subcode":33}}"#)
        #expect(ran.status == .ok, "\(ran.err)")
        #expect(ran.out.contains("the variable that should hold"), "\(ran.out)")
        #expect(!ran.out.contains("whois \(id)"), "\(ran.out)")
    }

    /// P37-7: a #100 whose message names the parameter shows it, and never says "Meta named no field".
    @Test(arguments: [
        "(#100) Param text['body'] must be at most 4096 characters long.", "(#100) The parameter messaging_product is required.",
    ])
    func aMessageThatNamesTheParameterIsShown(message: String) {
        let ran = Self.explain(#"{"error":{"message":"\#(message)","type":"OAuthException","code":100,"fbtrace_id":"x"}}"#)
        let said = String(message.dropFirst("(#100) ".count))
        #expect(ran.status == .ok, "\(ran.err)")
        #expect(Self.field(ran.out, "meta msg") == said, "\(ran.out)")
        #expect(ran.out.contains("Meta's message names what is wrong: \"\(said)\""), "\(ran.out)")
        #expect(!ran.out.contains("Meta named no field"), "\(ran.out)")
    }

    /// P37-7: a #100 whose message is only its title still says no field was named (the reading above is not a blanket one).
    @Test func aMessageThatOnlyRepeatsTheTitleNamesNoField() {
        let ran = Self.explain(#"{"error":{"message":"(#100) Invalid parameter","type":"OAuthException","code":100}}"#)
        #expect(ran.out.contains("Meta named no field"), "\(ran.out)")
        #expect(!ran.out.contains("meta msg:"), "\(ran.out)")
    }

    /// P37-7: 190 with subcode 458 (and 467, a variant) is titled by its subcode, not "has expired", with Graph's message.
    @Test(arguments: [(458, "App Not Installed"), (467, "Invalid access token")])
    func aTokenSubcodeNamesItsCause(subcode: Int, name: String) {
        let ran = Self.explain(
            #"{"error":{"message":"Error validating access token: The user has not authorized application 400500600700801.","type":"OAuthException","code":190,"error_subcode":\#(subcode),"fbtrace_id":"x"}}"#)
        #expect(ran.status == .ok, "\(ran.err)")
        #expect(ran.out.contains("subcode \(subcode): \(name)"), "\(ran.out)")
        #expect(!ran.out.contains("has expired (HTTP 401)"), "\(ran.out)")
        #expect(Self.field(ran.out, "meta msg")?.hasPrefix("Error validating access token: The user has not") == true, "\(ran.out)")
    }

    /// P37-7: `error_data` as a string (YCloud's wrapped Graph errors) is shown as Meta's details.
    @Test func aStringErrorDataIsShown() {
        let ran = Self.explain(
            #"{"error":{"message":"(#131009) Parameter value is not valid","type":"OAuthException","code":131009,"error_data":"Recipient phone number not valid"}}"#)
        #expect(ran.status == .ok, "\(ran.err)")
        #expect(ran.out.contains("Recipient phone number not valid"), "\(ran.out)")
    }

    /// P37-8: Kapso's documented 404 body is explained as Kapso's answer with the causes it cannot rule out (exit 0), and
    /// so are its other `{"error": …}` and `{"errors": {…}}` bodies.
    @Test(arguments: [
        (#"{"error":"WhatsApp phone number not found or not accessible in this project"}"#, "Kapso's 404 for a phone-number id"),
        (#"{"error":"WhatsApp contact not found"}"#, "Kapso's 404 for a contact"),
        (#"{"error":"Invalid API key"}"#, "HTTP 401 from Kapso: the API key was refused"),
        (#"{"error":"Conversation already has an active assignment"}"#, "HTTP 422 from Kapso"),
        (#"{"errors":{"url":["is invalid"]}}"#, "url is invalid"),
    ])
    func kapsosOwnBodiesAreExplained(body: String, says: String) {
        let ran = Self.explain(body)
        #expect(ran.status == .ok, "\(ran.err)")
        #expect(ran.out.contains(says), "\(ran.out)")
        #expect(!ran.err.contains("invalid error code"), "\(ran.err)")
    }

    /// P37-8: the phone-number 404 lists the id's kind, the project and an unset id, each with its check.
    @Test func thePhoneNumberNotFoundBodyListsItsCauses() {
        let ran = Self.explain(#"{"error":"WhatsApp phone number not found or not accessible in this project"}"#)
        #expect(Self.field(ran.out, "could be 1") != nil, "\(ran.out)")
        #expect(ran.out.contains("the id is another kind") && ran.out.contains("another project's"), "\(ran.out)")
        #expect(ran.out.contains("never filled in"), "\(ran.out)")
    }

    /// P37-17: `explain 404` (and with a path, a variant) names the causes it cannot tell apart, none as "the" cause.
    @Test(arguments: ["404", "POST /meta/whatsapp/v24.0/100200300400501/messages 404"])
    func fourOhFourListsItsCauses(paste: String) {
        let ran = Self.explain(paste)
        #expect(ran.status == .ok, "\(ran.err)")
        #expect(!ran.out.contains("404 on every call means a wrong base URL"), "\(ran.out)")
        #expect(ran.out.contains("the status alone cannot tell which"), "\(ran.out)")
        for cause in ["another kind", "never filled in", "another project's", "the base URL is wrong"] {
            #expect(ran.out.contains(cause), "\(cause): \(ran.out)")
        }
        #expect(ran.out.contains("check: "), "\(ran.out)")
    }
}
