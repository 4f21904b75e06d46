import KapsoClient
import KapsoDiagnostics
import Testing

/// `FailureGroups`: one group per cause, the misplaced-id cause across paths, counts and times.
@Suite struct FailureGroupsTests {
    static func log(_ method: String, _ path: String, _ status: Int, key: String, at time: String, error: String? = nil) -> APILog {
        try! APILog(json: [
            "id": .string("log-\(time)-\(path.count)"), "http_method": .string(method), "endpoint": .string(path),
            "response_status": .number(String(status)), "api_key_name": .string(key), "created_at": .string(time),
            "error_message": error.map(JSONValue.string) ?? .null,
        ])
    }

    static func delivery(_ webhook: String, status: Int?, at time: String, event: String, attempts: Int = 4) -> WebhookDelivery {
        try! WebhookDelivery(json: [
            "id": .string("d-\(time)"), "event": .string(event), "status": "failed", "attempt_count": .number(String(attempts)),
            "response_status": status.map { .number(String($0)) } ?? .null, "created_at": .string(time),
            "webhook_id": .string(webhook), "webhook_url": .string("https://\(webhook).test/hook"),
        ])
    }

    static var groups: FailureGroups {
        var triage = ErrorTriage()
        var logs: [APILog] = []
        for hour in 10..<14 {
            logs.append(log("GET", "/meta/whatsapp/v24.0/200300400500601/messages", 404, key: "sync", at: "2026-11-21T\(hour):05:00Z", error: "(#100) Unsupported get request"))
            logs.append(log("GET", "/platform/v1/whatsapp/phone_numbers/200300400500601", 404, key: "sync", at: "2026-11-21T\(hour):35:00Z"))
        }
        // A real phone-number id that 404s (a wrong sub-path) is not an id problem: its own cause.
        logs.append(log("GET", "/platform/v1/whatsapp/phone_numbers/100200300400501/nothing", 404, key: "sync", at: "2026-11-21T09:00:00Z"))
        logs.append(log("POST", "/meta/whatsapp/v24.0/100200300400501/messages", 422, key: "inbox", at: "2026-11-21T08:00:00Z", error: "(#131047) Re-engagement message"))
        logs.append(log("POST", "/meta/whatsapp/v24.0/100200300400501/messages", 422, key: "inbox", at: "2026-11-21T08:30:00Z", error: "(#131047) Re-engagement message"))
        logs.append(log("GET", "/meta/whatsapp/v24.0/100200300400501/messages", 200, key: "inbox", at: "2026-11-21T08:40:00Z"))
        triage.addAPILogs(logs)
        triage.addDeliveries([
            delivery("analytics", status: 500, at: "2026-11-20T10:00:00Z", event: "whatsapp.message.sent"),
            delivery("analytics", status: 500, at: "2026-11-20T11:00:00Z", event: "whatsapp.message.received"),
            delivery("analytics", status: nil, at: "2026-11-20T12:00:00Z", event: "whatsapp.message.sent"),
        ])
        return FailureGroups(triage.entries, numbers: IDResolverTests.numbers)
    }

    /// probe7 P7-9: one attempt is `1 attempt`; an answer of 200 recorded as failed names its likely cause as likely.
    @Test func oneAttemptAndAFailed200() throws {
        var triage = ErrorTriage()
        triage.addDeliveries([Self.delivery("hooks", status: 200, at: "2026-11-20T10:00:00Z", event: "whatsapp.message.sent", attempts: 1)])
        let entry = try #require(triage.entries.first)
        #expect(entry.error == "HTTP 200 after 1 attempt")
        #expect(entry.meaning.hasPrefix("the receiver answered 200, yet Kapso counted the delivery as failed; the likely cause (not recorded)"))
    }

