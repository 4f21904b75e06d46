import Foundation
import KapsoClient
import KopsHTTP
import KopsShell
import KopsTestSupport
import Testing

/// tester61 AJ9: a health report whose `timestamp` is weeks old (or ahead of the API's clock) was shown as the number's
/// health now: `healthy (checked 2026-11-01T00:00:00Z)`, exit 0, `overview` `ok`. Kapso caches a report 3 min, at most
/// 60 min after access failures (kapso-api.md §2.3 "Caching & limits"): beyond that the age is named and `overview` does
/// not say `ok`. The simulator dates its reports by its own clock, so the report's `timestamp` is rewritten on the way.
@Suite struct AJ9StaleHealthReportTests {
    /// Passes every request on, and dates each health answer `timestamp` (none when nil).
    final class DatingTransport: HTTPTransport {
        let inner: any HTTPTransport
        let timestamp: String?
        var observer: (@Sendable (HTTPExchange) -> Void)?

        init(wrapping inner: any HTTPTransport, timestamp: String?) { (self.inner, self.timestamp) = (inner, timestamp) }

        func send(_ request: HTTPRequest) throws(TransportError) -> HTTPResponse {
            var response = try inner.send(request)
            if let timestamp, request.url.hasSuffix("/health"), response.status == 200,
                var report = try? JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any]
            {
                report["timestamp"] = timestamp
                if let data = try? JSONSerialization.data(withJSONObject: report) { response.body = Array(data) }
            }
            return response
        }
    }

    /// `health 100200300400501`, its JSON and `overview` on the demo seed, with reports dated `timestamp`.
    static func run(_ timestamp: String?) async throws -> (out: String, statuses: [KopsShell.ExitStatus]) {
        try await withSimulator { fixture in
            let (shell, output) = try fixture.shell()
            let transport = DatingTransport(
                wrapping: try CurlTransport(options: .init(connectTimeout: 2, timeout: 5, userAgent: "kops-tests")), timestamp: timestamp)
            shell.context.client = KapsoClient(baseURL: fixture.baseURL, apiKey: Secret(fixture.apiKey), transport: transport)
            let statuses = ["health 100200300400501", "output json", "health 100200300400501", "output table", "overview"]
                .map { shell.run(line: $0) }
            return (output.out, statuses)
        }
    }

    static func row(_ out: String) -> String {
        out.split(separator: "\n").first { $0.hasPrefix("100200300400501 ") }.map(String.init) ?? ""
    }

    /// 35 days before the simulator's clock (2026-11-21T12:00:00Z).
    @Test func aWeeksOldReportIsNotCurrent() async throws {
        let ran = try await Self.run("2026-10-17T12:00:00Z")
        let first = ran.out.split(separator: "\n").first { $0.hasPrefix("100200300400501:") }.map(String.init) ?? ""
        #expect(first.contains("healthy by Kapso's summary, but report 35 d old: not current"), "\(ran.out)")
        #expect(ran.out.contains("not current: the report was checked 35 d ago (2026-10-17T12:00:00Z): older than Kapso keeps a report"),
                "\(ran.out)")
        let compact = ran.out.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "\n", with: "")
        #expect(compact.contains("\"not_known\":[\"timestamp\"]") && compact.contains("\"status\":\"not_known\""), "\(ran.out)")
        let row = Self.row(ran.out)
        #expect(row.contains("not known: report 35 d old") && !row.hasSuffix(" ok"), "\(row)\n\(ran.out)")
    }

    @Test func aReportDatedAheadIsNotCurrent() async throws {
        let ran = try await Self.run("2027-01-01T00:00:00Z")
        #expect(ran.out.contains("not current: the report was dated 40 d ") && ran.out.contains(" ahead of the API's clock"), "\(ran.out)")
        #expect(Self.row(ran.out).contains("not known: report dated 40 d "), "\(ran.out)")
    }

    /// Within Kapso's cache, and the simulator's own dating: nothing said.
    @Test(arguments: [nil, "2026-11-21T11:58:00Z"])
    func aCurrentReportIsNotFlagged(_ timestamp: String?) async throws {
        let ran = try await Self.run(timestamp)
        #expect(!ran.out.contains("not current") && !ran.out.contains("\"timestamp\"]"), "\(ran.out)")
        #expect(Self.row(ran.out).hasSuffix(" ok"), "\(ran.out)")
    }
}
