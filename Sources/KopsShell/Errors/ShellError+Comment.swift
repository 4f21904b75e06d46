extension ShellError {
    /// `error` with the word a comment dropped named, when it says an argument is missing and a `#` touching a word
    /// ended the line there (`Lexer.droppedWord`): `whois: missing id ('#' starts a comment, so '#100200300400501' was
    /// dropped: quote it or drop the '#')`, for every command (probe29 P29-19: only `explain` had the hint, even with no
    /// `#` typed). Any other error, or no dropped word, is returned as it is.
    static func naming(droppedByComment dropped: String?, in error: any Error) -> any Error {
        guard let dropped, case .missingArgument(let command, let what, let usage)? = error as? ShellError else { return error }
        let word = VisibleText.escaped(Shortened.text(dropped))
        return ShellError.missingArgument(
            command: command, what: what + " ('#' starts a comment, so '\(word)' was dropped: quote it or drop the '#')",
            usage: usage)
    }
}
