/// A message status word as Kapso and Meta write it (`sent`, `delivered`, `read`, `played`, `failed`, ...), read once
/// so every verdict, ordering and summary agrees on what it means.
///
/// Meta's status webhook values are `sent`, `delivered`, `read`, `played` and `failed`; `played` is "the first time a
/// voice message is played by the WhatsApp user's device" (the blue microphone), so it confirms more than `read`.
/// Kapso's own `kapso.status` adds `pending` before Meta answers (kapso-api.md §7.1 `status` filter).
/// Source: Meta, WhatsApp Cloud API status messages webhook reference
/// (developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/status), see
/// docs/messages-trace-reply.md.
///
/// Meta's On-Premises API adds two words that are no step of the delivery ("Status and Pricing Notifications",
/// developers.facebook.com/docs/whatsapp/on-premises/webhooks/outbound): `warning`, "a message you sent contains an
/// item in a catalog that is not available or does not exist", and `deleted`, "a message sent by the customer was
/// deleted by the customer" (delete any copy downloaded from the server). They have no rank: a verdict names them
/// beside the furthest step reached. A word outside all these is `unknown`: its meaning is not guessed.
public enum StatusWord: Sendable, Equatable {
    /// `accepted`, `pending`, `queued`: Kapso or Meta holds the message, Meta has not confirmed sending it.
    case waiting(String)
    case sent, delivered, read, played, failed
    /// `warning` (On-Premises API): the message names a catalog item that is not available or does not exist.
    case warning
    /// `deleted` (On-Premises API): a message the customer sent was deleted by the customer.
    case deleted
    /// `received`: Kapso's status of an inbound message (kapso-api.md gotcha 14: webhooks and the API write `received`
    /// for inbound messages, though the SPEC enum lacks it); no step of an outbound delivery.
    case received
    /// `suppressed`: Kapso's status of a broadcast recipient who stopped marketing messages on the sending number; the
    /// broadcast skipped them (`suppressedMeaning`). No step of a delivery, and final.
    case suppressed
    /// A word kops does not know (Meta may add statuses), as given.
    case unknown(String)

    public init(_ word: String) {
        switch word {
        case "accepted", "pending", "queued": self = .waiting(word)
        case "sent": self = .sent
        case "delivered": self = .delivered
        case "read": self = .read
        case "played": self = .played
        case "failed": self = .failed
        case "warning": self = .warning
        case "deleted": self = .deleted
        case "received": self = .received
        case "suppressed": self = .suppressed
        default: self = .unknown(word)
        }
    }

    /// The word as Kapso wrote it.
    public var word: String {
        switch self {
        case .waiting(let word), .unknown(let word): word
        case .sent: "sent"
        case .delivered: "delivered"
        case .read: "read"
        case .played: "played"
        case .failed: "failed"
        case .warning: "warning"
        case .deleted: "deleted"
        case .received: "received"
        case .suppressed: "suppressed"
        }
    }

    /// How far along the status is: waiting 0, `sent` 1, `delivered` 2, `read` and `played` 3, `failed` 4 (final);
    /// nil for `warning`, `deleted` and `received` (no step of the delivery) and for an unknown word, whose place is not known.
    public var rank: Int? {
        switch self {
        case .waiting: 0
        case .sent: 1
        case .delivered: 2
        case .read, .played: 3
        case .failed: 4
        case .warning, .deleted, .received, .suppressed, .unknown: nil
        }
    }

    /// True when the status says the message reached the contact's device (`delivered`, `read`, `played`).
    public var reachedDevice: Bool {
        switch self {
        case .delivered, .read, .played: true
        default: false
        }
    }

    /// What a `warning` status means, in Meta's words (On-Premises API status notifications, see above).
    /// Meta documents `warning` for its On-Premises API only; the Cloud API's status reference lists no such status, so
    /// the meaning is said to be that API's.
    public static let warningMeaning = "Meta's On-Premises API sends a warning when the message names a catalog item that "
        + "is not available or does not exist (the Cloud API's status reference lists no warning)"

    /// What a `suppressed` status means, in Kapso's words: "Marketing template sends to a `stopped` contact are refused
    /// … in a broadcast the recipient gets status `suppressed`, which is not a failure and is not charged. Utility and
    /// authentication templates are unaffected" (gokapso/agent-skills, skills/integrate-whatsapp/references/
    /// webhooks-event-types.md, `whatsapp.contact.marketing_preference_changed`; docs.kapso.ai/docs/whatsapp/templates/
    /// marketing-opt-outs: the preference is per number and only the contact can change it, in WhatsApp).
    public static let suppressedMeaning = "suppressed: the contact stopped marketing messages on this number, so the "
        + "broadcast skipped them; not a failure, and not charged (Kapso's status for a broadcast recipient who stopped "
        + "marketing); only the contact can resume promotions, in WhatsApp; send a utility or authentication template "
        + "instead (those go through), or send this one from another number"

    /// The status words kops knows, in order, for messages that name them.
    public static let known = ["pending", "sent", "delivered", "read", "played", "failed", "warning", "deleted", "received", "suppressed"]
}
