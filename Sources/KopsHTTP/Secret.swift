/// A credential (API key, webhook secret) whose value never appears in descriptions, logs or errors.
///
/// Only the transport (to build a header) and an explicit reveal command read `revealed`.
public struct Secret: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    private let value: String

    public init(_ value: String) {
        self.value = value
    }

    /// The clear value; call only to put it on the wire or when the user asked to reveal it.
    public var revealed: String { value }

    public var isEmpty: Bool { value.isEmpty }

    /// A masked form that keeps the last two characters, e.g. `whsec_…23` or `…ab` (never more than 2 chars).
    public var masked: String {
        let tail = value.count > 8 ? String(value.suffix(2)) : ""
        if let underscore = value.firstIndex(of: "_"), value.distance(from: value.startIndex, to: underscore) <= 8,
            value.count > 12
        {
            return String(value[...underscore]) + "…" + tail
        }
        return "…" + tail
    }

    public var description: String { "<redacted>" }
    public var debugDescription: String { "Secret(<redacted>)" }
}

/// `dump` and test failure messages read a value's children: a secret shows none.
extension Secret: CustomReflectable {
    public var customMirror: Mirror { Mirror(self, children: [:]) }
}
