import KapsoClient
import KapsoDiagnostics
import Testing

/// tester51b F4: a query on a send path (`…/messages?access_token=…`, `…/messages?`), and a 404 on the exact documented
/// route between 200s of the same call, were read as "neither is the mistake: the number could not be reached … deleted,
/// deregistered or moved …".
@Suite struct PathQueryTests {
    static let send = "/meta/whatsapp/v24.0/100200300400501/messages"

    private func read(
        _ method: String, _ path: String, at time: String = "2026-11-21T11:45:00Z", status: Int = 404, error: String = "Not found",
        history: [APILog] = []
    ) throws -> String {
        var triage = ErrorTriage()
        triage.addAPILogs([FailureGroupsTests.log(method, path, status, key: "svc", at: time, error: error)])
        let groups = FailureGroups(triage.entries, numbers: IDResolverTests.numbers, webhooks: [], history: history)
        return try #require(groups.groups.first?.meaning)
    }

    private func ok(_ method: String, _ path: String = send, at time: String) -> APILog {
        FailureGroupsTests.log(method, path, 200, key: "svc", at: time)
    }

    @Test func aGraphStyleTokenInTheQueryIsTheCallersMistake() throws {
        let meaning = try read("POST", Self.send + "?access_token=<redacted>", history: [ok("POST", at: "2026-11-21T11:43:20Z")])
        #expect(meaning.hasPrefix("the query holds access_token, a credential sent in the URL"), "\(meaning)")
        #expect(meaning.contains("Kapso takes the project key in the X-API-Key header"), "\(meaning)")
        #expect(meaning.contains("the same route without it was answered 200 at 2026-11-21T11:43:20Z"), "\(meaning)")
        #expect(meaning.contains("send POST \(Self.send) without it"), "\(meaning)")
        for wrong in ["neither is the mistake", "deleted", "deregistered"] { #expect(!meaning.contains(wrong), "\(meaning)") }
        // A credential is named on any method, whatever the route answered with it.
        #expect(PathQuery.read(method: "GET", endpoint: "/meta/whatsapp/v24.0/100200300400501?access_token=x")?.credential == "access_token")
    }

    /// tester52b K2: `…/messages%3Faccess_token=…` read "no object has the id in the path" of the project's own number.
    @Test(arguments: ["%3Faccess_token=abc", "%3faccess_token%3Dabc", "%3Fx=1"])
    func aQueryEncodedIntoThePathIsNamed(_ tail: String) throws {
        let meaning = try read("POST", Self.send + tail, error: "(#100) Invalid parameter")
        #expect(meaning.hasPrefix("the path's last segment is 'messages' followed by an encoded '?' (%3F) and a query"), "\(meaning)")
        #expect(meaning.contains("send '?' as is"), "\(meaning)")
        #expect(meaning.contains("credential sent in the URL") == tail.contains("access_token"), "\(meaning)")
        #expect(!meaning.contains("no object has the id"), "\(meaning)")
        #expect(!meaning.contains("abc"), "\(meaning)")
        let triage = { () -> String in
            var triage = ErrorTriage()
            triage.addAPILogs([FailureGroupsTests.log("POST", Self.send + tail, 404, key: "svc", at: "2026-11-21T11:45:00Z")])
            return triage.entries.first?.meaning ?? ""
        }()
        #expect(triage.hasPrefix("the path's last segment is 'messages'"), "\(triage)")
    }

    /// tester52b K15: a credential in the query answered 401 or 400 read "the key was rejected; check which key" or "fix
    /// the payload"; the credential in the URL is the reading on any status.
    @Test(arguments: [(401, "Invalid API key"), (400, "(#100) Invalid parameter"), (403, "Forbidden")])
    func aCredentialInTheQueryIsReadOnAnyStatus(status: Int, error: String) throws {
        let meaning = try read("POST", Self.send + "?access_token=<redacted>", status: status, error: error)
        #expect(meaning.hasPrefix("the query holds access_token, a credential sent in the URL"), "\(meaning)")
        #expect(meaning.contains("treat that credential as exposed"), "\(meaning)")
        #expect(!meaning.contains("check which key the caller uses") && !meaning.contains("fix the payload"), "\(meaning)")
        #expect(meaning.contains("answered 404") == false, "\(meaning)")
    }

    /// A send answered 5xx may have gone out: that reading stays first, credential in the query or not (the lead, on K15's
    /// fix).
    @Test func aSendAnswered5xxKeepsItsUnknownOutcome() throws {
        let meaning = try read("POST", Self.send + "?access_token=<redacted>", status: 500, error: "Internal Server Error")
        #expect(meaning.contains("the outcome is unknown"), "\(meaning)")
        #expect(!meaning.hasPrefix("the query holds access_token"), "\(meaning)")
    }

    @Test func anEmptyQueryOnASendIsNamed() throws {
        let meaning = try read("POST", Self.send + "?", history: [ok("POST", at: "2026-11-21T11:53:20Z")])
        #expect(meaning.hasPrefix("the path ends in an empty query ('?'), unlike the documented route POST \(Self.send)"), "\(meaning)")
        #expect(meaning.contains("answered 200 at 2026-11-21T11:53:20Z, so it is a likely cause"), "\(meaning)")
        #expect(!meaning.contains("neither is the mistake"), "\(meaning)")
    }

    @Test func queriesTheRoutesTakeAreNoMistake() {
        #expect(PathQuery.read(method: "GET", endpoint: "/meta/whatsapp/v24.0/100200300400501?fields=quality_rating") == nil)
        #expect(PathQuery.read(method: "DELETE", endpoint: "/meta/whatsapp/v24.0/200300400500601/message_templates?name=promo") == nil)
        #expect(PathQuery.read(method: "POST", endpoint: Self.send) == nil)
        #expect(PathQuery.read(method: "POST", endpoint: "/no/such/route?x=1") == nil)
    }

    @Test func theSameQueryAnswered2xxIsNoCause() throws {
        let meaning = try read("POST", Self.send + "?x=1", history: [ok("POST", Self.send + "?x=1", at: "2026-11-21T11:40:00Z")])
        #expect(!meaning.contains("ends in a query"), "\(meaning)")
    }

    @Test func aSendBetween200sOfTheSameCallIsNoDeletion() throws {
        let history = [ok("POST", at: "2026-11-21T11:53:20Z"), ok("POST", at: "2026-11-21T11:58:20Z"), ok("POST", at: "2026-11-21T11:50:00Z")]
        let meaning = try read("POST", Self.send, at: "2026-11-21T11:55:00Z", history: history)
        #expect(meaning.contains("neither is the mistake: the same POST was answered 200 at 2026-11-21T11:53:20Z and 200 at "
            + "2026-11-21T11:58:20Z, before and after it"), "\(meaning)")
        #expect(meaning.contains("which the 404 does not explain"), "\(meaning)")
        #expect(meaning.contains("a retry tells a passing failure apart, and if it repeats, ask Kapso support with the call's time (2026-11-21T11:55:00Z)"), "\(meaning)")
        for wrong in ["deregistered", "could not be reached"] { #expect(!meaning.contains(wrong), "\(meaning)") }
    }

