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

        /// Reads a `pricing` object; nil when it is not an object or holds none of the four fields.
        public init?(_ json: JSONValue?) {
            guard let object = json?.object else { return nil }
            billable = object["billable"]?.bool
            model = StatusBilling.text(object["pricing_model"])
            category = StatusBilling.text(object["category"])
            type = StatusBilling.text(object["type"])
            if billable == nil && model == nil && category == nil && type == nil { return nil }
        }

        /// `not billable; category service (…); type free_customer_service (…); PMP (per-message pricing)`.
        public var text: String {
            var parts: [String] = []
            if let billable { parts.append(billable ? "billable" : "not billable") }
            if let category { parts.append("category \(category)" + (StatusBilling.categories[category].map { " (\($0))" } ?? "")) }
            if let type { parts.append("type \(type)" + (StatusBilling.types[type].map { " (\($0))" } ?? "")) }
            if let model { parts.append(model + (StatusBilling.models[model].map { " (\($0))" } ?? "")) }
            return parts.joined(separator: "; ")
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
        for index in ordered where index < objects.count {
            guard let json = objects[index].object else { continue }
            let status = json["status"]?.string ?? "unknown"
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
        return pricing.map { ("pricing", $0.value.text + on($0.statuses)) }
            + conversations.map { ("meta conversation", $0.value.text) }
            + callbackData.map { ("callback data", $0.value) }
    }

    // MARK: - What Meta's words mean

    /// `category` (Meta's pricing categories; the same names are a conversation's `origin.type`).
    static let categories: [String: String] = [
        "marketing": "a marketing template",
        "marketing_lite": "a marketing template sent through Marketing Messages Lite",
        "utility": "a utility template",
        "authentication": "an authentication template",
        "authentication_international": "an authentication template at the international rate",
        "service": "not a template: a reply in the customer service window",
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

    /// A non-empty string value, or a number as text; nil otherwise.
    static func text(_ value: JSONValue?) -> String? {
        guard let text = value?.string ?? value?.int.map(String.init), !text.isEmpty else { return nil }
        return text
    }
}
