import Foundation
import KapsoClient
import KapsoDiagnostics
import KopsHTTP
import KopsShell
import KopsTestSupport
import Testing

/// `whois` on the demo seed: each kind of id named with its owner, bad input refused in one line, and
/// look-ups that fail reported per part while the rest still answers.
@Suite struct WhoisCommandTests {
    typealias Row = (id: String, first: String, kind: String)

    static let rows: [Row] = [
        (
            "200300400500601",
            "200300400500601 is the WABA id (business_account_id) of Sales Line 100200300400502 and Support Line 100200300400501",
            "WABA id (business_account_id)"
        ),
        ("100200300400502", "100200300400502 is the phone-number id of Sales Line (+1 415-555-0101)", "phone-number id"),
        // Probe finding F22: a template id of the project's own WABA (what Graph errors and Meta's UI show).
        (
            "780100200300404",
            "780100200300404 is the template spring_promo (en_US, MARKETING, APPROVED) of WABA 200300400500601 (Sales Line and Support Line)",
            "message template id"
        ),
        (
            "b2d3f4a5-1c2e-4f3a-9b4c-6d7e8f901234",
            "b2d3f4a5-1c2e-4f3a-9b4c-6d7e8f901234 is Kapso's id of Sales Line 100200300400502 (internal_id; whatsapp_config_id "
                + "in deliveries and v1 payloads)", "Kapso's id of a number (internal_id, whatsapp_config_id)"
        ),
        (
            "c3e4a5b6-2d3f-4a4b-8c5d-7e8f90123456",
            "c3e4a5b6-2d3f-4a4b-8c5d-7e8f90123456 is the customer id of Sales Line 100200300400502 and Support Line 100200300400501",
            "customer id"
        ),
        (
            "5f6a7b8c-9d0e-4f1a-8b2c-4d5e6f7a8b92",
            "5f6a7b8c-9d0e-4f1a-8b2c-4d5e6f7a8b92 is the active kapso webhook to https://analytics.acme-demo.test/ingest/whatsapp "
                + "for Sales Line (+1 415-555-0101)", "webhook id"
        ),
        (
            Demo.danaConversation,
            "\(Demo.danaConversation) is the conversation with Dana Ortiz on Support Line (+1 415-555-0100) (active)",
            "conversation id"
        ),
        (
            Demo.leeFailedReply,
            "\(Demo.leeFailedReply) is an outbound text message to +14155550157 on Support Line (+1 415-555-0100), failed 131047",
            "message id (WAMID)"
        ),
        (
            "8b9c0d1e-2f3a-4b4c-9d5e-6f7a8b9c0d03",
            "8b9c0d1e-2f3a-4b4c-9d5e-6f7a8b9c0d03 is the API call GET /platform/v1/whatsapp/phone_numbers/100200300400502/health "
                + "at 2026-11-20T08:59:58Z, answered 429, made with key ops-laptop", "API log id"
        ),
        (
            "7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c03",
            "7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c03 is the delivery of whatsapp.conversation.inactive to "
                + "ops.acme-demo.test/kapso/conversations at 2026-11-20T06:44:20Z: failed, no HTTP response after 4 attempts",
            "webhook delivery id"
        ),
        (
            "+1 415-555-0100",
            "+1 415-555-0100 is the display number of Support Line; its phone-number id is 100200300400501",
            "display phone number"
        ),
        (
            "0014155550101", "0014155550101 is the display number of Sales Line; its phone-number id is 100200300400502",
            "display phone number"
        ),
        ("415 555 0101", "415 555 0101 has no country code; it matches Sales Line (+1 415-555-0101)", "national number without its country code"),
        ("14155550163", "+14155550163 is the contact Sam Rivera in 1 conversation on Sales Line", "contact's phone number"),
        // probe5 P5-11: the business and app ids `health` shows, found in one number's health once nothing else named them.
        (
            "300400500600701",
            "300400500600701 is the Meta business (portfolio) id of this project's numbers Sales Line 100200300400502 and "
                + "Support Line 100200300400501 (from health)", "Meta business (portfolio) id"
        ),
        (
            "400500600700801",
            "400500600700801 is the Meta app id subscribed to the webhooks of this project's numbers Sales Line 100200300400502 "
                + "and Support Line 100200300400501 (from health)", "Meta app id"
        ),
        (
            "415-555-0157", "415-555-0157 has no country code; it matches the contact Lee Park (+14155550157) in 1 conversation",
            "national number without its country code"
        ),
    ]

