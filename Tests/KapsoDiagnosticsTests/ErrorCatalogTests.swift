import KapsoClient
import KapsoDiagnostics
import Testing

@Suite struct ErrorCatalogTests {
    typealias Row = (code: String, name: String, retry: ErrorCatalog.Retry, category: ErrorCatalog.Category?)

    // Every code of kapso-api.md §9.5: short name, retry advice, SDK-JS category.
    static let contractCodes: [Row] = [
        ("0", "auth exception", .no, .authorization),
        ("3", "capability or permission", .fixFirst, .permission),
        ("10", "permission denied", .fixFirst, .permission),
        ("200", "permission", .fixFirst, .permission),
        ("250", "permission", .fixFirst, .permission),
        ("299", "permission", .fixFirst, .permission),
        ("4", "app rate limit", .later, .throttling),
        ("80007", "WABA rate limit", .later, .throttling),
        ("100", "invalid parameter", .fixFirst, .parameter),
        ("190", "access token expired or invalid", .no, .authorization),
        ("368", "temporarily blocked", .no, .integrity),
        ("130429", "throughput limit", .later, .throttling),
        ("130472", "in experiment", .no, .parameter),
        ("131000", "something went wrong", .yes, .server),
        ("131008", "required parameter missing", .fixFirst, .parameter),
        ("131009", "parameter value invalid", .fixFirst, .parameter),
        ("131016", "service unavailable", .yes, .server),
        ("131021", "recipient is sender", .no, .parameter),
        ("131026", "message undeliverable", .no, .parameter),
        ("131030", "recipient not in allowed list", .fixFirst, nil),
        ("131031", "account locked", .no, .integrity),
        ("131047", "re-engagement (24 h window closed)", .no, .reengagementWindow),
        ("131048", "spam rate limit", .later, .throttling),
        ("131049", "ecosystem limit", .no, nil),
        ("131050", "user stopped marketing", .no, nil),
        ("131051", "unsupported message type", .no, .media),
        ("131052", "media download error", .no, .media),
        ("131053", "media upload error", .fixFirst, .media),
        ("131056", "pair rate limit", .later, .throttling),
        ("131057", "account in maintenance", .later, .server),
        ("132000", "template parameter count", .fixFirst, .template),
        ("132001", "template missing", .fixFirst, .template),
        ("132005", "template text too long", .fixFirst, .template),
        ("132007", "template policy characters", .fixFirst, .template),
        ("132012", "template parameter format", .fixFirst, .template),
        ("132015", "template paused", .no, .template),
        ("132016", "template disabled", .no, .template),
        ("133010", "number not registered", .fixFirst, .phoneRegistration),
        ("1026", "receiver incapable", .no, nil),
        ("141000", "health check error", .unknown, nil),
        ("141006", "payment method problem", .unknown, nil),
        ("409", "send in flight", .yes, nil),
        ("insufficient_credits", "Kapso billing", .afterTopUp, nil),
        ("marketing_preference_stopped", "Kapso marketing pre-check", .no, nil),
        ("messaging_account_mismatch", "WABA mismatch", .fixFirst, nil),
    ]

    @Test(arguments: contractCodes)
    func explainsEveryContractCode(row: Row) throws {
        let entry = try #require(ErrorCatalog.entry(for: row.code))
        #expect(entry.code == row.code)
        #expect(entry.name == row.name)
        #expect(entry.retry == row.retry)
        #expect(entry.category == row.category)
    }

    @Test(arguments: [
        ("(#131047)", "131047"), ("#131047", "131047"), (" 131047 ", "131047"),
        ("INSUFFICIENT_CREDITS", "insufficient_credits"),
    ])
    func acceptsCodesAsGraphMessagesWriteThem(input: String, code: String) {
        #expect(ErrorCatalog.entry(for: input)?.code == code)
    }

    @Test(arguments: ["99999999", "300", "199", "abc", "", "-1", "1.5"])
    func unknownCodesHaveNoEntry(code: String) {
        #expect(ErrorCatalog.entry(for: code) == nil)
    }

    @Test func sdkDoNotRetrySetIsNeverRetried() throws {
        for code in ["131047", "131049", "131050", "368", "130497", "131031"] {
            #expect(try #require(ErrorCatalog.entry(for: code)).retry == .no, "\(code)")
        }
    }

    @Test func kapsoCodesAreMarkedAsKapso() {
        #expect(ErrorCatalog.entry(for: "409")?.source == .kapso)
        #expect(ErrorCatalog.entry(for: "131047")?.source == .meta)
    }

