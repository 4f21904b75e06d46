import Foundation
import KapsoClient
import KopsHTTP
import KopsShell
import KopsTestSupport
import Testing

/// tester61 AJ4: when the API hands back a page cursor it already gave, `next` showed the same page again as new with
/// "(more: next)", forever, where `messages --all` stops with "the API returned a page cursor it had already given". `next`
/// now says the same.
@Suite struct AJ4NextRepeatedCursorTests {
    /// Passes every request on, and gives every messages page after the first the first page's next cursor.
    final class LoopingCursor: HTTPTransport {
        let inner: any HTTPTransport
        private(set) var afters: [String] = []
        private var firstPaging: Any?
        var observer: (@Sendable (HTTPExchange) -> Void)?

        init(wrapping inner: any HTTPTransport) { self.inner = inner }

        func send(_ request: HTTPRequest) throws(TransportError) -> HTTPResponse {
            var response = try inner.send(request)
            let path = request.url.split(separator: "?", maxSplits: 1).first.map(String.init) ?? request.url
            guard path.hasSuffix("/whatsapp/messages"), response.status == 200,
                var page = try? JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any]
            else { return response }
            if let after = request.url.split(separator: "&").first(where: { $0.contains("after=") }) { afters.append(String(after)) }
            // The first page's paging (a cursor the simulator accepts) is handed back on every later page.
            guard let first = firstPaging else {
                firstPaging = page["paging"]
                return response
            }
            page["paging"] = first
            if let data = try? JSONSerialization.data(withJSONObject: page) { response.body = Array(data) }
            return response
        }
    }

    @Test func nextStopsAtARepeatedCursorAsAllDoes() async throws {
        let (out, err, statuses, afters) = try await withSimulator { fixture in
            let (shell, output) = try fixture.shell(phoneNumberID: "100200300400502")
            let transport = LoopingCursor(
                wrapping: try CurlTransport(options: .init(connectTimeout: 2, timeout: 5, userAgent: "kops-tests")))
            shell.context.client = KapsoClient(baseURL: fixture.baseURL, apiKey: Secret(fixture.apiKey), transport: transport)
            let statuses = ["messages --limit 2", "next", "next"].map { shell.run(line: $0) }
            return (output.out, output.err, statuses, transport.afters)
        }
        // One `next` with the cursor the first page gave; the second is not sent again with it.
        #expect(afters.count == 1, "\(afters)")
        #expect(statuses[0] == .ok)
        #expect(statuses[1] == .failure, "\(out)\n\(err)")
        #expect((out + err).contains("the API returned a page cursor it had already given; stopped instead of looping"), "\(out)\n\(err)")
        #expect((out + err).components(separatedBy: "(more: next)").count == 2, "\(out)\n\(err)")
        #expect(statuses[2] != .ok, "\(err)")
    }
}
