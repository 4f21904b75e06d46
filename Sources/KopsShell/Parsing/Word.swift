/// A word of a command line with the 1-based column where it starts, e.g. `reply "hi there"` →
/// `["reply"@1, "hi there"@7]`.
///
/// The column is that of the word's first character as typed, quote included, counted in
/// `Character`s, so an error can point at it.
public struct Word: Sendable, Equatable {
    /// The word with quotes removed and escapes resolved.
    public var text: String
    public var column: Int
    /// The offsets, in `text`'s Unicode scalars, of each `~` that names no home folder because it was quoted or escaped,
    /// or the character after it was (`'~/x'`, `"~"/x`, `\~/x`, `~"/x"`): `sh` expands a leading `~` only when
    /// nothing of it is quoted. Empty for most words.
    public var literalTildes: [Int] = []

    public init(_ text: String, column: Int, literalTildes: [Int] = []) {
        self.text = text
        self.column = column
        self.literalTildes = literalTildes
    }

    /// True when a path this word gives would start with a `~` that names no home folder (`literalTildes`): at its
    /// start, or right after the `=` of a `--flag=VALUE` word.
    public var startsWithLiteralTilde: Bool {
        guard let first = literalTildes.first else { return false }
        if first == 0 { return true }
        guard text.hasPrefix("--"), let equals = text.unicodeScalars.firstIndex(of: "=") else { return false }
        return literalTildes.contains(text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: equals) + 1)
    }
}

// MARK: - CustomStringConvertible

extension Word: CustomStringConvertible {
    /// `text@column`, as test failures show it.
    public var description: String {
        "\(text.debugDescription)@\(column)"
    }
}
