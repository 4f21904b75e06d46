import KapsoClient
import KapsoSimulator
import KopsHTTP
import KopsShell
import Testing

/// kops's own calls to Kapso's Meta proxy answered 404 for the project's own number or WABA, and Kapso's sandbox 403,
/// get the reading a logged call gets, not the raw body (probe26 P26-15): the id and the route are right, and what to
/// check. Bodies are the documented shapes: Graph's `(#100) … Object with ID … does not exist` (code 100, subcode 33),
/// Kapso's `{"error": "WhatsApp configuration not found"}` (kapso-api.md §1.5) and 403 `{"error": "Active sandbox
/// session required to send messages"}` (§9.3).
@Suite struct ProxyNotFoundLiveTests {
    /// Forwards every request to the simulator except Meta-proxy ones whose URL contains `matching`, which get `status` and `body`.
    final class Answering: HTTPTransport {
        let inner: any HTTPTransport
        let matching: String
        let status: Int
        let body: String
        var observer: (@Sendable (HTTPExchange) -> Void)?

        init(_ inner: any HTTPTransport, matching: String, status: Int, body: String) {
            self.inner = inner
            self.matching = matching
            self.status = status
            self.body = body
        }

        func send(_ request: HTTPRequest) throws(TransportError) -> HTTPResponse {
            guard request.url.contains("/meta/"), request.url.contains(matching) else { return try inner.send(request) }
            return HTTPResponse(status: status, headers: [("Content-Type", "application/json")], body: Array(body.utf8))
        }
    }

    static func answering(_ lines: [String], matching: String, status: Int, body: String) async throws -> ShellRun {
        try await runShell(lines) { context in
            let client = context.client
            context.client = KapsoClient(
                baseURL: client.baseURL, apiKey: client.apiKey,
                transport: Answering(client.transport, matching: matching, status: status, body: body))
        }
    }

    static let objectMissing = #"{"error":{"message":"(#100) Unsupported get request. Object with ID '200300400500601' does not "#
        + #"exist, cannot be loaded due to missing permissions, or does not support this operation.","type":"GraphMethodException","#
        + #""code":100,"error_subcode":33,"fbtrace_id":"AbCdEf"}}"#
    static let configurationMissing = #"{"error":"WhatsApp configuration not found"}"#
    static let waba = "200300400500601 is this project's WABA id (of "

    @Test(arguments: ["templates", "template part_ready", "reply --to +14155550142 --template part_ready --dry-run"])
    func aTemplatesCallsGraph404IsReadForTheWABA(_ line: String) async throws {
        let run = try await Self.answering([line], matching: "/message_templates", status: 404, body: Self.objectMissing)
        #expect(run.statuses == [.failure], "\(run.err)")
        #expect(run.err.hasPrefix("error: " + Self.waba), "\(run.err)")
        #expect(run.err.contains(
            ") and /200300400500601/message_templates is a documented proxy route, so neither is the mistake: the 404 says the "
                + "WABA could not be reached with its numbers' access when called"), "\(run.err)")
        #expect(run.err.contains("; 'health 1002003004005"), "\(run.err)")
        #expect(!run.err.contains("Unsupported get request"), "\(run.err)")
        #expect(run.err.split(separator: "\n").count == 1, "\(run.err)")
    }

    @Test func aTemplatesCallsConfigurationNotFoundSaysKapsoHasNoneForTheWABA() async throws {
        let run = try await Self.answering(["templates"], matching: "/message_templates", status: 404, body: Self.configurationMissing)
        #expect(run.statuses == [.failure], "\(run.err)")
        #expect(run.err.hasPrefix(
            "error: Kapso found no WhatsApp configuration for 200300400500601, this project's WABA id (of "), "\(run.err)")
        #expect(run.err.contains("the id and the route are right, Kapso has no record of the number's connection now"), "\(run.err)")
    }

    @Test func aSendsConfigurationNotFoundSaysKapsoHasNoneForTheNumber() async throws {
        let run = try await Self.answering(
            ["message \(Demo.danaInbound)", "reply Thanks"], matching: "/messages", status: 404, body: Self.configurationMissing)
        #expect(run.statuses == [.ok, .failure], "\(run.err)")
        #expect(run.err.contains(
            "error: reply: not sent (HTTP 404): Kapso found no WhatsApp configuration for 100200300400501, this project's "
                + "phone-number id of Support Line, which it resolves from the id in the path"), "\(run.err)")
        #expect(!run.err.contains("--dry-run"), "\(run.err)")
    }

    @Test func aSendsSandbox403IsKapsosSandboxRefusal() async throws {
        let run = try await Self.answering(
            ["message \(Demo.danaInbound)", "reply Thanks"], matching: "/messages", status: 403,
            body: #"{"error":"Active sandbox session required to send messages"}"#)
        #expect(run.statuses == [.ok, .failure], "\(run.err)")
        #expect(run.err.contains(
            "error: reply: not sent: Kapso sandbox: Kapso refused the send (HTTP 403): the recipient has no active session with "
                + "Kapso's shared sandbox number"), "\(run.err)")
        #expect(run.err.hasSuffix("send from the project's own connected number, or have the recipient open a sandbox session first\n"), "\(run.err)")
    }
}