    @Test func oneRowPerCauseLargestFirst() {
        let groups = Self.groups
        #expect(groups.total == 14)
        #expect(groups.groups.map(\.count) == [8, 2, 2, 1, 1])
        #expect(groups.groups.map(\.who) == ["sync", "inbox", "analytics.test/hook", "sync", "analytics.test/hook"])
        #expect(groups.groups.map(\.error) == ["404", "422 #131047", "HTTP 500 after 4 attempts", "404", "no HTTP response after 4 attempts"])
    }

    @Test func aWABAIdInThePathIsOneCauseAcrossPaths() throws {
        let first = try #require(Self.groups.groups.first)
        #expect(first.what == "GET /meta/whatsapp/v24.0/200300400500601/messages (+1 more)")
        #expect(first.variants.count == 2)
        #expect(first.misplacedID == "200300400500601")
        #expect(first.firstSeen == "2026-11-21T10:05:00Z")
        #expect(first.lastSeen == "2026-11-21T13:35:00Z")
        #expect(first.headline == "8 failed calls from key sync: 200300400500601 is a WABA id, not a phone-number id")
        #expect(
            first.meaning
                == "200300400500601 is a WABA id, not a phone-number id; use 100200300400502 (Sales Line) or 100200300400501 (Support Line)"
                + "; history sync applies only to coexistence numbers: Sales Line 100200300400502")
    }

    @Test func otherCausesKeepTheCatalogueMeaning() throws {
        let send = try #require(Self.groups.groups.first { $0.who == "inbox" })
        #expect(send.headline == "2 failed calls from key inbox: 422 re-engagement (24 h window closed) on POST /meta/whatsapp/v24.0/100200300400501/messages")
        #expect(send.misplacedID == nil)
        let hook = try #require(Self.groups.groups.first { $0.error == "HTTP 500 after 4 attempts" })
        #expect(hook.headline == "2 deliveries to analytics.test/hook failed: HTTP 500")
        #expect(hook.variants == ["whatsapp.message.received", "whatsapp.message.sent"])
    }

    /// A 404 whose path id IS in the project, in the wrong slot, is named, never "not in this project";
    /// an id of the right collection, or one the project does not have, keeps the triage's meaning.
    @Test(arguments: [
        (
            "/platform/v1/whatsapp/conversations/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
            "the id in the path is the id of the kapso webhook to hooks.acme-demo.test/kapso/whatsapp, used as a conversation id; "
                + "'conversations' lists conversation ids"
        ),
        (
            "/platform/v1/whatsapp/messages/a1c2e3f4-0b1d-4e2f-8a3b-5c6d7e8f9012",
            "the id in the path is Kapso's id (internal_id, whatsapp_config_id) of Support Line (+1 415-555-0100), used as a "
                + "message id; 'whois a1c2e3f4-0b1d-4e2f-8a3b-5c6d7e8f9012' says what it is"
        ),
        // Graph edges that take a WABA id (probe finding F21): the WABA id there is right, a phone-number id is not.
        (
            "/meta/whatsapp/v24.0/200300400500601/message_templates",
            "200300400500601 is this project's WABA id (of 2 numbers) and /message_templates takes a WABA id: the id is right; "
                + "Graph could not load the WABA with this key's access (a permission, or a WABA not connected to the key's project)"
        ),
        (
            "/meta/whatsapp/v24.0/100200300400501/message_templates",
            "the id in the path is the phone-number id of Support Line, but /message_templates takes the WABA id: use "
                + "200300400500601 (the WABA of Support Line)"
        ),
        ("/meta/whatsapp/v24.0/900800700600500/message_templates", nil),
        ("/platform/v1/whatsapp/conversations/ffffffff-0000-4000-8000-000000000000", nil),
    ])
    func aProjectIdInTheWrongSlotIsNamed(_ path: String, _ expected: String?) throws {
        var triage = ErrorTriage()
        triage.addAPILogs([Self.log("GET", path, 404, key: "inbox", at: "2026-11-21T10:00:00Z")])
        let webhooks = IDResolverTests.facts.webhooks
        let entry = try #require(triage.entries.first)
        let meaning = FailureGroups.meaning(of: entry, numbers: IDResolverTests.numbers, webhooks: webhooks)
        #expect(meaning == (expected ?? entry.meaning))
        #expect(FailureGroups(triage.entries, numbers: IDResolverTests.numbers, webhooks: webhooks).groups.first?.meaning == meaning)
        if expected != nil { #expect(!meaning.contains("not in this project")) }
    }

    /// A 404 whose path has no id, or only ids of this project each in its place, is the path's fault (probe4:
    /// this project's own Support Line id was called "not in this project").
    static let servedPathCases: [(path: String, meaning: String)] = [
        // A documented route (`/messages` of a number, `GET /webhooks/{id}`) or a near miss of one is read by
        // APIRouteTests; these paths are neither.
        (
            "/platform/v1/whatsapp/phone_numbers/100200300400501/templates",
            "the path is not an endpoint of the API: 100200300400501 is this project's phone-number id of Support Line, "
                + "right for its place in the path; check the method and path against Kapso's API reference"
        ),
        (
            "/platform/v1/whatsapp/webhooks/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d/deliveries",
            // A webhook has nothing below its id but /test (probe26 P26-1): the route to use is named.
            "the path is not a Kapso route: a webhook has GET, PATCH and DELETE /platform/v1/whatsapp/webhooks/{id} and POST "
                + "…/{id}/test, nothing else; its deliveries are listed with GET "
                + "/platform/v1/webhook_deliveries?webhook_id=0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d "
                + "('deliveries --webhook 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d')"
        ),
        (
            "/platform/v1/whatsapp/broadcasts",
            IDResolver.noRouteNoID
        ),
    ]

    @Test(arguments: servedPathCases)
    func aPathTheAPIDoesNotServeIsNamed(_ path: String, _ expected: String) throws {
        var triage = ErrorTriage()
        triage.addAPILogs([Self.log("GET", path, 404, key: "curl", at: "2026-11-21T10:00:00Z")])
        let groups = FailureGroups(triage.entries, numbers: IDResolverTests.numbers, webhooks: IDResolverTests.facts.webhooks)
        #expect(groups.groups.first?.meaning == expected)
        #expect(groups.groups.first?.misplacedID == nil)
    }

    /// Without the numbers, a 404 with an id names both causes; without an id, only the path.
    @Test func withoutTheNumbersA404NamesBothCauses() throws {
        var triage = ErrorTriage()
        triage.addAPILogs([
            Self.log("GET", "/platform/v1/whatsapp/phone_numbers/100200300400501/templates", 404, key: "k", at: "2026-11-21T10:00:00Z"),
            Self.log("GET", "/platform/v1/whatsapp/broadcasts", 404, key: "k", at: "2026-11-21T11:00:00Z"),
        ])
        let byPath = Dictionary(uniqueKeysWithValues: FailureGroups(triage.entries, numbers: []).groups.map { ($0.what, $0.meaning) })
        let withID = try #require(byPath["GET /platform/v1/whatsapp/phone_numbers/100200300400501/templates"])
        #expect(withID.hasPrefix("either the id in the path is not in this project or the path is not an endpoint of the API"))
        #expect(withID.hasSuffix("'whois 100200300400501' says what the id is"))
        let withoutID = try #require(byPath["GET /platform/v1/whatsapp/broadcasts"])
        #expect(withoutID == IDResolver.noRouteNoID)
        #expect(!withoutID.contains("not in this project"))
    }

    /// probe4: a 404 for an id kops has not fetched says which kind of object is missing, not that the id is in
    /// no part of the project (a delivery id used as a conversation id is the project's, only not a conversation).
    /// probe41 P41-7: a WAMID written wrongly in a failed path is read as `whois` reads it (no `wamid.` in front, its
    /// '+' a space), not "no message of this project has the id"; a phone-number id with a letter for a digit is read as
    /// `use` reads it, not "not a phone-number id nor an id of this project".
    @Test func anIDWrittenWronglyInAPathIsReadAsWhoisAndUseReadIt() throws {
        let whole = "wamid.HBgLMTQxNTU1NTAxNzEVAgARGBI5QTNDQTVC/0Q0RDZFNjc+OAA="
        var triage = ErrorTriage()
        triage.addAPILogs([
            Self.log("GET", "/platform/v1/whatsapp/messages/HBgLMTQxNTU1NTAxNzEVAgARGBI5QTNDQTVC%2F0Q0RDZFNjc%2BOAA%3D", 404, key: "k", at: "2026-11-21T10:00:00Z"),
            Self.log("GET", "/platform/v1/whatsapp/messages/wamid.HBgLMTQxNTU1NTAxNzEVAgARGBI5QTNDQTVC%2F0Q0RDZFNjc%20OAA%3D", 404, key: "k", at: "2026-11-21T10:01:00Z"),
            Self.log("POST", "/meta/whatsapp/v24.0/1002003004005O1/messages", 404, key: "k", at: "2026-11-21T10:02:00Z"),
        ])
        let groups = FailureGroups(triage.entries, numbers: IDResolverTests.numbers, webhooks: IDResolverTests.facts.webhooks)
        let byPath = Dictionary(uniqueKeysWithValues: groups.groups.map { ($0.what, $0.meaning) })
        let bare = try #require(byPath["GET /platform/v1/whatsapp/messages/HBgLMTQxNTU1NTAxNzEVAgARGBI5QTNDQTVC%2F0Q0RDZFNjc%2BOAA%3D"])
        #expect(bare == "the message id in the path is written wrongly: it has no 'wamid.' in front, yet it is a WAMID's base64 part "
            + "(as some log viewers show it): use \(whole); '\(ShellWord.command("whois", whole))' finds the message it stands for")
        let spaced = try #require(byPath["GET /platform/v1/whatsapp/messages/wamid.HBgLMTQxNTU1NTAxNzEVAgARGBI5QTNDQTVC%2F0Q0RDZFNjc%20OAA%3D"])
        #expect(spaced.hasPrefix("the message id in the path is written wrongly: it holds a space where its base64 has a '+'"), "\(spaced)")
        let letter = try #require(byPath["POST /meta/whatsapp/v24.0/1002003004005O1/messages"])
        #expect(letter == "1002003004005O1 has letters where digits belong (the letter O for 0 at 14): with digits it is "
            + "100200300400501, this project's phone-number id of Support Line; fix the id the caller sends")
    }

    /// tester48 F3: a whole WAMID pasted with the line's end (`…RgA=%20`, `…RgA%3D%0A`) was "a space where its base64
    /// has a '+': put the '+' back" (it has none), and whois was offered the id with the space.
    @Test(arguments: ["%20", "%0A", "%0D%0A"])
    func aWholeIDWithALinesEndInThePathIsSaidSo(_ end: String) throws {
        let whole = "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA="
        var triage = ErrorTriage()
        let path = "/platform/v1/whatsapp/messages/wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA%3D" + end
        triage.addAPILogs([Self.log("GET", path, 404, key: "k", at: "2026-11-21T10:00:00Z")])
        let meaning = try #require(triage.entries.first?.meaning)
        let what = end == "%20" ? "a space" : "a line break"
        #expect(meaning == "the message id in the path is written wrongly: it has \(what) after it (copied with the line's end): "
            + "trimmed, it reads as a WAMID: \(whole); '\(ShellWord.command("whois", whole))' finds the message it stands for", "\(meaning)")
    }

    @Test func aMissingObjectIsNamedByItsCollection() throws {
        var triage = ErrorTriage()
        triage.addAPILogs([
            Self.log("GET", "/platform/v1/whatsapp/conversations/3925dbd8-af31-4c7d-86b8-9386327d8f7d", 404, key: "k", at: "2026-11-21T10:00:00Z"),
            Self.log("GET", "/platform/v1/whatsapp/custom_things/3925dbd8-af31-4c7d-86b8-9386327d8f7e", 404, key: "k", at: "2026-11-21T11:00:00Z"),
        ])
        let groups = FailureGroups(triage.entries, numbers: IDResolverTests.numbers, webhooks: IDResolverTests.facts.webhooks)
        let byPath = Dictionary(uniqueKeysWithValues: groups.groups.map { ($0.what, $0.meaning) })
        #expect(byPath["GET /platform/v1/whatsapp/conversations/3925dbd8-af31-4c7d-86b8-9386327d8f7d"]
            == "no conversation of this project has the id in the path; 'whois 3925dbd8-af31-4c7d-86b8-9386327d8f7d' says what the id is")
        #expect(byPath["GET /platform/v1/whatsapp/custom_things/3925dbd8-af31-4c7d-86b8-9386327d8f7e"]
            == "the id in the path is not in this project; 'whois 3925dbd8-af31-4c7d-86b8-9386327d8f7e' says what the id is")
    }

    /// An id whose shape cannot be of its slot is named by its shape (a WAMID where a conversation's UUID goes, a UUID or
    /// number where a message's WAMID goes); a Graph path of an id alone is not "not an id of this project" (a template
    /// id is the project's); more path after a conversation id may be the path's fault (probe6 leftovers).
    @Test(arguments: [
        (
            "/platform/v1/whatsapp/conversations/wamid.HBgLMTQxNTU1NTAxNDIVAgASGBRBN0YzQzE5RTAyQjg0RDZFNUMxMQA=",
            "the id in the path is a WAMID (a message id), used as a conversation id: a conversation is looked up by Kapso's "
                + "UUID; 'whois wamid.HBgLMTQxNTU1NTAxNDIVAgASGBRBN0YzQzE5RTAyQjg0RDZFNUMxMQA=' says what it is"
        ),
        (
            "/platform/v1/whatsapp/messages/d4f5b6c7-3e4a-4b5c-9d6e-8f9012345678",
            "the id in the path is a UUID (Kapso's id of a conversation, webhook, number or log entry), used as a message id: "
                + "a message is looked up by its WAMID (wamid.…); 'whois d4f5b6c7-3e4a-4b5c-9d6e-8f9012345678' says what it is"
        ),
        (
            "/platform/v1/whatsapp/messages/780100200300404",
            "the id in the path is a number (a phone-number, WABA or template id, or a phone number), used as a message id: "
                + "a message is looked up by its WAMID (wamid.…); 'whois 780100200300404' says what it is"
        ),
        (
            "/meta/whatsapp/v24.0/780100200300404",
            "780100200300404 is none of this project's phone-number or WABA ids; a Graph path of an id alone reads any Meta "
                + "object (a template, a media file, a message…): 'whois 780100200300404' says what it is (it searches the "
                + "templates too)"
        ),
        (
            "/platform/v1/whatsapp/conversations/d4f5b6c7-3e4a-4b5c-9d6e-8f9012345678/messages",
            "no conversation of this project has the id in the path, or the conversation exists and /messages under it is "
                + "not an endpoint of the API; 'whois d4f5b6c7-3e4a-4b5c-9d6e-8f9012345678' says whether the conversation exists"
        ),
    ])
    func anIDIsNamedByWhatKopsKnowsOfIt(_ path: String, _ expected: String) throws {
        let log = Self.log("GET", path, 404, key: "k", at: "2026-11-21T10:00:00Z")
        let meaning = FailureGroups.meaning(of: log, numbers: IDResolverTests.numbers, webhooks: IDResolverTests.facts.webhooks)
        #expect(meaning == expected)
        #expect(meaning?.contains("not an id of this project") == false)
    }

    /// probe6 P6-11: a failed delivery's advice follows its last answer; a 500 in time is the handler's failure,
    /// not the timeout the "answer within 10 s" advice is for.
    @Test(arguments: [
        (500 as Int?, "the receiver's handler failed (500) on this event"), (nil, "no HTTP response (connection failed or timed out)"),
        (401, "its signature check or authentication rejects"), (404, "no handler for it at that URL (404)"),
        (301, "a redirect (301)"), (422, "the receiver rejected the request (422)"),
    ])
    func aFailedDeliverysAdviceFollowsItsAnswer(_ status: Int?, _ advice: String) {
        var triage = ErrorTriage()
        triage.addDeliveries([Self.delivery("w1", status: status, at: "2026-11-21T10:00:00Z", event: "whatsapp.message.received")])
        #expect(triage.entries.first?.meaning.contains(advice) == true, "\(triage.entries.first?.meaning ?? "-")")
    }

    @Test func withoutTheNumbersIdsInPathsAreNotJudged() {
        var triage = ErrorTriage()
        triage.addAPILogs([Self.log("GET", "/meta/whatsapp/v24.0/200300400500601/messages", 404, key: "sync", at: "2026-11-21T10:00:00Z")])
        let groups = FailureGroups(triage.entries, numbers: [])
        #expect(groups.groups.first?.misplacedID == nil)
        #expect(groups.groups.first?.meaning.contains("WABA id") == false)
    }
}

