import KopsShell
import KopsTestSupport
import Testing

/// probe36 P36-5, probe37 P37-18 and P37-20: at the prompt and in piped input, `reply … Good news; tax included` sent
/// "Good news" and then failed on `tax` (a `;` ends a command), and a `|` in a reply's text was met with a shell line
/// that would send the words before it. Now a line of several commands is checked whole before any of it runs, a
/// failing command after a send is named as text the `;` cut off, and an operator in a send's text is met with quoting.
@Suite struct SemicolonCutTests {
    static let to = "reply --to +14155550142"

    @Test(arguments: [
        ("\(to) Good news; tax included in the price", "tax included in the price", "unknown command 'tax'"),
        ("\(to) --dry-run Hi Dana; your order ships today", "your order ships today", "unknown command 'your'"),
        ("\(to) Thanks; state is fine now", "state is fine now", "state: unexpected argument 'is'"),
        ("\(to) Hi; we can; numbers", "we can; numbers", "unknown command 'we'"),
    ])
    func aSendCutByASemicolonIsRefusedBeforeAnythingIsSent(line: String, rest: String, reason: String) async throws {
        let ran = try await runDemo(
            ["use 100200300400501", "messages --limit 1", line, "messages --limit 1"], interactive: true, confirm: { _ in true }
        ).dropFirst()
        #expect(ran[2].status == 64, "\(ran[2].err)")
        #expect(
            ran[2].err.contains(
                "error: reply: ';' ends a command, so '\(rest)' was cut off and would run as a command of its own (\(reason)); "
                    + "quote the whole text (\"…; \(rest)\") or write \\; for a ';'; nothing was sent"), "\(ran[2].err)")
        #expect(ran[2].out.isEmpty, "nothing ran: \(ran[2].out)")
        #expect(ran[3].out == ran[1].out, "nothing was sent: the newest message is the one before the line")
    }

    /// A script (and `-c`) checked before its first line names the same cut.
    @Test func aScriptNamesTheSameCut() {
        let check = ScriptCheck(
            lines: ScriptLine.parse("numbers\n\(Self.to) Good news; tax included\n"), registry: .standard, variables: [],
            environment: [:])
        #expect(check.problem?.line == 2)
        #expect(check.problem?.error is SemicolonCutError)
    }

    /// Quoted or escaped, the `;` is text and the whole text goes out; a line of commands that all run is unchanged.
    @Test(arguments: [
        ("\(to) --dry-run 'Good news; tax included'", "Good news; tax included"),
        ("\(to) --dry-run Good news\\; tax included", "Good news; tax included"),
    ])
    func aQuotedSemicolonIsSent(line: String, body: String) async throws {
        let ran = try await runDemo(["use 100200300400501", line])
        #expect(ran[1].status == 0, "\(ran[1].err)")
        #expect(ran[1].out.contains("\"body\": \"\(body)\""), "\(ran[1].out)")
    }

    /// Not after a send: the failing command is named as it always was, and still nothing on the line runs.
    @Test func aFailingCommandAfterAReadStopsTheWholeLine() async throws {
        let ran = try await runDemo("numbers; bogus")
        #expect(ran.status == 64)
        #expect(ran.err.contains("error: unknown command 'bogus'"), "\(ran.err)")
        #expect(!ran.err.contains("';'"), "\(ran.err)")
        #expect(ran.out.isEmpty, "numbers did not run: \(ran.out)")
    }

    @Test func aLineOfCommandsThatAllRunIsUnchanged() async throws {
        let ran = try await runDemo("use 100200300400501; numbers")
        #expect(ran.status == 0, "\(ran.err)")
        #expect(ran.out.contains("Support Line"), "\(ran.out)")
    }

    /// A `|` or `>` in a send's text: quoting is the one fix offered, not a shell line that would send the cut text.
    @Test(arguments: [("\(to) Sizes S | M | L in stock", "|", "M | L in stock"), ("\(to) Open 9-5 > see site", ">", "see site")])
    func anOperatorInASendsTextOffersQuoting(line: String, symbol: String, after: String) async throws {
        let ran = try await runDemo(["use 100200300400501", line])
        #expect(ran[1].status == 64)
        #expect(ran[1].err.contains("quote the whole text (\"… \(symbol) \(after)\"); nothing was sent"), "\(ran[1].err)")
        #expect(!ran[1].err.contains("kops -c"), "\(ran[1].err)")
    }
}
