import KapsoClient
import KopsHTTP
@testable import KopsShell
import KopsTestSupport
import Testing

/// tester63 AN2: `deliveries --follow` read the newest 100 deliveries a poll and never older pages: 330 made between two
/// polls printed 100 and closed with "100 new deliveries", the rest neither read nor mentioned. A poll whose newest page
/// holds nothing the poll before listed now reads older pages until it does (up to `FollowLoop.catchUpPages`), and past
/// that says what it did not read.
@Suite struct AN2FollowCatchUpTests {
    /// Follows in JSON mode; before the second deliveries request another client makes `made` deliveries.
    private func follow(making made: Int) async throws -> (out: String, err: String, status: Int32) {
        try await withSimulator { fixture in
            let transport = HookedTransport(inner: try CurlTransport(options: .init(connectTimeout: 2, timeout: 5, userAgent: "kops-tests"))) {
                poll throws(TransportError) in
                if poll == 2 {
                    let client = try? fixture.client()
                    for _ in 0..<made { _ = try? client?.testWebhook(DeliveryFollowTests.failing, event: nil) }
                }
                return nil
            }
            let client = KapsoClient(baseURL: fixture.baseURL, apiKey: Secret(fixture.apiKey), transport: transport)
            let context = ShellContext(
                session: Session(baseURL: client.baseURL, phoneNumberID: "100200300400502"), client: client, registry: .standard)
            let output = BufferOutput()
            let shell = Shell(context: context, renderer: Renderer(), output: output)
            let status = shell.run(line: "output json; deliveries --follow --interval 1 --max-polls 2")
            return (output.out, output.err, status.rawValue)
        }
    }

    @Test func everyDeliveryMadeBetweenTwoPollsIsPrintedOnce() async throws {
        let ran = try await follow(making: 150)
        let lines = ran.out.split(separator: "\n")
        let ids = Set(lines.compactMap { try? JSONValue.parse(String($0))["id"]?.string })
        #expect(lines.count == 150 && ids.count == 150, "\(lines.count) lines, \(ids.count) ids; \(ran.err)")
        #expect(ran.err.hasSuffix("stopped after 2 polls: 150 new deliveries (150 pending)\n"), "\(ran.err)")
        #expect(ran.status == 0)
    }

    @Test func morePagesThanAPollReadsAreSaid() async throws {
        let made = FollowLoop.catchUpPages * 100 + 20
        let ran = try await follow(making: made)
        let lines = ran.out.split(separator: "\n")
        #expect(lines.count == FollowLoop.catchUpPages * 100, "\(lines.count); \(ran.err)")
        #expect(ran.err.contains("more than \(FollowLoop.catchUpPages * 100) new since the last poll: the older ones were not read"), "\(ran.err)")
        #expect(ran.err.hasSuffix("; 1 poll had more new than it read (said above)\n"), "\(ran.err)")
    }
}
