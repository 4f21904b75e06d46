import KopsShell
import Testing

/// Scripts checked whole before they run: the first malformed line and every write, with their line numbers.
@Suite struct ScriptCheckTests {
    private func check(_ source: String, variables: Set<String> = [], environment: [String: String] = [:]) -> ScriptCheck {
        ScriptCheck(
            lines: ScriptLine.parse(source), registry: .standard, variables: variables, environment: environment)
    }

    @Test(arguments: [
        ("numbers\nstate\nhelp\nexplain 131047\nnumbers\nstate\nreply \"hi", 7,
         "unterminated \" quote starting at column 7; close it or escape it with \\"),
        ("numbers\n\n# comment\nhelth", 4, "unknown command 'helth'; did you mean 'health'?"),
        ("webhooks --bogus", 1, "webhooks: unknown flag '--bogus'; see 'help webhooks'"),
        ("deliveries --status sideways", 1,
         "deliveries: invalid value for --status 'sideways'; expected 'pending', 'delivered', 'failed'"),
        ("use ${number}", 1, "unset variable 'number'; set it with 'set number VALUE' or 'kops run --var number=VALUE'"),
        ("state; use ${env:KOPS_CHECK_UNSET}", 1,
         "environment variable KOPS_CHECK_UNSET is not set; export KOPS_CHECK_UNSET=... before running kops"),
        // P24-12: the script ends after a `\`, half a command (its `--event` was to follow): refused, not run.
        ("numbers\nwebhooks test 5f6a7b8c-9d0e-4f1a-8b2c-4d5e6f7a8b92 \\\n", 2, ScriptCheck.unfinishedLastLine),
        ("numbers\nwebhooks test 5f6a7b8c-9d0e-4f1a-8b2c-4d5e6f7a8b92 \\", 2, ScriptCheck.unfinishedLastLine),
    ])
    func findsTheFirstMalformedLine(source: String, line: Int, message: String) {
        let problem = check(source).problem
        #expect(problem?.line == line)
        #expect(problem.map { ErrorReport($0.error).message } == message)
    }

    /// tester47 L15: `kops run var.kops --var numbr=1` for `${number}` said only how to set `number`: the name set
    /// before the line (by `--var` or an earlier `set`) that is close is named, whether or not the line uses it.
    @Test func anUnsetNameNamesACloseOneSetBeforeTheLine() {
        let given = check("whois ${number}", variables: ["numbr"]).problem
        #expect(given?.line == 1)
        #expect(given.map { ErrorReport($0.error).message }
            == "unset variable 'number'; did you mean 'numbr'? (or set it with 'set number VALUE' or 'kops run --var number=VALUE')")
        let earlier = check("set hoook 1\nwebhooks get ${hook}").problem
        #expect(earlier.map { ErrorReport($0.error).message }?.contains("did you mean 'hoook'?") == true)
        #expect(check("whois ${number}", variables: ["zone"]).problem.map { ErrorReport($0.error).message }?.contains("did you mean") == false)
    }

    // P20-16: a line past 1 MiB is refused at its number before it is lexed (a 10 MB line took a minute, Ctrl-C
    // ignored); one of exactly 1 MiB is still read.
    @Test func aLineLongerThanTheLimitIsRefusedAtItsNumber() {
        let long = "explain " + String(repeating: "1", count: Interpolation.maxLineBytes + 2_000_000)
        let problem = check("numbers\n" + long + "\nstate").problem
        #expect(problem?.line == 2)
        #expect(problem.map { ErrorReport($0.error).message } == """
            the line is 3 MiB, longer than 1 MiB (the limit for one line), so it was not run; keep large data in a \
            file and give its path (e.g. 'verify --file')
            """)
        #expect(problem.map { ErrorReport($0.error).status } == .usage)
        let atTheLimit = "explain " + String(repeating: "1", count: Interpolation.maxLineBytes - 8)
        #expect(check("numbers\n" + atTheLimit).problem == nil)
    }

    @Test(arguments: [
        "set number 100200300400501\nuse ${number}",
        "webhooks --scope project\ncapture .data[0].id as hook\nwebhooks get ${hook}",
        "source other.kops\nuse ${number}",
        "#! error\nfrobnicate",
        "set --default scope project\nwebhooks --scope ${scope}",
        "reply --help",
    ])
    func acceptsWhatOnlyTheRunCanKnow(source: String) {
        #expect(check(source).problem == nil)
    }

    @Test func namesEveryWriteWithItsLine() {
        let found = check("numbers\nreply hi\nreply --dry-run hi\nwebhooks delete 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d --yes\nwebhooks get 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d\n#! error\nreply refused").writes
        #expect(found == [ScriptCheck.Write(line: 2, label: "reply"), ScriptCheck.Write(line: 4, label: "webhooks delete")])
    }

    @Test(arguments: [
        ("numbers; reply \"a; b\"; state", ["numbers", "reply \"a; b\"", "state"]),
        // A comment stays on its command for the shell's lexer, which drops it and names a word it cut off (session 33).
        ("help # a comment; not a command", ["help # a comment; not a command"]),
        ("# a note\nnumbers", ["# a note", "numbers"]),
        ("set x 'it''s'; explain 1\\;2", ["set x 'it''s'", "explain 1\\;2"]),
        (";;numbers;", ["numbers"]),
        // `\` before a newline continues the command as in a script (it was a word "\nstate"); not in a comment.
        ("help \\\nstate\nnumbers # C:\\\nstate", ["help  state", "numbers # C:\\", "state"]),
    ])
    func splitsDashCIntoNumberedCommands(text: String, expected: [String]) {
        let lines = ScriptLine.commands(in: text)
        #expect(lines.map(\.kind) == expected.map { .command($0) })
        #expect(lines.map(\.number) == Array(1...expected.count))
    }
}
