import KapsoClient
import KapsoDiagnostics
import Testing

/// A failed call's path read against Kapso's routes (probe13 P13-2…P13-6): the id of the wrong kind in a proxy path,
/// the project's own number 404ing on a documented route, a number that worked before, a WABA edge on a phone number,
/// and the near misses of a documented path. Each case is a kind; the tables hold more than the probe's one example.
@Suite struct APIRouteTests {
    static let numbers = IDResolverTests.numbers
    static let graph404 = "(#100) Unsupported post request. Object with ID 'ID' does not exist, cannot be loaded due to "
        + "missing permissions, or does not support this operation"

    private func read(_ method: String, _ path: String, _ status: Int, _ text: String?, history: [APILog] = []) throws -> String {
        var triage = ErrorTriage()
        triage.addAPILogs([FailureGroupsTests.log(method, path, status, key: "backend-prod", at: "2026-11-21T11:00:00Z", error: text)])
        let entry = try #require(triage.entries.first)
        let meaning = FailureGroups.meaning(of: entry, numbers: Self.numbers, webhooks: IDResolverTests.facts.webhooks, history: history)
        let group = FailureGroups(triage.entries, numbers: Self.numbers, webhooks: IDResolverTests.facts.webhooks, history: history)
        #expect(group.groups.first?.meaning == meaning)
        return meaning
    }

    /// P13-2: Kapso's internal_id (or a customer id, a display number) in a Meta-proxy path is the mistake; the proxy
    /// resolves the configuration from the Meta id in the URL. The same rule as on platform paths.
    @Test(arguments: [
        ("POST", "/meta/whatsapp/v24.0/a1c2e3f4-0b1d-4e2f-8a3b-5c6d7e8f9012/messages", "Not Found",
         "a1c2e3f4-0b1d-4e2f-8a3b-5c6d7e8f9012 is Kapso's id of Support Line, not its phone-number id; use 100200300400501 (Support Line)"),
        ("POST", "/meta/whatsapp/v24.0/b2d3f4a5-1c2e-4f3a-9b4c-6d7e8f901234/media", "WhatsApp configuration not found",
         "b2d3f4a5-1c2e-4f3a-9b4c-6d7e8f901234 is Kapso's id of Sales Line, not its phone-number id; use 100200300400502 (Sales Line)"),
        ("POST", "/meta/whatsapp/v24.0/+14155550100/messages", graph404,
         "+14155550100 is the display number of Support Line, not its phone-number id; use 100200300400501 (Support Line)"),
        ("GET", "/meta/whatsapp/v24.0/a1c2e3f4-0b1d-4e2f-8a3b-5c6d7e8f9012/message_templates", "Not Found",
         "a1c2e3f4-0b1d-4e2f-8a3b-5c6d7e8f9012 is Kapso's id of Support Line, but /message_templates takes the WABA id: "
            + "use 200300400500601 (the WABA of Support Line)"),
        ("GET", "/platform/v1/whatsapp/phone_numbers/a1c2e3f4-0b1d-4e2f-8a3b-5c6d7e8f9012/health", "Not Found",
         "a1c2e3f4-0b1d-4e2f-8a3b-5c6d7e8f9012 is Kapso's id of Support Line, not its phone-number id; use 100200300400501 (Support Line)"),
    ])
    func aKapsoIDInAProxyPathIsTheMistake(_ method: String, _ path: String, _ text: String, _ expected: String) throws {
        let meaning = try read(method, path, 404, text)
        #expect(meaning == expected)
        #expect(!meaning.contains("right for its place"))
    }

