public import KapsoClient

/// Where a received message came from, as Meta's `messages` webhook says it: written in a WhatsApp group
/// (`group_id`), sent from a Click-to-WhatsApp ad (`referral`), or forwarded (`context.forwarded`,
/// `context.frequently_forwarded`); e.g. `{"group_id": "Y2FwaV9ncm91cDox…", "from": "14155550188", …}`.
///
/// Sources: Meta's group messages webhook reference ("the message object includes a `group_id`"; `from` is the
/// participant who wrote), developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/group/;
/// Meta's text messages webhook reference (triggers: a forwarded message, a message sent via a Click to WhatsApp
/// ad, which carries `referral`), …/webhooks/reference/messages/text/. A group has its own customer service
/// window ("opened between you and the entire group … different from 1:1 messaging", Meta's Groups pricing,
/// …/whatsapp/groups/pricing/), and a message to it is sent with `recipient_type: "group"` and `to: <group id>`
/// (kapso-api.md §9.1; 360dialog's Groups "Messaging API").
///
/// An outbound message to a group (`sentToGroup`) says so by `recipient_type: "group"` with the group id in `to` (Meta's
/// group messaging guide, …/whatsapp/groups/groups-messaging/: "The `recipient_type` field now supports `group` … The
/// `to` field now supports the group ID"), and its statuses by `recipient_type: "group"`, `recipient_id` the group id and
/// `recipient_participant_id` the participant a delivered or read status is about (Meta's status webhook reference,
/// …/webhooks/reference/messages/status/: "`recipient_id`: <USER_PHONE_NUMBER_OR_GROUP_ID>", the other two "only included if
/// message sent to a group").
public struct MessageOrigin: Sendable, Equatable {
    /// A Click-to-WhatsApp ad or post the contact tapped before writing (`referral`).
    public struct Referral: Sendable, Equatable {
        /// `ad` or `post`.
        public var sourceType: String?
        /// The ad's or post's id (digits).
        public var sourceID: String?
        public var headline: String?
        public var sourceURL: String?
        /// The click id Meta's Conversions API takes for attribution (`ctwa_clid`).
        public var clickID: String?
    }

    /// How a message was forwarded: `once` (`context.forwarded`) or `frequently` (`context.frequently_forwarded`:
    /// forwarded many times, shown in WhatsApp with a double arrow).
    public enum Forwarded: Sendable, Equatable {
        case once, frequently
    }

    /// The product a product enquiry asks about (`context.referred_product`: the contact tapped "Message business" on a
    /// product, so `context.id` is Meta's product message, not one the Platform API lists). Source: contract §7.3
    /// (`context {id, from, referred_product?}`); the field names as public API clients forward Meta's payload
    /// (`referred_product.catalog_id`, `.product_retailer_id`: "Retailer ID (SKU) of the product being asked about",
    /// docs.rs zernio `WebhookPayloadMessageMetadataReferredProduct`).
    public struct ReferredProduct: Sendable, Equatable {
        public var catalogID: String?
        /// The product's SKU in the catalog.
        public var productRetailerID: String?
    }

    /// The group the message was written in (`group_id`), nil for a 1:1 message.
    public var groupID: String?
    /// The group an outbound message was sent to: `to` when the message says `recipient_type: "group"`, else the
    /// `recipient_id` of one of its own statuses (its `id` the message's, or none) that says so; nil for a 1:1 send.
    public var sentToGroup: String?
    public var referral: Referral?
    public var forwarded: Forwarded?
    public var referredProduct: ReferredProduct?

