import KapsoClient
import KopsShell
import KopsTestSupport
import Testing

/// tester62 AK11: lines cited bare sections of a document users do not have: `deliveries stats` said "marks the delivery
/// failed (§10.2)", `explain 'webhook 503 …'` "may be paused (active: false, §10.4)", `deliveries --event account_update`
/// "Kapso's events (§3.4) … (§10.1)". A source a user can read is a URL or a named public standard ("RFC 9110 section
/// 15.6.4"); no command output in the demo holds "§".
@Suite struct AK11NoSectionSignsTests {
    static let commands = [
        "set on_error continue", "numbers", "overview", "health", "webhooks", "webhooks check", "deliveries",
        "deliveries stats", "deliveries --errors", "deliveries --status failed --period 30d", "logs", "errors",
        "messages", "conversations", "trace", "templates", "state",
        "explain 'webhook 503 Service Unavailable'", "explain 'webhook 502 Bad Gateway'", "explain 131047",
        "explain '{\"status\": \"failed\", \"response_status\": 408}'", "explain 'HTTP 413'", "explain 'HTTP 414'",
        "deliveries --event messages", "deliveries --event account_update", "deliveries --event statuses",
        "use 100200300400502", "health", "webhooks check", "deliveries stats", "errors", "messages", "trace",
    ]

    @Test func noDemoOutputCitesASection() async throws {
        let (out, err) = try await withSimulator { fixture in
            let (shell, output) = try fixture.shell(phoneNumberID: "100200300400501")
            _ = ScriptRunner(path: "t.kops", source: Self.commands.joined(separator: "\n") + "\n").run(on: shell)
            return (output.out, output.err)
        }
        #expect(out.contains("pending after a failed attempt"), "deliveries stats' hint not printed: \(out)")
        #expect(err.contains("account_update"), "\(err)")
        for line in (out + err).split(separator: "\n") where line.contains("§") {
            Issue.record("a line cites a section: \(line)")
        }
    }

    /// A public standard is still cited, by name and section.
    @Test func anRFCIsCitedBySection() {
        let ran = OfflineShell.run("explain", "webhook 503 Service Unavailable")
        #expect(ran.out.contains("RFC 9110 section 15.6.4"), "\(ran.out)")
        #expect(!ran.out.contains("§"), "\(ran.out)")
    }
}