/// probe15 P15-1, P15-2: an id `whois` knows is named as `whois` names it in `errors`, and a group of calls answered
/// 400 says 400 and the error text, not 404.
@Suite struct FailureGroupsWhoisTests {
    static let wamid = "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQBH22AAAAAAAAAAAAAAAAAAAA="
    static let notExist = "(#100) Unsupported post request. Object with ID 'x' does not exist, cannot be loaded due to missing permissions"

    @Test func anIDWhoisKnowsIsNotCalledForeign() throws {
        var triage = ErrorTriage()
        triage.addAPILogs([
            FailureGroupsTests.log("POST", "/meta/whatsapp/v24.0/\(Self.wamid)/messages", 400, key: "k", at: "2026-11-21T10:00:00Z", error: Self.notExist),
            FailureGroupsTests.log("GET", "/platform/v1/whatsapp/phone_numbers/400500600700801/webhooks", 404, key: "k", at: "2026-11-21T11:00:00Z"),
        ])
        let numbers = IDResolverTests.numbers
        let ids = FailureGroups.unknownPathIDs(triage.entries, numbers: numbers)
        #expect(Set(ids) == [Self.wamid, "400500600700801"])
        var message = Identity(input: Self.wamid, kind: .wamid, statement: "\(Self.wamid) is an outbound text message on Support Line")
        message.phoneNumberIDs = ["100200300400501"]
        let app = Identity(input: "400500600700801", kind: .metaAppID, statement: "400500600700801 is the Meta app id subscribed to the webhooks")
        let groups = FailureGroups(triage.entries, numbers: numbers, identities: [Self.wamid: message, "400500600700801": app])
        let meanings = groups.groups.map(\.meaning)
        #expect(meanings.count == 2)
        for meaning in meanings {
            #expect(!meaning.contains("not an id of this project"), "\(meaning)")
            #expect(!meaning.contains("nor an id of this project"), "\(meaning)")
            #expect(!meaning.contains("wrong project or key"), "\(meaning)")
        }
        #expect(meanings.contains { $0.hasPrefix(message.statement) && $0.contains("use 100200300400501") })
        #expect(meanings.contains { $0.hasPrefix(app.statement) })
    }

