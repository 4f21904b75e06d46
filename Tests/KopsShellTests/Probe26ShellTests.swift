import Foundation
import KapsoClient
import KapsoSimulator
import KopsHTTP
import KopsShell
import KopsTestSupport
import Testing

/// probe26 P26-1, P26-2 and P26-6 over loopback, on the finding's seeds (`Seeds/probe26-s3b.seed.json`: one failed
/// delivery and two API-log 404s on `/webhook_deliveries/{id}` and `…/retry`; `Seeds/probe26-s12.seed.json`: Contact S's
/// voice note with `audio.id` 1111222233334444 and 404s on `/{media_id}`, `/{media_id}/messages`).
@Suite struct Probe26ShellTests {
    static func seed(_ name: String) -> SimulatorSeed { TestSeeds.file(name) }

    static let delivery = "7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c01"
    static let webhook = "5f6a7b8c-9d0e-4f1a-8b2c-4d5e6f7a8b01"

    // MARK: - P26-1

    @Test func aDeliveryRouteKapsoDoesNotHaveIsNamedInEveryView() async throws {
        let runs = try await runDemo(
            // `errors` reads the deliveries too, so the group names the delivery's webhook.
            ["errors --source api --flat", "logs --errors --flat --period 30d", "errors --output json"],
            number: "100200300400501", seed: Self.seed("probe26-s3b.seed.json"), width: 2_000)
        for ran in runs.prefix(2) {
            #expect(ran.status == 0, "\(ran.err)")
            let rows = ran.out.split(separator: "\n").filter { $0.contains("/webhook_deliveries/\(Self.delivery)") }
            #expect(rows.count == 2, "\(ran.out)")
            for row in rows {
                #expect(row.contains("the path is not a Kapso route: the delivery log is a list only"), "\(row)")
                #expect(!row.contains("not in this project"), "\(row)")
            }
        }
        let groups = try JSONValue.parse(Array(runs[2].out.utf8))["groups"]?.array ?? []
        let meanings = groups.compactMap { $0["meaning"]?.string }.filter { $0.contains("delivery log") }
        #expect(meanings.count == 2, "\(groups)")
        #expect(meanings.allSatisfy { $0.contains("'deliveries --webhook \(Self.webhook)'") }, "\(meanings)")
    }

    // MARK: - P26-2

    /// A transport that answers `matches` itself and passes every other request to the simulator.
    final class AnsweringTransport: HTTPTransport {
        let base: any HTTPTransport
        let matches: (HTTPRequest) -> Bool
        let answer: HTTPResponse
        var observer: (@Sendable (HTTPExchange) -> Void)? {
            get { base.observer }
            set { base.observer = newValue }
        }

        init(base: any HTTPTransport, answer: HTTPResponse, matches: @escaping (HTTPRequest) -> Bool) {
            (self.base, self.answer, self.matches) = (base, answer, matches)
        }

        func send(_ request: HTTPRequest) throws(TransportError) -> HTTPResponse {
            matches(request) ? answer : try base.send(request)
        }
    }

    /// Runs `line` on the s12 seed, with `method path-suffix` answered 401 and `body`.
    static func run(_ line: String, answering method: String, _ suffix: String, status: Int = 401, body: String) async throws -> (status: KopsShell.ExitStatus, err: String) {
        try await withSimulator(seed: seed("probe26-s12.seed.json")) { fixture in
            let plain = try fixture.client()
            let transport = AnsweringTransport(base: plain.transport, answer: HTTPResponse(status: status, headers: [], body: Array(body.utf8))) {
                $0.method == method && $0.url.contains(suffix)
            }
            let client = KapsoClient(baseURL: fixture.baseURL, apiKey: Secret(fixture.apiKey), transport: transport)
            let context = ShellContext(
                session: Session(baseURL: client.baseURL, phoneNumberID: "100200300400501"), client: client, registry: .standard)
            context.now = { SimulatorFixture.deterministicNow }
            context.confirm = { _ in true }
            let output = BufferOutput()
            let shell = Shell(context: context, renderer: Renderer(), output: output)
            return (shell.run(line: line), output.err)
        }
    }

    static let expired =
        #"{"error":{"message":"Error validating access token: Session has expired on Friday, 20-Nov-26 14:00:00 PST. The current time is Saturday, 21-Nov-26 04:00:00 PST.","type":"OAuthException","code":190,"error_subcode":463,"fbtrace_id":"AbCdEfGhIjK"}}"#

    @Test func aSendAnswered401WithMetasTokenErrorIsTheNumbersToken() async throws {
        let ran = try await Self.run("reply --to +14155550401 --force hello", answering: "POST", "/100200300400501/messages", body: Self.expired)
        #expect(ran.status == KopsShell.ExitStatus.failure, "\(ran.err)")
        // The subcode names the cause (Graph's authentication subcodes; probe37 P37-7).
        #expect(ran.err.contains("not sent: 190 access token refused (subcode 463: Expired) (HTTP 401) (the 401 is Meta's token error, not Kapso refusing the API key)"), "\(ran.err)")
        #expect(ran.err.contains("reconnect the number"), "\(ran.err)")
        #expect(!ran.err.contains("was rejected"), "\(ran.err)")
    }

