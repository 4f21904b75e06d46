import KopsShell
import KopsTestSupport
import Testing

/// Shell habits in kops lines: a pipe or redirection (`| grep`, `> file`) is named by one rule for every command
/// (probe27 P27-15), and a command word from a variable is run, not judged by its stand-in (probe27 P27-9).
@Suite struct ShellHabitsTests {
    /// `explain` read `> out.txt` as pasted error text and ran (rc 0, no file); `whois` joined the words into an id it
    /// then could not read; `state` said "unexpected argument". Each now names the operator and what to run instead.
    @Test(arguments: [
        ("explain 131047 > out.txt",
         "error: explain: '>' is shell redirection, which kops does not do; run kops -c 'explain 131047' > out.txt from "
            + "your shell (or 'record FILE.md' to keep a transcript); quote it ('>') to mean the text\n"),
        ("explain 131047 | grep retry",
         "error: explain: '|' is a shell pipe, which kops does not do; run kops -c 'explain 131047' | grep retry from "
            + "your shell; quote it ('|') to mean the text\n"),
        ("whois 100200300400501 > out.txt",
         "error: whois: '>' is shell redirection, which kops does not do; run kops -c 'whois 100200300400501' > out.txt "
            + "from your shell (or 'record FILE.md' to keep a transcript); quote it ('>') to mean the text\n"),
        ("state >> s.txt",
         "error: state: '>>' is shell redirection, which kops does not do; run kops -c 'state' >> s.txt from your shell "
            + "(or 'record FILE.md' to keep a transcript); quote it ('>>') to mean the text\n"),
        ("explain \"pasted error\" < e.txt",
         "error: explain: '<' is shell redirection, which kops does not do; to run commands from a file, use "
            + "'source FILE.kops' or kops run FILE.kops; quote it ('<') to mean the text\n"),
    ])
    func aShellOperatorIsNamedForEveryCommand(line: String, message: String) {
        let offline = OfflineShell()
        let status = offline.shell.run(line: line)
        #expect(status == .usage)
        #expect(offline.output.err == message)
        #expect(offline.output.out.isEmpty, "\(offline.output.out)")
        #expect(offline.transport.requests.isEmpty)
    }

    /// The same rule before a script's first line runs: nothing ran.
    @Test func aScriptWithAPipeIsRefusedBeforeLineOne() {
        let check = ScriptCheck(
            lines: ScriptLine.parse("explain 131047\nexplain 368 | grep retry"), registry: .standard, variables: [],
            environment: [:])
        #expect(check.problem?.line == 2)
        #expect(check.problem.map { ErrorReport($0.error).message }?.hasPrefix("explain: '|' is a shell pipe") == true)
    }

    /// A quoted operator is text, and `assert`/`capture` keep `|`, `<` and `>` as their own syntax.
    @Test(arguments: ["explain '131047 > x'", "explain 131047 '>' x", "assert .data | length > 0", "capture .data | length as n"])
    func quotedOperatorsAndAssertSyntaxAreNotShellOperators(line: String) {
        let offline = OfflineShell()
        offline.shell.run(line: line)
        #expect(!offline.output.err.contains("shell redirection") && !offline.output.err.contains("shell pipe"),
                "\(offline.output.err)")
    }

    /// `set c explain` + `${c} 131047`: the check before line 1 said "unknown command 'x'; did you mean '?'?" of its
    /// own stand-in; the line's command is known only when it runs, and then it runs.
    @Test func aCommandWordFromAVariableIsCheckedWhenItRuns() {
        let check = ScriptCheck(
            lines: ScriptLine.parse("set c explain\n${c} 131047"), registry: .standard, variables: [], environment: [:])
        #expect(check.problem == nil, "\(String(describing: check.problem))")
        let given = ScriptCheck(lines: ScriptLine.parse("${c} 131047"), registry: .standard, variables: ["c"], environment: [:])
        #expect(given.problem == nil)

        let offline = OfflineShell()
        let outcome = ScriptRunner(path: "-c", lines: ScriptLine.commands(in: "set c explain; ${c} 131047")).run(on: offline.shell)
        #expect(outcome.status == .ok, "\(offline.output.err)")
        #expect(offline.output.out.contains("131047"), "\(offline.output.out)")
        // A misspelt command in the variable is named by its value when the line runs.
        let misspelt = OfflineShell()
        let refused = ScriptRunner(path: "-c", lines: ScriptLine.commands(in: "set c explian; ${c} 131047")).run(on: misspelt.shell)
        #expect(refused.status == .usage)
        #expect(misspelt.output.err.contains("unknown command 'explian'; did you mean 'explain'?"), "\(misspelt.output.err)")
    }
}