    @Test func aGroupAnswered400SaysSo() throws {
        var triage = ErrorTriage()
        triage.addAPILogs([
            FailureGroupsTests.log("POST", "/meta/whatsapp/v24.0/\(Self.wamid)/messages", 400, key: "k", at: "2026-11-21T10:00:00Z", error: Self.notExist),
            FailureGroupsTests.log("POST", "/meta/whatsapp/v24.0/\(Self.wamid)/messages", 400, key: "k", at: "2026-11-21T10:05:00Z", error: Self.notExist),
        ])
        let groups = FailureGroups(triage.entries, numbers: IDResolverTests.numbers)
        let group = try #require(groups.groups.first)
        #expect(groups.groups.count == 1)
        #expect(group.error.hasPrefix("400"), "\(group.error)")
        #expect(!group.error.contains("404"))
    }
}

/// probe15 P15-3, P15-10: an id one copying mistake from a phone-number id of the project is named with the miss.
@Suite struct NearMissIDTests {
    @Test(arguments: [
        ("100200300400501%20", "100200300400501%20 is 100200300400501 with a trailing space (%20)"),
        ("0100200300400501", "0100200300400501 is 100200300400501 with a leading 0"),
        ("+100200300400501", "+100200300400501 is 100200300400501 with a '+' in front"),
        ("%2B100200300400501", "%2B100200300400501 is 100200300400501 with a '+' in front (%2B)"),
        ("0100200300400501%20", "0100200300400501%20 is 100200300400501 with a trailing space (%20) and a leading 0"),
        ("10020030040050", "10020030040050 is a phone-number id without its last digit (of Sales Line or Support Line)"),
        // P21-3: a line end read from a file or `.env` is named as such, not as a space, its escapes in written order.
        ("100200300400501%0A", "100200300400501%0A is 100200300400501 with a trailing line feed (%0A)"),
        ("100200300400501%0D%0A", "100200300400501%0D%0A is 100200300400501 with a trailing CRLF line end (%0D, %0A)"),
        ("%09100200300400501", "%09100200300400501 is 100200300400501 with a tab before it (%09)"),
        ("%20100200300400501%0A", "%20100200300400501%0A is 100200300400501 with a space before it and a line feed after it (%20, %0A)"),
    ])
    func aNearMissIsNamed(_ id: String, _ start: String) throws {
        let log = FailureGroupsTests.log("POST", "/meta/whatsapp/v24.0/\(id)/messages", 404, key: "k", at: "2026-11-21T10:00:00Z")
        let meaning = try #require(FailureGroups.meaning(of: log, numbers: IDResolverTests.numbers))
        #expect(meaning.hasPrefix(start), "\(meaning)")
        #expect(meaning.contains("; use 1") && meaning.contains("100200300400501 (Support Line)"), "\(meaning)")
        #expect(!meaning.contains("not an id of this project"))
        #expect(!meaning.contains("nor an id of this project"))
    }

