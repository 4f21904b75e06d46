import KapsoClient
import KapsoDiagnostics
import Testing

/// probe26 P26-1 (a route Kapso does not have, blamed on its id), P26-2 (Meta's token error on a 401 read as the Kapso
/// key) and P26-6 (a media id of a listed message): the readings, with the finding's values.
@Suite struct Probe26Tests {
    static let delivery = "7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c01"
    static let webhook = "5f6a7b8c-9d0e-4f1a-8b2c-4d5e6f7a8b01"

    static func log(_ method: String, _ path: String, _ status: Int, error: String? = "Not Found") -> APILog {
        FailureGroupsTests.log(method, path, status, key: "prod", at: "2026-11-21T11:19:00Z", error: error)
    }

    static var deliveryCalls: [APILog] {
        [
            log("GET", "/platform/v1/webhook_deliveries/\(delivery)", 404),
            log("POST", "/platform/v1/webhook_deliveries/\(delivery)/retry", 404),
        ]
    }

    // MARK: - P26-1

    @Test func aDeliveryGetOrRetryIsNoRouteNotAForeignID() {
        var triage = ErrorTriage()
        triage.addAPILogs(Self.deliveryCalls)
        #expect(triage.entries.count == 2)
        for entry in triage.entries {
            #expect(entry.meaning.hasPrefix("the path is not a Kapso route: the delivery log is a list only, with no get-one, retry or redeliver route"), "\(entry.meaning)")
            #expect(!entry.meaning.contains("not in this project"), "\(entry.meaning)")
            #expect(entry.meaning.contains("GET /platform/v1/webhook_deliveries?webhook_id="), "\(entry.meaning)")
        }
        let retry = triage.entries.first { $0.subject.hasSuffix("/retry") }?.meaning ?? ""
        #expect(retry.contains("a failed delivery is not re-sent by the API: use the Kapso dashboard, or POST /platform/v1/whatsapp/webhooks/"), "\(retry)")
    }

    @Test func theGroupNamesTheDeliverysWebhook() throws {
        var triage = ErrorTriage()
        triage.addAPILogs(Self.deliveryCalls)
        let delivery = try WebhookDelivery(json: [
            "id": .string(Self.delivery), "event": "whatsapp.message.received", "status": "failed", "attempt_count": 4,
            "response_status": 500, "created_at": "2026-11-21T11:00:00Z", "webhook_id": .string(Self.webhook),
            "webhook_url": "https://hooks.example.test/kapso",
        ])
        let groups = FailureGroups(triage.entries, numbers: IDResolverTests.numbers, deliveries: [delivery]).groups
        #expect(groups.count == 2)
        for group in groups {
            #expect(group.meaning.contains("webhook_deliveries?webhook_id=\(Self.webhook) ('deliveries --webhook \(Self.webhook)')"), "\(group.meaning)")
            #expect(!group.meaning.contains("not in this project"), "\(group.meaning)")
        }
        #expect(groups.contains { $0.meaning.contains("POST /platform/v1/whatsapp/webhooks/\(Self.webhook)/test") })
    }

    /// Every family whose routes Kapso lists in full: its unserved forms are named, its routes are not.
    @Test(arguments: [
        ("GET", "/platform/v1/webhook_deliveries/\(delivery)", true),
        ("POST", "/platform/v1/webhook_deliveries/\(delivery)/redeliver", true),
        ("POST", "/platform/v1/webhook_deliveries", true),
        ("GET", "/platform/v1/webhook_deliveries?webhook_id=\(webhook)", false),
        ("GET", "/platform/v1/api_logs/0a1b2c3d-0000-4000-8000-000000000001", true),
        ("GET", "/platform/v1/api_logs", false),
        ("GET", "/platform/v1/log_search/events", true),
        ("GET", "/platform/v1/log_search/catalog", false),
        ("POST", "/platform/v1/log_search", false),
        ("POST", "/platform/v1/whatsapp/webhooks/\(webhook)/retry", true),
        ("GET", "/platform/v1/whatsapp/webhooks/\(webhook)/deliveries", true),
        ("POST", "/platform/v1/whatsapp/webhooks/\(webhook)/test", false),
        ("GET", "/platform/v1/whatsapp/webhooks/\(webhook)", false),
        // Families with more routes than kops knows are never called unserved.
        ("GET", "/platform/v1/whatsapp/conversations/\(delivery)/assignments", false),
        ("GET", "/platform/v1/whatsapp/phone_numbers/100200300400501/display_name_requests", false),
        ("GET", "/meta/whatsapp/v24.0/100200300400501/messages", false),
    ])
    func routeFamilies(method: String, path: String, unserved: Bool) {
        #expect((APIRoute.unserved(method: method, endpoint: path) != nil) == unserved, "\(method) \(path)")
    }

    // MARK: - P26-2

