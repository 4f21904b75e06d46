public import KapsoClient

/// What a message's status events say besides the status: how Meta priced it (`pricing`), the Meta conversation it
/// was counted in (`conversation`), and the sender's own `biz_opaque_callback_data` echoed back; e.g. a status
/// `{"status": "sent", "pricing": {"billable": false, "pricing_model": "PMP", "category": "service", "type":
/// "free_customer_service"}, "conversation": {"id": "c0ffee00…", "origin": {"type": "service"}}, …}` gives
/// `pricing: not billable; category service (…); type free_customer_service (…); PMP (per-message pricing); on the sent
/// status`.
///
/// Sources: kapso-api.md §7.3 (a status entry carries `conversation {id, origin{type}, expiration_timestamp}`
/// (optional), `pricing {billable, pricing_model, category}` on sent/delivered/read, and `biz_opaque_callback_data` if
/// the send set it) and §9.1 (`biz_opaque_callback_data`: a string of up to 512 characters, echoed in status
/// webhooks); Meta's status messages webhook reference
/// (developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/status/: `pricing
/// {billable, pricing_model, type, category}` and `conversation` come with `sent` and one of `delivered`/`read`;
/// `conversation` is omitted from v24.0 on unless the conversation is a free entry point one; `biz_opaque_callback_data`
/// is "the string assigned by the business … in the send message request"); Meta's pricing pages
/// (developers.facebook.com/docs/whatsapp/pricing: per-message pricing `PMP` replaced conversation-based pricing `CBP`
/// on 1 July 2025; pricing types `regular`, `free_customer_service`, `free_entry_point`).
///
/// Meta's billing conversation is not Kapso's conversation (a UUID, kapso-api.md §8.3), and kops can look neither
/// the price nor the conversation up: what a status carries is all there is.
///
/// What kops does not claim (probe12 P12-7): a charge. Under per-message pricing Meta charges a message when it is
/// delivered (Meta's Groups API pricing page, developers.facebook.com/documentation/business-messaging/whatsapp/
/// groups/pricing/: Groups API "uses Cloud API's per-message pricing model to determine if a given message is
/// billable", and "you are charged each time a billable message is delivered"), and the status reference sends
/// `pricing` with `sent` and `delivered`/`read`, never with `failed`; `billable` itself is deprecated since the
/// per-message model (Graph API v16 typings of whatsapp-api-js, `ServerPricing.billable`). So a `billable` on a
/// failed status is no charge, a message that failed and was never delivered is not charged, and statuses that
/// disagree on a message's pricing are said to disagree, not reconciled. A pricing object of the wrong shape (a
/// number for `pricing_model`, text for `billable`) is named malformed, and nothing is read from it.
public struct StatusBilling: Sendable, Equatable {
    /// One status's `pricing` object.
    public struct Pricing: Sendable, Equatable, Hashable {
        /// `billable`: false for a free message (Meta deprecates the field under per-message pricing, but still sends it).
        public var billable: Bool?
        /// `pricing_model`: `PMP` (per-message) or `CBP` (conversation-based, before July 2025).
        public var model: String?
        /// `category`: `marketing`, `marketing_lite`, `utility`, `authentication`, `authentication_international`,
        /// `service`, `referral_conversion`, or one Meta adds later.
        public var category: String?
        /// `type` (per-message pricing): `regular`, `free_customer_service`, `free_entry_point`.
        public var type: String?
        /// What makes the object unreadable, in field order (`billable is text, not true or false`, `pricing_model is
        /// a number, not a name`, `not an object`); empty when it reads. When not empty the other fields are nil.
        public var malformed: [String] = []

        /// Reads a `pricing` object; nil when it is absent or `null`, or an object holding none of the four fields.
        /// A field of the wrong JSON type, or a `pricing` that is no object, makes it `malformed`.
        public init?(_ json: JSONValue?) {
            guard let json, !json.isNull else { return nil }
            guard let object = json.object else {
                malformed = ["not an object but \(StatusBilling.kind(json))"]
                return
            }
            func field(_ key: String, text: Bool) -> JSONValue? {
                guard let value = object[key], !value.isNull else { return nil }
                let fits = text ? value.string != nil : value.bool != nil
                if !fits { malformed.append("\(key) is \(StatusBilling.kind(value)), not \(text ? "a name" : "true or false")") }
                return fits ? value : nil
            }
            let billable = field("billable", text: false)?.bool
            let model = field("pricing_model", text: true)?.string
            let category = field("category", text: true)?.string
            let type = field("type", text: true)?.string
            guard malformed.isEmpty else { return }
            (self.billable, self.model, self.category, self.type) =
                (billable, model.flatMap(Self.nonEmpty), category.flatMap(Self.nonEmpty), type.flatMap(Self.nonEmpty))
            if self.billable == nil && self.model == nil && self.category == nil && self.type == nil { return nil }
        }

