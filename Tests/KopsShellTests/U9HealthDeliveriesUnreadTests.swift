import KapsoClient
import KopsShell
import KopsTestSupport
import Testing

/// tester53b U9 and U22 over loopback (demo simulator, Support Line: 2 active webhooks and a paused one): `health` whose
/// webhook deliveries could not be read is no pass. It fails as a failed webhook list does, names the webhooks not read,
/// says so in `.kops` of its JSON, and keeps the paused webhook's note, which the list alone tells.
@Suite struct U9HealthDeliveriesUnreadTests {
    static let number = "100200300400501"

    /// `health` of the Support Line as a script with `faults` set first: whether line `line` (the health) failed, and
    /// what was printed.
    static func health(faults: String, json: Bool = false) async throws -> (failed: Bool, out: String, err: String) {
        try await withSimulator { fixture in
            let (shell, output) = try fixture.shell()
            try fixture.setFaults(faults)
            let source = "use \(number)\n" + (json ? "output json\n" : "") + "health\n"
            let outcome = ScriptRunner(path: "t.kops", source: source).run(on: shell)
            return (outcome.failedLines == [json ? 3 : 2], output.out, output.err)
        }
    }

    @Test func deliveriesNotReadFailLikeAListNotRead() async throws {
        let deliveries = try await Self.health(faults: "503:path=/webhook_deliveries")
        let list = try await Self.health(faults: "503:path=/webhooks")
        let all = deliveries.out + deliveries.err
        #expect(list.failed, "\(list.out)\(list.err)")
        #expect(deliveries.failed, "\(all)")
        #expect(all.contains("\(Self.number): the deliveries of all 3 ("), "\(all)")
        #expect(all.contains("run 'health' again in a minute"), "\(all)")
        // tester55b Y12: the first line says what the exit and the JSON say, and the failed list's does too.
        #expect(deliveries.out.contains("\(Self.number): healthy by Kapso's checks; not read: webhook deliveries (checked "), "\(deliveries.out)")
        #expect(list.out.contains("\(Self.number): healthy by Kapso's checks; not read: webhooks (checked "), "\(list.out)")
    }

    @Test func theJSONReadingNamesWhatWasNotRead() async throws {
        let ran = try await Self.health(faults: "503:path=/webhook_deliveries", json: true)
        // After `use`'s text line, the health as JSON.
        let json = try JSONValue.parse(Array(ran.out.drop { $0 != "{" }.utf8))
        let kops = json["kops"]
        #expect(kops?["status"]?.string == "not_read", "\(ran.out)")
        #expect(kops?["not_known"]?.array?.compactMap(\.string) == ["webhook deliveries"], "\(ran.out)")
        #expect(kops?["summary"]?.string != "healthy", "\(ran.out)")
    }

    /// U22: every webhook not read is named by its URL, and the paused one stays said paused.
    @Test func theUnreadAreNamedAndThePauseKept() async throws {
        let ran = try await Self.health(faults: "503:path=/webhook_deliveries")
        let line = ran.out.split(separator: "\n").first { $0.hasPrefix("webhooks:") }.map(String.init) ?? ""
        for url in ["hooks.acme-demo.test/kapso/whatsapp", "ops.acme-demo.test/kapso/conversations", "legacy.acme-demo.test/meta-forward"] {
            #expect(line.contains(url), "\(line)")
        }
        #expect(line.contains("ops.acme-demo.test/kapso/conversations is paused (active: false"), "\(line)")
    }

    /// U22: one look-up failed (whichever it was): it is named, and the pause is said whatever was read; the paused
    /// webhook's is named as the paused one's (tester55b Y9).
    @Test func oneUnreadIsNamed() async throws {
        let ran = try await Self.health(faults: "503:path=/webhook_deliveries:times=1")
        let line = ran.out.split(separator: "\n").first { $0.hasPrefix("webhooks:") }.map(String.init) ?? ""
        let named = ["hooks.acme-demo.test/kapso/whatsapp", "legacy.acme-demo.test/meta-forward"]
            .filter { line.contains("the deliveries of \($0) could not be read") }
        let paused = line.contains("the deliveries not read are only the paused one's (ops.acme-demo.test/kapso/conversations;")
        #expect(named.count + (paused ? 1 : 0) == 1, "\(line)")
        #expect(paused || line.contains("none of the other 2 fails now"), "\(line)")
        #expect(line.contains("ops.acme-demo.test/kapso/conversations is paused"), "\(line)")
    }
}
