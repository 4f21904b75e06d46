/// A write that would take something away (a webhook's events or headers that an update drops), refused where no one
/// can be asked: a script, a pipe, `-c`. `command` names the command, `what` what the write would do, `fix` how to
/// proceed (the narrower flag, or `--yes`). Nothing was sent (probe45 P45-15).
public struct ConsentNeeded: KopsError, Equatable {
    public var command: String
    public var what: String
    public var fix: String

    public var message: String {
        "\(command): \(what); not at a terminal, so kops cannot ask, and nothing was sent; \(fix)"
    }

    public var exitStatus: ExitStatus { .usage }
}
