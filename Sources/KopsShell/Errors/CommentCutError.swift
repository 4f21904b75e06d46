/// A command that sends or writes whose line a comment cut short: `reply Your order #1042 is ready` reads `#1042 is
/// ready` as a comment (a `#` starting a word starts one, as in `sh`), and would send "Your order" (probe34 P34-7). Said
/// before anything is sent, naming the words cut off and the fix.
public struct CommentCutError: KopsError, Equatable {
    /// The command, e.g. `reply`.
    public var command: String
    /// The comment as typed, from its `#`: `#1042 is ready`.
    public var comment: String

    public var message: String {
        let cut = VisibleText.escaped(Shortened.text(comment))
        return "\(command): '#' starts a comment, so '\(cut)' was cut off and would not be sent; quote the whole text "
            + "(\"… \(cut)\") or write \\# for a '#'; nothing was sent"
    }

    public var exitStatus: ExitStatus { .usage }
}