    @Test func textFollowsTheMessageStyle() throws {
        for code in ErrorCatalog.codes {
            let entry = try #require(ErrorCatalog.entry(for: code == "200-299" ? "200" : code))
            for text in [entry.meaning, entry.fix] {
                #expect(!text.hasSuffix("."), "\(code): \(text)")
                let first = text.split(separator: " ").first.map(String.init) ?? ""
                let properNoun = ["Meta", "Meta's", "Graph", "WhatsApp", "Kapso"].contains(first)
                #expect(properNoun || first.first?.isLowercase == true, "\(code): \(text)")
            }
        }
    }
}

/// The catalogue covers Meta's published WhatsApp Cloud API codes the issue lists, each complete.
@Suite struct MetaCoverageTests {
    static let published = [
        "0", "1", "2", "3", "4", "10", "33", "100", "190", "200", "250", "299", "368", "80007", "130429", "131048", "131056",
        "130472", "130497", "131031", "131000", "131005", "131008", "131009", "131016", "131021", "131026", "131037",
        "131042", "131045", "131047", "131049", "131050", "131051", "131052", "131053", "131055", "131057", "132000",
        "132001", "132005", "132007", "132012", "132015", "132016", "132068", "132069", "133000", "133004", "133005",
        "133006", "133008", "133009", "133010", "133015", "133016", "134011", "135000", "2494100", "2593107", "2593108",
    ]

    @Test(arguments: published)
    func everyPublishedCodeHasMeaningFixRetryAndSource(_ code: String) throws {
        let entry = try #require(ErrorCatalog.entry(for: code))
        #expect(entry.source == .meta)
        #expect(!entry.meaning.isEmpty && !entry.fix.isEmpty && !entry.name.isEmpty)
        #expect(entry.title != nil, "Meta's title for \(code)")
        #expect(entry.reference == entry.source.reference && entry.reference.contains(ErrorCatalog.metaReference))
    }

    @Test(arguments: [
        ("131047", "Re-engagement message", 400), ("131026", "Message Undeliverable", 400),
        ("132001", "Template does not exist", 404), ("2", "API Service", 503), ("131045", "Incorrect certificate", 500),
    ])
    func keepsMetasTitleAndHTTPStatus(_ code: String, _ title: String, _ status: Int) throws {
        let entry = try #require(ErrorCatalog.entry(for: code))
        #expect(entry.title == title)
        #expect(entry.httpStatus == status)
    }
}

/// Codes verified on Meta's pages beside its error-codes page (and 2388103 from that page's phone-migration
/// table), each with the page it was read on (docs/error-catalogue.md): Meta's title and HTTP status where
/// that page gives them, no SDK category (the SDK's code map lists none of them).
@Suite struct VerifiedAdditionsTests {
    typealias Row = (code: String, name: String, title: String?, http: Int?, retry: ErrorCatalog.Retry, page: String)

    static let rows: [Row] = [
        ("131036", "not delivered to the primary device", "Message failed to be delivered on at least one of the user's device", nil,
         .unknown, "whatsapp/no-storage"),
        ("131035", "incoming webhook dropped", "Webhook could not be delivered within data retention limit", nil, .unknown,
         "whatsapp/no-storage"),
        ("131044", "calling payment problem", nil, 400, .fixFirst, "whatsapp/calling/troubleshooting"),
        ("131062", "BSUID recipient not allowed", nil, nil, .fixFirst, "whatsapp/business-scoped-user-ids"),
        ("138000", "calling not enabled", "Calling not enabled", 401, .fixFirst, "whatsapp/calling/troubleshooting"),
        ("138001", "receiver uncallable", "Receiver Uncallable", 400, .no, "whatsapp/calling/troubleshooting"),
        ("139000", "flow blocked by integrity", "Blocked By Integrity", nil, .no, "whatsapp/flows/reference/error-codes"),
        ("2388103", "phone migration refused", nil, nil, .fixFirst, "whatsapp/support/error-codes"),
        ("1026", "receiver incapable", "Receiver Incapable", nil, .no, "whatsapp/messages/address-messages"),
        ("131030", "recipient not in allowed list", "Recipient phone number not in allowed list", 400, .fixFirst,
         "whatsapp/calling/troubleshooting"),
    ]

