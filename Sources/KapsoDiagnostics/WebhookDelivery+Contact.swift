public import KapsoClient

/// Which contact a webhook delivery is about, as Kapso names it in the delivery row (`conversation_phone_number`,
/// kapso-api.md §4), and whether that is a given contact.
///
/// Kapso names the contact in the form WhatsApp gave it (the `wa_id`), which for a Brazilian, Mexican or Argentine mobile
/// is often not the number kops holds for the message (`5531987654321` dialled, `553187654321` as WhatsApp id):
/// `ContactNumber.same` is the one equality of numbers, and the delivery matcher asks it as `whois`, the 24-hour window
/// and the allowed-list check do (probe40 P40-1: `trace` read the other form as another contact and said "Kapso skipped
/// this one: report it to Kapso support" for deliveries Kapso made). Sources: `ContactNumber`'s (Zoho, Zoko,
/// whapi.cloud).
extension WebhookDelivery {
    /// The delivery's `conversation_phone_number` as Kapso wrote it (`+553187654321`); nil when the row has none or an
    /// empty one.
    public var contactNumber: String? { Message.present(json["conversation_phone_number"]?.string) }

    /// True when this delivery may be about `contact` (digits, a number with `+`, or a business-scoped user id): it names
    /// no contact, or it names one with the same digits, or the other WhatsApp-id form of the same Brazilian, Mexican or
    /// Argentine mobile (`ContactNumber.same`). False when it names a contact that is not `contact`.
    ///
    /// A contact without a number (`contact` nil: a username adopter known by a BSUID, `userID`) has a conversation whose
    /// `phone_number` is null (kapso-api.md §8.3: "null for BSUID-only contacts"), so only a row naming no contact, or
    /// naming that BSUID, may be about them: a row naming a number is another contact's (tester52 H3: `trace` of a
    /// BSUID-only contact's message listed 14155550171's delivery as its own and said "more than one message to this
    /// contact at that time").
    public func mayConcern(contact: String?, userID: String? = nil) -> Bool {
        guard let named = contactNumber else { return true }
        guard let contact else { return userID == named }
        if named.filter(\.isNumber) == contact.filter(\.isNumber) { return true }
        return ContactNumber.same(named, contact) || ContactNumber.isNationalForm(named, of: contact)
    }

    /// True when this delivery may be about `message`'s contact (`mayConcern(contact:userID:)`).
    public func mayConcern(_ message: Message) -> Bool { mayConcern(contact: message.contact, userID: message.userID) }
}
