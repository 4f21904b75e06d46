/// What kind of call a pasted line was, as far as its words say: `POST /meta/whatsapp/v24.0/123/messages 504` is a send,
/// `GET /platform/v1/whatsapp/messages 499` a read; `HTTP 504` alone says neither.
///
/// The kind decides what a gateway timeout or a closed connection means: a read can be retried, while a send may have
/// gone out before the answer was lost (`ServerFailure`, RFC 9110 §9.2.2: POST is not idempotent), so "retry" could
/// send the message twice (tester59b AG19, AG21; probe28 P28-12).
public enum PastedCall: Sendable, Equatable {
    /// A send of a message (POST to a `/messages` edge, or words that say a send).
    case send
    /// Another write (POST, PUT, PATCH, DELETE).
    case write
    /// A read (GET, HEAD).
    case read

    /// Reads the method and path in `text`; nil when the words name neither.
    public init?(_ text: String) {
        let words = text.split { $0.isWhitespace || "\"'`,;()[]{}=".contains($0) }.map(String.init)
        let methods = words.filter { ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"].contains($0.uppercased()) && $0.count > 2 }
            .filter { $0 == $0.uppercased() || words.contains("method") }
        let messages = words.contains { word in
            let path = word.split(separator: "?").first.map(String.init) ?? word
            return path.hasSuffix("/messages") && (path.contains("/meta/") || path.contains("/v2") || path.contains("/v1"))
                && !path.contains("/platform/")
        }
        let lowered = Set(words.map { $0.lowercased() })
        switch methods.first?.uppercased() {
        case "GET"?, "HEAD"?: self = .read
        case "POST"? where messages: self = .send
        case _? : self = .write
        case nil where messages || !lowered.isDisjoint(with: ["send", "sending", "sent", "send_message", "sendmessage"]): self = .send
        case nil: return nil
        }
    }

    /// What a gateway or a closed connection leaves of the call: a send may have gone out, a write may have taken effect.
    public var unknownOutcome: String? {
        switch self {
        case .send:
            "the message may have been sent: look for it in 'messages' (that contact, that time) or 'trace' its WAMID "
                + "before sending again, or the contact may get it twice"
        case .write: "the write may have taken effect: check what it changed before retrying it"
        case .read: nil
        }
    }

    /// One sentence for a line that does not say which kind of call it was.
    public static let eitherOutcome = "if the call was a send, its outcome is unknown: look for the message in 'messages' "
        + "(that contact, that time) before sending again, or the contact may get it twice; if it was a read, retry it"
}