    @Test(arguments: rows)
    func hasMetasFactsAndThePageTheyComeFrom(row: Row) throws {
        let entry = try #require(ErrorCatalog.entry(for: row.code))
        #expect(entry.name == row.name)
        #expect(entry.title == row.title)
        #expect(entry.httpStatus == row.http)
        #expect(entry.retry == row.retry)
        #expect(entry.category == nil)
        #expect(entry.source == .meta)
        #expect(entry.reference.contains("https://developers.facebook.com/"))
        #expect(entry.reference.contains(row.page), "\(entry.reference)")
    }

    /// Advice corrected against its source (docs/error-catalogue.md, "Audit").
    @Test func correctedAdviceSaysWhatTheSourceSays() throws {
        func entry(_ code: String) throws -> ErrorCatalog.Entry { try #require(ErrorCatalog.entry(for: code)) }
        // Meta names three reasons for 131026, none of them a block by the recipient.
        #expect(try !entry("131026").meaning.contains("block"))
        #expect(try entry("131026").fix.contains("accept the terms and update WhatsApp"))
        #expect(try entry("131049").meaning.contains("US (+1) numbers"))
        #expect(try entry("131055").meaning.contains("SIP-enabled number"))
        #expect(try entry("132069").fix.hasPrefix("correct the flow"))
        #expect(try entry("250").fix == "check the token's permissions with Meta's access token debugger")
        #expect(try entry("141006").reference.contains("david-lev/pywa"))
        #expect(try entry("141000").reference.contains("health-reference.md"))
        #expect(try entry("409").reference.contains("gokapso/agent-skills"))
        #expect(try entry("marketing_preference_stopped").reference.contains("docs.kapso.ai"))
        #expect(try entry("insufficient_credits").reference == ErrorCatalog.Source.kapso.reference)
    }
}

/// An error body carrying a verified code is triaged with the catalogue's name and fix, whether it comes as
/// a failed status's `errors[]` (how Meta reports 131036 and 1026) or as an API call's Graph message.
@Suite struct VerifiedAdditionsTriageTests {
    static let codes = VerifiedAdditionsTests.rows.map(\.code)

    @Test(arguments: codes)
    func aFailedStatusWithTheCodeIsExplained(_ code: String) throws {
        let entry = try #require(ErrorCatalog.entry(for: code))
        let page = try JSONValue.parse("""
            {"data": [{"id": "wamid.A", "timestamp": "1763630100", "type": "text",
              "kapso": {"direction": "outbound", "status": "failed", "phone_number_id": "100200300400501",
                "statuses": [{"status": "failed", "timestamp": "1763630102",
                  "errors": [{"code": \(code), "title": "Meta's title", "error_data": {"details": "Meta's details"}}]}]}}]}
            """)
        var triage = ErrorTriage()
        triage.addMessages(page, since: 0)
        let row = try #require(triage.entries.first)
        #expect(triage.entries.count == 1)
        #expect(row.error == "\(code) Meta's title")
        #expect(row.meaning == "\(entry.name): \(entry.fix)")
    }

