import KapsoClient
import KopsHTTP
import KopsShell
import KopsTestSupport
import Testing

/// `logs search` on the demo simulator: the three stories, `--around` an id, bad input the catalogue or the API
/// catches, `available: false`, `--follow`; and `trace` and `errors` when search is off.
@Suite struct LogSearchCommandTests {
    static let failingWebhook = "5f6a7b8c-9d0e-4f1a-8b2c-4d5e6f7a8b92"

    /// Runs `lines` in a demo shell, after turning log search off when `available` is false.
    func run(_ lines: [String], available: Bool = true, number: String? = nil) async throws -> ShellRun {
        try await withSimulator { fixture in
            if !available {
                let client = try fixture.client()
                var off = client.platformRequest("/", method: "POST", body: ["available": false])
                off.url = fixture.baseURL + "/__sim/log_search"
                _ = try client.perform(off)
            }
            let (shell, output) = try fixture.shell(phoneNumberID: number)
            shell.context.now = { Demo.now }
            let statuses = lines.map { shell.run(line: $0) }
            return ShellRun(out: output.out, err: output.err, statuses: statuses, baseURL: fixture.baseURL, requests: 0, apiKey: fixture.apiKey)
        }
    }

    @Test func problemsOfTheWeekShowAllThreeStoriesOneRowPerCause() async throws {
        let ran = try await run(["logs search --problems --period 7d"])
        #expect(ran.statuses == [.ok])
        let rows = ran.out.split(separator: "\n").dropFirst().map(String.init)
        // The history-sync key's 404s against the WABA id, both paths, 24 each.
        #expect(rows.contains { $0.hasPrefix("   24  api       GET /platform/v1/whatsapp/phone_numbers/200300400500601: ") })
        #expect(rows.contains { $0.hasPrefix("   24  api       GET /meta/whatsapp/v24.0/200300400500601/messages: ") })
        // The failed reply, from the API call, the message event and the status Meta sent.
        #expect(rows.contains { $0.contains("  meta      Meta status failed: 131047 Re-engagement message") && $0.hasSuffix(Demo.leeFailedReply) })
        #expect(rows.contains { $0.contains("  message   message failed (text): 131047 Re-engagement message") })
        #expect(rows.contains { $0.contains("  api       POST /meta/whatsapp/v24.0/100200300400501/messages: (#131047)") })
        // The failing webhook's deliveries.
        #expect(rows.contains { $0.contains("  delivery  whatsapp.message.received to analytics.acme-demo.test/ingest/whatsapp: HTTP 500") })
        #expect(ran.err.hasPrefix("119 problems in 13 causes from 2026-11-14T12:00:00Z to 2026-11-21T12:00:00Z; '--flat' lists each event"))
    }

