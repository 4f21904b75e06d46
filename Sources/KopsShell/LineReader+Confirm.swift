extension LineReader {
    /// Asks a yes/no `question` (ending in `[y/N] `); only `y` or `yes` answers yes, end of input answers no.
    public func confirm(_ question: String) -> Bool {
        guard case .line(let answer) = readLine(prompt: question) else { return false }
        let word = answer.filter { !$0.isWhitespace }.lowercased()
        return word == "y" || word == "yes"
    }
}
