import KapsoClient
import KapsoSimulator
import KopsHTTP
import KopsShell
import KopsTestSupport
import Testing

/// fix49b's leftover: `KapsoClient.sendAll` (requests side by side) returned a GET answered 429 with a short
/// `Retry-After` as it came, while the GET path alone waits it out and asks once more; so the BSUID listing of
/// `UserIDInbound` and `IDLookups.conversationMessages` stayed one at a time. Both now go side by side, and a short 429
/// on them changes nothing kops prints. Seed `Tests/Seeds/tester48-bsuid.seed.json` (`NumberlessInboundTests`).
@Suite struct SendAllRateLimitTests {
    /// Answers the first request side by side (`sendAll`) whose URL contains `marker` with Kapso's 429 and
    /// `Retry-After: 1`, and sends everything else on; records which requests went side by side.
    final class LimitedOnce: HTTPTransport {
        let inner: any HTTPTransport
        let marker: String
        private(set) var batched: [String] = []
        private(set) var limited = 0
        var observer: (@Sendable (HTTPExchange) -> Void)?

        init(wrapping inner: any HTTPTransport, marker: String) {
            self.inner = inner
            self.marker = marker
        }

        func send(_ request: HTTPRequest) throws(TransportError) -> HTTPResponse { try inner.send(request) }

        func sendAll(_ requests: [HTTPRequest]) -> [Result<HTTPResponse, TransportError>] {
            batched += requests.map(\.url)
            return zip(requests, inner.sendAll(requests)).map { request, answer in
                guard limited == 0, request.url.contains(marker) else { return answer }
                limited += 1
                return .success(HTTPResponse(
                    status: 429, headers: [("Retry-After", "1"), ("Content-Type", "application/json")],
                    body: Array("{\"error\":\"Rate limit exceeded\",\"message\":\"slow down\"}".utf8)))
            }
        }
    }

    /// `line`'s output on the seed, plain and with the first side-by-side request naming `marker` answered 429, and the
    /// times that request went side by side (0 when none was answered 429).
    func run(_ line: String, number: String?, marker: String) async throws -> (plain: String, limited: String, batched: Int) {
        try await withSimulator(seed: .file(NumberlessInboundTests.seed)) { fixture in
            func shell(_ transport: (any HTTPTransport)?) throws -> String {
                let (shell, output) = try fixture.shell(phoneNumberID: number)
                shell.terminalWidth = { 200 }
                shell.context.now = { 1_795_262_400 }
                if let transport {
                    shell.context.client = KapsoClient(baseURL: fixture.baseURL, apiKey: Secret(fixture.apiKey), transport: transport)
                }
                let status = shell.run(line: line)
                return "\(status)\n" + output.out + output.err
            }
            let plain = try shell(nil)
            let transport = LimitedOnce(
                wrapping: try CurlTransport(options: .init(connectTimeout: 2, timeout: 5, userAgent: "kops-tests")), marker: marker)
            let limited = try shell(transport)
            return (plain, limited, transport.limited == 1 ? transport.batched.filter { $0.contains(marker) }.count : 0)
        }
    }

    @Test func theUserIDListingWaitsOutAShortRateLimitSideBySide() async throws {
        let ran = try await run(
            "conversation 0a1b2c3d-0000-4000-8000-000000000301", number: "100200300400501",
            marker: "business_scoped_user_id=US.2222333344445555666")
        #expect(ran.batched == 2, "sent side by side, then once more")
        #expect(ran.limited == ran.plain, "\(ran.limited)")
        #expect(ran.plain.contains("window:       open until 2026-11-22T11:00:00Z (23 h left)"), "\(ran.plain)")
    }

    @Test func theConversationsMessagesWaitOutAShortRateLimitSideBySide() async throws {
        let ran = try await run("whois \(NumberlessInboundTests.h14)", number: nil, marker: "conversation_id=")
        #expect(ran.batched == 2, "sent side by side, then once more")
        #expect(ran.limited == ran.plain, "\(ran.limited)")
        #expect(ran.plain.contains("\(NumberlessInboundTests.h14) is an inbound text message from"), "\(ran.plain)")
    }
}
