public import KapsoClient

/// A send whose `to` has no `+` (`4155550402`, `(415) 555-0402`) and whose statuses name the number Meta made of it by
/// prepending the sending number's calling code: `14155550402` from a +1 number, `444155550402` from a +44 one.
///
/// Meta, send-messages guide, "WhatsApp user phone number formats" (developers.facebook.com/docs/whatsapp/cloud-api/
/// guides/send-messages; read through the search tool 2026-12-07): "If the plus sign is omitted, your business phone
/// number's country calling code is prepended to the customer's phone number." That number is the contact's only when
/// it is the contact's own number, known from a message they wrote in the conversation (its
/// `from`, their wa_id): from a +44 number, `to: 4155550402` goes to +444155550402, someone else than the contact
/// +14155550402 (tester67b Z0: read as "read by the contact", a misdelivery told as a delivery). Unknown, it is said
/// where it went and that it may not be the person meant; it is never read as the contact's.
public struct PrependedRecipient: Sendable, Equatable {
    /// The `to` as sent, the sending number's calling code (`44`) and the number Meta made (digits, `444155550402`).
    public var to: String
    public var code: String
    public var made: String
    /// The contact's own number (digits) and where it was read (`the conversation's phone number`); nil when unknown.
    public var contact: (number: String, source: String)?
    /// The code of Meta's refusal for the window (131047, 470) on a failed status naming `made`, nil when none
    /// (`windowRefusal`, tester68b B10).
    public var refusedCode: String?

    /// True when the number Meta made is the contact's own: the statuses naming it are the contact's.
    public var isContact: Bool { contact.map { ContactNumber.same($0.number, made) } ?? false }

    /// Reads `message` sent from a number whose digits are `sender`: nil unless it is a 1:1 outbound send whose `to` has
    /// no `+` (nor `00`) and every status naming another than `to` names one number, `to`'s digits with `sender`'s
    /// calling code before them (a trunk `0` dropped or not). `contacts`: the contact's own numbers read, with where each
    /// was read; those that are `to` itself (a conversation Kapso made from the send) or no whole number say nothing, and
    /// two that disagree leave the contact unknown.
    public init?(_ message: Message, sender: String, contacts: [(number: String, source: String)]) {
        guard let to = Self.bareTo(of: message), let code = CountryCallingCode.code(of: sender.filter { $0.isASCII && $0.isNumber })
        else { return nil }
        let digits = to.filter { $0.isASCII && $0.isNumber }
        let made = [code + digits, code + digits.trimmingLeadingZeros()]
        let others = StatusHistory(message: message).otherRecipients(than: to)
        // One made number only: statuses naming both forms (`14155550403` and `104155550403` of `04155550403`) are two
        // recipients, so neither is "the number Meta made" (tester68b B2: a read by the other was called the contact's).
        guard let first = others.first, others == [first], made.contains(first) else { return nil }
        self.to = to
        self.code = code
        self.made = first
        refusedCode = Self.refusal(of: message, naming: first)
        let known = contacts.map { (number: $0.number.filter { $0.isASCII && $0.isNumber }, source: $0.source) }
            .filter { CountryCallingCode.isPlausible($0.number) && $0.number != digits && $0.number != digits.trimmingLeadingZeros() }
        if let own = known.first, known.allSatisfy({ ContactNumber.same($0.number, own.number) }) { contact = own }
    }

    /// True when `message` may be such a send, before its sending number is read: a 1:1 outbound send with a `to`
    /// without `+` and a status naming `to`'s digits with one to three more before them. The cheap test each listed send
    /// takes, so only these cost a read of the sending number and the contact.
    public static func isCandidate(_ message: Message) -> Bool {
        guard message.isOutbound, MessageOrigin(message).sentToGroup == nil, let to = bareTo(of: message) else { return false }
        let digits = to.filter { $0.isASCII && $0.isNumber }.trimmingLeadingZeros()
        guard digits.count >= 6, let statuses = message.json["kapso"]?["statuses"]?.array else { return false }
        return statuses.contains { status in
            guard let recipient = status["recipient_id"]?.string, recipient != to else { return false }
            return (1...4).contains(recipient.count - digits.count) && recipient.hasSuffix(digits)
        }
    }

    /// `message`'s `to` when written without `+` or `00`: the form Meta completes with the sender's calling code.
    static func bareTo(of message: Message) -> String? {
        guard let to = message.json["to"]?.string, !to.hasPrefix("+"), !to.hasPrefix("00"),
            to.contains(where: { $0.isASCII && $0.isNumber })
        else { return nil }
        return to
    }

    /// `sent to 4155550402, without + and country code: Meta prepends the sending number's calling code (+1), which made
    /// +14155550402, the contact's own number (the conversation's phone number), whom the statuses name; send E.164 with
    /// + (+14155550402) …`: the note beside the contact's read. Nil unless `isContact`.
    public var contactNote: String? {
        guard isContact, let contact else { return nil }
        return "sent to \(to), without + and country code: Meta prepends the sending number's calling code (+\(code)), which "
            + "made +\(made), the contact's own number (\(contact.source)), whom the statuses name; send E.164 with + "
            + "(+\(made)) so the number is never completed with the sender's country code by mistake"
    }

    /// Where the send went when the number Meta made is not known to be the contact's: `+444155550402 is what Meta made
    /// of 4155550402 from a +44 number (…), not the contact's own number +14155550402 (…): it may have reached another
    /// person (possible misdelivery); …`. Nil when `isContact`.
    public var misdelivery: String? {
        guard !isContact else { return nil }
        let made = "+\(self.made) is what Meta made of \(to) from a +\(code) number (it prepends the sending number's calling "
            + "code to a number sent without +)"
        guard let contact else {
            return made + "; kops read no number the contact wrote from in this conversation before this send (and since any "
                + "number change) to tell whether that is the person meant: possible misdelivery; send E.164 with + and the "
                + "country code"
        }
        return made + ", not the contact's own number +\(contact.number) (\(contact.source)): it may have reached another "
            + "person (possible misdelivery); send E.164 with + and the country code (+\(contact.number))"
    }
}

// Equatable by value, the tuple aside.
extension PrependedRecipient {
    public static func == (a: PrependedRecipient, b: PrependedRecipient) -> Bool {
        a.to == b.to && a.code == b.code && a.made == b.made && a.contact?.number == b.contact?.number
            && a.contact?.source == b.contact?.source
    }
}
