import KapsoClient
import KopsHTTP
import KopsShell
import KopsTestSupport
import Testing

/// `deliveries --follow`: prints only deliveries created after it started; Ctrl-C ends it with a summary.
@Suite struct DeliveryFollowTests {
    static let failing = "5f6a7b8c-9d0e-4f1a-8b2c-4d5e6f7a8b92"

    /// What a follow printed and how long it would have waited before each request after the first (seconds; the
    /// waits are recorded, not slept).
    struct Followed {
        var status: Int32
        var out: String
        var err: String
        var waits: [Double]
    }

    /// Follows on a shell whose transport calls `hook` before each deliveries poll (1-based).
    private func follow(
        _ line: String, hook: @escaping @Sendable (SimulatorFixture, Int) throws(TransportError) -> HTTPResponse?
    ) async throws -> Followed {
        try await withSimulator { fixture in
            let transport = HookedTransport(inner: try CurlTransport(options: .init(connectTimeout: 2, timeout: 5, userAgent: "kops-tests"))) {
                poll throws(TransportError) in try hook(fixture, poll)
            }
            let client = KapsoClient(baseURL: fixture.baseURL, apiKey: Secret(fixture.apiKey), transport: transport)
            let context = ShellContext(
                session: Session(baseURL: client.baseURL, phoneNumberID: "100200300400502"), client: client, registry: .standard)
            var waits: [Double] = []
            context.pause = { waits.append($0) }
            let output = BufferOutput()
            let shell = Shell(context: context, renderer: Renderer(), output: output)
            let status = shell.run(line: line)
            return Followed(status: status.rawValue, out: output.out, err: output.err, waits: waits)
        }
    }

    /// A 429 answer with these headers.
    static func rateLimited(_ headers: [(String, String)]) -> HTTPResponse {
        HTTPResponse(status: 429, headers: headers, body: Array("{\"error\":\"Rate limit exceeded\"}".utf8))
    }