    @Test(arguments: codes)
    func anAPIErrorWithTheCodeIsExplained(_ code: String) throws {
        let entry = try #require(ErrorCatalog.entry(for: code))
        let log = try APILog(json: [
            "id": "log-1", "http_method": "POST", "endpoint": "/meta/whatsapp/v24.0/100200300400501/messages",
            "response_status": 400, "created_at": "2026-11-21T08:00:00Z", "error_message": .string("(#\(code)) Meta's title"),
        ])
        var triage = ErrorTriage()
        triage.addAPILogs([log])
        let row = try #require(triage.entries.first)
        #expect(row.error == "400 (#\(code)) Meta's title")
        #expect(row.meaning == "\(entry.name): \(entry.fix)")
    }
}

/// The code in what users paste.
@Suite struct PastedErrorTests {
    @Test(arguments: [
        ("131047", "131047"), ("#131047", "131047"), ("(#131047) Re-engagement message", "131047"),
        ("error 131026", "131026"), ("code=131026", "131026"), ("\"code\": 131026", "131026"),
        (#"{"error":{"message":"(#131047) Re-engagement message","type":"OAuthException","code":131047}}"#, "131047"),
        (#"{"error":{"message":"(#130429) Rate limit hit"}}"#, "130429"), (#"{"code":"131051"}"#, "131051"),
        (#"[{"code":131026,"title":"x"}]"#, "131026"), ("insufficient_credits", "insufficient_credits"),
        ("Kapso said insufficient_credits", "insufficient_credits"), ("abc", "abc"),
    ])
    func findsTheCode(_ text: String, _ code: String) {
        #expect(PastedError(text)?.code == code)
    }

    @Test(arguments: ["", "the message failed", "{}"])
    func findsNoCodeWhereThereIsNone(_ text: String) {
        #expect(PastedError(text) == nil)
    }

    /// A Graph body without its code is read as one (`lacksCode`, explained as such), never by a number in its words
    /// (tester50 F1: "at most 4096 characters" gave code 4096).
    @Test(arguments: [#"{"error":{"message":"no code here"}}"#, #"{"error":{"message":"at most 4096 characters","error_subcode":2494010}}"#])
    func aGraphBodyWithoutACodeLacksOne(_ text: String) throws {
        let pasted = try #require(PastedError(text))
        #expect(pasted.lacksCode && pasted.code == "graph")
    }

    @Test func keepsMetasDetailsFromABody() {
        let pasted = PastedError(#"{"error":{"code":131026,"error_data":{"details":"Message Undeliverable."}}}"#)
        #expect(pasted?.details == "Message Undeliverable.")
    }
}

/// P9-5: Graph's code 100 is read with its subcode, status and path: "Object with ID … does not exist" (subcode 33, the
/// Meta proxy's 404 for an unknown phone-number id, kapso-api.md §9.3) is the id in the path, never "fix the payload".
@Suite struct MissingObjectTests {
    static let send = "http://127.0.0.1:8080/meta/whatsapp/v24.0/100200300400509/messages"
    static let text =
        "Unsupported post request. Object with ID '100200300400509' does not exist, cannot be loaded due to missing "
        + "permissions, or does not support this operation"

    @Test(arguments: [
        (33, 404, send, text), (33, 400, send, "A parameter is missing"), (nil, 404, send, "x"), (nil, 400, send, text),
        (33, 404, nil, text), (nil, nil, "/meta/whatsapp/v24.0/100200300400509/messages", "(#100) " + text),
    ] as [(Int?, Int?, String?, String)])
    func aMissingObjectNamesTheIDInThePath(subcode: Int?, status: Int?, path: String?, message: String) throws {
        let entry = try #require(ErrorCatalog.entry(for: "100", subcode: subcode, status: status, path: path, message: message))
        #expect(entry.meaning.hasPrefix("the id in the request path, 100200300400509, does not exist or this key cannot see it"))
        #expect(entry.fix == "'whois 100200300400509' says what the id is and which phone-number id to use")
        #expect(!entry.fix.contains("payload") && entry.meaning.hasSuffix("nothing in the payload is wrong"))
    }

    @Test(arguments: [
        (nil, 400, send, "(#100) Invalid parameter"), (nil, 404, "/platform/v1/whatsapp/conversations/x", "Not found"),
        (nil, nil, nil, "Param text['body'] must be at most 4096 characters"),
    ] as [(Int?, Int?, String?, String)])
    func anyOtherCode100KeepsItsPayloadAdvice(subcode: Int?, status: Int?, path: String?, message: String) throws {
        let entry = try #require(ErrorCatalog.entry(for: "100", subcode: subcode, status: status, path: path, message: message))
        #expect(entry == ErrorCatalog.entry(for: "100"))
    }

    @Test func otherCodesAreTheirOwnEntry() {
        #expect(ErrorCatalog.entry(for: "131047", subcode: 33, status: 404, path: Self.send, message: Self.text) == ErrorCatalog.entry(for: "131047"))
    }

    /// A 400 with Graph's text on the project's own number's `/message_templates` is the edge, as its 404 is, not a payload.
    @Test func anAPICallAnsweredWithTheObjectTextOnA400IsReadLikeA404() throws {
        var triage = ErrorTriage()
        let path = "/meta/whatsapp/v24.0/100200300400501/message_templates"
        let text = "(#100) Unsupported get request. Object with ID '100200300400501' does not exist, cannot be loaded due to "
            + "missing permissions, or does not support this operation"
        triage.addAPILogs([FailureGroupsTests.log("GET", path, 400, key: "ops", at: "2026-11-21T10:00:00Z", error: text)])
        let row = try #require(triage.entries.first)
        #expect(!row.meaning.contains("payload"), "\(row.meaning)")
        let group = try #require(FailureGroups(triage.entries, numbers: IDResolverTests.numbers).groups.first)
        #expect(group.meaning.contains("takes the WABA id: use 200300400500601"), "\(group.meaning)")
    }
}
