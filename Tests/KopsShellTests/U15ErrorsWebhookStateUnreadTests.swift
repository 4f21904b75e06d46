import Foundation
import KapsoClient
import KopsHTTP
import KopsShell
import KopsTestSupport
import Testing

/// tester53b U15 over loopback (demo simulator): `errors` whose per-webhook delivery look-ups fail (the lists answer)
/// says on each webhook row that its state now was not read, and how many were not, instead of dropping `now:`.
@Suite struct U15ErrorsWebhookStateUnreadTests {
    /// `errors --period 7d`, with each webhook's own delivery look-up answered 503 when `failing`.
    static func errors(failing: Bool) async throws -> String {
        try await withSimulator { fixture in
            let (shell, output) = try fixture.shell()
            let answer = HTTPResponse(
                status: 503, headers: [("Content-Type", "application/json")], body: Array(#"{"error":"Service Unavailable"}"#.utf8))
            let transport = PartlyFailingTransport(
                wrapping: try CurlTransport(options: .init(connectTimeout: 2, timeout: 5, userAgent: "kops-tests")),
                failures: failing ? ["/webhook_deliveries?webhook_id=": .success(answer)] : [:])
            shell.context.client = KapsoClient(baseURL: fixture.baseURL, apiKey: Secret(fixture.apiKey), transport: transport)
            _ = shell.run(line: "errors --period 7d")
            return output.out + output.err
        }
    }

    @Test func eachRowSaysItsStateWasNotRead() async throws {
        let read = try await Self.errors(failing: false)
        let unread = try await Self.errors(failing: true)
        let states = read.components(separatedBy: "now: ").count - 1
        #expect(states > 0, "\(read)")
        // Every row that said the state now says it was not read.
        #expect(unread.components(separatedBy: "now: not read (the API failed (503)").count - 1 >= states, "\(unread)")
        #expect(unread.contains("with failed deliveries was not read (the API failed (503)"), "\(unread)")
        #expect(unread.contains("'webhooks check' in a minute"), "\(unread)")
    }
}
