import ArgumentParser
import Foundation
import KopsShell

/// `kops run FILE.kops [--var k=v]... [--allow-writes] [--record OUT.md]` and `kops check FILE.md [--update]`.
struct ScriptOptions: ParsableArguments {
    /// Every word kops's own flags do not take, in order, dash words too: `kops webhooks delete X --yes` keeps `--yes`
    /// for the `-c` line it suggests (session 26: the default parsing dropped it); `validate` refuses a dash word
    /// anywhere else.
    @Argument(
        parsing: .allUnrecognized,
        help: "'run FILE.kops' replays a script; 'check FILE.md' replays a transcript and diffs its output.")
    var words: [String] = []

    @Option(name: .customLong("var"), help: "Set a script variable, NAME=VALUE (repeatable; not with check).")
    var variables: [String] = []

    @Flag(
        name: .customLong("allow-writes"),
        help: "Let a script, -c or piped commands change data (send messages, create, update, delete or test webhooks).")
    var allowWrites = false

    @Option(name: .customLong("record"), help: "Record the script's session as a Markdown transcript (not with check).")
    var record: String?

    @Flag(help: "With check: rewrite the transcript with the new output.")
    var update = false

    @Flag(help: "With bundle: replace an existing file.")
    var force = false

    func validate() throws {
        if let problem = Self.variableProblem(variables) { throw ValidationError(problem) }
        if force && words.first != "bundle" {
            throw ValidationError("--force goes with 'kops bundle FILE.md' (replaces an existing bundle)")
        }
        // `kops check` replays a transcript with its own settings and lines, as recorded (probe27 P27-21: these were
        // ignored without a word).
        if words.first == "check", let refusal = Self.checkRefusal(record: record, variables: variables) {
            throw ValidationError(refusal)
        }
        // kops's own option typed with a typographic dash (`kops –h`, `kops —help`): said as the shell says it of a
        // command's flag (tester66b X7: "unknown subcommand '–h'").
        if let verb = words.first, !CommandRegistry.standard.names.contains(verb),
            let typed = Self.optionWords(words).lazy.compactMap({ TypographicDash.problem($0, flags: Self.longOptions + ["-c", "-h"]) }).first
        {
            throw ValidationError(typed)
        }
        // A shell command's flags are its own (`Kops.validate` suggests the `-c` line); any other dash word is no flag of
        // kops's.
        if let verb = words.first, verb.hasPrefix("-") || !CommandRegistry.standard.names.contains(verb),
            let unknown = Self.optionWords(words).first(where: { $0.hasPrefix("-") && $0 != "-" })
        {
            throw ValidationError(Self.unknownOptionLine(unknown, words: words))
        }
        let files = Self.fileWords(words)
        if let refusal = Self.pairRefusal(verb: files.first, record: record, update: update) { throw ValidationError(refusal) }
        guard let verb = files.first else { return }
        guard ["run", "check", "bundle"].contains(verb) else {
            // Said by `Kops.validate`, which knows the other flags the suggested `-c` line must repeat.
            if CommandRegistry.standard.names.contains(verb) { return }
            let meant = Suggestion.closest(to: verb, in: ["run", "check", "bundle"] + CommandRegistry.standard.names)
            throw ValidationError(
                "unknown subcommand '\(verb)'; "
                    + Suggestion.advice(meant, otherwise: "use 'kops run FILE.kops', 'kops check FILE.md' or 'kops bundle FILE.md'"))
        }
        guard files.count == 2 || (verb == "bundle" && files.count == 1) else {
            // A path with spaces typed unquoted is named as one (tester57 AB13).
            if let found = UnquotedPath.existingFile(in: Array(files.dropFirst()), folder: nil, new: verb == "bundle") {
                throw ValidationError(
                    UnquotedPath.line(
                        command: "kops \(verb)", path: found.path, words: files.count - 1 - found.rest.count,
                        suggested: "kops \(verb) \(PosixWord.quoted(found.path))", isNew: found.isNew))
            }
            if verb == "bundle" { throw ValidationError("usage: kops bundle [FILE.md]") }
            throw ValidationError("usage: kops \(verb) \(verb == "run" ? "FILE.kops" : "FILE.md")")
        }
    }

    /// Why `kops check` refuses `--record` or `--var` (one line), nil when neither is given. `--output` is refused by
    /// `Kops.validate` with `checkOutputRefusal`.
    static func checkRefusal(record: String?, variables: [String]) -> String? {
        if record != nil {
            return "--record goes with 'kops run FILE.kops'; 'kops check' compares with the transcript itself ('--update' rewrites it)"
        }
        if !variables.isEmpty {
            return "--var goes with 'kops run', -c and the shell; 'kops check' replays each line as recorded, with the values it ran with"
        }
        return nil
    }

    /// Why `--record` or `--update` does not go with `verb` (nil: no verb, the shell), one line; nil when they fit.
    /// `--record` records a script's run, `--update` rewrites a checked transcript (tester63 AN12: `kops --demo --record
    /// t.md` was told both go with `run` or `check`, which is true of neither, and `--update run` was ignored without a
    /// word). `check` with `--record` is `checkRefusal`'s.
    static func pairRefusal(verb: String?, record: String?, update: Bool) -> String? {
        if record != nil, verb != "run", verb != "check" {
            return "--record goes with 'kops run FILE.kops'; to record the shell's session, type 'record FILE.md' at its prompt"
        }
        if update, verb != "check" {
            return "--update goes with 'kops check FILE.md' (it rewrites the transcript with the replay's output)"
        }
        return nil
    }

    static let checkOutputRefusal =
        "--output does not go with 'kops check': it replays with the transcript's own output mode, as recorded"

    /// The `--var` words' first problem as one usage line, nil when each is `NAME=VALUE` with a NAME `${NAME}` can
    /// read. Checked for every mode (`run`, `-c`, piped input, the shell): `kops --var X -c …` crashed (probe18 P18-14).
    /// The value is never shown: it may be a secret.
    /// A NAME given twice with different values is refused (tester47 L15: `--var number=A --var number=B` ran with B
    /// without a word; psql also takes the last, which a typo in a long command line hides); twice the same is one.
    static func variableProblem(_ variables: [String]) -> String? {
        var given: [String: Substring] = [:]
        for variable in variables {
            guard let equals = variable.firstIndex(of: "=") else {
                // Named when it reads as a NAME that lost its value; a word shaped like a token is a value, not shown.
                let shown = Interpolation.isName(variable) && HistoryPolicy.allows(variable) ? " '\(Shortened.text(variable))'" : ""
                return "invalid --var\(shown): no '='; expected NAME=VALUE, e.g. --var hook=3d4e5f6a"
            }
            let name = String(variable[..<equals])
            guard Interpolation.isName(name) else {
                return name.isEmpty
                    ? "invalid --var '=…': the NAME before '=' is empty; expected NAME=VALUE, e.g. --var hook=3d4e5f6a"
                    : "invalid --var name '\(Shortened.text(name))'; expected letters, digits, '_', '-' or '.' before '='"
            }
            // A value copied from kops's output (`whsec_…23`, `<redacted>`), refused as `set` refuses it (probe42 P42-3).
            do throws(ShellError) {
                try SetCommand.refuseMasked(String(variable[variable.index(after: equals)...]), variable: name, command: "--var")
            } catch { return error.message }
            let value = variable[variable.index(after: equals)...]
            if let earlier = given.updateValue(value, forKey: name), earlier != value {
                return "--var \(name) is given twice with different values; nothing ran: give it once"
            }
        }
        return nil
    }
}