    @Test func printsADeliveryCreatedWhileFollowing() async throws {
        let ran = try await follow("deliveries --follow --interval 1 --max-polls 3") { fixture, poll in
            // Another client queues a test delivery between the first and second poll.
            if poll == 2 { try? fixture.client().testWebhook(Self.failing, event: nil) }
            return nil
        }
        #expect(ran.out == """
            TIME                  EVENT                      STATUS   HTTP  TRIES  LAST ATTEMPT          WEBHOOK
            2026-11-21T12:00:00Z  whatsapp.message.received  pending   500      1  2026-11-21T12:00:00Z  analytics.acme-demo.test/ingest/whatsapp
            
            """)
        // Its first attempt failed now; the retries wait for the simulator's clock (nothing stamped in its future).
        // The start is said off a terminal too, on stderr (probe43 P43-8: only the stop line was printed).
        #expect(ran.err == "following deliveries\nstopped after 3 polls: 1 new delivery (1 pending)\n")
        #expect(ran.status == 0)
    }

    @Test func printsNewDeliveriesAsNDJSONInJSONMode() async throws {
        let ran = try await follow("output json; deliveries --follow --interval 1 --max-polls 2") { fixture, poll in
            if poll == 2 { try? fixture.client().testWebhook(Self.failing, event: nil) }
            return nil
        }
        let lines = ran.out.split(separator: "\n")
        // Stops here (no crash on lines[0]) when a poll timed out under load.
        try #require(lines.count == 1, "\(ran.err)")
        #expect(try JSONValue.parse(String(lines[0]))["webhook_id"]?.string == Self.failing)
    }

    @Test func rateLimitWaitsForRetryAfterAndKeepsFollowing() async throws {
        let ran = try await follow("deliveries --follow --interval 1 --max-polls 3") { _, poll in
            poll == 2 ? Self.rateLimited([("Retry-After", "7")]) : nil
        }
        #expect(ran.err == "following deliveries\nrate limited (429); next poll in 7 s\nstopped after 3 polls (also 1 rate limited): 0 new deliveries\n")
        #expect(ran.waits == [1, 7, 1])
        #expect(ran.status == 0)
    }

    /// probe20 P20-3: `Retry-After: 0` or negative re-polled at once, ~1,300 requests a second with a line each; now
    /// every wait is at least the poll interval, a run of 429s says so once and counts the rest, the summary counts
    /// every request.
    @Test(arguments: ["0", "-5", "soon"])
    func rateLimitNeverWaitsLessThanTheInterval(retryAfter: String) async throws {
        let ran = try await follow("deliveries --follow --interval 2 --max-polls 2") { _, poll in
            // The first poll and four more are refused.
            poll <= 5 ? Self.rateLimited([("Retry-After", retryAfter)]) : nil
        }
        // `-5` and `soon` are no Retry-After (RFC 9110 §10.2.3: digits or a date): Kapso's own 60 s applies.
        let wait = retryAfter == "0" ? 2.0 : 60.0
        #expect(ran.waits == [wait, wait, wait, wait, wait, 2])
        let reason = retryAfter == "0" ? "Retry-After said 0 s; kops waits at least its poll interval" : "no Retry-After given"
        #expect(ran.err == """
            rate limited (429); next poll in \(Int(wait)) s (\(reason))
            the API answers again after 5 rate-limited polls
            following deliveries
            stopped after 2 polls (also 5 rate limited): 0 new deliveries

            """)
        #expect(ran.status == 0)
    }

    /// probe20 P20-3: an HTTP-date `Retry-After` (RFC 9110 §10.2.3) is read against the answer's `Date`; a long one
    /// is cut to 5 minutes, and the line says so.
    @Test func rateLimitReadsAnHTTPDateAndCapsTheWait() async throws {
        let ran = try await follow("deliveries --follow --interval 1 --max-polls 2") { _, poll in
            switch poll {
            case 2: Self.rateLimited([("Date", "Wed, 02 Dec 2026 06:00:00 GMT"), ("Retry-After", "Wed, 02 Dec 2026 06:00:42 GMT")])
            case 3: Self.rateLimited([("Date", "Wed, 02 Dec 2026 06:00:00 GMT"), ("Retry-After", "Wed, 02 Dec 2026 08:00:00 GMT")])
            default: nil
            }
        }
        #expect(ran.waits == [1, 42, 300])
        #expect(ran.err.hasPrefix("following deliveries\nrate limited (429); next poll in 42 s\n"))
        #expect(ran.err.contains("the API answers again after 2 rate-limited polls\n"))
    }

    /// probe20 P20-3: `--interval 0` polled 1,100-1,400 times a second; under a second is refused with one line.
    @Test(arguments: ["0", "0.5", "-1"])
    func intervalUnderASecondIsRefused(interval: String) async throws {
        let ran = try await follow("deliveries --follow --interval \(interval)") { _, _ in nil }
        #expect(ran.err == "error: deliveries: invalid value for --interval '\(interval)'; expected seconds from 1 to 3600 "
            + "(a poll a second already spends 60 of the 100 requests a minute Kapso's free plan allows)\n")
        #expect(ran.status == 64)
        #expect(ran.waits == [])
    }

    /// A new delivery whose fields carry the API key, a bearer token and a secret-named field: masked in
    /// every form `--follow` prints.
    @Test(arguments: ["table", "expanded", "json"])
    func followedDeliveriesShowNoSecret(mode: String) async throws {
        let ran = try await follow("output \(mode); deliveries --follow --interval 1 --max-polls 2") { fixture, poll in
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

    /// A page holding these deliveries of the failing webhook, each `(id, status, attempts, HTTP status)`.
    static func page(_ deliveries: [(String, String, Int, Int)]) -> HTTPResponse {
        let data = deliveries.map { id, status, attempts, http -> JSONValue in
            [
                "id": .string(id), "event": "whatsapp.message.received", "status": .string(status),
                "attempt_count": .number("\(attempts)"), "response_status": .number("\(http)"),
                "created_at": "2026-11-21T12:00:00Z", "last_attempt_at": "2026-11-21T12:00:10Z", "webhook_id": .string(failing),
                "webhook_url": "https://analytics.acme-demo.test/ingest/whatsapp",
            ]
        }
        let body = JSONValue.object(["data": .array(data), "paging": ["next": .null]]).serialized()
        return HTTPResponse(status: 200, headers: [("Content-Type", "application/json")], body: Array(body.utf8))
    }

    /// probe20 P20-10: a delivery was printed once, when first seen; its retry that succeeded never showed and the
    /// summary still called it pending. Now a change of status or attempts prints it again, for a delivery that came
    /// while following and for one that was there before, and the summary counts latest statuses.
    @Test func aDeliveryWhoseStatusChangesIsShownAgain() async throws {
        let (new, old) = ("7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c01", "7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c02")
        let ran = try await follow("output json; deliveries --follow --interval 1 --max-polls 5") { _, poll in
            switch poll {
            case 1: Self.page([(old, "pending", 1, 500)])
            case 2, 3: Self.page([(new, "pending", 1, 500), (old, "pending", 1, 500)])
            case 4: Self.page([(new, "delivered", 2, 200), (old, "pending", 1, 500)])
            default: Self.page([(new, "delivered", 2, 200), (old, "failed", 4, 500)])
            }
        }
        let rows = try ran.out.split(separator: "\n").map { try JSONValue.parse(String($0)) }
        let seen = rows.map { "\($0["id"]?.string == new ? "new" : "old") \($0["status"]?.string ?? "?") \($0["attempt_count"]?.int ?? 0)" }
        #expect(seen == ["new pending 1", "new delivered 2", "old failed 4"])
        #expect(ran.err.hasSuffix("\nstopped after 5 polls: 1 new delivery (1 delivered); 2 updates\n"), "\(ran.err)")
    }

    /// A 503 answer as Kapso's load balancer gives during a deploy.
    static let unavailable = HTTPResponse(
        status: 503, headers: [("Content-Type", "application/json")], body: Array("{\"error\":\"Service Unavailable\"}".utf8))

    /// probe20 P20-6: one 503 or a reset ended the follow (rc 1 or 69) with no summary; now a transient failure is
    /// retried with a doubling wait, said once, and counted.
    @Test func aTransientFailureIsRetriedWithBackOff() async throws {
        let ran = try await follow("deliveries --follow --interval 1 --max-polls 3") { fixture, poll throws(TransportError) in
            switch poll {
            case 2:
                // The simulator's own fault: one 503, then healthy again.
                try? fixture.setFaults("503:times=1")
                return nil
            case 3: throw .protocolError(host: "127.0.0.1", detail: "Recv failure: Connection reset by peer")
            default: return nil
            }
        }
        #expect(ran.err == """
            following deliveries
            poll failed: the API failed (503); polling again in 1 s, waiting longer after each failure (up to 60 s), giving up after 10 in a row
            the API answers again after 2 failed polls
            stopped after 3 polls (also 2 failed): 0 new deliveries

            """)
        #expect(ran.waits == [1, 1, 2, 1])
        #expect(ran.status == 0)
    }

    /// probe20 P20-6: a bounded retry: after 10 failures in a row the follow ends, with its summary and then the error.
    @Test func tenFailuresInARowGiveUpWithTheSummary() async throws {
        let ran = try await follow("deliveries --follow --interval 1") { _, poll in poll >= 2 ? Self.unavailable : nil }
        #expect(ran.waits == [1, 1, 2, 4, 8, 16, 32, 60, 60, 60])
        let lines = ran.err.split(separator: "\n")
        #expect(lines.count == 5, "\(ran.err)")
        #expect(lines.first == "following deliveries")
        #expect(lines.dropFirst(2).first == "giving up: 10 polls in a row failed")
        #expect(lines.dropFirst(3).first == "stopped after 1 poll (also 10 failed): 0 new deliveries")
        #expect(lines.last?.hasPrefix("error: the API failed (503): Service Unavailable") == true)
        #expect(ran.status == 1)
    }

    /// Whatever ends a follow that started, the summary comes first: one a retry cannot fix (a rejected key) ends it at
    /// once. A failure before any answer (a set-up's, not an outage) ends it too, with no "stopped after 0 polls" above
    /// its error: nothing was followed (tester53b U11).
    @Test(arguments: [1, 3])
    func anErrorThatEndsTheFollowComesAfterTheSummary(poll failing: Int) async throws {
        let ran = try await follow("deliveries --follow --interval 1") { _, poll in
            guard poll == failing else { return nil }
            return failing == 1 ? Self.unavailable : HTTPResponse(status: 401, headers: [], body: Array("{\"error\":\"Invalid API key\"}".utf8))
        }
        let polls = "2 polls"
        // Started only once a poll was answered.
        let start = failing == 1 ? "" : "following deliveries\n"
        let closing = failing == 1 ? "" : "stopped after \(polls): 0 new deliveries\n"
        #expect(ran.err.hasPrefix("\(start)\(closing)error: "), "\(ran.err)")
        #expect(ran.err.split(separator: "\n").count == (failing == 1 ? 1 : 3))
        #expect(ran.status == (failing == 1 ? 1 : 77))
    }

    /// The default wait between polls (after a 429 up to 5 min) ends within a moment of Ctrl-C: `Thread.sleep` alone
    /// slept on through the signal, so Ctrl-C took effect only when the wait was over (probe20 P20-3).
    @Test func aWaitEndsSoonAfterCtrlC() {
        let client = KapsoClient(baseURL: "http://127.0.0.1:9", apiKey: Secret("sk_test_k"), transport: StubTransport([]))
        let context = ShellContext(session: Session(baseURL: client.baseURL), client: client, registry: .standard)
        var reads = 0
        // Ctrl-C is pressed a few reads into the wait.
        context.interruptPresses = {
            reads += 1
            return reads > 3 ? 1 : 0
        }
        let start = ContinuousClock.now
        context.pause(20)
        #expect(ContinuousClock.now - start < .seconds(2))
    }

    @Test func ctrlCStopsWithASummary() async throws {
        let ran = try await follow("deliveries --follow --interval 1") { _, poll throws(TransportError) in
            if poll == 3 { throw .cancelled(sent: true) }
            return nil
        }
        #expect(ran.out == "")
        #expect(ran.err == "following deliveries\nstopped after 2 polls: 0 new deliveries\n")
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
