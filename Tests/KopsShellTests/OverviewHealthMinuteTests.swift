import Foundation
import KapsoClient
import KopsHTTP
import KopsShell
import KopsTestSupport
import Testing

/// probe46 P46-17: `overview` of a project with more numbers than Kapso's 60 health reads a minute (kapso-api.md §0
/// gotcha 5) sent a read per number anyway; each one past the limit was a 429 in the project's API log, which the same
/// overview then counted among the failed calls and sent the engineer after. Once a health answer says the minute's
/// reads are spent (`X-Health-RateLimit-Minute-Remaining: 0`), the rest are named, not asked.
@Suite struct OverviewHealthMinuteTests {
    /// Passes every request on, and says no health reads are left this minute on each health answer.
    final class SpentMinuteTransport: HTTPTransport {
        let inner: any HTTPTransport
        private(set) var healthReads: [String] = []
        var observer: (@Sendable (HTTPExchange) -> Void)?

        init(wrapping inner: any HTTPTransport) { self.inner = inner }

        func send(_ request: HTTPRequest) throws(TransportError) -> HTTPResponse {
            var response = try inner.send(request)
            if request.url.hasSuffix("/health") {
                healthReads.append(request.url)
                response.headers.removeAll { $0.name.lowercased() == "x-health-ratelimit-minute-remaining" }
                response.headers.append(("X-Health-RateLimit-Minute-Remaining", "0"))
            }
            return response
        }
    }

    @Test func healthPastTheMinutesLimitIsNamedNotAsked() async throws {
        let (status, out, reads) = try await withSimulator { fixture in
            let (shell, output) = try fixture.shell()
            shell.context.now = { 1_795_262_400 }
            let transport = SpentMinuteTransport(
                wrapping: try CurlTransport(options: .init(connectTimeout: 2, timeout: 5, userAgent: "kops-tests")))
            shell.context.client = KapsoClient(baseURL: fixture.baseURL, apiKey: Secret(fixture.apiKey), transport: transport)
            let status = shell.run(line: "overview")
            return (status, output.out, transport.healthReads)
        }
        #expect(reads.count == 1, "\(reads)")
        #expect(status == .failure)
        // The numbers come Sales Line first: its health is read, the Support Line's is not asked.
        let support = out.split(separator: "\n").first { $0.hasPrefix("100200300400501") }.map(String.init) ?? ""
        #expect(support.contains("not read") && support.contains("health reads for the minute spent: see below"), "\(out)")
        #expect(out.contains("100200300400502  Sales Line    degraded"), "\(out)")
        #expect(
            out.contains(
                "\nhealth of Support Line (100200300400501): not read: the project's 60 health reads a minute (Kapso's limit, "
                    + "across keys) were spent, so it was not asked; run 'health 100200300400501' in a minute\n"),
            "\(out)")
        #expect(!out.contains("429) twice"), "\(out)")
    }
}
