import KapsoClient
import KopsShell
import KopsTestSupport
import Testing

/// fix58D (lead's review, item 5): `errors` printed only "error: the API failed (503) … retry" when one of its lists (the
/// messages, the API log or the delivery log) failed, dropping the failures the others had read; and a project list that
/// failed (the webhooks) dropped each webhook's state now without a word. Now what was read is shown, the part not read is
/// named once with what it leaves out, and the command fails for it. Demo, Support Line selected.
@Suite struct ErrorsPartialReadTests {
    /// `errors` as a script, with `faults` set first: whether its line failed, and what was printed.
    static func errors(faults: String, json: Bool = false) async throws -> (failed: Bool, out: String, err: String) {
        try await withSimulator { fixture in
            let (shell, output) = try fixture.shell()
            try fixture.setFaults(faults)
            let source = "use 100200300400501\n" + (json ? "output json\n" : "") + "errors\n"
            let outcome = ScriptRunner(path: "t.kops", source: source).run(on: shell)
            return (outcome.failedLines == [json ? 3 : 2], output.out, output.err)
        }
    }

    /// The SOURCE words of the table's rows (`api`, `webhook`, `message`).
    static func sources(_ out: String) -> Set<String> {
        Set(out.split(separator: "\n").compactMap { line in
            let words = line.split(separator: " ")
            return words.count > 2 && Int(words[0]) != nil ? String(words[1]) : nil
        })
    }

    @Test(arguments: [
        ("503:path=/api_logs", "API calls", "api", ["webhook", "message"]),
        ("503:path=/webhook_deliveries", "deliveries", "webhook", ["api", "message"]),
        ("503:path=/whatsapp/messages", "messages", "message", ["api", "webhook"]),
    ])
    func oneListNotReadKeepsTheOthers(faults: String, part: String, lost: String, kept: [String]) async throws {
        let ran = try await Self.errors(faults: faults)
        #expect(ran.failed, "\(ran.out)\(ran.err)")
        #expect(!ran.err.contains("error: the API failed"), "\(ran.err)")
        let shown = Self.sources(ran.out)
        #expect(Set(kept).isSubset(of: shown) && !shown.contains(lost), "\(shown): \(ran.out)")
        let notRead = ran.out.split(separator: "\n").filter { $0.hasPrefix("not read: ") }
        #expect(notRead == ["not read: \(part) (the API failed (503): Service Unavailable (simulated fault); retry, and check "
            + "Kapso's status if it persists): their failures are not listed; run it again in a minute"], "\(ran.out)")
    }

    @Test func theWebhooksListNotReadIsNamed() async throws {
        let ran = try await Self.errors(faults: "503:path=/whatsapp/webhooks")
        #expect(ran.failed, "\(ran.out)\(ran.err)")
        #expect(Self.sources(ran.out).isSuperset(of: ["api", "webhook", "message"]), "\(ran.out)")
        let notRead = ran.out.split(separator: "\n").filter { $0.hasPrefix("not read: ") }
        #expect(notRead.count == 1, "\(ran.out)")
        #expect(notRead.first?.hasPrefix("not read: the project's webhooks (the API failed (503)") == true, "\(ran.out)")
        #expect(notRead.first?.hasSuffix("whether each webhook with failed deliveries fails now is not said, nor which webhook a failed path names") == true)
    }

    @Test func theJSONNamesThePartNotRead() async throws {
        let ran = try await Self.errors(faults: "503:path=/api_logs", json: true)
        #expect(ran.failed, "\(ran.err)")
        let json = try JSONValue.parse(Array(ran.out.drop { $0 != "{" }.utf8))
        let parts = json["not_read"]?.array ?? []
        #expect(parts.compactMap { $0["part"]?.string } == ["API calls"], "\(ran.out)")
        #expect(parts.first?["why"]?.string?.hasPrefix("the API failed (503)") == true, "\(ran.out)")
        let groups = json["groups"]?.array ?? []
        #expect(groups.count > 0, "the groups read are kept")
    }
}