    /// S17: `whois` names the miss `errors` names, through the same reading (`IDResolver.nearMiss`).
    @Test(arguments: [
        ("0100200300400501", "0100200300400501 is 100200300400501 with a leading 0: the phone-number id of Support Line (+1 415-555-0100)"),
        ("00000100200300400501", "00000100200300400501 is 100200300400501 with 5 leading 0s: the phone-number id of Support Line (+1 415-555-0100)"),
        ("1002003004005", "1002003004005 is a phone-number id without its last 2 digits: 100200300400502 (Sales Line) or 100200300400501 (Support Line)"),
    ])
    func whoisNamesTheMissErrorsNames(_ id: String, _ statement: String) throws {
        let identity = IDResolver.resolve(try IDInput.read(id).get(), typed: id, facts: IDResolverTests.facts)
        #expect(identity.kind == .nearMissPhoneNumberID)
        #expect(identity.statement == statement)
        let misplaced = try #require(IDResolver.misplacedPhoneNumberID(id, numbers: IDResolverTests.numbers))
        #expect(misplaced.statement == statement)
        #expect(identity.phoneNumberIDs == misplaced.numbers.map(\.id))
    }

    /// probe17 P17-6: a phone-number id with two adjacent digits swapped, or one digit changed, is named with the miss, in
    /// `errors` and `whois` alike, when exactly one id of the project is that near.
    @Test(arguments: [
        ("100200300400510", "100200300400510 is 100200300400501 with two digits swapped (10 for 01 at digits 14-15): the phone-number id of Support Line (+1 415-555-0100)"),
        ("010200300400501", "010200300400501 is 100200300400501 with two digits swapped (01 for 10 at digits 1-2): the phone-number id of Support Line (+1 415-555-0100)"),
        ("100200300400052", "100200300400052 is 100200300400502 with two digits swapped (05 for 50 at digits 13-14): the phone-number id of Sales Line (+1 415-555-0101)"),
        ("100200300700501", "100200300700501 is 100200300400501 with one digit changed (7 for 4 at digit 10): the phone-number id of Support Line (+1 415-555-0100)"),
    ])
    func aMistypedIDIsNamed(_ id: String, _ statement: String) throws {
        let misplaced = try #require(IDResolver.misplacedPhoneNumberID(id, numbers: IDResolverTests.numbers))
        #expect(misplaced.kind == .nearMissPhoneNumberID)
        #expect(misplaced.statement == statement)
        let log = FailureGroupsTests.log("GET", "/platform/v1/whatsapp/phone_numbers/\(id)", 404, key: "k", at: "2026-11-21T10:00:00Z")
        let meaning = try #require(FailureGroups.meaning(of: log, numbers: IDResolverTests.numbers))
        #expect(!meaning.contains("not an id of this project"), "\(meaning)")
        #expect(meaning.contains("; use \(misplaced.numbers[0].id)"), "\(meaning)")
        let identity = IDResolver.resolve(try IDInput.read(id).get(), typed: id, facts: IDResolverTests.facts)
        #expect(identity.kind == .nearMissPhoneNumberID)
        #expect(identity.statement == statement)
    }

