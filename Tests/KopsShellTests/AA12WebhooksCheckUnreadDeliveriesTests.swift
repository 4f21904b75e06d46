import KapsoClient
import KopsShell
import KopsTestSupport
import Testing

/// tester56b AA12: `webhooks check` printed only "error: the API failed (503) … retry" when its one read of the delivery
/// log failed, dropping every finding that needs no delivery (demo, Support Line: the project webhook subscribed to
/// message events, never delivered; the paused webhook). Now the configuration's findings are printed, the webhooks whose
/// deliveries could not be read are named with why, and the command fails for that part.
@Suite struct AA12WebhooksCheckUnreadDeliveriesTests {
    static let number = "100200300400501"

    /// `webhooks check` of the Support Line as a script, with `faults` set first: whether its line failed, and what was printed.
    static func check(faults: String, json: Bool = false) async throws -> (failed: Bool, out: String, err: String) {
        try await withSimulator { fixture in
            let (shell, output) = try fixture.shell()
            try fixture.setFaults(faults)
            let source = "use \(number)\n" + (json ? "output json\n" : "") + "webhooks check\n"
            let outcome = ScriptRunner(path: "t.kops", source: source).run(on: shell)
            return (outcome.failedLines == [json ? 3 : 2], output.out, output.err)
        }
    }

    @Test func theFindingsThatNeedNoDeliveryArePrinted() async throws {
        let ran = try await Self.check(faults: "503:path=/webhook_deliveries:times=1")
        #expect(ran.failed, "\(ran.out)\(ran.err)")
        // The project webhook subscribed to message events: read from its configuration alone.
        #expect(ran.out.contains("3d4e5f6a-7b8c-4d9e-8f0a-2b3c4d5e6f70 (https://crm.acme-demo.test/kapso/events): project-scoped but subscribed to"), "\(ran.out)")
        // The paused webhook: said paused, its cause not guessed.
        let paused = ran.out.split(separator: "\n").first { $0.contains("1b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e") && $0.contains("paused (active: false)") }
        #expect(paused?.contains("its deliveries could not be read (the API failed (503)") == true, "\(ran.out)")
        // The webhooks not read are named, with why; nothing is judged on no deliveries.
        #expect(ran.out.contains("not read: the deliveries of 4 webhooks, "), "\(ran.out)")
        #expect(ran.out.contains("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d (https://hooks.acme-demo.test/kapso/whatsapp)"), "\(ran.out)")
        #expect(ran.out.contains("run 'webhooks check' again in a minute"), "\(ran.out)")
        #expect(ran.out.contains("checked 4 webhooks: ") && ran.out.contains("; deliveries not read"), "\(ran.out)")
        for judged in ["no delivery logged", "deliveries failed", "still pending"] {
            #expect(!ran.out.contains(judged), "judged on deliveries not read: \(ran.out)")
        }
        #expect(!ran.err.contains("error: the API failed"), "\(ran.err)")
    }

    @Test func theJSONNamesTheWebhooksNotRead() async throws {
        let ran = try await Self.check(faults: "503:path=/webhook_deliveries", json: true)
        #expect(ran.failed, "\(ran.err)")
        let json = try JSONValue.parse(Array(ran.out.drop { $0 != "{" }.utf8))
        let unread = json["deliveries_not_read"]?.array ?? []
        #expect(unread.count == 4, "\(ran.out)")
        #expect(unread.first?["why"]?.string?.hasPrefix("the API failed (503)") == true, "\(ran.out)")
        #expect((json["findings"]?.array?.count ?? 0) >= 2, "\(ran.out)")
    }

    /// Without a fault every webhook's deliveries are read: nothing is named as not read.
    @Test func allReadNamesNothing() async throws {
        let ran = try await Self.check(faults: "")
        #expect(!ran.out.contains("not read:"), "\(ran.out)")
        #expect(ran.out.contains("no delivery logged"), "\(ran.out)")
    }
}
