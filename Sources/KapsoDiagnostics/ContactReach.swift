public import KapsoClient

/// The contact's own record that their number is on WhatsApp: another message to them that WhatsApp reported
/// `delivered` or `read`, or one they wrote. Meta's first listed reason for 131026 is "the recipient phone number is not a
/// WhatsApp phone number" (Meta's error-codes page, as public error-code tables quote it); a delivered or read message,
/// or one the contact wrote, rules it out for that number (probe23 P23-6: an OTP to +91 failed 131026 a day after a
/// template to the same number was read, and kops sent the operator after the contact's number).
public struct ContactReach: Sendable, Equatable {
    /// `read`, `delivered` or `wrote`.
    public var what: String
    /// Unix seconds.
    public var time: Int64
    public var messageID: String

    public init(what: String, time: Int64, messageID: String) {
        self.what = what
        self.time = time
        self.messageID = messageID
    }

    /// The newest sign among `messages` (any direction, any order) that `message`'s contact is on WhatsApp: an outbound
    /// message to the same contact with a timed `delivered` or `read` status, or an inbound message they wrote (its own
    /// time); `message` itself is left out. Nil when none.
    public static func newest(for message: Message, among messages: [Message]) -> ContactReach? {
        var found: [ContactReach] = []
        for other in messages where other.id != message.id && same(other, as: message) {
            if other.isInbound {
                if let time = other.time { found.append(ContactReach(what: "wrote", time: time, messageID: other.id)) }
                continue
            }
            guard other.isOutbound else { continue }
            for event in StatusHistory(message: other).events where event.status == "delivered" || event.status == "read" {
                if let time = event.time { found.append(ContactReach(what: event.status, time: time, messageID: other.id)) }
            }
        }
        return found.max { ($0.time, $0.what == "read" ? 1 : 0) < ($1.time, $1.what == "read" ? 1 : 0) }
    }

    /// True when `other` is to or from `message`'s contact (either number form, `ContactNumber.same`).
    private static func same(_ other: Message, as message: Message) -> Bool {
        guard let contact = message.contact ?? message.json["to"]?.string else { return false }
        return ContactNumber.same(other.contact ?? other.json["to"]?.string, contact)
    }

    /// The clause that rules out "not on WhatsApp": `the number is on WhatsApp: a message to it was read at
    /// 2026-11-20T12:06:40Z (wamid.…)`.
    public var onWhatsApp: String {
        let event = what == "wrote" ? "the contact wrote from it" : "a message to it was \(what)"
        return "the number is on WhatsApp: \(event) at \(KapsoTime.iso(time)) (\(messageID)), so 'not a WhatsApp number' does not fit"
    }

    /// 131026's advice when the number is known to be on WhatsApp: the reasons left, said as Meta's open list.
    public var undeliverableAdvice: String {
        onWhatsApp + "; of Meta's other listed reasons (not a complete list) — terms not accepted, an old WhatsApp version, "
            + "or a message held back \"to create a high quality user experience\" — the answer does not say which: do not "
            + "retry in a loop; if it repeats, ask the contact by another channel to update WhatsApp, or open a Meta support "
            + "ticket with the WAMID"
    }
}