    @Test(arguments: rows)
    func namesTheKindAndTheOwner(_ row: Row) async throws {
        let ran = try await runDemo("whois \(row.id)")
        #expect(ran.status == 0, "\(ran.err)")
        let lines = ran.out.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first.map(String.init) == row.first)
        #expect(ran.out.contains("\nkind: ") && ran.out.contains(row.kind))
    }

    /// probe6 P6-13: an unknown WAMID is not found like an unknown UUID (exit 1); a WAMID of this project is found (0).
    @Test func anUnknownWAMIDExitsLikeAnUnknownUUID() async throws {
        let runs = try await runDemo(
            ["whois wamid.HBgLMTQxNTU1NTA5OTkVAgASGBRBN0YzQzE5RTAyQjg0RDZFNUMxMQA=", "whois 11111111-2222-4333-8444-555555555555",
             "whois wamid.HBgLMTQxNTU1NTAxNDIVAgASGBRBN0YzQzE5RTAyQjg0RDZFNUMxMQA=",
             "whois wamid.HBgLMTQxNTU1NTA5OTkVAgASGBRBN0YzQzE5RTAyQjg0RDZFNUMxMQA= --output json"], number: nil)
        #expect(runs[0].status == 1, "\(runs[0].out)")
        #expect(runs[0].out.contains("which is not a contact of this project: no message to or from it is listed"), "\(runs[0].out)")
        #expect(runs[1].status == 1)
        #expect(runs[2].status == 0, "\(runs[2].out)\(runs[2].err)")
        #expect(runs[3].status == 1)
    }

    /// tester47 L7: a WAMID carrying a number with no message in the project (+14155550999 in the demo) is said to be no
    /// contact's, and `trace` offers no `messages --phone-number` that lists nothing; a contact with messages (+14155550142)
    /// still gets "none of that contact's messages" and the list.
    @Test func aWAMIDOfANumberWithNoMessageSaysItIsNoContactHere() async throws {
        let stranger = "wamid.HBgLMTQxNTU1NTA5OTkVAgASGBRBN0YzQzE5RTAyQjg0RDZFNUMxMQA="
        let known = "wamid.HBgLMTQxNTU1NTAxNDIVAgASGBRCN0YzQzE5RTAyQjg0RDZFNUMxMQA="
        let runs = try await runDemo(["whois \(stranger)", "trace \(stranger)", "whois \(known)", "trace \(known)"], number: nil)
        #expect(runs[0].out.hasPrefix("\(stranger) is a WAMID carrying +14155550999, which is not a contact of this project"), "\(runs[0].out)")
        #expect(runs[1].err.contains("it carries +14155550999, which is not a contact of this project either"), "\(runs[1].err)")
        #expect(!runs[1].err.contains("--phone-number"), "\(runs[1].err)")
        #expect(runs[2].out.contains("none of that contact's messages has this id"), "\(runs[2].out)")
        #expect(runs[3].err.contains("'messages --phone-number 14155550142' lists that contact's messages here"), "\(runs[3].err)")
    }

    /// probe6 P6-13: `use TEMPLATE-ID` names the template and its WABA's numbers, as whois does.
    @Test func useOfATemplateIdNamesItsNumbers() async throws {
        let run = try await runDemo(["use 780100200300401"], number: nil)[0]
        #expect(run.status != 0)
        #expect(run.err.contains("780100200300401 is the template part_ready"), "\(run.err)")
        #expect(run.err.contains("not a phone-number id; pick one: use 100200300400502 (Sales Line) or use 100200300400501 (Support Line)"), "\(run.err)")
    }

    /// probe6 P6-13: a pasted API path or Graph URL gives its one id; several ids or none are named.
    @Test func theIdIsTakenOutOfAPastedPath() async throws {
        let runs = try await runDemo(
            ["whois /meta/whatsapp/v24.0/200300400500601/messages", "whois https://graph.facebook.com/v21.0/200300400500601/phone_numbers",
             "whois /platform/v1/whatsapp/phone_numbers/100200300400501/webhooks/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
             "whois /platform/v1/whatsapp/phone_numbers"], number: nil)
        for run in runs[0...1] {
            #expect(run.status == 0, "\(run.err)")
            #expect(run.out.hasPrefix("200300400500601 is the WABA id"), "\(run.out)")
            #expect(run.err.contains("the id 200300400500601 was read from the pasted path"), "\(run.err)")
        }
        #expect(runs[2].status == 64)
        #expect(runs[2].err.contains("this path holds 2 ids (100200300400501, 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d)"), "\(runs[2].err)")
        #expect(runs[3].err.contains("no id is in this path"), "\(runs[3].err)")
    }

    @Test func idIsAnAliasAndJSONCarriesTheSameFacts() async throws {
        let ran = try await runDemo("id 200300400500601 --output json")
        let json = try JSONValue.parse(Array(ran.out.utf8))
        #expect(json["kind"]?.string == "waba_id")
        #expect(json["phone_number_ids"] == ["100200300400502", "100200300400501"])
        #expect(json["fix"]?.string?.hasSuffix("pick one: use 100200300400502 (Sales Line) or use 100200300400501 (Support Line)") == true)
        #expect(
            json["details"]?["API calls"]?.string
                == "48 in the last 30 days with 200300400500601 in the path, 48 failed (404) from key history-sync")
    }

    /// Probe2 finding F27: the API-call counts are numbers and names in JSON, and an id found nowhere is still
    /// a JSON value (what was searched) with exit status 1.
    @Test func jsonCarriesAPICallsAsValuesAndNotFoundAsAValue() async throws {
        let runs = try await runDemo(["whois 200300400500601 --output json", "whois 12345 --output json"])
        let calls = try #require(try JSONValue.parse(Array(runs[0].out.utf8))["api_calls"])
        #expect(calls["failed"]?.int == 48)
        #expect(calls["failed_statuses"] == [404])
        #expect(calls["failed_keys"] == ["history-sync"])
        #expect(calls["at_least"] == false)
        #expect(runs[1].status == 1)
        // Probe2 F43: history-sync's calls read the WABA's messages; only Sales Line is a coexistence number.
        #expect(try JSONValue.parse(Array(runs[0].out.utf8))["details"]?["history sync"]?.string
            == "applies only to coexistence numbers: Sales Line 100200300400502")
        let unknown = try JSONValue.parse(Array(runs[1].out.utf8))
        #expect(unknown["kind"]?.string == "unknown")
        #expect(unknown["details"]?["searched"]?.string?.hasPrefix("2 numbers") == true)
    }

    @Test func contactsAreInTheJSONUnderTheNamesTranscriptsMask() async throws {
        let ran = try await runDemo("whois \(Demo.danaConversation) --output json")
        let json = try JSONValue.parse(Array(ran.out.utf8))
        #expect(json["contacts"] == [["phone_number": "14155550142", "contact_name": "Dana Ortiz"]])
    }

    @Test(arguments: [
        ("whois", "error: whois: missing id; usage: whois ID [--output table|json]\n", Int32(64)),
        ("whois '  \t '", "error: whois: missing id; usage: whois ID [--output table|json]\n", 64),
        (
            "whois " + String(repeating: "4", count: 500),
            "error: whois: cannot read '44444444444444444444444…' as an id: 500 digits is longer than any phone number or id\n", 64
        ),
        (
            "whois ３００",
            "error: whois: cannot read '３００' as an id: ids and phone numbers use ASCII letters and digits only; copy the id again from the source\n",
            64
        ),
        (
            "whois wamid.%%%notbase64",
            "error: whois: cannot read 'wamid.%%%notbase64' as an id: the part after 'wamid.' is not base64; copy the whole id from the payload\n",
            64
        ),
    ])
    func badInputGetsOneLine(_ line: String, _ error: String, _ status: Int32) async throws {
        let runs = try await runDemo([line, "state"])
        #expect(runs[0].err == error)
        #expect(runs[0].out.isEmpty)
        #expect(runs[0].status == status)
        #expect(runs[1].status == 0)
    }

    /// An unknown UUID after every API log and delivery of 30 days was read: another project's id, or a delivery's
    /// X-Idempotency-Key, which no list carries (tester49 L2). (How many API logs there are depends on which of whois's
    /// own calls the log holds by then.)
    @Test func anUnknownUUIDAfterWholeListsIsAnotherProjectsOrAKey() async throws {
        let runs = try await runDemo(["whois ffffffff-0000-4000-8000-000000000000", "state"])
        #expect(runs[0].status == 1)
        #expect(runs[0].out.isEmpty)
        #expect(runs[0].err.hasPrefix(
            "error: ffffffff-0000-4000-8000-000000000000 is not a number, WABA, customer, webhook, conversation, message, API log or "
                + "delivery of this project (searched 2 numbers (Kapso and customer ids), 6 webhooks, conversations (by their messages, "
                + "and the whole list), all "))
        #expect(runs[0].err.contains(" messages, all 14"), "\(runs[0].err)")
        #expect(runs[0].err.contains(
            " API logs and all 350 deliveries of the last 30 days); if a receiver logged it as X-Idempotency-Key"))
        #expect(runs[0].err.hasSuffix("; if it is a v1 webhook payload's message.id, it is Kapso's own id of the message, which the API "
            + "does not look messages up by: trace the payload's whatsapp_message_id (the WAMID) instead; another Kapso id found "
            + "nowhere here belongs to another project (not visible with this key)\n"))
        #expect(runs[1].status == 0)
    }

    /// Probe finding F21: a number that already starts with the project's country code is not told to add it;
    /// `011` (North America's international prefix) is named, not guessed.
    @Test func numberWithTheCountryCodeIsNotToldToAddIt() async throws {
        let runs = try await runDemo(["whois 14155550172", "whois 011442079460958"])
        #expect(runs[0].status == 1)
        #expect(runs[0].err.hasPrefix("error: 14155550172 is not a phone-number id, WABA id, display number or contact of this project"))
        #expect(!runs[0].err.contains("add the country code"))
        #expect(runs[1].err.contains(
            "; if 011 is the international call prefix (dialled from North America), the number is +442079460958: whois +442079460958;"))
    }

    /// A Meta-length id found nowhere says the WABAs' templates were searched too.
    @Test func unknownLongIdSaysTheTemplatesWereSearched() async throws {
        let ran = try await runDemo("whois 999999999999999")
        #expect(ran.status == 1)
        #expect(ran.err.hasPrefix(
            "error: 999999999999999 is not a phone-number id, WABA id, display number, template, Meta business or app id, media id "
                + "of a listed message or contact of this project"))
        // The media ids of the project's messages with media are searched too (probe26 P26-6).
        #expect(ran.err.contains(
            ", the templates of 1 WABA, the Meta business and app ids in the health of 1 number, the media ids of the newest 1 message with media)"))
    }

    @Test func nationalNumberNotInTheProjectWarnsWithItsCountryCodes() async throws {
        let ran = try await runDemo("whois 4155559999")
        #expect(ran.status == 1)
        #expect(ran.err.contains("4155559999 has no '+' or '00': if it is a national number, add the country code (this project's numbers use +1)"))
    }

    @Test func lookupsGoOutAtOnceAndAFailedPartIsNamedWhileTheRestAnswers() async throws {
        let (out, err, status, batches) = try await withSimulator { fixture in
            let (shell, output) = try fixture.shell()
            let transport = PartlyFailingTransport(
                wrapping: try CurlTransport(options: .init(connectTimeout: 2, timeout: 5, userAgent: "kops-tests")),
                failures: ["/api_logs": .failure(.timeout(host: "127.0.0.1", seconds: 5)), "/whatsapp/webhooks": .success(HTTPResponse(
                    status: 429, headers: [("Retry-After", "3")], body: Array(#"{"error":"Rate limit exceeded"}"#.utf8)))])
            shell.context.client = KapsoClient(baseURL: fixture.baseURL, apiKey: Secret(fixture.apiKey), transport: transport)
            let status = shell.run(line: "whois 5f6a7b8c-9d0e-4f1a-8b2c-4d5e6f7a8b92")
            let customer = shell.run(line: "whois c3e4a5b6-2d3f-4a4b-8c5d-7e8f90123456")
            return (output.out, output.err, [status, customer], transport.batches)
        }
        // The webhook itself could not be looked up: the answer says so instead of guessing.
        #expect(status[0] == KopsShell.ExitStatus.failure)
        #expect(err.contains("could not check webhooks (rate limited (429): Rate limit exceeded; retry in 3 s), API logs ("))
        // A customer id is found in the numbers, which did answer; the failed parts are still named.
        #expect(status[1] == KopsShell.ExitStatus.ok)
        #expect(out.hasPrefix("c3e4a5b6-2d3f-4a4b-8c5d-7e8f90123456 is the customer id of Sales Line 100200300400502"))
        #expect(out.contains("could not check webhooks (rate limited (429)"))
        #expect(out.contains("could not check API logs ("))
        // Numbers, webhooks, the conversation's messages, the newest conversations, API logs and deliveries.
        #expect(batches == [6, 6])
    }
}

extension WhoisCommandTests {
    /// With the API down, or the numbers list failing, `whois` says what could not be checked and exits
    /// as the transport did; it never concludes "not in this project" from parts that failed.
    @Test(arguments: [
        (["/"], "could not check numbers, API logs, conversations, messages and messages with media (cannot connect", KopsShell.ExitStatus.unavailable),
        (["/whatsapp/phone_numbers"], "could not check numbers (cannot connect", KopsShell.ExitStatus.unavailable),
        (["/api_logs"], "could not check API logs (", KopsShell.ExitStatus.failure),
    ])
    func failedPartsAreNotAnAnswer(_ failing: [String], _ named: String, _ expected: KopsShell.ExitStatus) async throws {
        let (err, statuses) = try await withSimulator { fixture in
            let (shell, output) = try fixture.shell()
            let transport = PartlyFailingTransport(
                wrapping: try CurlTransport(options: .init(connectTimeout: 2, timeout: 5, userAgent: "kops-tests")),
                failures: Dictionary(uniqueKeysWithValues: failing.map { ($0, .failure(.connect(authority: "127.0.0.1:18990"))) }))
            shell.context.client = KapsoClient(baseURL: fixture.baseURL, apiKey: Secret(fixture.apiKey), transport: transport)
            let statuses = ["whois 200300400500699", "whois 4155559999", "whois ffffffff-0000-4000-8000-000000000000"].map {
                shell.run(line: $0)
            }
            return (output.err, statuses)
        }
        for status in statuses.prefix(2) { #expect(status == expected) }
        #expect(!err.contains("is not a"), "\(err)")
        #expect(!err.contains("searched 0 numbers"), "\(err)")
        #expect(err.contains("could not tell what 200300400500699 is: " + named), "\(err)")
        #expect(err.contains("could not tell what 4155559999 is: "), "\(err)")
    }
}

extension WhoisCommandTests {
    /// probe6 P6-1: a WAMID whose messages could not be listed (500) is not "no message with this id is in this
    /// project" (exit 0): kops cannot tell, says what failed, and exits 1.
    @Test func aWAMIDWhoseMessagesCouldNotBeListedIsNotConcluded() async throws {
        let wamid = "wamid.HBgLMTQxNTU1NTAxNDIVAgASGBRBN0YzQzE5RTAyQjg0RDZFNUMxMQA="
        let (out, err, status) = try await withSimulator { fixture in
            let (shell, output) = try fixture.shell()
            let transport = PartlyFailingTransport(
                wrapping: try CurlTransport(options: .init(connectTimeout: 2, timeout: 5, userAgent: "kops-tests")),
                failures: ["/whatsapp/messages": .success(HTTPResponse(
                    status: 500, headers: [], body: Array(#"{"error":"Internal server error"}"#.utf8)))])
            shell.context.client = KapsoClient(baseURL: fixture.baseURL, apiKey: Secret(fixture.apiKey), transport: transport)
            let status = shell.run(line: "whois \(wamid)")
            return (output.out, output.err, status)
        }
        #expect(status != KopsShell.ExitStatus.ok)
        #expect(out.isEmpty, "\(out)")
        #expect(!err.contains("no message with this id"), "\(err)")
        #expect(err.contains("could not tell whether it is this project's: could not check messages ("), "\(err)")
    }
}

/// A transport that answers requests whose URL contains a key with a canned failure, and sends the
/// rest on through a real one; it counts the requests of each `sendAll`.
final class PartlyFailingTransport: HTTPTransport {
    let inner: any HTTPTransport
    let failures: [String: Result<HTTPResponse, TransportError>]
    private(set) var batches: [Int] = []
    var observer: (@Sendable (HTTPExchange) -> Void)?

    init(wrapping inner: any HTTPTransport, failures: [String: Result<HTTPResponse, TransportError>]) {
        self.inner = inner
        self.failures = failures
    }

    private func canned(_ request: HTTPRequest) -> Result<HTTPResponse, TransportError>? {
        failures.first { request.url.contains($0.key) }?.value
    }

    func send(_ request: HTTPRequest) throws(TransportError) -> HTTPResponse {
        if let canned = canned(request) { return try canned.get() }
        return try inner.send(request)
    }

    func sendAll(_ requests: [HTTPRequest]) -> [Result<HTTPResponse, TransportError>] {
        batches.append(requests.count)
        let passed = requests.filter { canned($0) == nil }
        var answers = inner.sendAll(passed).makeIterator()
        return requests.map { canned($0) ?? answers.next()! }
    }
}

/// `use`, `health ID` and the error funnel name what a misplaced id is, with the fix.
@Suite struct MisplacedIDTests {
    @Test(arguments: [
        (
            "use 200300400500601",
            "error: 200300400500601 is the WABA id of 2 numbers, not a phone-number id; pick one: use 100200300400502 (Sales Line) "
                + "or use 100200300400501 (Support Line)\n"
        ),
        (
            "health 200300400500601",
            "error: 200300400500601 is the WABA id of 2 numbers, not a phone-number id; pick one: health 100200300400502 "
                + "(Sales Line) or health 100200300400501 (Support Line)\n"
        ),
        (
            "use A1C2E3F4-0B1D-4E2F-8A3B-5C6D7E8F9012",
            "error: A1C2E3F4-0B1D-4E2F-8A3B-5C6D7E8F9012 is Kapso's id (internal_id, whatsapp_config_id) of Support Line "
                + "(+1 415-555-0100), not a phone-number id; use 100200300400501\n"
        ),
        (
            "use (415) 555-0101",
            "error: (415) 555-0101 is the national form of Sales Line (+1 415-555-0101), without its country code; use 100200300400502\n"
        ),
        (
            "use \(Demo.danaConversation)",
            "error: \(Demo.danaConversation) is the conversation with Dana Ortiz on Support Line (+1 415-555-0100) (active), "
                + "not a phone-number id; use 100200300400501\n"
        ),
        (
            "use +1 415-555-0163",
            "error: +14155550163 is the contact Sam Rivera in 1 conversation on Sales Line, not a phone-number id; use 100200300400502\n"
        ),
        ("use wamid.HBgL", "error: use: cannot read 'wamid.HBgL' as an id: a WAMID is a message id; 'whois wamid.HBgL' says which number it belongs to\n"),
        (
            "health 14155550157",
            "error: +14155550157 is the contact Lee Park in 1 conversation on Support Line, not a phone-number id; health 100200300400501\n"
        ),
        (
            "health \(Demo.leeFailedReply)",
            "error: health: cannot read 'wamid.HBgLMTQxNTU1NTAxN…' as an id: a WAMID is a message id carrying the contact "
                + "+14155550157; 'whois \(Demo.leeFailedReply)' says which number it belongs to\n"
        ),
        ("health ١٢٣", "error: health: cannot read '١٢٣' as an id: ids and phone numbers use ASCII letters and digits only; copy the id again from the source\n"),
    ])
    func statesWhatTheIdIsWithTheFix(_ line: String, _ error: String) async throws {
        let ran = try await runDemo(line, number: nil)
        #expect(ran.err == error)
        #expect(ran.status != 0)
    }

    /// A UUID of nothing: what it is not and where kops looked, then the numbers (probe6 leftovers; `use` said only
    /// that no number matches). The counts of logs and deliveries searched depend on the clock, so they are not pinned.
    @Test func useOfAUUIDOfNothingSaysWhatWasSearched() async throws {
        let uuid = "3f2a9c1e-0000-4000-8000-00000000abcd"
        let ran = try await runDemo("use \(uuid)", number: nil)
        #expect(ran.status == 1)
        #expect(
            ran.err.hasPrefix(
                "error: no phone number in this project matches '\(uuid)'; \(uuid) is not a number, WABA, customer, webhook, "
                    + "conversation, message, API log or delivery of this project (searched 2 numbers (Kapso and customer ids), 6 webhooks, "
                    + "conversations (by their messages, and the whole list), all "), "\(ran.err)")
        #expect(
            ran.err.hasSuffix(
                " of the last 30 days); numbers: 100200300400502 (+1 415-555-0101, Sales Line), 100200300400501 "
                    + "(+1 415-555-0100, Support Line)\n"), "\(ran.err)")
    }

    /// `health ID` of an id that leads to no number says what was searched in `use`'s words, not a bare "was not
    /// found" (session 16's note): one helper, so the two lines are the same.
    @Test(arguments: ["999999999999999", "3f2a9c1e-0000-4000-8000-00000000abcd", "+44 7700 900555"])
    func healthOfAnUnknownIDSaysWhatWasSearchedAsUseDoes(_ id: String) async throws {
        let runs = try await runDemo(["health '\(id)'", "use '\(id)'"], number: nil)
        #expect(runs[0].status == 1 && runs[1].status == 1)
        #expect(runs[0].err.hasPrefix("error: no phone number in this project matches '\(id)'; "), "\(runs[0].err)")
        #expect(runs[0].err.contains("(searched "), "\(runs[0].err)")
        // The API logs searched include the first command's own look-ups: their count is not compared.
        let line = { (ran: Ran) in ran.err.replacingOccurrences(of: #"all \d+ API logs"#, with: "all N API logs", options: .regularExpression) }
        #expect(line(runs[0]) == line(runs[1]))
    }

    /// S17: `whois` and `use` name the copying mistakes `errors` names in a failed path (`IDResolver.nearMiss`).
    @Test func whoisAndUseNameALeadingZeroAsErrorsDoes() async throws {
        let runs = try await runDemo(["whois 0100200300400501", "use 0100200300400501"], number: nil)
        let statement = "0100200300400501 is 100200300400501 with a leading 0: the phone-number id of Support Line (+1 415-555-0100)"
        #expect(runs[0].status == 0, "\(runs[0].err)")
        #expect(runs[0].out.hasPrefix(statement + "\nfix: use 100200300400501\n"), "\(runs[0].out)")
        #expect(runs[0].out.contains("kind: ") && runs[0].out.contains("phone-number id with a copying mistake"))
        #expect(runs[1].err == "error: " + statement + "; use 100200300400501\n")
        #expect(runs[1].status == 1)
    }

    @Test func useOfAnIdWithATrailingSpaceSelectsItAndNamesTheSpace() async throws {
        let runs = try await runDemo(["use \"100200300400501 \"", "whois \"100200300400501 \""], number: nil)
        let line = "'100200300400501 ' is 100200300400501 with a trailing space; read as 100200300400501 here, but an API call "
            + "with it as pasted fails ('errors' names such calls)"
        #expect(runs[0].out.hasPrefix("using 100200300400501 (+1 415-555-0100, Support Line)\n"), "\(runs[0].out)")
        #expect(runs[0].err == line + "\n", "\(runs[0].err)")
        #expect(runs[0].status == 0)
        #expect(runs[1].out.contains("fix: use 100200300400501\nwarning: " + line), "\(runs[1].out)")
    }

    /// P21-10: what copying added to an id (a zero-width space, a `+`, a line feed) is said right under whois's answer,
    /// not after its fields or not at all: the id as pasted is what fails in the API path.
    @Test(arguments: [
        ("whois '100200300400501\u{200B}'", "'100200300400501<U+200B>' is 100200300400501 with a zero-width space (U+200B)"),
        ("whois +100200300400501", "'+100200300400501' is 100200300400501 with a '+' in front"),
        ("whois 100200300400501%0A", "'100200300400501%0A' is 100200300400501 with a trailing line feed (%0A)"),
        ("whois '\u{FEFF}100200300400501'", "'<U+FEFF>100200300400501' is 100200300400501 with a zero-width no-break space (byte-order mark) (U+FEFF)"),
    ])
    func whoisNamesWhatCopyingAddedRightUnderItsAnswer(_ line: String, _ warning: String) async throws {
        let ran = try await runDemo(line, number: nil)
        let lines = ran.out.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "100200300400501 is the phone-number id of Support Line (+1 415-555-0100)", "\(ran.out)")
        #expect(lines[1] == "fix: use 100200300400501")
        #expect(lines[2].hasPrefix("warning: " + warning + "; read as 100200300400501 here"), "\(ran.out)")
        #expect(!ran.out.contains("\u{200B}") && !ran.out.contains("\u{FEFF}"))
        #expect(ran.status == 0)
    }

    @Test(arguments: [
        "use 0014155550101", "use +1 415-555-0101", "use 14155550101", "use 100200300400502", "use https://wa.me/14155550101",
        "use '(+1) 415 555 0101'", "use 14155550101;",
    ])
    func useTakesEveryFormOfTheNumber(_ line: String) async throws {
        let ran = try await runDemo(line, number: nil)
        #expect(ran.out == "using 100200300400502 (+1 415-555-0101, Sales Line)\n")
    }

    @Test func aWABAIdAsTheSelectedNumberIsNamedInsteadOfAnEmptyList() async throws {
        let runs = try await runDemo(["messages", "conversations", "errors", "health"], number: "200300400500601")
        let line =
            "200300400500601 is the WABA id of 2 numbers, not a phone-number id; pick one: use 100200300400502 (Sales Line) "
            + "or use 100200300400501 (Support Line)\n"
        for run in runs.prefix(3) {
            #expect(run.err == "error: the selected phone_number_id is not a phone-number id: " + line)
            #expect(run.out.isEmpty)
            #expect(run.status == 1)
        }
        #expect(runs[3].err.hasPrefix("error: 200300400500601 is the WABA id of 2 numbers, not a phone-number id; pick one: health "))
    }

    /// P9-5: another project's phone-number id as the selected number: every command that uses it says so in the same
    /// line (one check), `reply` too, instead of "no inbound message … send an approved template".
    @Test func anotherProjectsNumberAsTheSelectedNumberIsTheSameLineEverywhere() async throws {
        let lines = [
            "messages", "conversations", "health", "reply --dry-run --to +14155550157 hi",
            "reply --dry-run --template part_ready --to +14155550157", "templates",
        ]
        let runs = try await runDemo(lines, number: "100200300400509")
        let line = "error: the selected phone_number_id is not a phone-number id: 100200300400509 is not a phone-number id, "
            + "WABA id, Kapso id or display number of this project; wrong project or key? 'numbers' lists this project's "
            + "phone-number ids\n"
        for (command, run) in zip(lines, runs) {
            #expect(run.err == line, "\(command): \(run.err)")
            #expect(run.out.isEmpty, "\(command)")
            #expect(run.status == 1, "\(command)")
        }
    }
}


/// What people paste (probe F4, F6, probe2 F1): the same reading in `whois`, `message`, `trace`, `use` and `health`.
@Suite struct PastedIDTests {
    static let unpadded = String(Demo.leeFailedReply.dropLast())

    @Test(arguments: [unpadded, unpadded + "%3D", Demo.leeFailedReply + ".", "WAMID." + Demo.leeFailedReply.dropFirst(6)])
    func aPastedWAMIDFindsTheMessageEverywhere(_ pasted: String) async throws {
        let runs = try await runDemo(["whois '\(pasted)'", "message '\(pasted)'", "trace '\(pasted)'"], number: nil)
        #expect(runs[0].out.hasPrefix("\(Demo.leeFailedReply) is an outbound text message to +14155550157 on Support Line"), "\(runs[0].err)")
        #expect(runs[0].err.hasPrefix("read as pasted, with "), "\(runs[0].err)")
        for run in runs {
            #expect(run.status == 0, "\(run.err)")
            #expect(!run.err.contains("error:") && !run.err.contains("wrong project"), "\(run.err)")
        }
        #expect(runs[2].out.contains("verdict: failed: 131047"))
    }

    @Test(arguments: ["'100200300400501.'", "'100 200 300 400 501'", "' 100200300400501'", "14155550100", "'+1 415-555-0100,'"])
    func healthReadsTheIdAsUseDoes(_ pasted: String) async throws {
        let runs = try await runDemo(["health \(pasted)", "use \(pasted)"], number: nil)
        #expect(runs[0].out.hasPrefix("100200300400501: "), "\(runs[0].err)")
        #expect(!runs[0].err.contains("was not found"))
        #expect(runs[1].out == "using 100200300400501 (+1 415-555-0100, Support Line)\n")
    }

    @Test func aMinusSignIsRefusedAndPartsOfIdsMatchNoPath() async throws {
        let runs = try await runDemo(["whois -1", "whois 2003004005", "whois 00", "whois 100200300400501"], number: nil)
        #expect(runs[0].status == 64)
        #expect(runs[0].err == "error: whois: cannot read '-1' as an id: a '-' before the digits makes a negative number; ids and phone numbers have none\n")
        for run in runs[1...2] {
            #expect(run.status == 1)
            #expect(!run.err.contains("API calls: "), "a truncated id is in no path: \(run.err)")
        }
        // A whole id still counts the calls that had it as a path segment.
        #expect(runs[3].out.contains("API calls: "))
    }
}

/// `whois` reads API logs and deliveries past the newest 100 (probe F5, probe2 F2): an id in the 30-day log is
/// found however many calls came after it, and a key's counts are the whole 30 days.
@Suite struct WhoisPagingTests {
    @Test func anOlderLogIdAndAKeyIdAreStillFoundAfterManyNewerCalls() async throws {
        // `templates` calls /{waba}/message_templates: 110 newer calls with the WABA id in their path.
        let lines = ["use 100200300400501"] + Array(repeating: "templates", count: 109) + [
            "whois 7ed5bbdc-cce7-4247-83e8-af1e02f2d47a", "whois 9c0d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e03", "whois 200300400500601",
        ]
        let runs = try await runDemo(lines, number: nil)
        let (log, key, waba) = (runs[110], runs[111], runs[112])
        #expect(log.status == 0, "\(log.err)")
        #expect(log.out.hasPrefix("7ed5bbdc-cce7-4247-83e8-af1e02f2d47a is the API call GET "), "\(log.out)")
        #expect(key.out.hasPrefix("9c0d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e03 is the id of API key history-sync, which made 48 calls in the last 30 days, 48 failed"), "\(key.out)")
        // All 157 calls were read (past the first page); kops's own 109 template reads are not the project's (probe6 P6-10).
        #expect(waba.out.contains("API calls:      48 in the last 30 days with 200300400500601 in the path, 48 failed (404) from key history-sync (109 calls by kops itself this session left out, and its earlier ones)"), "\(waba.out)")
    }
}