    /// Reads a message object (Meta's fields, as the Platform API and the webhook carry them).
    public init(message: JSONObject) {
        groupID = message["group_id"]?.string.flatMap { $0.isEmpty ? nil : $0 }
        func nonEmpty(_ value: JSONValue?) -> String? { value?.string.flatMap { $0.isEmpty ? nil : $0 } }
        if message["recipient_type"]?.string == "group", let to = nonEmpty(message["to"]) {
            sentToGroup = to
        } else {
            let own = message["id"]?.string
            sentToGroup = (message["kapso"]?["statuses"]?.array ?? []).lazy.compactMap { status -> String? in
                guard status["recipient_type"]?.string == "group" else { return nil }
                if let id = nonEmpty(status["id"]), let own, id != own { return nil }
                return nonEmpty(status["recipient_id"])
            }.first
        }
        if let referral = message["referral"]?.object {
            func text(_ key: String) -> String? { referral[key]?.string.flatMap { $0.isEmpty ? nil : $0 } }
            self.referral = Referral(
                sourceType: text("source_type"), sourceID: text("source_id") ?? referral["source_id"]?.int.map(String.init),
                headline: text("headline"), sourceURL: text("source_url"), clickID: text("ctwa_clid"))
        }
        let context = message["context"]
        if let product = context?["referred_product"]?.object {
            func text(_ key: String) -> String? {
                product[key]?.string.flatMap { $0.isEmpty ? nil : $0 } ?? product[key]?.int.map(String.init)
            }
            referredProduct = ReferredProduct(catalogID: text("catalog_id"), productRetailerID: text("product_retailer_id"))
        }
        if context?["frequently_forwarded"]?.bool == true {
            forwarded = .frequently
        } else if context?["forwarded"]?.bool == true {
            forwarded = .once
        }
    }

    /// The origin of a Platform API message.
    public init(_ message: Message) {
        self.init(message: message.json)
    }

    /// True when the message was written in a group: it opened the group's window, not a 1:1 window with its sender.
    public var isGroup: Bool { groupID != nil }

    /// Label and text for each fact, in the order a message view shows them, e.g. `("group", "Y2Fw… (written in a
    /// WhatsApp group: …)")`; empty for a plain 1:1 message.
    public var lines: [(label: String, text: String)] {
        var lines: [(label: String, text: String)] = []
        if let groupID {
            lines.append(("group", "\(groupID) (written in a WhatsApp group by this participant; \(Self.groupReply()))"))
        }
        if let sentToGroup {
            lines.append(("group", "\(sentToGroup) (\(Self.groupSend))"))
        }
        if let referral {
            var what = referral.sourceType.map { "\($0 == "ad" ? "Click-to-WhatsApp ad" : $0)" } ?? "Click-to-WhatsApp referral"
            if let id = referral.sourceID { what += " \(id)" }
            if let headline = referral.headline { what += ": \"\(headline)\"" }
            lines.append(("referral", what))
            if let url = referral.sourceURL { lines.append(("ad link", url)) }
            if let click = referral.clickID { lines.append(("ctwa_clid", click + " (the click id Meta's Conversions API takes)")) }
        }
        if let referredProduct {
            let sku = referredProduct.productRetailerID.map { "product \($0)" } ?? "a product (no product_retailer_id)"
            let catalog = referredProduct.catalogID.map { " of catalog \($0)" } ?? ""
            lines.append((
                "product",
                "\(sku)\(catalog): a product enquiry (the contact tapped 'Message business' on it; the quoted id is "
                    + "Meta's product message, not a message kops can look up)"))
        }
        switch forwarded {
        case .once: lines.append(("forwarded", "yes (context.forwarded): the contact forwarded it from another chat"))
        case .frequently:
            lines.append(("forwarded", "many times (context.frequently_forwarded: a chain of forwards, WhatsApp's double arrow)"))
        case nil: break
        }
        return lines
    }

    /// What a send to a group is, for the line that names the group.
    public static let groupSend =
        "sent to a WhatsApp group (recipient_type group): each delivered or read status is one participant's (recipient_participant_id)"

    /// Where a reply to a group message goes: `a reply to it goes to the group (recipient_type group, to <id>), …`;
    /// without an id, `to this group id` (for a line that has just named it).
    public static func groupReply(_ groupID: String? = nil) -> String {
        "a reply to it goes to the group (recipient_type group, to \(groupID ?? "this group id")), not to the participant 1:1"
    }
}
