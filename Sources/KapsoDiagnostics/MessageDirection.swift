public import KapsoClient

/// Which way a message went: `kapso.direction` when it says `inbound` or `outbound`, else what the message itself shows,
/// else unknown; never outbound by default (probe17 P17-8: a message without `kapso.direction`, with `from` and status
/// `received`, was shown and judged as a send).
///
/// kapso-api.md §7.3: `kapso.direction` is `inbound|outbound` (required); `from` is the contact's number on an inbound
/// message and `to` on an outbound one; gotcha 14: an inbound message's `kapso.status` is `received`; §10.6: Meta's status
/// events (`kapso.statuses`) exist only for messages the business sent. When `kapso.direction` is missing or another word,
/// these are read instead; when they disagree or say nothing, the direction is unknown. The one rule behind every
/// command's "in/out", the verdict, the window and the send-call search (`Message.isInbound`).
public struct MessageDirection: Sendable, Equatable {
    public enum Side: Sendable, Equatable {
        case inbound, outbound, unknown
    }

    public var side: Side
    /// Why the side was inferred or is unknown (`kapso.direction is missing; from is set and to is not`); nil when
    /// `kapso.direction` said it.
    public var reason: String?

    /// Reads the message object (`{from?, to?, kapso: {direction, status, statuses?}}`).
    public init(message: JSONObject) {
        let kapso = message["kapso"]
        let stated = kapso?["direction"]
        if let word = stated?.string?.filter({ !$0.isWhitespace }).lowercased(), word == "inbound" || word == "outbound" {
            self.init(side: word == "inbound" ? .inbound : .outbound, reason: nil)
            return
        }
        let why: String
        switch stated {
        case nil, .null?: why = "kapso.direction is missing"
        case .string(let word)?: why = "kapso.direction is \"\(word.prefix(40))\", neither inbound nor outbound"
        case let other?:
            let article = ["array", "object"].contains(other.typeName) ? "an" : "a"
            why = "kapso.direction is \(article) \(other.typeName), not text"
        }
        func present(_ key: String) -> Bool { message[key]?.string.map { !$0.isEmpty } ?? false }
        var inbound: [String] = []
        var outbound: [String] = []
        if present("from"), !present("to") { inbound.append("from is set and to is not") }
        if present("to"), !present("from") { outbound.append("to is set and from is not") }
        if kapso?["status"]?.string == "received" { inbound.append("Kapso's status is received (an inbound message's)") }
        if let statuses = kapso?["statuses"]?.array, !statuses.isEmpty {
            outbound.append("Meta status events are stored (only sent messages have them)")
        }
        switch (inbound.isEmpty, outbound.isEmpty) {
        case (false, true): self.init(side: .inbound, reason: "\(why); read as inbound: " + inbound.joined(separator: ", "))
        case (true, false): self.init(side: .outbound, reason: "\(why); read as outbound: " + outbound.joined(separator: ", "))
        case (false, false):
            self.init(side: .unknown, reason: "\(why), and the message points both ways (" + (inbound + outbound).joined(separator: "; ") + ")")
        case (true, true): self.init(side: .unknown, reason: "\(why), and nothing else in the message says which way it went")
        }
    }

    public init(side: Side, reason: String?) {
        self.side = side
        self.reason = reason
    }

    /// `inbound`, `outbound` or `unknown`.
    public var word: String {
        switch side {
        case .inbound: "inbound"
        case .outbound: "outbound"
        case .unknown: "unknown"
        }
    }

    /// `inbound`, or with the reason when it was inferred: `inbound (kapso.direction is missing; read as inbound: ...)`.
    public var label: String { reason.map { "\(word) (\($0))" } ?? word }
}

extension Message {
    /// Which way the message went (`MessageDirection`), inferred when `kapso.direction` does not say.
    public var direction: MessageDirection { MessageDirection(message: json) }
    /// True only for a message known to be inbound (stated or inferred); an unknown direction is neither.
    public var isInbound: Bool { direction.side == .inbound }
    /// True only for a message known to be outbound.
    public var isOutbound: Bool { direction.side == .outbound }
    /// The contact's number (digits), from `kapso.phone_number`, else `from` (inbound) or `to` (outbound).
    ///
    /// An empty one is no number: Meta sends a username adopter's message with `"from": ""` and the BSUID in
    /// `from_user_id` ("`from` — … will be empty", https://developers.facebook.com/docs/whatsapp/business-scoped-user-ids),
    /// and a reply built from it went to `"to": ""` (probe26 P26-14).
    public var contact: String? {
        if let number = Self.present(json["kapso"]?["phone_number"]?.string) { return number }
        switch direction.side {
        case .inbound: return Self.present(json["from"]?.string)
        case .outbound: return Self.present(json["to"]?.string)
        case .unknown: return Self.present(json["from"]?.string) ?? Self.present(json["to"]?.string)
        }
    }
    /// The contact's business-scoped user id (`from_user_id` inbound, `to_user_id` outbound): how a contact who
    /// adopted a WhatsApp username and shares no number is addressed (openapi-whatsapp.yaml); nil when empty.
    public var userID: String? { Self.present(json[isInbound ? "from_user_id" : "to_user_id"]?.string) }

    /// `text` unless it is empty or only spaces: Meta writes an absent number as `""`.
    static func present(_ text: String?) -> String? {
        guard let text, text.contains(where: { !$0.isWhitespace }) else { return nil }
        return text
    }
}