        private static func nonEmpty(_ text: String) -> String? { text.isEmpty ? nil : text }

        /// The category's meaning as `billable` allows it: a category is the rate that would apply, so a pricing Meta marked
        /// not billable (a utility template in an open customer service window, type `free_customer_service`; Meta's
        /// pricing page, developers.facebook.com/docs/whatsapp/pricing) reads "counted as a utility message, free here", and
        /// one whose `billable` another line qualifies (`charged` false: a failed status) "counted as", never "charged as"
        /// (tester50 F7).
        private func categoryMeaning(_ category: String, charged: Bool) -> String? {
            guard let meaning = StatusBilling.categories[category] else { return nil }
            guard meaning.hasPrefix("charged as "), billable == false || !charged else { return meaning }
            return "counted as " + meaning.dropFirst("charged as ".count) + (billable == false ? ", free here" : "")
        }

        /// `not billable; category service (…); type free_customer_service (…); PMP (per-message pricing)`, or
        /// `malformed (pricing_model is a number, not a name), so kops reads nothing from it`.
        public var text: String { text(billable: nil) }

        /// `text`, with `billable` (when given) in place of the word `billable` of a billable pricing.
        func text(billable shown: String?) -> String {
            guard malformed.isEmpty else {
                return "malformed (" + malformed.joined(separator: "; ") + "), so kops reads nothing from it"
            }
            var parts: [String] = []
            if let billable { parts.append(billable ? shown ?? "billable" : "not billable") }
            if let category { parts.append("category \(category)" + (categoryMeaning(category, charged: shown == nil).map { " (\($0))" } ?? "")) }
            if let type { parts.append("type \(type)" + (StatusBilling.types[type].map { " (\($0))" } ?? "")) }
            if let model { parts.append(model + (StatusBilling.models[model].map { " (\($0))" } ?? "")) }
            if let disagreement { parts.append(disagreement) }
            return parts.joined(separator: "; ")
        }

        /// `the fields disagree: billable, yet type free_customer_service is free`: `billable` against a `type` or
        /// `category` that says the opposite (Meta's pricing page: `free_customer_service`, `free_entry_point` and the
        /// `referral_conversion` category are free, `regular` is charged), so neither is read as the charge (tester56
        /// Z8: "billable; … type free_customer_service (free …)" printed as it came). Nil when they agree or one is absent.
        var disagreement: String? {
            guard let billable else { return nil }
            let free = type.map { $0.hasPrefix("free_") } == true ? "type \(type ?? "")"
                : category == "referral_conversion" ? "category referral_conversion" : nil
            if billable, let free { return "the fields disagree: billable, yet \(free) is free; Meta's invoice says which holds" }
            if !billable, type == "regular" {
                return "the fields disagree: not billable, yet type regular is charged; Meta's invoice says which holds"
            }
            return nil
        }
    }

    /// One status's `conversation` object: Meta's billing conversation, not Kapso's.
    public struct MetaConversation: Sendable, Equatable, Hashable {
        /// 32 hex digits (`IDShape`); nil when the object has none.
        public var id: String?
        /// `origin.type`: the conversation's category (`service`, `utility`, `marketing`, `authentication`,
        /// `referral_conversion`, …).
        public var origin: String?
        /// `expiration_timestamp` in Unix seconds (Meta sends it on the status that opened the conversation).
        public var expires: Int64?
        /// The `expiration_timestamp` as given when it is there but no time (`"soon"`, milliseconds).
        public var unreadableExpiry: String?

        /// Reads a `conversation` object; nil when it is not an object or holds neither an id nor an origin.
        public init?(_ json: JSONValue?) {
            guard let object = json?.object else { return nil }
            id = StatusBilling.text(object["id"])
            origin = StatusBilling.text(object["origin"]?["type"])
            let expiry = object["expiration_timestamp"]
            if let expiry, !expiry.isNull {
                expires = KapsoTime.seconds(timestamp: expiry)
                if expires == nil { unreadableExpiry = expiry.string ?? expiry.serialized() }
            }
            if id == nil && origin == nil && expires == nil && unreadableExpiry == nil { return nil }
        }

