import KapsoClient
import KopsShell
import KopsTestSupport
import Testing

/// fixD's leftover (fix58D item 5): `logs --errors` reads the project's webhooks (to name a webhook id used in a failed
/// path) and said nothing when that list could not be read, as if every id had been judged; `logs`' meanings the same.
/// Now the list not read is named in one `not read:` line, as `errors` and `webhooks check` name a part not read, and the
/// command fails for it. Demo, Support Line selected.
@Suite struct LogsErrorsUnreadListsTests {
    static func logs(_ command: String, faults: String) async throws -> (failed: Bool, out: String) {
        try await withSimulator { fixture in
            let (shell, output) = try fixture.shell()
            try fixture.setFaults(faults)
            let outcome = ScriptRunner(path: "t.kops", source: "use 100200300400501\n\(command)\n").run(on: shell)
            return (outcome.failedLines == [2], output.out)
        }
    }

    @Test(arguments: ["503", "html", "truncate"], ["logs --errors", "logs --errors --flat"])
    func theWebhooksListNotReadIsNamed(fault: String, command: String) async throws {
        let ran = try await Self.logs(command, faults: "\(fault):path=/whatsapp/webhooks")
        #expect(ran.failed, "\(ran.out)")
        let notRead = ran.out.split(separator: "\n").filter { $0.hasPrefix("not read: ") }
        #expect(notRead.count == 1, "\(ran.out)")
        #expect(notRead.first?.hasPrefix("not read: the project's webhooks (") == true, "\(ran.out)")
        #expect(notRead.first?.hasSuffix("): which webhook a failed path names is not said") == true, "\(ran.out)")
    }

    @Test func allReadNamesNothing() async throws {
        let ran = try await Self.logs("logs --errors", faults: "")
        #expect(!ran.failed, "\(ran.out)")
        #expect(!ran.out.contains("not read:"), "\(ran.out)")
    }
}