    /// P13-3: the project's own number on a documented proxy route answered 404: never "not an endpoint".
    @Test(arguments: ["messages", "media", "whatsapp_business_profile", "settings"])
    func theProjectsNumberOnADocumentedRouteIsNoPathFault(_ edge: String) throws {
        let meaning = try read("POST", "/meta/whatsapp/v24.0/100200300400501/\(edge)", 404, Self.graph404)
        #expect(!meaning.contains("not an endpoint"), "\(meaning)")
        #expect(meaning.hasPrefix("100200300400501 is this project's phone-number id of Support Line and /100200300400501/\(edge) is a documented proxy route"))
        #expect(meaning.contains("it may have been deleted, deregistered or moved to another WABA at Meta, disconnected from Kapso, or its access token lost the permission"))
        #expect(meaning.hasSuffix("'health 100200300400501' checks the number's access and token"))
    }

    /// probe21 P21-5: on a Graph version Meta did not serve at the call's time the version is a suspect, not "neither is
    /// the mistake", said with what Meta's table says of it (P37-9).
    @Test(arguments: [("v99.0", "a version Meta never released"), ("v17.0", "which Meta retired on 2025-09-12")])
    func anotherGraphVersionIsASuspect(_ version: String, _ says: String) throws {
        let meaning = try read("POST", "/meta/whatsapp/\(version)/100200300400501/messages", 404, "Not Found")
        #expect(meaning.hasPrefix("100200300400501 is this project's phone-number id of Support Line, but the path asks Graph \(version), \(says)"), "\(meaning)")
        #expect(!meaning.contains("neither is the mistake"), "\(meaning)")
    }

    /// P13-3's platform twin: a documented platform route with the project's id is no path fault either.
    @Test func theProjectsWebhookOnADocumentedRouteIsNoPathFault() throws {
        let meaning = try read("GET", "/platform/v1/whatsapp/webhooks/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", 404, "Not Found")
        #expect(meaning.hasPrefix("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d is the id of the kapso webhook to hooks.acme-demo.test"))
        #expect(meaning.contains("the path is a documented route, so neither is the mistake"))
    }

