import KopsShell

extension Launch {
    /// The commands that never call the API nor start anything that does (`CommandRegistry`'s offline ones, less
    /// `source`, `record`, `replay`, `listen`, `set` and the like, whose lines or files may go on to use it).
    static let offlineDemoCommands: Set<String> = ["help", "explain", "verify", "payload", "completions", "history", "exit", "clear"]

    /// False when `--demo` has nothing for its simulator to answer: every `-c` command is one of `offlineDemoCommands`
    /// (`kops --demo -c 'explain 131047'`, `-c help`), no script runs and nothing is recorded. Starting `kapso-sim` then
    /// took 0.26 s against 0.04 s (tester63 AN17; docs/performance.md: start-up does no work the command does not use).
    var demoNeedsSimulator: Bool {
        guard script.words.isEmpty, script.record == nil, !commands.isEmpty else { return true }
        return !ScriptLine.commands(in: commands).allSatisfy { line in
            guard case .command(let text) = line.kind,
                let first = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).first
            else { return false }
            return Self.offlineDemoCommands.contains(String(first))
        }
    }
}
