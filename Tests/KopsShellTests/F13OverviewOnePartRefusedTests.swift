import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// tester70 F13, F14: `overview` printed nothing but one error when one number's health answered 404 (a number Meta
/// dropped but still in Kapso's list) or one endpoint answered 403/422 (a key without access to one resource), while a
/// 503 on the same call left the rest of the page; and it called any 4xx on the message list "rate limits" with "run …
/// in a minute". A part refused with a 4xx is now that part not read, named with its status; the rest is shown.
/// Seed `webhook-story.seed.json`: Sales Line (…0502) and Support Line (…0501).
@Suite struct F13OverviewOnePartRefusedTests {
    static func run(_ line: String, faults: String) async throws -> (failed: Bool, out: String, err: String) {
        try await withSimulator(seed: TestSeeds.file("webhook-story.seed.json")) { fixture in
            let (shell, output) = try fixture.shell()
            try fixture.setFaults(faults)
            let outcome = ScriptRunner(path: "t.kops", source: line + "\n").run(on: shell)
            return (outcome.failedLines == [1], output.out, output.err)
        }
    }

    @Test func oneNumbersHealth404LeavesTheRestOfThePage() async throws {
        let ran = try await Self.run("overview", faults: "404:path=/100200300400502/health")
        let all = ran.out + ran.err
        #expect(ran.failed, "\(all)")
        // The other number's row, the deliveries and the messages are still read.
        #expect(ran.out.contains("100200300400501"), "\(all)")
        #expect(ran.out.contains("deliveries (24h):"), "\(all)")
        #expect(ran.out.contains("messages (24h):"), "\(all)")
        #expect(ran.out.contains("removed or disconnected at Meta?"), "\(all)")
        #expect(ran.err.contains("not read (API refused: 404): health of Sales Line (100200300400502)"), "\(ran.err)")
        #expect(!all.contains("rate limits"), "\(all)")
    }

    @Test(arguments: [
        ("403:path=/webhook_deliveries", "deliveries (24h)", "403"), ("422:path=/api_logs", "API calls (24h)", "422"),
        ("404:path=/whatsapp/messages", "messages (24h)", "404"), ("400:path=/whatsapp/messages", "messages (24h)", "400"),
    ])
    func anEndpointRefusedIsThatPartNotRead(faults: String, part: String, status: String) async throws {
        let ran = try await Self.run("overview", faults: faults)
        let all = ran.out + ran.err
        #expect(ran.failed, "\(all)")
        #expect(ran.out.contains("100200300400501") && ran.out.contains("100200300400502"), "\(all)")
        #expect(ran.err.contains("not read (API refused: \(status)): \(part)"), "\(ran.err)")
        // Neither a rate limit nor something that passes by waiting.
        #expect(!all.contains("rate limits") && !all.contains("in a minute"), "\(all)")
    }

    @Test func aRejectedKeyStillFailsTheWholeOverview() async throws {
        let ran = try await Self.run("overview", faults: "401:path=/api_logs")
        #expect(ran.failed && ran.err.contains("401"), "\(ran.out)\(ran.err)")
    }

    @Test func healthsOwn404DoesNotSendTheUserToHealth() async throws {
        let ran = try await Self.run("health 100200300400502", faults: "404:path=/100200300400502/health")
        #expect(ran.failed, "\(ran.out)\(ran.err)")
        #expect(ran.err.contains("is in this project's list of numbers, yet this call answered 404"), "\(ran.err)")
        #expect(!ran.err.contains("'health' show"), "\(ran.err)")
    }
}
