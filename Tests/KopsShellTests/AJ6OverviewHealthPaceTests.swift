import Foundation
import KapsoClient
import KapsoSimulator
import KopsHTTP
import KopsShell
import KopsTestSupport
import Testing

/// tester61 AJ6: `overview` of a project with more than 5 numbers read their health in a burst; Kapso allows 5 health
/// reads a second per project (kapso-api.md §2.3 "Caching & limits"), so each read past the fifth in a second was a 429
/// in the project's API log (the client waited and sent it again), and the same `overview` counted those refused attempts
/// among the project's failed API calls and named them under `next:`. kops keeps to 5 a second itself: an idle project
/// of 30 numbers reads "0 failed". The deterministic simulator never refuses (it plays a client that waits), so this runs
/// on the simulator's real clock and limiter.
@Suite(.serialized) struct AJ6OverviewHealthPaceTests {
    /// Passes every request on and notes each health read's status.
    final class HealthStatuses: HTTPTransport {
        let inner: any HTTPTransport
        private(set) var statuses: [Int] = []
        var observer: (@Sendable (HTTPExchange) -> Void)?

        init(wrapping inner: any HTTPTransport) { self.inner = inner }

        func send(_ request: HTTPRequest) throws(TransportError) -> HTTPResponse {
            let response = try inner.send(request)
            if request.url.hasSuffix("/health") { statuses.append(response.status) }
            return response
        }
    }

    @Test func thirtyNumbersGetNoHealth429AndAnIdleProjectReadsZeroFailed() async throws {
        let (out, statuses) = try await offPool {
            let simulator = try KapsoSimulator.startBlocking(
                options: SimulatorOptions(apiKey: "test_key_0123456789", seed: TestSeeds.file("aj6-30-numbers.seed.json"), deterministic: false))
            defer { simulator.stop() }
            let transport = HealthStatuses(
                wrapping: try CurlTransport(options: .init(connectTimeout: 2, timeout: 10, userAgent: "kops-tests")))
            let client = KapsoClient(baseURL: simulator.baseURL, apiKey: Secret("test_key_0123456789"), transport: transport)
            let context = ShellContext(session: Session(baseURL: client.baseURL), client: client, registry: .standard)
            let output = BufferOutput()
            let shell = Shell(context: context, renderer: Renderer(), output: output)
            _ = shell.run(line: "overview")
            return (output.out, transport.statuses)
        }
        #expect(statuses.count == 30, "\(statuses)")
        #expect(!statuses.contains(429), "\(statuses)")
        let calls = out.split(separator: "\n").first { $0.hasPrefix("API calls (24h):") }.map(String.init) ?? ""
        #expect(calls.contains(" 0 failed"), "\(out)")
        #expect(!out.contains("429"), "\(out)")
    }

    /// The client's own pacing, without a server's limit: six health reads take at least a second, other reads none.
    @Test func theSixthHealthReadWaitsForTheSecond() throws {
        let stub = StubTransport(status: 200, body: #"{"status":"healthy","checks":{}}"#)
        let client = KapsoClient(baseURL: "http://127.0.0.1:1", apiKey: Secret("test_key_0123456789"), transport: stub)
        let start = Date()
        for _ in 0..<5 { _ = try client.health("100200300400501") }
        #expect(Date().timeIntervalSince(start) < 0.9)
        _ = try client.health("100200300400501")
        #expect(Date().timeIntervalSince(start) >= 1.0)
    }
}
