public import KapsoClient

/// Whom a status is about when a message has more than one recipient, or names someone else (probe28 P28-2, P28-20).
///
/// Meta's group status webhooks carry `recipient_type: "group"`, `recipient_id` the group, and the participant as
/// `recipient_participant_id` (their phone number) and/or `recipient_participant_user_id` (their business-scoped user id,
/// BSUID) — Meta's BSUID guide, "Status messages webhooks for groups"
/// (https://developers.facebook.com/docs/whatsapp/business-scoped-user-ids): `"recipient_participant_id":
/// "<GROUP_PARTICIPANT_USER_PHONE_NUMBER>"`, `"recipient_participant_user_id": "<BSUID>"`. Each such status is one
/// participant's: a read by one and a failure for another are two outcomes, not a contradiction.
extension StatusHistory {
    /// The participant a status names: their number, else their BSUID; nil when neither is there (a 1:1 message).
    static func participant(of json: JSONObject) -> String? {
        // The two keys asked in turn, without an array of them made for each status.
        if let value = json["recipient_participant_id"]?.string, !value.isEmpty { return value }
        if let value = json["recipient_participant_user_id"]?.string, !value.isEmpty { return value }
        return nil
    }

    /// True when both statuses name a participant and not the same one: neither says anything of the other's outcome.
    static func aboutOthers(_ a: Event, _ b: Event) -> Bool {
        guard let first = a.participant, let second = b.participant else { return false }
        return first != second
    }

    /// The failed statuses of a group send about participants no delivered, read or played status names, when another
    /// participant's status reached a device: `[(participant, event)]`, oldest first; empty otherwise.
    public var failedParticipants: [(participant: String, event: Event)] {
        let reached = events.filter { StatusWord($0.status).reachedDevice }
        guard !reached.isEmpty else { return [] }
        let named = Set(reached.compactMap(\.participant))
        return failures.compactMap { failure in
            guard let participant = failure.participant, !named.contains(participant) else { return nil }
            return (participant, failure)
        }
    }

    /// The other recipients the delivered, read and played statuses name when every one of them names someone other
    /// than `to` (`otherRecipients`): those statuses are no evidence that `to` got the message. Nil when any of them names
    /// `to` or names no one, or when none was reported (probe28 P28-20: the timeline doubted them, the verdict did not).
    /// `prepended` as `otherRecipients(than:prepended:)` reads it.
    public func reachedOnlyOthers(than to: String?, prepended: PrependedRecipient? = nil) -> [String]? {
        guard let to, !to.isEmpty else { return nil }
        let reached = events.filter { StatusWord($0.status).reachedDevice }
        guard !reached.isEmpty else { return nil }
        var others: [String] = []
        for event in reached {
            guard let recipient = event.recipient, !recipient.isEmpty, !Self.isRecipient(recipient, to: to, prepended: prepended)
            else { return nil }
            if !others.contains(recipient) { others.append(recipient) }
        }
        return others
    }

    /// `reachedOnlyOthers(than:)` for `message`'s recipient (`recipient(of:)`): the one rule behind the verdict's doubt
    /// (`MessageVerdict.reachedOthersOnly`) and the STATUS column's `(other recipient)` (`StatusReading`, tester58 AD3).
    /// Nil for a send to a group, whose statuses are each a participant's.
    public func reachedOnlyOthers(of message: Message, prepended: PrependedRecipient? = nil) -> [String]? {
        guard MessageOrigin(message).sentToGroup == nil else { return nil }
        return reachedOnlyOthers(than: Self.recipient(of: message), prepended: prepended)
    }

    /// True when a status naming `recipient` is about `to`: the same contact (`ContactNumber.same`), or the number Meta
    /// made of a `to` without `+` when that is the contact's own (`PrependedRecipient.isContact`).
    static func isRecipient(_ recipient: String, to: String, prepended: PrependedRecipient?) -> Bool {
        if ContactNumber.same(recipient, to) { return true }
        guard let prepended, prepended.isContact, prepended.to == to else { return false }
        return recipient == prepended.made
    }

    /// The contact's WhatsApp id for a look-up of Kapso's contact (`/whatsapp/contacts/{identifier}/…`): the
    /// `recipient_id` Meta named in the message's statuses when it is another form of the number the message names
    /// (`ContactNumber.same`: Brazil's ninth digit, Mexico's 521, Argentina's 549), else the message's contact. Meta's
    /// `recipient_id` is the WhatsApp id (status webhook reference), and Kapso answers 404 "WhatsApp contact not found" for
    /// an identifier it has no contact under (docs.kapso.ai/api/platform/v1/contacts/get-marketing-preference): a
    /// preference looked up under the dialled `5511987654321` of wa_id `551187654321` cannot succeed, and showed in other
    /// operators' `errors` as a failed call (tester66 W5). Nil when the message names no contact.
    public static func contactWAID(of message: Message) -> String? {
        guard let contact = message.contact, !contact.isEmpty else { return nil }
        let named = StatusHistory(message: message).events.lazy.compactMap(\.recipient).first {
            !$0.isEmpty && ContactNumber.same($0, contact)
        }
        return named ?? contact
    }

    /// Whom a 1:1 send's statuses should name: its `to`, else Kapso's contact for it.
    static func recipient(of message: Message) -> String? { message.json["to"]?.string ?? message.contact }

    /// `the statuses are about US.…19, not the message's recipient 14155550171: the contact's own business-scoped user id,
    /// so most likely about them`, or `…: they may be another recipient's`, when statuses name others than `to`
    /// (`otherRecipients`); nil otherwise. `userIDs` are the contact's own business-scoped user ids
    /// (`MessageVerdict.contactUserIDs`), hedged as the verdict is (tester56b AA14). `trace`'s timeline and `message` say it
    /// with this one line (tester57b: `message` kept "may be another's" for the contact's own id).
    /// `prepended`: the number Meta made of a `to` without `+` is named as that, with whether it is the contact's
    /// (`PrependedRecipient.misdelivery`); the contact's own is no other recipient (`contactNote` says it instead).
    public func otherRecipientsLine(than to: String?, userIDs: [String], prepended: PrependedRecipient? = nil) -> String? {
        let others = otherRecipients(than: to, prepended: prepended)
        guard !others.isEmpty else { return nil }
        let whose = others.allSatisfy(userIDs.contains)
            ? "the contact's own business-scoped user id, so most likely about them"
            : prepended.flatMap { $0.to == to && others == [$0.made] ? $0.misdelivery : nil } ?? "they may be another recipient's"
        return "the statuses are about \(others.joined(separator: ", ")), not the message's recipient \(to ?? "-"): " + whose
    }
}
