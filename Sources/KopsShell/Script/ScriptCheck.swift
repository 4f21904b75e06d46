/// A whole script checked before its first line runs: quotes, command names, flags, each command's own argument
/// checks (`Command.validate`: missing or extra arguments, bad values), `${...}` references, and which lines change
/// data, e.g. `numbers` + `reply "hi` → unterminated quote at line 2, nothing run.
///
/// Lines after a `#! error` marker are expected to fail: they are neither checked nor counted as writes. A `${name}` that an earlier `set`
/// or `capture` assigns is taken on trust, and so is any name after a `source` line (the sourced script may set
/// it); a line using such a value skips the flag check, which needs the real value.
public struct ScriptCheck {
    /// A line that changes data, e.g. line 3 `reply`.
    public struct Write: Sendable, Equatable {
        public var line: Int
        /// The command as errors name it, e.g. `webhooks delete`.
        public var label: String

        public init(line: Int, label: String) {
            self.line = line
            self.label = label
        }
    }

    /// The first mistake and its line, nil when every line is well formed.
    public private(set) var problem: (line: Int, error: any Error)?
    /// Lines that change data, in order.
    public private(set) var writes: [Write] = []
    /// Lines that fail their check after a `set on_error continue` (or under one set before the script): the user asked
    /// to run on past failing lines, so each fails at its turn with its error instead of stopping the script before
    /// line 1 (tester50 N5). Line number → the error.
    public private(set) var failsWhenRun: [Int: any Error] = [:]

    /// A script's (or piped input's) last line ends in `\`, which continues a command on the next line, and nothing
    /// follows: the command is unfinished, so nothing is run.
    public static let unfinishedLastLine =
        "the line ends in '\\' (the command goes on at the next line) but the input ends there; "
        + "finish the command on the next line or remove the '\\'"

    /// `continuing`: the session's `on_error` is `continue` before the first line. `folder`: the running script's, where
    /// its relative paths are read (`UnquotedPath`); nil at the prompt, in `-c` and piped input.
    public init(
        lines: [ScriptLine], registry: CommandRegistry, variables: Set<String>, environment: [String: String],
        continuing: Bool = false, folder: String? = nil
    ) {
        var assigned = variables
        var continuing = continuing
        var anyName = false
        var expectFailure = false
        for (index, line) in lines.enumerated() {
            let text: String
            switch line.kind {
            case .command(let command): text = command
            case .expectFailure:
                // A marker with no command after it (the last line, or another marker next) asserts nothing: named at
                // its line, as other syntax is, instead of being dropped without a word (probe22 P22-24).
                if problem == nil, index + 1 == lines.count || lines[index + 1].kind == .expectFailure {
                    problem = (line.number, ScriptError.danglingMarker)
                }
                expectFailure = true
                continue
            case .unknownMarker(let marker):
                if problem == nil { problem = (line.number, ScriptError.unknownMarker(marker)) }
                continue
            }
            defer { expectFailure = false }
            do {
                if line.continuesPastEnd { throw ShellError.syntax(Self.unfinishedLastLine) }
                // Before any reading of it: a 10 MB line took a minute to lex (probe20 P20-16).
                try Self.checkLength(text)
                let dynamic = Self.placeholders(in: text, assigned: assigned, anyName: anyName)
                let expanded = try Self.expand(text, variables: dynamic.values, assigned: assigned, environment: environment)
                let commands: [[Word]]
                do {
                    commands = try Lexer.commands(in: expanded)
                } catch {
                    throw ShellError.syntax(error.message)
                }
                for (index, typed) in commands.enumerated() {
                    let words = typed.map(\.text)
                    // A command word from a variable (`set c explain` + `${c} 131047`) is known only when the line runs,
                    // where it is looked up as typed; judging the stand-in said "unknown command 'x'" (probe27 P27-9).
                    if dynamic.used, words[0].contains(Self.standIn) {
                        if let misread = ShellOperatorError.find(in: typed, line: expanded, registry: registry) { throw misread }
                        continue
                    }
                    let command = try Self.check(
                        at: index, of: commands, in: expanded, registry: registry,
                        validating: !dynamic.used && !Shell.asksForHelp(words), folder: folder)
                    // A write marked `#! error` is refused when it runs, as the marker expects.
                    if !expectFailure && ScriptPolicy.isWrite(words, registry: registry) {
                        writes.append(Write(line: line.number, label: ScriptPolicy.label(words)))
                    }
                    assigned.formUnion(Self.assignedNames(words))
                    if command.name == SetCommand.name, words.count == 3, words[1] == "on_error" { continuing = words[2] == "continue" }
                    if command.name == SourceCommand.name { anyName = true }
                }
            } catch {
                if continuing, !expectFailure, !line.continuesPastEnd {
                    failsWhenRun[line.number] = error
                } else if !expectFailure && problem == nil {
                    problem = (line.number, error)
                }
            }
        }
    }

