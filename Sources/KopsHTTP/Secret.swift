/// A credential (API key, webhook secret) whose value never appears in descriptions, logs or errors.
///
/// Only the transport (to build a header) and an explicit reveal command read `revealed`; the masked form kops
/// shows (`whsec_…23`) is KapsoDiagnostics `Secret.masked`, from the token-prefix list.
public struct Secret: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    private let value: String

    public init(_ value: String) {
        self.value = value
    }

    /// The clear value; call only to put it on the wire or when the user asked to reveal it.
    public var revealed: String { value }

    public var isEmpty: Bool { value.isEmpty }

    /// What kops prints in place of a value it hides: a secret's description, a masked line, URL or header value.
    public static let redactedText = "<redacted>"

    public var description: String { Self.redactedText }
    public var debugDescription: String { "Secret(\(Self.redactedText))" }
}

/// `dump` and test failure messages read a value's children: a secret shows none.
extension Secret: CustomReflectable {
    public var customMirror: Mirror { Mirror(self, children: [:]) }
}
