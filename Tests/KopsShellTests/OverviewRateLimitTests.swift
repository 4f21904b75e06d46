import Foundation
import KapsoClient
import KopsHTTP
import KopsShell
import KopsTestSupport
import Testing

/// A GET answered 429 with a `Retry-After` of 1 to 2 s is sent once more (`KapsoClient.shortRateLimitWait`); when the
/// second answer is 429 too, `overview` failed whole before, for one part it could not read. It now shows every part
/// it read, one line for each part answered 429 with the command that reads it, and never `0` or `ok` for that part.
@Suite struct OverviewRateLimitTests {
    static let limited = HTTPResponse(
        status: 429, headers: [("Retry-After", "1")], body: Array(#"{"error":"Rate limit exceeded"}"#.utf8))

    /// `overview` on the demo seed with requests whose URL holds a key of `failing` answered 429 each time, and the
    /// simulator's own faults (`faults`, as `kapso-sim --faults` takes them).
    static func overview(
        failing: [String], faults: String? = nil, answer: HTTPResponse = limited
    ) async throws -> (status: KopsShell.ExitStatus, out: String, err: String) {
        try await withSimulator { fixture in
            let (shell, output) = try fixture.shell()
            shell.context.now = { 1_795_262_400 }
            let transport = PartlyFailingTransport(
                wrapping: try CurlTransport(options: .init(connectTimeout: 2, timeout: 5, userAgent: "kops-tests")),
                failures: Dictionary(uniqueKeysWithValues: failing.map { ($0, .success(answer)) }))
            shell.context.client = KapsoClient(baseURL: fixture.baseURL, apiKey: Secret(fixture.apiKey), transport: transport)
            if let faults { try fixture.setFaults(faults) }
            let status = shell.run(line: "overview")
            return (status, output.out, output.err)
        }
    }

    static func row(_ id: String, in out: String) -> String {
        out.split(separator: "\n").first { $0.hasPrefix(id) }.map(String.init) ?? ""
    }

    /// The Support Line's health answered 429 twice: its row says it was not read (no `healthy`, no `ok`), its line names
    /// the command to run, the Sales Line and the period's counts are shown, and overview exits 1 (it cannot say the
    /// project is healthy).
    @Test func aNumbersHealthAnswered429TwiceIsNamedAndTheRestShown() async throws {
        let ran = try await Self.overview(failing: ["/phone_numbers/100200300400501/health"])
        #expect(ran.status == .failure)
        #expect(ran.err.isEmpty || !ran.err.contains("error:"), "\(ran.err)")
        let support = Self.row("100200300400501", in: ran.out)
        #expect(support.contains("not read") && !support.contains("healthy") && !support.hasSuffix(" ok"), "\(ran.out)")
        #expect(Self.row("100200300400502", in: ran.out).contains("degraded  needs attention: messaging_health"), "\(ran.out)")
        #expect(ran.out.contains(" total, 48 failed (kops's own calls noted in its state folder not counted)\ndeliveries (24h): 2 total, 0 failed"), "\(ran.out)")
        #expect(ran.out.contains(
            "\nhealth of Support Line (100200300400501): rate-limited (429) twice; run 'health 100200300400501' in a minute\n"),
            "\(ran.out)")
        #expect(ran.out.contains("use 100200300400502; health          # Sales Line is degraded"), "\(ran.out)")
    }

    /// The API logs answered 429 twice: no `0 total`, the line names `logs`; the numbers and deliveries are shown.
    @Test func theAPILogsAnswered429TwiceAreNotCountedAsNone() async throws {
        let ran = try await Self.overview(failing: ["/api_logs"])
        #expect(ran.out.contains("API calls (24h):  not read (rate-limited, 429: see below)"), "\(ran.out)")
        #expect(!ran.out.contains("0 total, 0 failed\nd"), "\(ran.out)")
        #expect(ran.out.contains("\nAPI calls (24h): rate-limited (429) twice; run 'logs --period 24h' in a minute\n"), "\(ran.out)")
        #expect(ran.out.contains("deliveries (24h): 2 total, 0 failed, 1 pending after a failed attempt"), "\(ran.out)")
        #expect(Self.row("100200300400501", in: ran.out).hasSuffix("healthy   ok"), "\(ran.out)")
    }

    /// The webhooks list answered 429 twice: no number is said to have its webhooks fine (`ok` alone) or blocked, no
    /// webhook is judged; the line names `webhooks check`.
    @Test func theWebhooksAnswered429TwiceAreJudgedNowhere() async throws {
        let ran = try await Self.overview(failing: ["/whatsapp/webhooks"])
        #expect(ran.status == .failure)
        #expect(Self.row("100200300400501", in: ran.out).hasSuffix("ok by Kapso's checks; its webhooks not read (429)"), "\(ran.out)")
        #expect(ran.out.contains("\nwebhooks: rate-limited (429) twice; run 'webhooks check' in a minute\n"), "\(ran.out)")
        #expect(!ran.out.contains("webhooks missed"), "\(ran.out)")
        #expect(!ran.out.contains("stuck in pending"), "\(ran.out)")
    }

    /// The simulator's own persistent 429 (`429:times=2`: the numbers list and its one retry): no numbers were read,
    /// which is not "this key's project has no phone numbers"; the rest of the overview is shown and it exits 1.
    @Test func theNumbersListAnswered429TwiceByTheSimulatorIsNoEmptyProject() async throws {
        let ran = try await Self.overview(failing: [], faults: "429:times=2")
        #expect(ran.status == .failure)
        #expect(!ran.out.contains("no phone numbers"), "\(ran.out)")
        #expect(!ran.out.contains("nothing to fix"), "\(ran.out)")
        #expect(ran.out.contains("\nphone numbers: rate-limited (429) twice; run 'numbers' in a minute\n"), "\(ran.out)")
        #expect(ran.out.hasPrefix("API calls (24h):  "), "no table of no numbers: \(ran.out)")
    }

    /// Fix48's L12 note: one part answered 503 (after the client's retries) failed the whole overview; it is now named on
    /// its line with its status, like a 429, and the rest is shown.
    @Test func aPartAnswered503IsNamedAndTheRestShown() async throws {
        let unavailable = HTTPResponse(status: 503, headers: [], body: Array(#"{"error":"Service Unavailable"}"#.utf8))
        let ran = try await Self.overview(failing: ["/phone_numbers/100200300400501/health"], answer: unavailable)
        #expect(ran.status == .failure, "\(ran.err)")
        #expect(Self.row("100200300400502", in: ran.out).contains("Sales Line"), "\(ran.out)")
        let row = Self.row("100200300400501", in: ran.out)
        #expect(row.contains("not read") && !row.contains("healthy") && !row.contains("429"), "\(ran.out)")
        #expect(ran.out.contains("health of Support Line (100200300400501): ") && ran.out.contains("run 'health 100200300400501'"),
            "\(ran.out)")
        #expect(ran.out.contains("API calls (24h):"), "\(ran.out)")
    }
}
