import KopsShell
import KopsTestSupport
import Testing

/// fixC leftover of tester56b V18: against a host that is not Kapso's answering 200 with JSON of another shape,
/// `conversation ID` said "unexpected response (HTTP 200): list response without a 'data' array" (its look-up's answer was
/// counted as one the host served), where `numbers` and `message` name the host. `webhooks get ID` and both commands
/// against a web page (404 or 200) say the same.
@Suite struct V18ConversationWebhookForeignHostTests {
    static let id = "0a1b2c3d-0000-4000-8000-000000000171"

    @Test(arguments: [
        (200, "{\"ok\":true}", "conversation"), (200, "{\"data\":{\"id\":\"x\"}}", "conversation"), (200, "{\"data\":[]}", "conversation"),
        (200, "{\"ok\":true}", "webhooks get"), (200, "{\"data\":{\"id\":\"x\"}}", "webhooks get"),
        (404, "<html><body>Not Found</body></html>", "conversation"), (200, "<html><body>Welcome</body></html>", "conversation"),
        (404, "<html><body>Not Found</body></html>", "webhooks get"), (200, "<html><body>Welcome</body></html>", "webhooks get"),
    ])
    func theAnswerPointsAtTheHost(status: Int, body: String, command: String) throws {
        let type = body.hasPrefix("<") ? "text/html" : "application/json"
        let server = try HostileServer { _ in .http(status: status, headers: ["Content-Type: \(type)"], body: Array(body.utf8)) }
        defer { server.stop() }
        let (shell, output) = try BaseURLErrorTests.shell(on: server)
        #expect(shell.run(line: "\(command) \(Self.id)") == .failure, "\(output.out)")
        #expect(output.err.contains("serve Kapso's API: \(server.baseURL)"), "\(output.err)")
        #expect(!output.err.contains("unexpected response"), "\(output.err)")
    }
}
