import KapsoClient
import KopsShell
import KopsTestSupport
import Testing

/// tester53 T14 over loopback (demo simulator, faults on one kind of request with `path=`): a look-up of `health` that
/// the API does not answer is said as not read, never read as "no failed delivery", "no webhook" or "no inbound
/// message".
@Suite struct T14HealthUnreadLookUpsTests: PrintedLines {
    /// `health NUMBER` on the demo with `faults` set first (none when empty): status, stdout, stderr.
    static func health(_ number: String, faults: String) async throws -> Ran {
        try await withSimulator { fixture in
            let (shell, output) = try fixture.shell(phoneNumberID: number)
            if !faults.isEmpty { try fixture.setFaults(faults) }
            let status = shell.run(line: "health")
            return Ran(status: status.rawValue, out: output.out, err: output.err)
        }
    }

    @Test(arguments: ["100200300400501", "100200300400502"])
    func deliveriesNotReadAreNamedNotReadAsNoneFailing(_ number: String) async throws {
        let unread = try await Self.health(number, faults: "503:path=/webhook_deliveries")
        let line = Self.line("webhooks:", in: unread.out)
        #expect(line.contains("could not be read (the API failed (503)"), "\(line)")
        #expect(!line.contains("none fails now") && !line.contains("none active fails now"), "\(line)")
        #expect(!line.contains(" fails now:") && !line.contains(" fail now:"), "\(line)")
        // Deliveries not read are no pass, as a webhook list not read (tester53b U9).
        #expect(unread.status == 1, "\(unread.out)\n\(unread.err)")
    }

    @Test func aWebhookListNotReadIsSaidAndIsNoPass() async throws {
        let read = try await Self.health("100200300400501", faults: "")
        let unread = try await Self.health("100200300400501", faults: "503:path=/webhooks")
        #expect(!Self.line("webhooks:", in: read.out).isEmpty, "\(read.out)")
        let line = Self.line("webhooks:", in: unread.out)
        #expect(line.hasPrefix("webhooks: not read: the API failed (503)"), "\(line)")
        #expect(unread.status == 1, "\(unread.out)\n\(unread.err)")
    }

    /// Sales Line's webhook is not verified and it has inbound messages: a failed look-up of them gives neither
    /// reading as fact, and never "send a WhatsApp message" alone.
    @Test func inboundNotReadGivesBothReadings() async throws {
        let unread = try await Self.health("100200300400502", faults: "503:path=/messages")
        let lines = unread.out.split(separator: "\n").map(String.init)
        let cause = try #require(lines.first { $0.contains("Meta has not verified the webhook yet") }, "\(unread.out)")
        #expect(cause.contains("whether this number has received one could not be read (the API failed (503)"), "\(cause)")
        let fix = try #require(lines.first { $0.hasPrefix("  fix:   run 'health' again in a minute") }, "\(unread.out)")
        #expect(fix.contains("if one is, ask Kapso support"), "\(fix)")
        #expect(!unread.out.contains("fix:   send a WhatsApp message to this number, then run 'health' again"), "\(unread.out)")
    }
}