    @Test func codeZeroUnableToAuthenticateIsTheNumbersTokenToo() async throws {
        let body = #"{"error":{"message":"(#0) We were unable to authenticate the app user","type":"OAuthException","code":0,"error_subcode":2494065,"fbtrace_id":"B1"}}"#
        let ran = try await Self.run("reply --to +14155550401 --force hello", answering: "POST", "/100200300400501/messages", body: body)
        #expect(ran.status == KopsShell.ExitStatus.failure, "\(ran.err)")
        #expect(ran.err.contains("not sent: 0 auth exception (HTTP 401)"), "\(ran.err)")
    }

    @Test func templatesAnswered401WithMetasTokenErrorIsTheNumbersToken() async throws {
        let body = #"{"error":{"message":"Error validating access token: The session has been invalidated because the user changed their password or Facebook has changed the session for security reasons.","type":"OAuthException","code":190,"error_subcode":460,"fbtrace_id":"B2"}}"#
        let ran = try await Self.run("templates", answering: "GET", "/200300400500601/message_templates", body: body)
        #expect(ran.status == KopsShell.ExitStatus.failure, "\(ran.err)")
        #expect(ran.err.contains("the number's Meta access token was refused, not the Kapso API key"), "\(ran.err)")
        #expect(ran.err.contains("#190 (subcode 460)"), "\(ran.err)")
        #expect(!ran.err.contains("was rejected"), "\(ran.err)")
    }

    /// kapso-sim's own refusal of a key on the proxy (401, code 190, "Invalid API key", details naming X-API-Key) stays the key.
    @Test func theSimulatorsBadKeyAnswerStaysTheKey() async throws {
        let body = #"{"error":{"message":"Invalid API key","type":"OAuthException","code":190,"error_data":{"messaging_product":"whatsapp","details":"The X-API-Key header (or Bearer token) is missing or not this project's key."},"fbtrace_id":"C1"}}"#
        let ran = try await Self.run("reply --to +14155550401 --force hello", answering: "POST", "/100200300400501/messages", body: body)
        #expect(ran.status == KopsShell.ExitStatus.noPermission, "\(ran.err)")
        #expect(ran.err.contains("was rejected"), "\(ran.err)")
    }

    // MARK: - P26-15

    /// A live send's 404 for the number kops itself selected from `numbers` reads as the API-log row does.
    /// Kapso's own "WhatsApp configuration not found" says Kapso has no record of the number (ProxyNotFoundLiveTests).
    @Test(arguments: [
        (#"{"error":{"message":"(#100) Unsupported post request. Object with ID '100200300400501' does not exist, cannot be loaded due to missing permissions, or does not support this operation.","type":"GraphMethodException","code":100,"error_subcode":33,"fbtrace_id":"D1"}}"#,
         "100200300400501 is this project's phone-number id of Support Line and /100200300400501/messages is a documented proxy route"),
        (#"{"error":"WhatsApp configuration not found"}"#,
         "Kapso found no WhatsApp configuration for 100200300400501, this project's phone-number id of Support Line"),
    ])
    func aSendsLive404ForAListedNumberIsNotTheKeysFault(body: String, says: String) async throws {
        let ran = try await Self.run("reply --to +14155550401 --force hello", answering: "POST", "/100200300400501/messages", status: 404, body: body)
        #expect(ran.status == KopsShell.ExitStatus.failure, "\(ran.err)")
        #expect(ran.err.contains(says), "\(ran.err)")
        #expect(ran.err.contains("'health 100200300400501'"), "\(ran.err)")
        #expect(!ran.err.contains("this key cannot see it"), "\(ran.err)")
    }

    // MARK: - P26-6

    static let voiceNote = "wamid.HBgLMTQxNTU1NTA0MDEVAgASGBRTNFZPSUNFAAAAAAAAAAAAAAAAAA=="

    @Test func whoisAndErrorsNameAMediaIdOfAListedMessage() async throws {
        let runs = try await runDemo(
            ["whois 1111222233334444", "errors --source api --output json"], number: "100200300400501",
            seed: Self.seed("probe26-s12.seed.json"), width: 2_000)
        #expect(runs[0].status == 0, "\(runs[0].err)")
        #expect(runs[0].out.contains("1111222233334444 is the media id of the voice note (audio/ogg; codecs=opus) \(Self.voiceNote) from Contact S"), "\(runs[0].out)")
        #expect(runs[0].out.contains("?phone_number_id=100200300400501 gives a download URL"), "\(runs[0].out)")
        let groups = try JSONValue.parse(Array(runs[1].out.utf8))["groups"]?.array ?? []
        let media = groups.filter { ($0["what"]?.string ?? "").contains("/1111222233334444") }.compactMap { $0["meaning"]?.string }
        // GET and DELETE /{media_id} are one cause, POST /{media_id}/messages another. The seed's GET and DELETE have no
        // ?phone_number_id=, which Kapso's proxy requires on media routes: the call is read first (probe28 P28-8).
        #expect(media.count == 2, "\(groups)")
        #expect(media.allSatisfy { $0.hasPrefix("1111222233334444 is the media id of the voice note") }, "\(media)")
        #expect(media.contains { $0.contains("not a phone-number id") && $0.contains("use 100200300400501") }, "\(media)")
        #expect(media.contains { $0.contains("the call has no ?phone_number_id=, which Kapso's proxy requires on /{media_id}") }, "\(media)")
        #expect(!media.contains { $0.contains("wrong project or key") }, "\(media)")
    }
}
