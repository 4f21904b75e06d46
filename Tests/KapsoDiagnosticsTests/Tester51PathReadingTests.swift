import KapsoClient
import KapsoDiagnostics
import Testing

/// tester51 G1–G4: a 404 whose path is a documented route but for a stray character, or whose object the project has,
/// was read as "the route and the id are right, so the number could not be reached" or "no message of this project has
/// the id"; `explain` of Graph's "Object with ID '14155550100' does not exist" called the display number none of the
/// project's numbers.
@Suite struct Tester51PathReadingTests {
    static let wamid = "wamid.HBgLMTQxNTU1NTAxNDIVAgASGBRBN0YzQzE5RTAyQjg0RDZFNUMxMQA="

    private func read(
        _ method: String, _ path: String, at time: String = "2026-11-21T11:00:00Z", text: String? = "Not Found",
        history: [APILog] = [], identities: [String: Identity] = [:], webhooks: [Webhook] = IDResolverTests.facts.webhooks
    ) throws -> String {
        var triage = ErrorTriage()
        triage.addAPILogs([FailureGroupsTests.log(method, path, 404, key: "svc", at: time, error: text)])
        let groups = FailureGroups(
            triage.entries, numbers: IDResolverTests.numbers, webhooks: webhooks, history: history, identities: identities)
        return try #require(groups.groups.first?.meaning)
    }

    @Test(arguments: [
        ("/meta/whatsapp/v24.0/100200300400501/messages/", "ends in '/'", "/meta/whatsapp/v24.0/100200300400501/messages"),
        ("/meta/whatsapp/v24.0//100200300400501/messages", "has an empty segment ('//')", "/meta/whatsapp/v24.0/100200300400501/messages"),
        ("/meta/whatsapp/v24.0/100200300400501//messages", "has an empty segment ('//')", "/meta/whatsapp/v24.0/100200300400501/messages"),
        ("/meta/whatsapp/v24.0/100200300400501/messages%0A", "holds a line feed (%0A) after /messages", "/meta/whatsapp/v24.0/100200300400501/messages"),
        ("/platform/v1/whatsapp/phone_numbers/100200300400501/health%0A", "holds a line feed (%0A) after /health",
         "/platform/v1/whatsapp/phone_numbers/100200300400501/health"),
        ("/platform/v1/whatsapp/phone_numbers/100200300400501/webhooks/?page=2", "ends in '/'",
         "/platform/v1/whatsapp/phone_numbers/100200300400501/webhooks?page=2"),
    ])
    func aStrayCharacterIsReadBeforeTheRoute(path: String, what: String, cleaned: String) throws {
        let artefact = try #require(PathArtefact.read(path))
        #expect(artefact.what == what)
        #expect(artefact.cleaned == cleaned)
        let meaning = try read("POST", path)
        #expect(meaning.hasPrefix("the path \(what), unlike the documented route POST \(cleaned)"), "\(meaning)")
        #expect(!meaning.contains("neither is the mistake"), "\(meaning)")
    }

    @Test func aRouteWithoutTheArtefactThatSucceededMakesItTheLikelyCause() throws {
        let success = FailureGroupsTests.log("POST", "/meta/whatsapp/v24.0/100200300400501/messages", 200, key: "svc", at: "2026-11-21T11:01:00Z")
        let meaning = try read("POST", "/meta/whatsapp/v24.0/100200300400501/messages/", history: [success])
        #expect(meaning.contains("the same route without it was answered 200 at 2026-11-21T11:01:00Z, so it is the likely cause"), "\(meaning)")
        // The route as documented, and an id's own stray character, are not artefacts here.
        #expect(PathArtefact.read("/meta/whatsapp/v24.0/100200300400501/messages") == nil)
        #expect(PathArtefact.read("/meta/whatsapp/v24.0/100200300400501%0A/messages") == nil)
        #expect(PathArtefact.read("/no/such/route/") == nil)
        // The ids whose calls are fetched to find that success include the artefact path's.
        var triage = ErrorTriage()
        triage.addAPILogs([FailureGroupsTests.log("POST", "/meta/whatsapp/v24.0/100200300400501/messages/", 404, key: "svc", at: "2026-11-21T11:00:00Z")])
        #expect(FailureGroups.formerNumberIDs(triage.entries, numbers: IDResolverTests.numbers) == ["100200300400501"])
    }