    /// Checks `commands[index]` of the line `expanded` as it would be checked before it runs: a shell operator among its
    /// words, its name, then (when `validating`) its flags and arguments (`Command.validate`); returns the command. A
    /// failing command after one that sends or writes is named as the text a `;` cut off (`SemicolonCutError`). A path
    /// with spaces typed unquoted, read from `folder`, is named as one (`UnquotedPath`, tester57 AB13).
    static func check(
        at index: Int, of commands: [[Word]], in expanded: String, registry: CommandRegistry, validating: Bool,
        folder: String? = nil
    ) throws -> any Command.Type {
        let typed = commands[index]
        do {
            if let misread = ShellOperatorError.find(in: typed, line: expanded, registry: registry) { throw misread }
            let words = typed.map(\.text)
            let command = try registry.command(named: words[0])
            guard validating else { return command }
            var checked = words
            _ = try Shell.takeOutput(from: &checked, command: command)
            do {
                try command.validate(UnquotedPath.arguments(of: command, words: Array(checked.dropFirst()), folder: folder))
            } catch {
                // The last command's argument a `#` dropped is named, as when the line runs (P29-19).
                throw ShellError.naming(
                    droppedByComment: index == commands.count - 1 ? Lexer.droppedWord(in: expanded) : nil,
                    in: ShellError.naming(splitMaskIn: words, in: error))
            }
            return command
        } catch {
            throw SemicolonCutError.naming(error, at: index, of: commands, in: expanded, registry: registry)
        }
    }

    /// `Interpolation.expand` with the stand-ins of `placeholders`; an unset name is compared with every name assigned
    /// before the line (`--var`, `set`, `capture`), not only the stand-ins the line uses: `kops run var.kops --var
    /// numbr=1` for `${number}` said only how to set `number` (tester47 L15), now `did you mean 'numbr'?` too.
    static func expand(
        _ text: String, variables: [String: String], assigned: Set<String>, environment: [String: String]
    ) throws -> String {
        do {
            return try Interpolation.expand(text, variables: variables, environment: environment)
        } catch .unsetVariable(let name, nil) where name.count > 2 {
            throw ScriptError.unsetVariable(name: name, suggestion: Suggestion.closest(to: name, in: assigned.sorted()))
        }
    }

    /// Throws `ScriptError.typedLineTooLong` for a line longer than `Interpolation.maxLineBytes`: one line of a
    /// script, `-c`, piped input or the terminal is refused before it is read any further.
    static func checkLength(_ line: String) throws(ScriptError) {
        let bytes = line.utf8.count
        guard bytes <= Interpolation.maxLineBytes else { throw .typedLineTooLong(bytes: bytes, limit: Interpolation.maxLineBytes) }
    }

    /// What a variable assigned before its line stands for while the script is checked (its value comes when it runs).
    static let standIn = "kops-variable-value"

    /// Stand-in values for the names assigned before each `;` command of the line (by earlier lines, `assigned`, or by
    /// the commands before it on the same line: each command is read when it runs, probe46 P46-3), and whether the line
    /// uses one.
    static func placeholders(in text: String, assigned: Set<String>, anyName: Bool)
        -> (values: [String: String], used: Bool)
    {
        var before = assigned
        var values: [String: String] = [:]
        var used = false
        for case .command(let command) in ScriptLine.commands(in: text).map(\.kind) {
            for piece in command.split(separator: "${", omittingEmptySubsequences: false).dropFirst() {
                guard let close = piece.firstIndex(of: "}") else { continue }
                let name = String(piece[..<close])
                if !name.hasPrefix("env:"), Interpolation.isName(name), anyName || before.contains(name) {
                    values[name] = standIn
                    used = true
                }
            }
            before.formUnion(((try? Lexer.commands(in: command)) ?? []).flatMap { assignedNames($0.map(\.text)) })
        }
        return (values, used)
    }

    /// `set [--default] NAME VALUE` and `capture PATH as NAME` assign a name.
    private static func assignedNames(_ words: [String]) -> [String] {
        switch words.first {
        case SetCommand.name: Array(words.dropFirst().filter { !$0.hasPrefix("--") }.prefix(1))
        case CaptureCommand.name: words.count >= 4 && words[2] == "as" ? [words[3]] : []
        default: []
        }
    }
}