    @Test(arguments: [
        // The finding's bodies: Meta's token error, the number's token.
        ("190", 463, "Error validating access token: Session has expired on Friday, 20-Nov-26 14:00:00 PST.", nil, true),
        ("190", 460, "Error validating access token: The session has been invalidated because the user changed their password", nil, true),
        ("0", 2494065, "(#0) We were unable to authenticate the app user", nil, true),
        ("190", nil, "Invalid OAuth access token - Cannot parse access token", nil, true),
        // kapso-sim's own refusal of the key: code 190 too, but it names the API key.
        ("190", nil, "Invalid API key", "The X-API-Key header (or Bearer token) is missing or not this project's key.", false),
        ("190", nil, "(#190) something", nil, false),
        (nil, nil, "Unauthorized", nil, false),
    ] as [(String?, Int?, String, String?, Bool)])
    func whoseCredential(code: String?, subcode: Int?, message: String, details: String?, token: Bool) {
        let reading = CredentialRefusal(code: code, subcode: subcode, message: message, details: details)
        #expect((reading != .projectKey) == token, "\(message)")
    }

    @Test func theTokenLineNamesTheNumberNotTheKey() {
        let graph = MetaSendError(
            status: 401, code: "190", message: "Error validating access token: Session has expired on Friday, 20-Nov-26 14:00:00 PST.",
            subcode: 463, type: "OAuthException")
        let line = CredentialRefusal(graph: graph).line(host: "127.0.0.1", graph: graph) ?? ""
        #expect(line.hasPrefix("the number's Meta access token was refused, not the Kapso API key: 127.0.0.1 answered 401 with Meta's #190 (subcode 463)"), "\(line)")
        #expect(line.hasSuffix("reconnect the number (Kapso setup link or support); the API cannot fix it"), "\(line)")
    }

    /// The API-log reading agrees: Kapso's "Invalid API key" is the key, Meta's token text the number's token.
    @Test func theLogReadingAgrees() {
        var triage = ErrorTriage()
        triage.addAPILogs([
            Self.log("POST", "/meta/whatsapp/v24.0/100200300400501/messages", 401, error: "(#190) Invalid API key"),
            Self.log("GET", "/meta/whatsapp/v24.0/200300400500601/message_templates", 401, error: "Error validating access token: Session has expired"),
        ])
        let meanings = triage.entries.map(\.meaning)
        #expect(meanings.contains("the key was rejected; check which key the caller uses"), "\(meanings)")
        #expect(meanings.contains { $0.contains("reconnect the number") }, "\(meanings)")
    }

    // MARK: - P26-6

    static let voiceNote = "wamid.HBgLMTQxNTU1NTA0MDEVAgASGBRTNFZPSUNFAAAAAAAAAAAAAAAAAA=="

    static var voiceMessage: Message {
        try! Message(json: [
            "id": .string(voiceNote), "timestamp": "1795259100", "type": "audio", "from": "14155550401",
            "kapso": [
                "direction": "inbound", "status": "received", "phone_number": "14155550401", "phone_number_id": "100200300400501",
                "has_media": true, "contact_name": "Contact S",
            ],
            "audio": ["mime_type": "audio/ogg; codecs=opus", "sha256": "abc=", "id": "1111222233334444", "voice": true],
        ])
    }

    @Test func aMediaIdOfAListedMessageIsNamed() {
        var facts = IDResolver.Facts()
        facts.numbers = IDResolverTests.numbers
        facts.mediaMessages = [Self.voiceMessage]
        facts.mediaSearched = true
        guard case .success(let input) = IDInput.read("1111222233334444") else {
            Issue.record("not read")
            return
        }
        #expect(IDResolver.lookups(for: input).contains(.mediaMessages("1111222233334444")))
        let identity = IDResolver.resolve(input, typed: "1111222233334444", facts: facts)
        #expect(identity.kind == .mediaID)
        #expect(identity.statement.hasPrefix("1111222233334444 is the media id of the voice note (audio/ogg; codecs=opus) \(Self.voiceNote) from Contact S (+14155550401), received 2026-11-21T11:05:00Z"), "\(identity.statement)")
        // The call is named with the number Kapso's proxy requires, and "expired" only past Meta's 7 days (P28-8).
        #expect(identity.fix?.contains("GET /meta/whatsapp/v24.0/1111222233334444?phone_number_id=100200300400501 gives") == true, "\(identity.fix ?? "")")
        #expect(identity.fix?.contains("a 404 on that call more than 7 days after the message means it expired, sooner that it was deleted") == true)
        #expect(identity.phoneNumberIDs == ["100200300400501"])
        #expect(IDResolver.mediaNotFoundMeaning(identity)?.contains("the 404 means Meta no longer serves that media id") == true)
    }

    // MARK: - P26-20

    /// Direction marks phones put around copied numbers are removed and named, as U+200E is.
    @Test(arguments: [
        ("\u{202A}100200300400501\u{202C}", "100200300400501"),
        ("\u{2066}+1 415-555-0100\u{2069}", "14155550100"),
        ("\u{202B}+14155550401\u{202C}", "14155550401"),
    ])
    func directionMarksAreRemoved(typed: String, digits: String) {
        guard case .success(.number(let number)) = IDInput.read(typed) else {
            Issue.record("refused: \(typed.unicodeScalars.map { String($0.value, radix: 16) })")
            return
        }
        #expect(number.digits == digits)
        #expect(IDInput.cleaned(typed).unicodeScalars.allSatisfy { $0.isASCII })
    }