    @Test func onlyTheSameMethodOnBothSidesIsEvidence() throws {
        // GETs of the number around a 404'd GET of it, POSTs only: the POSTs say nothing of the GET.
        let number = "/meta/whatsapp/v24.0/100200300400501"
        let posts = try read("GET", number, at: "2026-11-21T11:10:00Z", history: [ok("POST", at: "2026-11-21T11:08:20Z"), ok("POST", at: "2026-11-21T11:13:20Z")])
        #expect(posts.contains("could not be reached with its access"), "\(posts)")
        // A 200 on one side only leaves the reading as it was.
        let before = try read("POST", Self.send, at: "2026-11-21T11:55:00Z", history: [ok("POST", at: "2026-11-21T11:53:20Z")])
        #expect(before.contains("could not be reached with its access"), "\(before)")
        #expect(
            IDResolver.answeredAround(method: "GET", endpoint: number, at: KapsoTime.seconds(iso: "2026-11-21T11:10:00Z")!,
                in: [ok("GET", number, at: "2026-11-21T11:00:00Z"), ok("GET", number + "?fields=id", at: "2026-11-21T11:20:00Z")]) != nil)
    }

    @Test func theProjectsNumberOnADocumentedRouteHasItsCallsFetched() {
        var triage = ErrorTriage()
        triage.addAPILogs([FailureGroupsTests.log("POST", Self.send, 404, key: "svc", at: "2026-11-21T11:55:00Z")])
        #expect(FailureGroups.formerNumberIDs(triage.entries, numbers: IDResolverTests.numbers) == ["100200300400501"])
    }
}