    /// G4: the message was sent that second; the same GET 5 s later was answered 200.
    @Test func aMessageReadInTheSecondOfItsSendWasReadBeforeKapsoRecordedIt() throws {
        var message = Identity(input: Self.wamid, kind: .wamid, statement: "\(Self.wamid) is a message of Support Line")
        message.moment = KapsoTime.seconds(iso: "2026-11-21T11:40:00Z")
        let path = "/platform/v1/whatsapp/messages/\(Self.wamid)"
        var triage = ErrorTriage()
        triage.addAPILogs([FailureGroupsTests.log("GET", path, 404, key: "svc", at: "2026-11-21T11:40:00Z", error: "Message not found")])
        #expect(FailureGroups.unknownPathIDs(triage.entries, numbers: IDResolverTests.numbers) == [Self.wamid])
        let meaning = try read("GET", path, at: "2026-11-21T11:40:00Z", text: "Message not found", identities: [Self.wamid: message])
        #expect(meaning.contains("the call came 0 s after the message was sent (2026-11-21T11:40:00Z), likely before Kapso had recorded it"),
                "\(meaning)")
        #expect(!meaning.contains("no message of this project"), "\(meaning)")
        // Read an hour later, the message existed: neither the id nor the route explains it.
        let later = try read("GET", path, at: "2026-11-21T12:40:00Z", text: "Message not found", identities: [Self.wamid: message])
        #expect(later.contains("it existed when called (since 2026-11-21T11:40:00Z), which the 404 does not explain"), "\(later)")
        // Not found by the look-up: the old reading stays.
        var missing = message
        missing.notFound = true
        let absent = try read("GET", path, at: "2026-11-21T11:40:00Z", text: "Message not found", identities: [Self.wamid: missing])
        #expect(absent.hasPrefix("no message of this project has the id in the path"), "\(absent)")
    }

    @Test func aConversationTheProjectHasIsNotCalledMissing() throws {
        let id = "0a1b2c3d-0000-4000-8000-000000000181"
        let found = Identity(input: id, kind: .conversationID, statement: "\(id) is the conversation with Ana on Support Line")
        let meaning = try read("GET", "/platform/v1/whatsapp/conversations/\(id)", identities: [id: found])
        #expect(meaning.hasPrefix("\(id) is this project's conversation id and the path is a documented route"), "\(meaning)")
        #expect(!meaning.contains("no conversation of this project"), "\(meaning)")
    }

    /// G1's sibling: a webhook created 20 days before the DELETE was not "created after the call".
    @Test func aWebhookThatExistedWhenCalledIsNotCalledCreatedAfterIt() throws {
        let id = "22222222-0000-4000-8000-000000000003"
        let webhook = try Webhook(json: [
            "id": .string(id), "url": "https://hooks.acme-demo.test/kapso", "kind": "kapso", "events": ["whatsapp.message.received"],
            "active": true, "phone_number_id": "100200300400501", "created_at": "2026-11-01T10:00:00Z", "updated_at": "2026-11-01T10:00:00Z",
        ])
        let meaning = try read("DELETE", "/platform/v1/whatsapp/webhooks/\(id)", webhooks: [webhook])
        #expect(meaning.contains("it existed when called (since 2026-11-01T10:00:00Z), which the 404 does not explain"), "\(meaning)")
        #expect(!meaning.contains("created after the call"), "\(meaning)")
    }

    /// G2: the display number, written as Graph quotes it or as listed, is named as Support Line's.
    @Test(arguments: ["14155550100", "+14155550100"])
    func explainNamesTheDisplayNumber(id: String) throws {
        let body = #"{"error":{"message":"Unsupported post request. Object with ID '"# + id
            + #"' does not exist, cannot be loaded due to missing permissions, or does not support this operation.","type":"GraphMethodException","code":100,"error_subcode":33}}"#
        let advice = try #require(PastedError(body)?.objectAdvice(numbers: IDResolverTests.numbers, allNumbers: true))
        #expect(advice.hasPrefix("\(id) is the display number of Support Line, not its phone-number id: Graph paths take the "
            + "phone-number id; use 100200300400501"), "\(advice)")
    }

    /// tester51b F12, F3: the identical path answered 2xx to the same method rules the artefact out; a GET's 2xx is no
    /// evidence for a POST.
    @Test func evidenceIsTheSameMethodsAndTheSamePathRulesTheArtefactOut() throws {
        let slashed = "/meta/whatsapp/v24.0/100200300400501/messages/"
        let same = FailureGroupsTests.log("POST", slashed, 200, key: "svc", at: "2026-11-21T10:58:00Z")
        #expect(!(try read("POST", slashed, history: [same])).hasPrefix("the path ends in '/'"))
        let list = "/platform/v1/whatsapp/phone_numbers/100200300400501/webhooks"
        let get = FailureGroupsTests.log("GET", list, 200, key: "svc", at: "2026-11-21T11:01:00Z")
        let meaning = try read("POST", list + "/", history: [get])
        #expect(meaning.hasPrefix("the path ends in '/'"), "\(meaning)")
        #expect(!meaning.contains("was answered 200"), "\(meaning)")
    }

    /// tester51b F10: other stray characters after a segment, and after a UUID.
    @Test(arguments: [
        ("/meta/whatsapp/v24.0/100200300400501/messages%E2%80%8B", "holds a zero-width space (%E2%80%8B) after /messages"),
        ("/meta/whatsapp/v24.0/100200300400501/messages%22", "holds a double quote (%22) after /messages"),
        ("/platform/v1/whatsapp/conversations/0a1b2c3d-0000-4000-8000-000000000181%0A",
         "holds a line feed (%0A) after /0a1b2c3d-0000-4000-8000-000000000181"),
    ])
    func moreStrayCharactersAreNamed(path: String, what: String) throws {
        #expect(PathArtefact.read(path)?.what == what)
    }

    /// tester51b F1: a message id kops did not look up is not "no message of this project".
    @Test func aMessageIDNotLookedUpIsNotCalledAbsent() throws {
        let meaning = try read(
            "GET", "/platform/v1/whatsapp/messages/\(Self.wamid)", text: "Message not found",
            identities: [Self.wamid: .notLookedUp(Self.wamid, budget: 4)])
        #expect(meaning.hasPrefix("the API found no message with the id in the path when called; kops looks up only the newest 4"), "\(meaning)")
    }
}
