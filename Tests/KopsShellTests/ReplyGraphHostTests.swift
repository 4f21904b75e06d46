import KapsoClient
import KopsHTTP
import KopsShell
import Testing

/// A host that serves Kapso's Platform API but passes the Meta proxy path on to Meta's Graph API as it is (a gateway
/// routing `/meta` to graph.facebook.com): Graph's answer names Kapso's path, and `reply` says the base URL is wrong
/// instead of "the send was rejected".
@Suite struct ReplyGraphHostTests {
    /// Forwards every request to the simulator except a Meta proxy send, which Graph answers.
    final class GraphForMetaProxy: HTTPTransport {
        let inner: any HTTPTransport
        let graphBody: String
        var observer: (@Sendable (HTTPExchange) -> Void)?

        init(_ inner: any HTTPTransport, graphBody: String) {
            self.inner = inner
            self.graphBody = graphBody
        }

        func send(_ request: HTTPRequest) throws(TransportError) -> HTTPResponse {
            guard request.method == "POST", request.url.contains("/meta/whatsapp/") else { return try inner.send(request) }
            return HTTPResponse(status: 400, headers: [("Content-Type", "application/json")], body: Array(graphBody.utf8))
        }
    }

    /// `message` then `reply` through a client whose sends Graph answers with `graphBody`; `err` without `message`'s hint.
    static func replying(graphBody: String) async throws -> (run: ShellRun, err: String) {
        let run = try await runShell(["message \(Demo.danaInbound)", "reply Thanks"]) { context in
            let client = context.client
            context.client = KapsoClient(
                baseURL: client.baseURL, apiKey: client.apiKey,
                transport: GraphForMetaProxy(client.transport, graphBody: graphBody))
        }
        let hint = "follow it with 'trace'\n"
        return (run, run.err.hasPrefix(hint) ? String(run.err.dropFirst(hint.count)) : run.err)
    }

    @Test func graphsAnswerToKapsosProxyPathNamesTheBaseURL() async throws {
        let (run, err) = try await Self.replying(
            graphBody: #"{"error":{"message":"Unsupported post request. Object with ID 'meta' does not exist, cannot be loaded due to missing permissions, or does not support this operation.","type":"GraphMethodException","code":100,"error_subcode":33,"fbtrace_id":"AbC"}}"#)
        #expect(run.statuses == [.ok, .failure])
        #expect(err.hasPrefix(
            "error: \(run.baseURL)/meta/whatsapp/v24.0/100200300400501/messages answered like Meta's Graph API "
                + "(GraphMethodException 100/33: "), "\(err)")
        #expect(err.hasSuffix(
            "so Meta's Graph API got Kapso's proxy path as it was and nothing was sent to the contact: \(run.baseURL) passes "
                + "/meta/whatsapp on to Meta instead of serving Kapso's Meta proxy; Kapso's host is https://api.kapso.ai "
                + "(it serves /meta/whatsapp/v24.0), and a Kapso key is not a Meta access token; 'state' shows the base URL, "
                + "--base-url or 'profile' changes it\n"), "\(err)")
        #expect(!err.contains("rejected"))
    }

    /// Meta's refusal relayed by Kapso's proxy stays a refused send.
    @Test func metasRefusalRelayedByKapsoStaysARejectedSend() async throws {
        let (run, err) = try await Self.replying(
            graphBody: #"{"error":{"message":"(#131026) Message undeliverable","type":"OAuthException","code":131026,"fbtrace_id":"AbC"}}"#)
        #expect(run.statuses == [.ok, .failure])
        #expect(err.hasPrefix("error: reply: "), "\(err)")
        #expect(err.contains("131026") && !err.contains("Graph API got"), "\(err)")
    }
}
