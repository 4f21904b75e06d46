import KapsoClient
import KopsHTTP
import KopsShell
import KopsTestSupport
import Testing

/// `deliveries --follow`: prints only deliveries created after it started; Ctrl-C ends it with a summary.
@Suite struct DeliveryFollowTests {
    static let failing = "5f6a7b8c-9d0e-4f1a-8b2c-4d5e6f7a8b92"

    /// Follows on a shell whose transport calls `hook` before each deliveries poll (1-based).
    private func follow(
        _ line: String, hook: @escaping @Sendable (SimulatorFixture, Int) throws(TransportError) -> HTTPResponse?
    ) async throws -> Ran {
        try await withSimulator { fixture in
            let transport = HookedTransport(inner: try CurlTransport(options: .init(connectTimeout: 2, timeout: 5, userAgent: "kops-tests"))) {
                poll throws(TransportError) in try hook(fixture, poll)
            }
            let client = KapsoClient(baseURL: fixture.baseURL, apiKey: Secret(fixture.apiKey), transport: transport)
            let context = ShellContext(
                session: Session(baseURL: client.baseURL, phoneNumberID: "100200300400502"), client: client, registry: .standard)
            let output = BufferOutput()
            let shell = Shell(context: context, renderer: Renderer(), output: output)
            let status = shell.run(line: line)
            return Ran(status: status.rawValue, out: output.out, err: output.err)
        }
    }

    @Test func printsADeliveryCreatedWhileFollowing() async throws {
        let ran = try await follow("deliveries --follow --interval 0 --max-polls 3") { fixture, poll in
            // Another client queues a test delivery between the first and second poll.
            if poll == 2 { try? fixture.client().testWebhook(Self.failing, event: nil) }
            return nil
        }
        #expect(ran.out == """
            TIME                  EVENT                      STATUS   HTTP  TRIES  LAST ATTEMPT          WEBHOOK
            2026-11-21T12:00:00Z  whatsapp.message.received  pending   500      1  2026-11-21T12:00:00Z  analytics.acme-demo.test/ingest/whatsapp
            
            """)
        // Its first attempt failed now; the retries wait for the simulator's clock (nothing stamped in its future).
        #expect(ran.err == "stopped after 3 polls: 1 new delivery (1 pending)\n")
        #expect(ran.status == 0)
    }

    @Test func printsNewDeliveriesAsNDJSONInJSONMode() async throws {
        let ran = try await follow("output json; deliveries --follow --interval 0 --max-polls 2") { fixture, poll in
            if poll == 2 { try? fixture.client().testWebhook(Self.failing, event: nil) }
            return nil
        }
        let lines = ran.out.split(separator: "\n")
        // Stops here (no crash on lines[0]) when a poll timed out under load.
        try #require(lines.count == 1, "\(ran.err)")
        #expect(try JSONValue.parse(String(lines[0]))["webhook_id"]?.string == Self.failing)
    }

    @Test func rateLimitWaitsForRetryAfterAndKeepsFollowing() async throws {
        let ran = try await follow("deliveries --follow --interval 0 --max-polls 3") { _, poll in
            guard poll == 2 else { return nil }
            let body = Array("{\"error\":\"Rate limit exceeded\"}".utf8)
            return HTTPResponse(status: 429, headers: [("Retry-After", "0")], body: body)
        }
        #expect(ran.err == "rate limited; next poll in 0 s\nstopped after 3 polls: 0 new deliveries\n")
        #expect(ran.status == 0)
    }

    /// A new delivery whose fields carry the API key, a bearer token and a secret-named field: masked in
    /// every form `--follow` prints.
    @Test(arguments: ["table", "expanded", "json"])
    func followedDeliveriesShowNoSecret(mode: String) async throws {
        let ran = try await follow("output \(mode); deliveries --follow --interval 0 --max-polls 2") { fixture, poll in
            guard poll == 2 else { return nil }
            let delivery: JSONValue = [
                "id": "7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c99", "event": .string("whatsapp.message.sent \(fixture.apiKey)"),
                "status": "failed", "attempt_count": 1, "created_at": "2026-11-21T12:00:00Z", "response_status": 401,
                "last_attempt_at": "2026-11-21T12:00:00Z", "webhook_id": "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
                "webhook_url": .string("https://hooks.acme-demo.test/\(fixture.apiKey)"),
                "error": "Authorization: Bearer EAAfollowCANARY77", "token": "tok_follow_canary_4411",
            ]
            let body = JSONValue.object(["data": [delivery], "paging": ["next": .null]]).serialized()
            return HTTPResponse(status: 200, headers: [("Content-Type", "application/json")], body: Array(body.utf8))
        }
        #expect(ran.out.contains("<redacted>"), "the delivery was printed: \(ran.out)")
        for canary in ["test_key_0123456789", "EAAfollowCANARY77", "tok_follow_canary_4411"] {
            #expect(!ran.out.contains(canary) && !ran.err.contains(canary), "\(canary) shown in \(mode) mode")
        }
    }

    @Test func ctrlCStopsWithASummary() async throws {
        let ran = try await follow("deliveries --follow --interval 0") { _, poll throws(TransportError) in
            if poll == 3 { throw .cancelled(sent: true) }
            return nil
        }
        #expect(ran.out == "")
        #expect(ran.err == "stopped after 2 polls: 0 new deliveries\n")
        #expect(ran.status == 0)
    }
}

/// A transport that runs a hook before each `/webhook_deliveries` request: it may answer in the server's
/// place, else the request is sent for real.
final class HookedTransport: HTTPTransport {
    private let inner: any HTTPTransport
    private let hook: (Int) throws(TransportError) -> HTTPResponse?
    private var polls = 0

    init(inner: any HTTPTransport, hook: @escaping (Int) throws(TransportError) -> HTTPResponse?) {
        self.inner = inner
        self.hook = hook
    }

    var observer: (@Sendable (HTTPExchange) -> Void)? {
        get { inner.observer }
        set { inner.observer = newValue }
    }

    func send(_ request: HTTPRequest) throws(TransportError) -> HTTPResponse {
        if request.url.contains("/webhook_deliveries") {
            polls += 1
            if let answer = try hook(polls) { return answer }
        }
        return try inner.send(request)
    }
}
