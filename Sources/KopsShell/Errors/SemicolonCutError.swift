/// A command that sends or writes followed, after a `;`, by words that cannot run as a command: `reply Good news; tax
/// included in the price` is two commands, `reply Good news` and `tax included in the price`, so at the prompt and in
/// piped input kops sent "Good news" and then failed on `tax` (probe36 P36-5, probe37 P37-18). The line is checked whole
/// before any of it runs (as a script's and `-c`'s already were), and this error names the words cut off and the fix.
public struct SemicolonCutError: KopsError {
    /// The command whose text the `;` ended, e.g. `reply`.
    public var command: String
    /// The line from the first word after the `;`: `tax included in the price`.
    public var rest: String
    /// Why `rest` cannot run as a command, e.g. `unknown command 'tax'`.
    public var reason: String

    public var message: String {
        let cut = VisibleText.escaped(Shortened.text(rest))
        return "\(command): ';' ends a command, so '\(cut)' was cut off and would run as a command of its own (\(reason)); "
            + "quote the whole text (\"…; \(cut)\") or write \\; for a ';'; nothing was sent"
    }

    public var exitStatus: ExitStatus { .usage }

    /// `error`, found checking `commands[index]` of `line`, as this error when the command before it sends or writes
    /// (so the `;` most likely cut its text short); else `error` itself.
    static func naming(_ error: any Error, at index: Int, of commands: [[Word]], in line: String, registry: CommandRegistry)
        -> any Error
    {
        guard index > 0, let first = commands[index].first else { return error }
        let before = commands[index - 1].map(\.text)
        guard let name = before.first, ScriptPolicy.wouldSend(before, registry: registry) else { return error }
        let message = (error as? any KopsError)?.message ?? "\(error)"
        let reason = message.split(separator: ";", maxSplits: 1).first.map(String.init) ?? message
        let rest = String(Array(line).dropFirst(first.column - 1))
        return SemicolonCutError(command: name, rest: rest, reason: reason)
    }
}
