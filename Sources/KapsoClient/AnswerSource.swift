#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// What an answer's JSON was read from: the body's bytes as received and how `KapsoClient` read them. Two answers with
/// equal sources were read into equal JSON (the parser and the list scanner are functions of their input), so a
/// listener that walked one need not walk the other (`Redactor.learn(from:source:)`, docs/performance.md "Session 50").
public struct AnswerSource: Sendable, Equatable {
    /// How the body was read.
    public enum Reading: Sendable, Equatable {
        /// The whole document (`JSONValue.parse`).
        case whole
        /// The whole document, with the bytes of each `data` item kept (`JSONValue.parseList`).
        case list
        /// Each `data` item cut down to `keys`, with `located` found in it (`JSONValue.scanList`).
        case kept(keys: [String], located: [String])
    }

    /// The (decompressed) body, as `HTTPResponse.body` holds it.
    public let body: [UInt8]
    public let reading: Reading

    public init(body: [UInt8], reading: Reading) {
        self.body = body
        self.reading = reading
    }

    /// Equal bodies read the same way: lengths first, then the bytes with one `memcmp` (not a byte loop).
    public static func == (lhs: AnswerSource, rhs: AnswerSource) -> Bool {
        guard lhs.body.count == rhs.body.count, lhs.reading == rhs.reading else { return false }
        return lhs.body.withUnsafeBytes { left in
            rhs.body.withUnsafeBytes { right in
                left.count == 0 || memcmp(left.baseAddress!, right.baseAddress!, left.count) == 0
            }
        }
    }
}