    /// One digit from two ids of the project (…503 is one from …501 and from …502): no guess between them; an id one
    /// digit from one of them is a near miss only in a project that has that one alone.
    @Test func aMistypedIDNearTwoIDsIsNoNearMiss() {
        #expect(IDResolver.nearMiss("100200300400503", numbers: IDResolverTests.numbers) == nil)
        let one = IDResolverTests.numbers.filter { $0.id == "100200300400501" }
        #expect(IDResolver.nearMiss("100200300400503", numbers: one)?.miss == "with one digit changed (3 for 1 at digit 15)")
        #expect(IDResolver.nearMiss("100200300400503", numbers: one, typos: false) == nil)
        // Two changed digits, or a swap of digits that are not next to each other, are not read as a typo.
        #expect(IDResolver.nearMiss("100200300400599", numbers: one) == nil)
        #expect(IDResolver.nearMiss("500200300400101", numbers: one) == nil)
    }

    /// Not near misses: the id itself, a short number that starts one (a cut-off id has 12 digits at least), an id of
    /// no number, and a display number with a '+'.
    @Test(arguments: ["100200300400501", "10020030", "0999999999999999", "+1 415-555-0100", "+14155550100", "0"])
    func notANearMiss(_ id: String) {
        #expect(IDResolver.nearMiss(id, numbers: IDResolverTests.numbers) == nil)
    }

