public import KapsoClient

/// A template whose category is not the one it was sent as: Meta re-categorised it (probe26 P26-13: a 131049 on a
/// template Kapso recorded as UTILITY at send, MARKETING now, was explained as "a marketing template … prefer utility
/// templates" without the change being noticed).
///
/// Meta changes a template's category after approval, by hand or by an automated process, and tells the WABA with the
/// `template_category_update` webhook: `message_template_name`, `message_template_language`, and for a completed change
/// `previous_category` and `new_category` (Meta, template_category_update webhook reference,
/// https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/template_category_update;
/// BSPs pass it on the same way, e.g. Wati's `templateCategoryUpdated` with `oldTemplateCategory: UTILITY`,
/// `newTemplateCategory: MARKETING`). A message is limited and priced by the category its template has when it is sent,
/// so a utility template Meta moved to marketing meets marketing's per-user limit (131049).
///
/// kops compares two readings it holds: the category Kapso recorded for the send (`message_type_data.category`, or the
/// pricing category of its statuses: `FailedSend.templateCategory`) and the template's `category` now (kapso-api.md
/// §14.3). Without a recorded category, the template's own `previous_category` is used when it has one; whether Graph
/// returns that field for every template is not documented in what kops has read, so its absence proves nothing.
public struct TemplateRecategorisation: Sendable, Equatable {
    /// The template's name.
    public var name: String
    /// The category the send was recorded with, upper case; nil when Kapso recorded none.
    public var sentAs: String?
    /// The template's category now, upper case.
    public var now: String
    /// The template's `previous_category`, upper case, when it names one.
    public var previous: String?

    /// The change between `message` (a sent template) and `template` (the WABA's template of that name and language,
    /// as listed now); nil when the message is no template, the template names no category, or nothing says the
    /// category changed.
    public init?(message: JSONObject, template: JSONObject) {
        let send = FailedSend(message: message)
        guard send.isTemplate == true, let name = template["name"]?.string,
            let now = template["category"]?.string?.uppercased(), !now.isEmpty
        else { return nil }
        // Pricing categories name the kind (`authentication-international` is authentication).
        let sent = send.templateCategory.flatMap { category in
            Self.categories.first { category.uppercased().hasPrefix($0) }
        }
        let previous = template["previous_category"]?.string?.uppercased()
        if let sent {
            guard sent != now else { return nil }
        } else {
            guard let previous, !previous.isEmpty, previous != now else { return nil }
        }
        self.name = name
        self.sentAs = sent
        self.now = now
        self.previous = previous.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Meta's template categories (kapso-api.md §14.3).
    static let categories = ["MARKETING", "UTILITY", "AUTHENTICATION"]

    /// `order_followup was sent as UTILITY (Kapso's record of the send), but is MARKETING now: Meta re-categorised it,
    /// so …`: what the change means for a 131049 (`code`) or any other failure.
    public func text(code: String?) -> String {
        let was = sentAs.map { "was sent as \($0) (Kapso's record of the send), but is \(now) now" }
            ?? "is \(now) now and was \(previous ?? "-") before (the template's previous_category)"
        let who = sentAs == nil ? "Meta re-categorised it (when is not recorded: it may have been after this send)" : "Meta re-categorised it"
        var text = "\(name) \(was): \(who)"
        if now == "MARKETING" {
            text += code == "131049"
                ? ", so marketing's per-user limit (131049) and marketing pricing apply to it; 'prefer utility templates' "
                    + "means one Meta accepts as utility now"
                : ", so marketing limits and pricing apply to it"
        } else {
            text += ", so it is limited and priced as \(now.lowercased()) now"
        }
        return text
    }
}
