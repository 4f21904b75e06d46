import Foundation
import KopsShell
import KopsTestSupport
import Testing

/// Every usage mistake (exit 64) a command can find without the API is found before a script's first line runs:
/// a late bad line never lets an earlier `reply` send (probe finding F11).
@Suite struct UsageBeforeRunTests {
    /// The testers' late lines, after a write on line 2: the check stops the script at line 3, nothing runs.
    @Test(arguments: [
        ("use", "use: missing phone number id or display number; usage: \(UseCommand.usage)"),
        ("messages --limit abc", "messages: invalid value for --limit 'abc'; expected a whole number from 1 to 100"),
        ("messages --limit 0", "messages: invalid value for --limit '0'; expected a whole number from 1 to 100"),
        ("output yaml", "output: invalid mode 'yaml'; expected 'table', 'json', 'expanded' or 'auto'"),
        // probe29 P29-19: no '#' typed, no '#' hint; a '#' that dropped the argument is named, for any command.
        ("explain", "explain: missing error code; usage: \(ExplainCommand.usage)"),
        ("whois #100200300400501",
         "whois: missing id ('#' starts a comment, so '#100200300400501' was dropped: quote it or drop the '#'); usage: \(WhoisCommand.usage)"),
        ("assert .status ==", "assert: missing VALUE after '=='; usage: \(AssertCommand.usage)"),
        ("capture .x", "capture: missing PATH as NAME; usage: \(CaptureCommand.usage)"),
        // probe24 P24-5: the word that is wrong is named, not "missing PATH" with the path there.
        ("capture .data[0].id hook",
         "capture: missing 'as' between the path and the name (capture .data[0].id as hook); usage: \(CaptureCommand.usage)"),
        ("assert .data[0].status = CONNECTED",
         "assert: invalid operator after .data[0].status '='; expected ==, !=, <, >, contains or exists; write == for equality"),
        ("assert .data | length >= 2",
         "assert: invalid operator after .data | length '>='; expected ==, !=, <, >, contains or exists; '>=' is no operator here: write '> N' with N one less, or two asserts"),
        ("assert .data[0].status",
         "assert: missing operator after .data[0].status (add == VALUE, != VALUE, < N, > N or contains VALUE, or 'exists'); usage: \(AssertCommand.usage)"),
        ("assert == x", "assert: missing PATH before '=='; usage: \(AssertCommand.usage)"),
        // probe25 P25-18: a word where 'as' goes is replaced, not kept; a missing NAME is named; 'not' is no part of a path.
        ("capture .data[0].id into h",
         "capture: invalid word between .data[0].id and h 'into'; expected 'as': capture .data[0].id as h"),
        ("capture .data[0].id as", "capture: missing NAME after 'as' (capture .data[0].id as NAME); usage: \(CaptureCommand.usage)"),
        ("assert .data[0].status not contains X",
         "assert: invalid word between .data[0].status and 'contains' 'not'; expected write != VALUE for 'is not'; there is no 'not contains' (check the value with == or a second assert)"),
        ("capture .data[ as x", nil),
        ("webhooks create --url ftp://x.test/h --events whatsapp.message.received",
         "webhooks: invalid value for --url 'ftp://x.test/h'; expected an absolute https:// URL"),
        ("webhooks create --events whatsapp.message.received", nil),
        ("webhooks update 3d4e5f6a-7b8c-4d9e-8f0a-2b3c4d5e6f70", nil),
        ("webhooks get", nil),
        ("webhooks fire no.such.event --to http://127.0.0.1:9/h", nil),
        ("webhooks list --per-page 500", nil),
        ("sim advance -5", nil),
        ("history 0", "history: invalid count '0'; expected a whole number above 0"),
        ("set on_error maybe", "set: invalid value for on_error 'maybe'; expected 'continue' or 'stop'"),
        // probe3 F22: the `--var NAME=VALUE` spelling is named, without echoing the value.
        ("set token=s3cret-value", "set: invalid variable name 'token=…'; expected NAME and VALUE as two words: set token VALUE"),
        // probe14 P14-5: `set NAME = VALUE` stored "= VALUE"; refused without echoing the value.
        ("set ms = app_secret_fake_0123", "set: invalid value '= …'; expected the value alone, no '=': set ms VALUE"),
        ("payload sample whatsapp.nothing", nil),
        ("verify --secret s --signature abc", nil),
        ("record t.md --append --force", "record: invalid flags '--append --force'; expected one of --append or --force"),
        ("trace not-a-wamid", nil),
        ("reply --to 12 hello", nil),
        ("deliveries --follow --interval soon", nil),
        // probe43 P43-8: flags the command would drop without a word are refused, as `logs search` refuses --all --follow.
        ("deliveries --all --follow",
         "deliveries: invalid combination '--all with --follow'; expected one of them: --all prints every page there is, --follow only what arrives after it starts"),
        ("deliveries --max-polls 2", "deliveries: --max-polls goes with --follow (the polls to make); add --follow, or leave --max-polls out"),
        ("deliveries --all --interval 5", "deliveries: --interval goes with --follow (the seconds between polls); add --follow, or leave --interval out"),
        ("deliveries stats --follow",
         "deliveries: invalid use of --follow 'stats --follow'; expected 'deliveries --follow' (the list) or 'deliveries stats' alone: stats counts the period's deliveries once"),
        ("logs search --all --follow", "logs search: --follow and --all do not go together; use one of them"),
        ("logs search --filter nokey", nil),
        ("deliveries sideways", nil),
        ("profile add", nil),
    ] as [(String, String?)])
    func findsALateUsageMistakeBeforeLineOne(line: String, message: String?) {
        let source = "use 100200300400501\nreply --to +14155550142 \"side effect\"\n\(line)\nstate"
        let check = ScriptCheck(lines: ScriptLine.parse(source), registry: .standard, variables: [], environment: [:])
        #expect(check.problem?.line == 3, Comment(rawValue: line))
        if let message { #expect(check.problem.map { ErrorReport($0.error).message } == message) }
        #expect(check.problem.map { ErrorReport($0.error).status } == .usage)
    }

    /// In a read-only run a bad value is named before the write refusal, which adding --allow-writes could not fix; a
    /// replay's error names `replay`, not `webhooks`.
    @Test(arguments: [
        ("webhooks fire whatsapp.message.received --to ftp://x",
         "error: webhooks: invalid value for --to 'ftp://x'; expected an http(s) URL, e.g. http://127.0.0.1:3000/webhooks\n"),
        ("replay saved.http --to http://example.com/h",
         "error: replay: invalid value for --to 'http://example.com/h'; expected https:// (plain http only to loopback, e.g. a local handler or tunnel client)\n"),
        ("webhooks fire whatsapp.message.received --to https://example.com/h",
         "error: 'webhooks fire' sends to a URL off this machine, which scripts do only with --allow-writes; run with --allow-writes to let it\n"),
    ])
    func aBadValueIsNamedBeforeTheWriteRefusal(line: String, message: String) {
        let offline = OfflineShell()
        offline.shell.readOnly = true
        offline.shell.run(line: line)
        #expect(offline.output.err == message)
        #expect(offline.transport.requests.isEmpty)
    }

    /// Values inside the range a message states are accepted: `sim advance 0` (0 to 31536000) runs what is due now.
    @Test func sayingFromZeroAcceptsZero() {
        let source = "sim advance 0\nsim advance 31536000"
        let check = ScriptCheck(lines: ScriptLine.parse(source), registry: .standard, variables: [], environment: [:])
        #expect(check.problem == nil)
    }

    /// A script run with writes allowed stops before line 1: the reply on line 2 is never sent.
    @Test func aLateBadLineSendsNothing() {
        let offline = OfflineShell()
        let source = "use 100200300400501\nreply --to +14155550142 \"side effect\"\nmessages --limit 0"
        let outcome = ScriptRunner(path: "late.kops", source: source, allowWrites: true).run(on: offline.shell)
        #expect(outcome.summary == "nothing ran")
        #expect(outcome.status == .usage)
        #expect(offline.transport.requests.isEmpty)
        #expect(offline.output.err.hasPrefix("late.kops:3: error: messages: invalid value for --limit '0'"))
    }

    /// The sweep that keeps the kind fixed: for every command and many malformed argument lists, a line that
    /// exits 64 when it runs (on a stub API that answers 500, so nothing past the request matters) is one the
    /// whole-script check refuses. A command that adds a usage check to `run` without `validate` fails here.
    @Test func everyUsageErrorOfRunIsFoundByTheCheck() {
        // listen serves, record and bundle write files, exit stops the shell: their checks are in the table above.
        let skipped: Set<String> = ["listen", "record", "bundle", "exit", "source"]
        // What these name is known only from the config file or the server: a profile, a log-search source.
        let known: [(command: String, flag: String)] = [("profile use", ""), ("profile default", ""), ("logs search", "--source")]
        var missed: [String] = []
        for command in CommandRegistry.standard.commands where !skipped.contains(command.name) {
            for words in Self.variants(of: command) {
                let offline = OfflineShell()
                offline.shell.context.session.phoneNumberID = "100200300400501"
                offline.shell.context.isInteractive = true
                offline.shell.context.confirm = { _ in false }
                offline.shell.context.session.lastWebhookID = "3d4e5f6a-7b8c-4d9e-8f0a-2b3c4d5e6f70"
                let line = ([command.name] + words).joined(separator: " ")
                if known.contains(where: { line.hasPrefix($0.command) && words.contains($0.flag.isEmpty ? words.first ?? "" : $0.flag) }) {
                    continue
                }
                guard offline.shell.run(words: [command.name] + words) == .usage else { continue }
                let check = ScriptCheck(
                    lines: [ScriptLine(.command(Self.quoted([command.name] + words)), number: 1)],
                    registry: .standard, variables: [], environment: [:])
                if check.problem == nil { missed.append(line + "  →  " + offline.output.err) }
            }
        }
        #expect(missed.isEmpty, Comment(rawValue: "exit 64 at run time but not found by the check:\n" + missed.joined(separator: "\n")))
    }

    /// Malformed argument lists for a command: none, odd words, each value flag with odd values, and the same after
    /// each subcommand its usage names.
    private static func variants(of command: any Command.Type) -> [[String]] {
        let odd = ["", "abc", "0", "-1", "ftp://x", "{", "9999999999"]
        var heads: [[String]] = [[]]
        let subcommands = command.usage.split(separator: " ").dropFirst()
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "[]|")) }
            .filter { !$0.isEmpty && $0.allSatisfy { $0.isLowercase } }
        heads += subcommands.map { [$0] }
        var variants: [[String]] = []
        for head in heads {
            variants.append(head)
            variants.append(head + ["x"])
            variants.append(head + ["x", "y", "z", "w", "v"])
            for flag in command.flags where flag.valueName != nil && flag.choices == nil {
                for value in odd { variants.append(head + ["x", flag.name, value]) }
                for value in odd { variants.append(head + [flag.name, value]) }
            }
        }
        return variants
    }

    /// Words as a script line, each single-quoted so the lexer gives them back unchanged.
    private static func quoted(_ words: [String]) -> String {
        words.map { "'" + $0.replacingOccurrences(of: "'", with: "''") + "'" }.joined(separator: " ")
    }
}
