public import KapsoClient

/// Verdicts that follow whom the statuses are about (`StatusHistory+Participants`): a group send read by one participant
/// and failed for another (probe28 P28-2), and statuses that name another recipient than the message's (P28-20).
extension MessageVerdict {
    /// The verdict on a send to a group: `toGroup`, with the failures for participants no delivery or read names said
    /// beside it (`failed 131026 for participant 14155552802 (message undeliverable)`): each group status is one
    /// participant's (Meta's BSUID guide, "Status messages webhooks for groups"), so one participant's failure beside
    /// another's read is two outcomes, not a conflict — and "confirm with the contact" would ask someone who has it.
    static func groupVerdict(_ group: String, _ status: String, history: StatusHistory, message: Message, now: Int64) -> MessageVerdict? {
        let failed = history.failedParticipants
        guard !failed.isEmpty, let furthest = history.furthestReached?.status,
            let verdict = toGroup(group, furthest, history: history, message: message, now: now)
        else { return toGroup(group, status, history: history, message: message, now: now) }
        let notes = failed.map { item -> String in
            let error = MessageError.primary(of: item.event.errors)
            let code = error?.code.map { "failed \($0)" } ?? "failed without an error code"
            let name = error?.shownName.map { " (\($0))" } ?? ""
            let at = item.event.time.map { " at \(KapsoTime.iso($0))" } ?? ""
            return "\(code)\(name) for participant \(item.participant)\(at)"
        }
        return verdict.appending(notes.joined(separator: "; "), severity: .warning)
    }

    /// `the delivered and read statuses name 14155559999, not the message's recipient 14155553501: whether 14155553501
    /// got it is unknown (the statuses may be another recipient's)`, when every delivery, read or play names another
    /// recipient (`StatusHistory.reachedOnlyOthers`); nil otherwise. Meta's status `recipient_id` is the WhatsApp id
    /// the status is about (status webhook reference), so such statuses are no evidence about this recipient; the
    /// verdict follows the timeline's doubt instead of "read by the contact". A `sent` at the send's own second is said
    /// without a delay ("sent 0 s after sending" says nothing, tester56 Z4); another recipient that is the number the
    /// contact moved to (`moved`, their `user_changed_number`) is named as that; so is one that is the contact's own
    /// business-scoped user id (`userIDs`, `contactUserIDs`; tester56b AA14), hedged: kapso-api.md does not say whether
    /// Meta writes a BSUID into `recipient_id`.
    /// `prepended`: a `to` without `+` completed into the contact's own number is theirs; into another, the verdict says
    /// where it went and that it may not be the person meant (`PrependedRecipient.misdelivery`, tester67b Z0).
    static func reachedOthersOnly(
        _ message: Message, history: StatusHistory, moved: ContactWindow.Moved? = nil, userIDs: [String] = [],
        prepended: PrependedRecipient? = nil
    ) -> MessageVerdict? {
        guard let others = history.reachedOnlyOthers(of: message, prepended: prepended), let to = StatusHistory.recipient(of: message)
        else { return nil }
        var words: [String] = []
        for event in history.events where StatusWord(event.status).reachedDevice && !words.contains(event.status) {
            words.append(event.status)
        }
        let sentEvent = history.events.first { $0.status == "sent" }
        let sent = sentEvent == nil ? "" : sentEvent?.sinceSend == 0 ? "WhatsApp reported it sent; " : "sent\(after("sent", history)); "
        let statuses = words.count == 1 ? "the \(words[0]) status names" : "the \(words.joined(separator: " and ")) statuses name"
        // The number the contact moved to (the newest of their moves, or one they moved through).
        let movedTo = moved.flatMap { moved in
            others.first { other in ([moved.number].compactMap { $0 } + moved.through.map(\.number)).contains { ContactNumber.same($0, other) } }
        }
        let movedWhose: String? = movedTo.map { new in
            "\(new) is the number this contact moved to (user_changed_number"
                + (moved?.at.map { " at \(KapsoTime.iso($0))" } ?? "") + "): the statuses are most likely about the contact "
                + "under their new number, not a proof that \(to) got it"
        }
        // The number Meta made of a `to` without `+`, not known to be the contact's: where it went (tester67b Z0).
        let misdelivery: String? = prepended.flatMap { $0.to == to && others == [$0.made] ? $0.misdelivery : nil }
        let whose: String = movedWhose ?? ownUserIDs(others, userIDs: userIDs, message: message) ?? misdelivery
            ?? "the statuses may be another recipient's"
        return MessageVerdict(
            "\(sent)\(statuses) \(others.joined(separator: ", ")), not the message's recipient \(to): whether \(to) got it is "
                + "unknown (\(whose))", .warning)
    }

    /// `US.…19 is Contact A's business-scoped user id: the statuses are most likely about this contact …` when every id
    /// in `others` is one of the contact's own (`userIDs`); nil otherwise.
    private static func ownUserIDs(_ others: [String], userIDs: [String], message: Message) -> String? {
        guard !others.isEmpty, others.allSatisfy(userIDs.contains) else { return nil }
        let whose = message.contactName.map { "\($0)'s" } ?? "this contact's"
        return "\(others.joined(separator: ", ")) \(others.count == 1 ? "is" : "are") \(whose) business-scoped user id: the "
            + "statuses are most likely about this contact, though no Kapso or Meta page read says whether Meta writes that id "
            + "into recipient_id"
    }

    /// The business-scoped user ids `messages` (the contact's, as `trace` lists them) tie to the contact: the ids they
    /// wrote or were written to under (`from_user_id`, `to_user_id`, parents) and the new id a `user_changed_user_id`
    /// notice of theirs names (`WindowEvidence.newUserID`), as `whois` ties a BSUID to a contact.
    public static func contactUserIDs(_ messages: [Message]) -> [String] {
        var ids: [String] = []
        for message in messages {
            for id in [message.userID, message.parentUserID, WindowEvidence(message, now: nil).newUserID].compactMap({ $0 })
            where !ids.contains(id) {
                ids.append(id)
            }
        }
        return ids
    }
}