    @Test func aDirectionMarkInAPathIsNamed() {
        var triage = ErrorTriage()
        triage.addAPILogs([
            Self.log("POST", "/meta/whatsapp/v24.0/%E2%80%AA100200300400501/messages", 404, error: "(#100) Unsupported post request")
        ])
        let meaning = FailureGroups(triage.entries, numbers: IDResolverTests.numbers).groups.first?.meaning ?? ""
        #expect(meaning.contains("U+202A"), "\(meaning)")
        #expect(!meaning.contains("nor an id of this project"), "\(meaning)")
    }

    // MARK: - P26-11

    /// A pasted URL's host or route, when that is the mistake; nil for Kapso's own documented routes and log paths.
    @Test(arguments: [
        ("https://graph.facebook.com/v21.0/100200300400501/messages",
         "Meta's Graph API host (graph.facebook.com), which takes a Meta access token, not a Kapso key; through Kapso the same call is https://api.kapso.ai/meta/whatsapp/v24.0/100200300400501/messages"),
        ("https://api.kapso.ai/v24.0/100200300400501/messages", "/meta/whatsapp/v24.0/100200300400501/messages"),
        ("https://app.kapso.ai/api/v1/whatsapp_configs/a1c2e3f4-0b1d-4e2f-8a3b-5c6d7e8f9012", "Kapso's legacy API"),
        ("https://api.kapso.ai/platform/v1/webhook_deliveries/\(delivery)/retry", "the delivery log is a list only"),
        ("https://api.kapso.ai/meta/whatsapp/v24.0/100200300400501/messages", nil),
        ("/meta/whatsapp/v24.0/100200300400501/messages", nil),
        ("/v24.0/100200300400501/messages", nil),
    ] as [(String, String?)])
    func pastedURLs(url: String, says: String?) {
        let note = PastedURL.note(url)
        if let says {
            #expect(note?.contains(says) == true, "\(note ?? "nil")")
        } else {
            #expect(note == nil, "\(note ?? "")")
        }
    }

    // MARK: - P26-19

    @Test(arguments: [
        ("%7B100200300400501%7D", "{ } around it (a template placeholder left in?)"),
        ("100200300400501%3B", "a trailing ';'"),
        ("100200300400501.", "a trailing '.'"),
    ])
    func junkAroundAnIdInAPathIsNamed(id: String, says: String) {
        var triage = ErrorTriage()
        triage.addAPILogs([Self.log("POST", "/meta/whatsapp/v24.0/\(id)/messages", 404, error: "(#100) Unsupported post request")])
        let meaning = FailureGroups(triage.entries, numbers: IDResolverTests.numbers).groups.first?.meaning ?? ""
        #expect(meaning.contains(says), "\(meaning)")
        #expect(meaning.contains("100200300400501"), "\(meaning)")
        #expect(!meaning.contains("nor an id of this project"), "\(meaning)")
    }

    // MARK: - P26-18

    /// The finding's slips (seed s30/s31 rows), each with the route meant and the slip named.
    @Test(arguments: [
        ("/meta/whatsapp/v24.0/100200300400501/messages/messages", "/meta/whatsapp/v24.0/100200300400501/messages", "/messages is in the path twice"),
        ("/meta/whatsapp/latest/100200300400501/messages", "/meta/whatsapp/v24.0/100200300400501/messages", "latest is not a Graph version"),
        ("/meta/whatsapp/v240/100200300400501/messages", "/meta/whatsapp/v24.0/100200300400501/messages", "v240 looks like v24.0 without its dot"),
        ("/meta/whatsapp/v24.0/v24.0/100200300400501/messages", "/meta/whatsapp/v24.0/100200300400501/messages", "the version segment (v24.0) is in the path twice"),
        ("/platform/v2/whatsapp/phone_numbers", "/platform/v1/whatsapp/phone_numbers", "/platform/v1 only, not /platform/v2"),
        ("/platform/v1.0/whatsapp/phone_numbers", "/platform/v1/whatsapp/phone_numbers", "/platform/v1 only, not /platform/v1.0"),
        ("/platform/whatsapp/phone_numbers", "/platform/v1/whatsapp/phone_numbers", "v1 is missing after /platform"),
        ("/platform/v1/whatsapp/phone_numbers/100200300400501/health/health", "/platform/v1/whatsapp/phone_numbers/100200300400501/health", "/health is in the path twice"),
    ])
    func pathSlips(path: String, meant: String, mistake: String) {
        let miss = APIRoute.nearMiss(path)
        #expect(miss?.meant == meant, "\(miss?.line ?? "nil")")
        #expect(miss?.mistake.contains(mistake) == true, "\(miss?.line ?? "nil")")
    }
}
