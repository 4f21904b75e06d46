/// Why a document is not valid JSON, and where: `expected ',' or '}' at byte 17`.
public struct JSONParseError: Error, Sendable, Equatable {
    /// The zero-based byte offset of the problem in the UTF-8 input.
    public var offset: Int
    /// A one-line description that ends with the offset, e.g. `leading zero in number at byte 5`.
    public var message: String

    public init(offset: Int, message: String) {
        self.offset = offset
        self.message = message
    }

    init(_ problem: String, at offset: Int) {
        self.init(offset: offset, message: "\(problem) at byte \(offset)")
    }
}