    /// `use` and `whois` of an id read as the project's once a copying mistake is dropped name the mistake.
    @Test(arguments: [
        ("100200300400501 ", "'100200300400501 ' is 100200300400501 with a trailing space; "),
        (" 100200300400501", "' 100200300400501' is 100200300400501 with a space before it; "),
        ("100200300400501%20%20", "'100200300400501%20%20' is 100200300400501 with spaces after it (%20); "),
        ("+100200300400501", "'+100200300400501' is 100200300400501 with a '+' in front; "),
    ])
    func aPastedMissIsNamed(_ pasted: String, _ start: String) throws {
        let line = try #require(IDResolver.pastedNearMissLine(pasted, numbers: IDResolverTests.numbers))
        #expect(line.hasPrefix(start), "\(line)")
        #expect(line.contains("read as 100200300400501 here"), "\(line)")
        #expect(IDResolver.pastedNearMissLine("100200300400501", numbers: IDResolverTests.numbers) == nil)
    }

    @Test func whoisReadsTheURLEncodedFormKopsPrints() throws {
        guard case .success(.number(let number)) = IDInput.read("100200300400501%20") else {
            Issue.record("not read as a number")
            return
        }
        #expect(number.digits == "100200300400501")
        #expect(IDInput.repairs("100200300400501%20").contains { $0.hasPrefix("URL encoding decoded") })
    }
}