        /// True when `other` has the same id and says nothing this one contradicts (an origin or expiry it lacks).
        func completes(_ other: MetaConversation) -> Bool {
            func agrees<Value: Equatable>(_ mine: Value?, _ theirs: Value?) -> Bool { mine == nil || theirs == nil || mine == theirs }
            return id != nil && id == other.id && agrees(origin, other.origin) && agrees(expires, other.expires)
                && agrees(unreadableExpiry, other.unreadableExpiry)
        }

        /// Takes the origin and expiry `other` names and this one lacks.
        mutating func fill(from other: MetaConversation) {
            origin = origin ?? other.origin
            expires = expires ?? other.expires
            unreadableExpiry = unreadableExpiry ?? other.unreadableExpiry
        }

        /// `c0ffee00… (origin service; expires 2026-11-22T10:00:00Z)`.
        public var text: String {
            var notes: [String] = []
            if let origin { notes.append("origin \(origin)") }
            if let expires { notes.append("expires \(KapsoTime.iso(expires))") }
            if let unreadableExpiry { notes.append("expiration_timestamp \(unreadableExpiry), not Unix seconds") }
            notes.append("Meta's billing conversation, not Kapso's")
            return (id ?? "no id") + " (" + notes.joined(separator: "; ") + ")"
        }
    }

    /// A value and the statuses (`sent`, `delivered`, …, in history order) that carried it.
    public struct Seen<Value: Sendable & Equatable>: Sendable, Equatable {
        public var value: Value
        public var statuses: [String]
    }

    /// Each different `pricing` of the history, in history order (usually one: the same on sent and delivered).
    public let pricing: [Seen<Pricing>]
    /// Each different Meta `conversation` of the history, in history order.
    public let conversations: [Seen<MetaConversation>]
    /// Each different `biz_opaque_callback_data` of the history (the sender's own text, shown as given: the renderer
    /// escapes control characters; masked transcripts mask it as a body, since it often holds an order id or an email).
    public let callbackData: [Seen<String>]
    /// True when the history has a `delivered` or `read` status: only a delivered message is charged.
    public let wasDelivered: Bool
    /// True when the history has a `failed` status.
    public let hasFailed: Bool

    /// Reads the events of a status history of the message `messageID` (a retried notification counts once, and a
    /// status naming another message is left out, as `StatusHistory` keeps them: another message's price is not this one's).
    public init(statuses: JSONValue?, messageID: String? = nil) {
        var pricing: [Seen<Pricing>] = []
        var conversations: [Seen<MetaConversation>] = []
        var callbackData: [Seen<String>] = []
        func note<Value>(_ value: Value?, _ status: String, in list: inout [Seen<Value>]) {
            guard let value else { return }
            if let index = list.firstIndex(where: { $0.value == value }) {
                if !list[index].statuses.contains(status) { list[index].statuses.append(status) }
            } else {
                list.append(Seen(value: value, statuses: [status]))
            }
        }
        // History order: `StatusHistory` sorts by time; each of its events names the entry it was read from.
        let ordered = StatusHistory(statuses: statuses, sentAt: nil, messageID: messageID).events.map(\.storedIndex)
        let objects = (statuses?.array ?? [])
        var (delivered, failed) = (false, false)
        for index in ordered where index < objects.count {
            guard let json = objects[index].object else { continue }
            let status = json["status"]?.string ?? "unknown"
            if status == "delivered" || status == "read" { delivered = true }
            if status == "failed" { failed = true }
            note(Pricing(json["pricing"]), status, in: &pricing)
            if let conversation = MetaConversation(json["conversation"]) {
                // Meta names the expiry only on the status that opened the conversation: the same id, with nothing
                // said otherwise, is the same conversation.
                if let index = conversations.firstIndex(where: { $0.value.completes(conversation) }) {
                    conversations[index].value.fill(from: conversation)
                    if !conversations[index].statuses.contains(status) { conversations[index].statuses.append(status) }
                } else {
                    conversations.append(Seen(value: conversation, statuses: [status]))
                }
            }
            note(Self.text(json["biz_opaque_callback_data"]), status, in: &callbackData)
        }
        self.pricing = pricing
        self.conversations = conversations
        self.callbackData = callbackData
        (wasDelivered, hasFailed) = (delivered, failed)
    }

    /// The pricing, conversation and callback data of a Platform API message (`kapso.statuses`).
    public init(message: Message) {
        self.init(statuses: message.json["kapso"]?["statuses"], messageID: message.id)
    }

    /// True when no status carried any of the three.
    public var isEmpty: Bool { pricing.isEmpty && conversations.isEmpty && callbackData.isEmpty }

