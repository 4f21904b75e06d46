import KapsoDiagnostics
import KopsShell
import KopsTestSupport
import Testing

/// tester64 T12 and tester64b U12, the cheap corners: a WAMID with its dot percent-encoded (`wamid%2E…`), Java 11's
/// HttpClient timeout, `--jsonl`, and `--limit`'s page size with `--all` in the help.
@Suite struct T12U12CornersTests {
    private func run(_ line: String) -> BufferOutput {
        let offline = OfflineShell()
        offline.shell.run(line: line)
        #expect(offline.transport.requests.isEmpty)
        return offline.output
    }

    @Test func aPercentEncodedDotIsDecoded() {
        let id = "wamid.HBgLMTQxNTU1NTAxNTcVAgASGBRCOTRFMkQ3QTE2QzAzRjU4RTkyMgA="
        #expect(WAMID.canonical("wamid%2EHBgLMTQxNTU1NTAxNTcVAgASGBRCOTRFMkQ3QTE2QzAzRjU4RTkyMgA%3D") == .success(id))
        #expect(WAMID.canonical("wamid%2eHBgLMTQxNTU1NTAxNTcVAgASGBRCOTRFMkQ3QTE2QzAzRjU4RTkyMgA=") == .success(id))
        #expect((try? WAMID.lookups("wamid%2EHBgLMTQxNTU1NTAxNTcVAgASGBRCOTRFMkQ3QTE2QzAzRjU4RTkyMgA%3D").get())?.first == id)
    }

    @Test func javaHttpClientsTimeoutIsATimeout() {
        let output = run("explain 'java.net.http.HttpTimeoutException: request timed out'")
        #expect(!output.err.contains("invalid error code"), "\(output.err)")
        #expect(output.out.contains("Java HttpClient"), "\(output.out)")
    }

    @Test func jsonlNamesOutputJSON() {
        #expect(run("errors --jsonl").err == "error: errors: unknown flag '--jsonl'; did you mean '--output json'?\n")
    }

    @Test func helpSaysThePageSizeWithAll() {
        #expect(run("help messages").out.contains("messages per page (1-100, default 20; 100 with"))
    }
}

/// tester64b U12 (AN12 neighbour): `help messages --all` answered "help: unknown flag '--all'; see 'help help'"; a flag
/// after the command's name is read as a word of its page, which holds it.
@Suite struct U12HelpWithAFlagTests {
    @Test func theFlagsPageIsShown() {
        let offline = OfflineShell()
        offline.shell.run(line: "help messages --all")
        #expect(offline.output.out.contains("usage: messages"), "\(offline.output.out)")
        #expect(offline.output.err.isEmpty, "\(offline.output.err)")
        let unknown = OfflineShell()
        unknown.shell.run(line: "help --all")
        #expect(unknown.output.err.contains("help: unknown flag '--all'"), "\(unknown.output.err)")
    }
}
