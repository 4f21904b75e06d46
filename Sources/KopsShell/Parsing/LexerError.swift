/// Why a line could not be split into words.
public enum LexerError: Error, Sendable, Equatable {
    /// A `'` or `"` has no closing partner; `column` is that of the opening quote.
    case unterminatedQuote(quote: Character, column: Int)
    /// The line ends with a `\` that has nothing to escape.
    case danglingBackslash(column: Int)

    /// One line for the user: what is wrong, then what to do.
    public var message: String {
        switch self {
        case .unterminatedQuote(let quote, let column):
            "unterminated \(quote) quote starting at column \(column); close it or escape it with \\"
        case .danglingBackslash(let column):
            "dangling backslash at column \(column); remove it or write \\\\ for a literal backslash"
        }
    }
}