    /// P13-4: an id that is no number of the project now, but that the project's keys sent through with success before,
    /// was removed since; without such a call it stays "not an id of this project".
    @Test func aNumberThatWorkedBeforeWasRemovedSince() throws {
        let path = "/meta/whatsapp/v24.0/100200300400503/messages"
        let earlier = FailureGroupsTests.log("POST", path, 200, key: "backend-prod", at: "2026-11-19T09:00:00Z")
        let later = FailureGroupsTests.log("POST", path, 200, key: "backend-prod", at: "2026-11-22T09:00:00Z")
        let meaning = try read("POST", path, 404, Self.graph404, history: [earlier, later])
        #expect(meaning == "100200300400503 is not a number of this project now, but key backend-prod's POST \(path) was "
            + "answered 200 at 2026-11-19T09:00:00Z: the number was likely removed from this project since (or deleted or "
            + "disconnected at Meta); update the id the sender uses ('numbers' lists the current phone-number ids)")
        let unknown = try read("POST", path, 404, Self.graph404, history: [later])
        #expect(unknown.hasPrefix("100200300400503 is not an id of this project"))
        let entries = { () -> [ErrorTriage.Entry] in
            var triage = ErrorTriage()
            triage.addAPILogs([FailureGroupsTests.log("POST", path, 404, key: "k", at: "2026-11-21T11:00:00Z", error: Self.graph404)])
            return triage.entries
        }()
        // The same on a platform path, from a success on another path with the id.
        let health = try read("GET", "/platform/v1/whatsapp/phone_numbers/100200300400503/health", 404, "Not Found", history: [earlier])
        #expect(health.hasPrefix("100200300400503 is not a number of this project now, but key backend-prod's POST \(path) was answered 200"))
        // A WABA id that worked before, on a WABA edge: named a WABA.
        let templates = "/meta/whatsapp/v24.0/200300400500699/message_templates"
        let wabaSuccess = FailureGroupsTests.log("GET", templates, 200, key: "backend-prod", at: "2026-11-18T09:00:00Z")
        let waba = try read("GET", templates, 404, Self.graph404, history: [wabaSuccess])
        #expect(waba == "200300400500699 is not a WABA of this project now, but key backend-prod's GET \(templates) was answered "
            + "200 at 2026-11-18T09:00:00Z: the WABA (its numbers) was likely removed from this project since (or deleted or "
            + "disconnected at Meta); update the WABA id the caller uses ('numbers' shows each number's WABA id)")
        var wabaTriage = ErrorTriage()
        wabaTriage.addAPILogs([FailureGroupsTests.log("GET", templates, 404, key: "k", at: "2026-11-21T11:00:00Z", error: Self.graph404)])
        #expect(FailureGroups.formerNumberIDs(wabaTriage.entries, numbers: Self.numbers) == ["200300400500699"])
        #expect(FailureGroups.formerNumberIDs(entries, numbers: Self.numbers) == ["100200300400503"])
        #expect(FailureGroups.formerNumberIDs(entries, numbers: []) == [])
    }

    /// P13-5: Graph's "nonexisting field (EDGE) on node type (TYPE)" is the id's kind, not the payload.
    @Test(arguments: [
        ("/meta/whatsapp/v24.0/100200300400501/message_templates", "message_templates", "WhatsAppBusinessPhoneNumber",
         "/message_templates is an edge of the WABA, not of a phone number (Graph: no field message_templates on "
            + "WhatsAppBusinessPhoneNumber): use /200300400500601/message_templates (the WABA of Support Line)"),
        ("/meta/whatsapp/v24.0/100200300400502/subscribed_apps", "subscribed_apps", "WhatsAppBusinessPhoneNumber",
         "/subscribed_apps is an edge of the WABA, not of a phone number (Graph: no field subscribed_apps on "
            + "WhatsAppBusinessPhoneNumber): use /200300400500601/subscribed_apps (the WABA of Sales Line)"),
        ("/meta/whatsapp/v24.0/200300400500601/media", "media", "WhatsAppBusinessAccount",
         "/media is an edge of a phone number, not of the WABA (Graph: no field media on WhatsAppBusinessAccount): "
            + "pick one: use 100200300400502 (Sales Line) or use 100200300400501 (Support Line)"),
    ])
    func anEdgeOnTheWrongNodeNamesTheRightID(_ path: String, _ field: String, _ node: String, _ expected: String) throws {
        let text = "(#100) Tried accessing nonexisting field (\(field)) on node type (\(node))"
        #expect(try read("GET", path, 400, text) == expected)
        // Without the numbers (`logs` of one row, ErrorTriage alone) the kind is still named, never "fix the payload".
        var triage = ErrorTriage()
        triage.addAPILogs([FailureGroupsTests.log("GET", path, 400, key: "k", at: "2026-11-21T11:00:00Z", error: text)])
        #expect(triage.entries.first?.meaning.hasPrefix("/\(field) is an edge of") == true)
        // `explain` of the pasted line reads the same rule.
        let pasted = try #require(PastedError("GET \(path) \(text)"))
        #expect(pasted.nodeTypeAdvice(numbers: Self.numbers) == expected)
        #expect(PastedError(text)?.nodeTypeAdvice()?.hasPrefix("/\(field) is an edge of") == true)
    }

    /// P13-6: a path one common mistake away from a documented route names the route it meant.
    static let nearMisses: [(path: String, text: String, meant: String, mistake: String)] = [
        ("/meta/whatsapp/24.0/100200300400501/messages", "Not Found", "/meta/whatsapp/v24.0/100200300400501/messages",
         "the version segment needs a leading v (v24.0)"),
        ("/meta/whatsapp/23.0/200300400500601/message_templates", "Not Found",
         "/meta/whatsapp/v23.0/200300400500601/message_templates", "the version segment needs a leading v (v23.0)"),
        ("/meta/whatsapp/100200300400501/messages", "Not Found", "/meta/whatsapp/v24.0/100200300400501/messages",
         "the version segment (v24.0) is missing after /meta/whatsapp"),
        ("/v24.0/100200300400501/messages", "Not Found", "/meta/whatsapp/v24.0/100200300400501/messages",
         "a Graph path (graph.facebook.com style) needs Kapso's /meta/whatsapp prefix on Kapso's host; the answer was a "
            + "bare Not Found, so the call did not reach the proxy"),
        ("/platform/v1/platform/v1/whatsapp/phone_numbers", "Not Found", "/platform/v1/whatsapp/phone_numbers",
         "/platform/v1 is in the path twice: the caller's base URL already ends in it; set KAPSO_API_BASE_URL (or the "
            + "client's base URL) to the host only"),
        ("/platform/v1/meta/whatsapp/v24.0/100200300400501/messages", "Not Found", "/meta/whatsapp/v24.0/100200300400501/messages",
         "a Meta-proxy path under /platform/v1: the caller's base URL already ends in it; set KAPSO_API_BASE_URL (or the "
            + "client's base URL) to the host only"),
        ("/meta/whatsapp/v24.0/100200300400501/message", "Unknown path components: /message",
         "/meta/whatsapp/v24.0/100200300400501/messages", "/message is no edge of Kapso's proxy"),
        ("/meta/whatsapp/v24.0/200300400500601/message_template", "Not Found",
         "/meta/whatsapp/v24.0/200300400500601/message_templates", "/message_template is no edge of Kapso's proxy"),
        ("/platform/v1/whatsapp/phone_number/100200300400501/health", "Not Found",
         "/platform/v1/whatsapp/phone_numbers/100200300400501/health", "/phone_number is no collection of the platform API"),
        ("/platform/v1/whatsapp/webhook_deliveries", "Not Found", "/platform/v1/webhook_deliveries",
         "/webhook_deliveries is not under /whatsapp"),
        ("/platform/v1/phone_numbers/100200300400501", "Not Found", "/platform/v1/whatsapp/phone_numbers/100200300400501",
         "/whatsapp is missing after /platform/v1"),
        // A POST of /messages there is a send (Probe32PathTests); the listing of conversations is read so.
        ("/platform/v1/whatsapp/phone_numbers/100200300400501/conversations", "Not Found",
         "/platform/v1/whatsapp/conversations?phone_number_id=100200300400501",
         "the platform API lists a number's conversations with the phone_number_id filter, not under the number (the Meta "
            + "proxy's history has /meta/whatsapp/v24.0/100200300400501/conversations)"),
        ("/meta/whatsapp/v24/100200300400501/messages", "Not Found", "/meta/whatsapp/v24.0/100200300400501/messages",
         "a Graph version is written v24.0, not v24"),
        ("/meta/whatsapp/V23.0/100200300400501/media", "Not Found", "/meta/whatsapp/v23.0/100200300400501/media",
         "a Graph version is written v23.0, not V23.0"),
        ("/meta/v24.0/100200300400501/messages", "Not Found", "/meta/whatsapp/v24.0/100200300400501/messages",
         "/whatsapp is missing from the proxy's prefix /meta/whatsapp"),
        ("/whatsapp/v24.0/100200300400501/media", "Not Found", "/meta/whatsapp/v24.0/100200300400501/media",
         "/meta is missing from the proxy's prefix /meta/whatsapp"),
        ("/meta/whatsapp/v24.0/200300400500601/templates", "Not Found",
         "/meta/whatsapp/v24.0/200300400500601/message_templates", "/templates is no edge of Kapso's proxy"),
        ("/meta/whatsapp/v24.0/100200300400501/messsages?limit=5", "Not Found",
         "/meta/whatsapp/v24.0/100200300400501/messages?limit=5", "/messsages is no edge of Kapso's proxy"),
        ("/platform/v1/whatsapp/numbers", "Not Found", "/platform/v1/whatsapp/phone_numbers",
         "/numbers is no collection of the platform API"),
        ("/platform/v1/whatsapp/phone-numbers/100200300400501", "Not Found",
         "/platform/v1/whatsapp/phone_numbers/100200300400501", "/phone-numbers is no collection of the platform API"),
        ("/platform/v1/whatsapp/messages/wamid.HBgLMTQxNTU1NTAxNjAVAgASGBQBUDAy/AAAA+", "Message not found",
         "/platform/v1/whatsapp/messages/wamid.HBgLMTQxNTU1NTAxNjAVAgASGBQBUDAy%2FAAAA%2B",
         "a WAMID may contain '/', which must be percent-encoded (%2F) in a path, else the API reads the rest as another segment; "
            + "'+' is encoded too (%2B)"),
        // tester48 F2: two '/' in a row are two %2F; the path's segments had dropped the empty one between them.
        ("/platform/v1/whatsapp/messages/wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQ+sP//AAAAAAAAAAAAAAAAAACrAQA=", "Message not found",
         "/platform/v1/whatsapp/messages/wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQ%2BsP%2F%2FAAAAAAAAAAAAAAAAAACrAQA=",
         "a WAMID may contain '/', which must be percent-encoded (%2F) in a path, else the API reads the rest as another segment; "
            + "'+' is encoded too (%2B)"),
        ("/platform/v1/whatsapp/messages/wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQ0sP//AAAAAAAAAAAAAAAAAACrAQA=?fields=id", "Message not found",
         "/platform/v1/whatsapp/messages/wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQ0sP%2F%2FAAAAAAAAAAAAAAAAAACrAQA=?fields=id",
         "a WAMID may contain '/', which must be percent-encoded (%2F) in a path, else the API reads the rest as another segment"),
        // probe41 P41-7: its '+' read as a space by a URL's query decoding: the path meant has %2B, or it 404s again.
        ("/platform/v1/whatsapp/messages/wamid.HBgLMTQxNTU1NTAxNzEVAgARGBI5QTNDQTVC/0Q0RDZFNjc OAA=", "Message not found",
         "/platform/v1/whatsapp/messages/wamid.HBgLMTQxNTU1NTAxNzEVAgARGBI5QTNDQTVC%2F0Q0RDZFNjc%2BOAA=",
         "a WAMID may contain '/', which must be percent-encoded (%2F) in a path, else the API reads the rest as another segment; "
            + "its '+' became a space (a URL's query decoding turns '+' into one): %2B in a path"),
        ("/platform/v1/whatsapp/messages/wamid.HBgLMTQxNTU1NTAxNzEVAgARGBI5QTNDQTVC/0Q0RDZFNjc%20OAA=", "Message not found",
         "/platform/v1/whatsapp/messages/wamid.HBgLMTQxNTU1NTAxNzEVAgARGBI5QTNDQTVC%2F0Q0RDZFNjc%2BOAA=",
         "a WAMID may contain '/', which must be percent-encoded (%2F) in a path, else the API reads the rest as another segment; "
            + "its '+' became a space (a URL's query decoding turns '+' into one): %2B in a path"),
    ]

    @Test(arguments: nearMisses)
    func aNearMissNamesTheRouteItMeant(_ path: String, _ text: String, _ meant: String, _ mistake: String) throws {
        #expect(try read("POST", path, 404, text) == "did you mean POST \(meant)? \(mistake)")
        // Without the numbers too: the path alone says it.
        var triage = ErrorTriage()
        triage.addAPILogs([FailureGroupsTests.log("POST", path, 404, key: "k", at: "2026-11-21T11:00:00Z", error: text)])
        #expect(triage.entries.first?.meaning == "did you mean POST \(meant)? \(mistake)")
    }

    /// Graph answers an unknown edge with a 400 `(#2500) Unknown path components`: a near miss too.
    @Test func graphsUnknownPathComponentsIsANearMiss() throws {
        let meaning = try read("GET", "/meta/whatsapp/v24.0/200300400500601/message_template", 400, "(#2500) Unknown path components: /message_template")
        #expect(meaning == "did you mean GET /meta/whatsapp/v24.0/200300400500601/message_templates? /message_template is no edge of Kapso's proxy")
    }

    /// P13-2's other places: a Kapso id on a proxy path is the mistake wherever it stands (the id alone, a webhook's id
    /// before /messages); P13-3's: the project's number read alone (`GET /{id}`) is a documented Graph read.
    @Test(arguments: [
        ("/meta/whatsapp/v24.0/a1c2e3f4-0b1d-4e2f-8a3b-5c6d7e8f9012",
         "a1c2e3f4-0b1d-4e2f-8a3b-5c6d7e8f9012 is Kapso's id (internal_id, whatsapp_config_id) of Support Line (+1 415-555-0100), "
            + "a Kapso id: Kapso's proxy paths take Meta's ids only (a phone-number, WABA, media or template id); use 100200300400501"),
        ("/meta/whatsapp/v24.0/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d/messages",
         "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d is the id of the kapso webhook to hooks.acme-demo.test/kapso/whatsapp, not a "
            + "phone-number id; the path takes the phone-number id: 'numbers' lists them"),
        ("/meta/whatsapp/v24.0/ffffffff-0000-4000-8000-000000000000/messages",
         "ffffffff-0000-4000-8000-000000000000 is not a phone-number id (Meta's are digits) nor an id of this project; the "
            + "path takes the phone-number id: 'numbers' lists them"),
    ])
    func aKapsoIDAnywhereOnAProxyPathIsTheMistake(_ path: String, _ expected: String) throws {
        #expect(try read("GET", path, 404, "Not Found") == expected)
    }

    @Test func theProjectsNumberReadAloneIsADocumentedGraphRead() throws {
        let meaning = try read("GET", "/meta/whatsapp/v24.0/100200300400501", 404, Self.graph404)
        #expect(meaning.hasPrefix("100200300400501 is this project's phone-number id of Support Line and /100200300400501 is a documented Graph read"))
        #expect(!meaning.contains("not an endpoint"))
    }

    /// Documented routes and Graph-coded answers are no near misses: a logged `/v24.0/…` path answered by Graph reached
    /// the proxy; a path kops cannot place is left alone (no guess).
    @Test(arguments: [
        ("/meta/whatsapp/v24.0/100200300400501/messages", "Not Found"),
        ("/v24.0/100200300400501/messages", graph404),
        // Kapso's proxy's own words: the call reached it (the log may shorten a proxy path).
        ("/v24.0/100200300400501/messages", "WhatsApp configuration not found"),
        ("/platform/v1/whatsapp/phone_numbers", "Not Found"),
        ("/platform/v1/customers/c3e4a5b6-2d3f-4a4b-8c5d-7e8f90123456/setup_links", "Not Found"),
        ("/meta/whatsapp/v24.0/100200300400501/qr_codes", "Not Found"),
    ])
    func aDocumentedOrUnknownPathIsNoNearMiss(_ path: String, _ text: String) {
        #expect(IDResolver.nearMissMeaning(method: "POST", endpoint: path, status: 404, text: text) == nil)
    }

    @Test func documentedRoutesSayWhichIDTheirSlotTakes() {
        #expect(APIRoute.documented("/meta/whatsapp/v24.0/100200300400501/messages")?.slot == .phoneNumberID)
        #expect(APIRoute.documented("/meta/whatsapp/v24.0/200300400500601/message_templates?limit=5")?.slot == .wabaID)
        #expect(APIRoute.documented("/api/meta/v21.0/100200300400501/messages")?.slot == .phoneNumberID)
        #expect(APIRoute.documented("/meta/whatsapp/v24.0/900800700600500")?.slot == .metaObject)
        #expect(APIRoute.documented("/platform/v1/whatsapp/phone_numbers/100200300400501/health")?.slot == .phoneNumberID)
        #expect(APIRoute.documented("/platform/v1/whatsapp/phone_numbers/100200300400501/messages") == nil)
        #expect(APIRoute.documented("/meta/whatsapp/24.0/100200300400501/messages") == nil)
    }
}
