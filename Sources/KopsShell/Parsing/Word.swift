/// A word of a command line with the 1-based column where it starts, e.g. `reply "hi there"` →
/// `["reply"@1, "hi there"@7]`.
///
/// The column is that of the word's first character as typed, quote included, counted in
/// `Character`s, so an error can point at it.
public struct Word: Sendable, Equatable {
    /// The word with quotes removed and escapes resolved.
    public var text: String
    public var column: Int

    public init(_ text: String, column: Int) {
        self.text = text
        self.column = column
    }
}

// MARK: - CustomStringConvertible

extension Word: CustomStringConvertible {
    /// `text@column`, as test failures show it.
    public var description: String {
        "\(text.debugDescription)@\(column)"
    }
}
