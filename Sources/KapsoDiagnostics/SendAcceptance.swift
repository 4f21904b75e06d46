/// What Meta's `message_status` in a send's answer says (kapso-api.md §9.2: `messages[0].message_status`,
/// `accepted` | `held_for_quality_assessment`), so a held message is never reported as plainly sent (probe26 P26-8).
///
/// Source: Meta, "Template pacing" (https://developers.facebook.com/documentation/business-messaging/whatsapp/templates/template-pacing):
/// marketing and utility templates may be paced; once a paced template reaches a threshold, "subsequent messages using
/// that template will be held to allow enough time for customer feedback"; on a good quality signal they are sent to
/// the whole audience, on a bad one "subsequent messages using that template will be dropped".
public struct SendAcceptance: Sendable, Equatable {
    /// The word for the send's outcome: `sent`, or `held` for a message Meta holds.
    public var word: String
    /// What the status means and what to do, or nil when Meta accepted the message (or gave no status).
    public var note: String?
    /// Whether the message is not yet on its way (held by Meta).
    public var held: Bool

    /// Reads `messageStatus`; `template` is the template's name when the message is a template.
    public init(messageStatus: String?, template: String? = nil) {
        switch messageStatus {
        case nil, "accepted":
            (word, note, held) = ("sent", nil, false)
        case "held_for_quality_assessment":
            (word, held) = ("held", true)
            note = "held by Meta for quality assessment (message_status held_for_quality_assessment, template pacing): "
                + "it is sent if \(template.map { "\($0)'s early" } ?? "early") feedback is good and dropped if it is bad; "
                + "'trace' shows which"
        case let other?:
            (word, held) = ("sent", false)
            note = "Meta answered message_status '\(other)', which kops does not know; 'trace' shows what happened to it"
        }
    }
}
