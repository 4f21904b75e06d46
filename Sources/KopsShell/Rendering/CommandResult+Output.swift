internal import KapsoClient

extension CommandResult {
    /// This result shown in `mode` whatever the session's mode is (a command's own `--output`).
    ///
    /// JSON becomes pretty-printed lines (secret fields masked); other modes drop the JSON so the blocks show.
    func shown(as mode: OutputMode?) -> CommandResult {
        var result = self
        switch mode {
        case .json?:
            guard let json else { return self }
            let text = Redactor().redact(json).serialized(pretty: true)
            result.blocks = text.split(separator: "\n", omittingEmptySubsequences: false).map {
                .line(StyledText(String($0)))
            }
        case nil:
            break
        default:
            result.json = nil
        }
        return result
    }
}

extension ShellContext {
    /// The mode a command prints in: its `--output` flag (read by the shell when the command does not take it), else
    /// the session's.
    func outputMode(_ arguments: Arguments) -> OutputMode {
        arguments.value("--output").flatMap(OutputMode.init(rawValue:)) ?? shell?.outputOverride ?? session.output
    }
}