    /// Label and text for each fact, in the order a message view shows them, e.g. `("pricing", "not billable; …; on
    /// sent, delivered")`, `("meta conversation", "c0ffee00… (origin service; …)")`, `("callback data", "order=77")`;
    /// empty when no status carried any. Pricing names the statuses that carried it (Meta prices on sent and one of
    /// delivered/read), so two different prices of one message read apart.
    public var lines: [(label: String, text: String)] {
        func on(_ statuses: [String]) -> String {
            "; on the " + statuses.joined(separator: ", ") + (statuses.count == 1 ? " status" : " statuses")
        }
        return pricing.map { ("pricing", pricingText($0) + on($0.statuses)) }
            + (disagreement.map { [("pricing", $0)] } ?? [])
            + conversations.map { ("meta conversation", $0.value.text) }
            + callbackData.map { ("callback data", $0.value) }
    }

    /// One pricing's text, with what its `billable` does not mean: no charge on a failed status, none for a message
    /// that failed and was never delivered (Meta charges on delivery, see the type's summary).
    private func pricingText(_ seen: Seen<Pricing>) -> String {
        if seen.statuses.allSatisfy({ $0 == "failed" }) {
            return seen.value.text(billable: "billable flag on a failed status, not a charge (Meta charges a message when it is delivered)")
        }
        if hasFailed && !wasDelivered {
            return seen.value.text(billable: "billable, but it failed and no delivered or read status is stored: not charged unless delivered")
        }
        return seen.value.text
    }

    /// A line saying the readable pricings disagree on what matters to a bill (category, billable, model), e.g.
    /// `the statuses disagree (category service / marketing; billable no / yes), so kops cannot tell which Meta charged,
    /// if any`; nil when they agree or there is one.
    var disagreement: String? {
        let readable = pricing.map(\.value).filter { $0.malformed.isEmpty }
        func differing<Value: Hashable>(_ name: String, _ value: (Pricing) -> Value?, _ text: (Value) -> String) -> String? {
            var seen: [Value] = []
            for pricing in readable { if let value = value(pricing), !seen.contains(value) { seen.append(value) } }
            return seen.count > 1 ? "\(name) " + seen.map(text).joined(separator: " / ") : nil
        }
        let differences = [
            differing("category", \.category, { $0 }),
            differing("billable", \.billable, { $0 ? "yes" : "no" }),
            differing("pricing_model", \.model, { $0 }),
        ].compactMap { $0 }
        guard !differences.isEmpty else { return nil }
        return "the statuses disagree (" + differences.joined(separator: "; ") + "), so kops cannot tell which Meta charged, if any"
    }

    // MARK: - What Meta's words mean

    /// `category` (Meta's pricing categories; the same names are a conversation's `origin.type`): what Meta charged the
    /// message as, not the template's category in the WABA's list, which Meta may have treated otherwise (tester49 F1: a
    /// UTILITY template priced `marketing` was glossed "a marketing template").
    static let categories: [String: String] = [
        "marketing": "charged as a marketing message",
        "marketing_lite": "charged as a marketing message sent through Marketing Messages Lite",
        "utility": "charged as a utility message",
        "authentication": "charged as an authentication message",
        "authentication_international": "charged as an authentication message at the international rate",
        // About the price, not the message's kind: Meta prices a utility template sent in an open customer service
        // window as service too (tester54 V19: a template was glossed "not a template").
        "service": "priced as a service message, inside the customer service window",
        "referral_conversion": "a free entry point conversation: the contact came from a Click to WhatsApp ad or a Page button",
    ]

    /// `type` (per-message pricing).
    static let types: [String: String] = [
        "regular": "charged at the category's rate",
        "free_customer_service": "free: in an open customer service window",
        "free_entry_point": "free: in a free entry point window, 72 hours after an ad or Page button",
    ]

    /// `pricing_model`.
    static let models: [String: String] = [
        "PMP": "per-message pricing",
        "CBP": "conversation-based pricing, Meta's model before July 2025",
    ]

    /// What a JSON value is, for a malformed field: `a number`, `text`, `an object`, ….
    static func kind(_ value: JSONValue) -> String {
        switch value {
        case .string: "text"
        case .bool: "true or false"
        case .array: "a list"
        case .object: "an object"
        case .null: "null"
        default: "a number"
        }
    }

    /// A non-empty string value, or a number as text; nil otherwise.
    static func text(_ value: JSONValue?) -> String? {
        guard let text = value?.string ?? value?.int.map(String.init), !text.isEmpty else { return nil }
        return text
    }
}
