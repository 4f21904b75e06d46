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
    /// The delivery's `conversation_phone_number` as Kapso wrote it (`+553187654321`); nil when the row has none.
    public var contactNumber: String? { json["conversation_phone_number"]?.string }

    /// True when this delivery may be about `contact` (digits, a number with `+`, or a business-scoped user id): it names
    /// no contact, or it names one with the same digits, or the other WhatsApp-id form of the same Brazilian, Mexican or
    /// Argentine mobile (`ContactNumber.same`). False only when it names a contact that is not `contact`.
    public func mayConcern(contact: String?) -> Bool {
        guard let named = contactNumber, let contact else { return true }
        if named.filter(\.isNumber) == contact.filter(\.isNumber) { return true }
        return ContactNumber.same(named, contact)
    }
}
