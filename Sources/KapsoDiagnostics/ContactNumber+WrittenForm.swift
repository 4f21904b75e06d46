public import KapsoClient

/// Which forms of a Brazilian, Mexican or Argentine mobile number the contact wrote from and was sent to. WhatsApp
/// knows an account by its WhatsApp ID (`wa_id`, an inbound message's `from`), which for these numbers may be the older
/// form (Brazil without the ninth digit, Mexico with the 1, Argentina with the 9), and a send to the dialled form of an
/// account whose ID is the other fails as if the number were not on WhatsApp: Zoho, "What is the reason for
/// inconsistencies in mobile numbers and their WhatsApp IDs in Brazil and Mexico?" (help.zoho.com: sent to +55 (21)
/// 98765-4321 "your message will not be delivered … marked as 'Number does not exist on WhatsApp'"); Gupshup, "A brief
/// note on the inconsistencies for mobile numbers and their WhatsApp IDs in Brazil (digit 9) & Mexico (digit 1)"
/// (support.gupshup.io: "WhatsApp IDs are needed to send messages"); whapi.cloud, "Specifics of sending messages to
/// numbers of different countries" (Mexico, Argentina, Brazil: "Always use the WhatsApp Chat ID … returned in the
/// webhook"); Kapso records the contact under that ID (`waId`, "WhatsApp ID (E.164 without plus)",
/// docs.kapso.ai/docs/whatsapp/typescript-sdk/contacts). Read through the search tool 2026-12-06 (tester60 AH15).
/// kops still sends to the form given and names the other: a public test number's allowed list holds the form without
/// Mexico's 1 or Argentina's 9 and refuses the WhatsApp ID's form with 131030 (probe37 P37-3), and no Meta page says
/// which form a production send must use, so rewriting what the user typed would be a guess stated as a fact.
extension ContactNumber {
    /// The contact's newest message they wrote came from `digits`, another form of the number given (`typed`).
    public struct WrittenForm: Sendable, Equatable {
        /// The form the contact wrote from, and the form given.
        public var digits: String
        public var typed: String
        public var match: Match
        /// When they wrote from it (Unix seconds).
        public var at: Int64

        /// The form the newest message the contact wrote 1:1 (`WindowEvidence.opens`) among `messages` came from, when
        /// it is another form of `typed` (digits); nil when it is `typed` itself, or no message of theirs was read.
        public static func newest(of typed: String, among messages: [Message], now: Int64) -> WrittenForm? {
            guard let newest = ContactNumber.newestForm(of: typed, among: messages, now: now), newest.digits != typed,
                let match = ContactNumber.match(newest.digits, typed)
            else { return nil }
            return WrittenForm(digits: newest.digits, typed: typed, match: match, at: newest.at)
        }

        /// `the contact wrote from +551187654321 at … (1 h ago), the same number as +5511987654321 in another form (…): …`.
        /// `again`: what follows `reply --to +DIGITS` in the command to send again (`TEXT`, `--template NAME`).
        public func note(now: Int64, again: String = "TEXT") -> String {
            "the contact wrote from +\(digits) at \(KapsoTime.iso(at)) (\(Elapsed.text(max(0, now - at))) ago), the same number "
                + "as +\(typed) in another form (\(ContactNumber.reason(match))), their WhatsApp ID: sending to +\(typed) as given; "
                + "if Meta answers 131026, send to +\(digits) ('reply --to +\(digits) \(again)')"
        }
    }

    /// The form (digits) of `typed` the newest message the contact wrote 1:1 (`WindowEvidence.opens`) among `messages`
    /// came from, and when; nil when none of theirs was read.
    static func newestForm(of typed: String, among messages: [Message], now: Int64) -> (digits: String, at: Int64)? {
        var newest: (digits: String, at: Int64)?
        for message in messages where message.isInbound {
            guard let from = message.contact?.filter(\.isNumber), same(from, typed), let at = WindowEvidence(message, now: now).opens,
                at > newest?.at ?? .min
            else { continue }
            newest = (from, at)
        }
        return newest
    }

    /// What a 131026 (undeliverable) to `digits` may be when the number has another form (`otherForm`): the account's
    /// WhatsApp ID in that form, from the contact's `messages` that were read (nil: not read). Nil for a number with
    /// one form, or when the contact's newest message they wrote came from `digits` itself. `again`: what follows
    /// `reply --to +DIGITS` in the command to send again (`TEXT`, `--template NAME`).
    public static func undeliverableForm(sentTo digits: String, among messages: [Message]?, now: Int64, again: String = "TEXT") -> String? {
        guard let other = otherForm(digits) else { return nil }
        let newest = messages.flatMap { newestForm(of: digits, among: $0, now: now) }
        if let newest, newest.digits != digits, let match = match(newest.digits, digits) {
            return "the contact wrote at \(KapsoTime.iso(newest.at)) from +\(newest.digits), another form of +\(digits) "
                + "(\(reason(match))), which is their WhatsApp ID: send to it ('reply --to +\(newest.digits) \(again)')"
        }
        guard newest == nil else { return nil }
        return "+\(digits) has another form, +\(other.digits) (\(reason(other.match))), and an account keeps the form its "
            + "WhatsApp ID was made with; kops read no message of the contact's from either, so try that form "
            + "('reply --to +\(other.digits) \(again)')"
    }
}