    @Test func aroundTheFailedReplyShowsTheMetaStatusBehindItMarked() async throws {
        let ran = try await run(["logs search --source whatsapp_webhook_event --around \(Demo.leeFailedReply)"])
        #expect(ran.statuses == [.ok])
        #expect(ran.out == """
               TIME                  SOURCE  WHAT                                              STATUS  ID
            >  2026-11-20T09:15:02Z  meta    Meta status failed: 131047 Re-engagement message  failed  \(Demo.leeFailedReply)
            >  2026-11-20T09:15:00Z  meta    Meta status sent                                  sent    \(Demo.leeFailedReply)

            """)
        #expect(ran.err == "2 events from 2026-11-20T08:15:00Z to 2026-11-20T10:15:00Z; > marks \(Demo.leeFailedReply)\n")
    }

    @Test func aroundAnISOTimeIsAnHourEitherSideWithNothingMarked() async throws {
        let ran = try await run(["logs search --source external_api_log --around 2026-11-20T09:15:00Z --filter response_status=422"])
        #expect(ran.statuses == [.ok])
        #expect(ran.out == """
            TIME                  SOURCE  WHAT                                                                                 STATUS  ID
            2026-11-20T09:15:00Z  api     POST /meta/whatsapp/v24.0/100200300400501/messages: (#131047) Re-engagement message  422     req_8b9c0d1e2f3a4b4c9d5e6f7a8b9c0d02

            """)
        #expect(ran.err == "1 event from 2026-11-20T08:15:00Z to 2026-11-20T10:15:00Z\n")
    }

    @Test func aroundARequestIDFoundByLogSearchMarksThatCall() async throws {
        let ran = try await run(["logs search --source external_api_log --around req_8b9c0d1e2f3a4b4c9d5e6f7a8b9c0d02 --limit 1"])
        #expect(ran.statuses == [.ok])
        #expect(ran.out.hasPrefix("""
               TIME                  SOURCE  WHAT                                                                                 STATUS  ID
            >  2026-11-20T09:15:00Z  api     POST /meta/whatsapp/v24.0/100200300400501/messages: (#131047) Re-engagement message  422     req_8b9c0d1e2f3a4b4c9d5e6f7a8b9c0d02
            """))
        #expect(ran.err == "1 event from 2026-11-20T08:15:00Z to 2026-11-20T10:15:00Z, the 1 nearest 2026-11-20T09:15:00Z of 3; "
            + "'--all' lists them all; > marks the event --around named\n")
    }

    /// probe3 F17: `--around` shows the events nearest the moment, not the newest edge of its ±1 h window.
    @Test func aroundShowsTheEventsNearestTheMoment() async throws {
        let ran = try await run(["logs search --source external_api_log --around 2026-11-20T08:59:00Z --limit 2"])
        #expect(ran.statuses == [.ok])
        let times = ran.out.split(separator: "\n").dropFirst().map { String($0.prefix(20)) }
        // The window (07:59 to 09:59) also holds the failed send at 09:15, its newest event: 16 min away.
        #expect(times == ["2026-11-20T08:59:58Z", "2026-11-20T08:58:40Z"], "\(ran.out)")
        #expect(ran.err.hasPrefix("2 events from 2026-11-20T07:59:00Z to 2026-11-20T09:59:00Z, the 2 nearest 2026-11-20T08:59:00Z of "))
    }

    @Test func aroundAnAPILogIDCentresOnThatCall() async throws {
        // The failed send's API log id, as `logs --ids` and `whois` show it.
        let ran = try await run(["logs --ids --status-code 422 --period 7d --output json", "capture .data[0].id as call",
                                 "logs search --source external_api_log --around ${call} --output json", "assert .data.window.since == 2026-11-20T08:15:00.000000Z"])
        #expect(ran.statuses == [.ok, .ok, .ok, .ok], "\(ran.err)")
    }

    @Test(arguments: [
        ("logs search --source nosuch",
         "error: logs search: unknown source 'nosuch'; use one of all, external_api_log, whatsapp_webhook_event, whatsapp_message_event, webhook_delivery, flow_event, function_invocation_event, function_log_event, functions\n",
         KopsShell.ExitStatus.usage),
        ("logs search --filter request_idd=req_1",
         "error: logs search: unknown filter key 'request_idd'; did you mean 'request_id'? (known keys: ",
         .usage),
        ("logs search --around \(failingWebhook)",
         "error: logs search: --around \(failingWebhook): a webhook id names no moment; give a WAMID, delivery id, API log id, conversation id or ISO time, or search with --filter webhook_id=\(failingWebhook)\n",
         .failure),
        ("logs search --around wamid.HBgLMTQxNTU1NTAxNTcVAgASGBRCOTRFMkQ3QTE2QzAzRjU4RTkyOQA=",
         "error: logs search --around: wamid.HBgLMTQxNTU1NTAxNTcVAgASGBRCOTRFMkQ3QTE2QzAzRjU4RTkyOQA= is a WAMID carrying the contact +14155550157, but none of that contact's messages has this id",
         .failure),
        ("logs search --cursor not-a-cursor",
         "error: logs search: the API rejected the search (400): Invalid cursor; a cursor only continues the search it came from: repeat that search, or drop --cursor\n",
         .failure),
    ])
    func badInputTheCatalogueOrTheAPICatchesIsOneLine(line: String, message: String, status: KopsShell.ExitStatus) async throws {
        let ran = try await run([line, "state"])
        #expect(ran.err.hasPrefix(message))
        #expect(ran.err.split(separator: "\n").count == 1)
        #expect(ran.statuses == [status, .ok], "the shell goes on")
    }

    @Test func aCursorFromAnotherSearchIsTheAPIsOneLine() async throws {
        let ran = try await run([
            "logs search --source external_api_log --limit 2 --output json", "capture .data.pagination.next_cursor as cursor",
            "logs search --source webhook_delivery --cursor ${cursor}",
        ])
        #expect(ran.statuses == [.ok, .ok, .failure])
        #expect(ran.err.hasSuffix(
            "error: logs search: the API rejected the search (400): Cursor belongs to a different search; repeat the search without cursor to start over\n"))
    }

    @Test func notEnabledIsOneLineAndExit1NeverNoResults() async throws {
        let ran = try await run(["logs search --problems"], available: false)
        #expect(ran.statuses == [.failure])
        #expect(ran.out == "")
        #expect(ran.err == "error: log search is not enabled for this project; 'logs', 'deliveries' and 'messages' still read each log on its own\n")
    }

    @Test func traceAndErrorsSayInOneLineThatSearchIsOffAndOtherwiseWorkAsBefore() async throws {
        let ran = try await run(["trace \(Demo.leeFailedReply)", "errors --period 7d --limit 3"], available: false, number: Demo.support)
        #expect(ran.statuses == [.ok, .ok])
        #expect(ran.out.contains("\nMeta's webhooks: not searched: log search is not enabled for this project\n"))
        #expect(ran.out.contains("CALLED AT             METHOD  ENDPOINT"), "no request id column without search")
        #expect(ran.err.contains("\nMeta's webhooks not searched: log search is not enabled for this project\n"))
        #expect(!ran.out.contains("no results") && !ran.err.contains("no results"))
    }

    @Test func followPrintsOnlyNewEventsAndStopsOnCtrlC() async throws {
        let ran = try await withSimulator { fixture -> Ran in
            let transport = SearchHookedTransport(inner: try CurlTransport(options: .init(connectTimeout: 2, timeout: 5, userAgent: "kops-tests"))) {
                poll throws(TransportError) in
                // Another client queues a failing test delivery before the second poll; Ctrl-C lands on the fourth.
                if poll == 2 { try? fixture.client().testWebhook(Self.failingWebhook, event: nil) }
                if poll == 4 { throw .cancelled(sent: false) }
                return nil
            }
            let client = KapsoClient(baseURL: fixture.baseURL, apiKey: Secret(fixture.apiKey), transport: transport)
            let context = ShellContext(session: Session(baseURL: client.baseURL), client: client, registry: .standard)
            context.pause = { _ in }
            let output = BufferOutput()
            let shell = Shell(context: context, renderer: Renderer(), output: output)
            let status = shell.run(line: "logs search --source webhook_delivery --follow --interval 1")
            return Ran(status: status.rawValue, out: output.out, err: output.err)
        }
        #expect(ran.status == 0)
        let rows = ran.out.split(separator: "\n")
        #expect(rows.count == 2, "a header and the one new delivery: \(ran.out)")
        #expect(rows.last?.contains("delivery  whatsapp.message.received to analytics.acme-demo.test/ingest/whatsapp") == true)
        #expect(ran.err == "following log search\nstopped after 3 polls: 1 new event (1 problem)\n")
    }

    @Test func jsonIsTheAPIsPageAndNoSecretReachesIt() async throws {
        let page = try await run(["logs search --source external_api_log --limit 3 --output json"])
        #expect(page.statuses == [.ok])
        let json = try JSONValue.parse(page.out)
        #expect(json["data"]?["available"] == .bool(true))
        #expect(json["data"]?["events"]?.array?.count == 3)
        let stream = try await run(["logs search --all --period 7d --output json"])
        #expect(stream.statuses == [.ok])
        let lines = stream.out.split(separator: "\n")
        #expect(lines.count > 100, "more than one page of 100")
        #expect(try lines.allSatisfy { try JSONValue.parse(String($0))["source"]?.string != nil })
        for ran in [page, stream] { #expect(!ran.out.contains(ran.apiKey) && !ran.err.contains(ran.apiKey)) }
    }
}

/// Calls `hook` before each log search (not the catalogue), 1-based.
final class SearchHookedTransport: HTTPTransport {
    private let inner: any HTTPTransport
    private let hook: (Int) throws(TransportError) -> HTTPResponse?
    private var polls = 0

    init(inner: any HTTPTransport, hook: @escaping (Int) throws(TransportError) -> HTTPResponse?) {
        self.inner = inner
        self.hook = hook
    }

    var observer: (@Sendable (HTTPExchange) -> Void)? {
        get { inner.observer }
        set { inner.observer = newValue }
    }

    func send(_ request: HTTPRequest) throws(TransportError) -> HTTPResponse {
        if request.url.contains("/log_search"), !request.url.contains("/catalog") {
            polls += 1
            if let answer = try hook(polls) { return answer }
        }
        return try inner.send(request)
    }
}
