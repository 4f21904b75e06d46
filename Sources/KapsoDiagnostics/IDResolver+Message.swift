internal import KapsoClient

// MARK: - A message found: its WAMID's, or the UUID Kapso lists it under

extension IDResolver {
    /// What message `message` is, for id `id` as looked up (a WAMID, whose contact `number` it carries, or the UUID Kapso
    /// lists a message under when it holds no WAMID for it: tester56 Z8, tester57b AC3).
    static func messageIdentity(_ message: Message, id: String, carried number: String?, facts: Facts) -> Identity {
        let line = message.phoneNumberID.flatMap { pnid in facts.numbers.first { $0.id == pnid } }
        let direction = message.isInbound ? "an inbound \(message.type) message from" : "an outbound \(message.type) message to"
        let who = MessageOrigin(message).sentToGroup.map { "WhatsApp group \($0)" } ?? message.contact.map { contact($0.filter(\.isNumber)) } ?? number.map(contact)
            ?? message.userID.map { userLabel($0, username: message.username, name: message.contactName) } ?? "an unknown contact"
        let history = StatusHistory(message: message)
        // The failure's code as the verdict reads it (`MessageError.ofFailure`: its status's, else the message's own, P37-11).
        let failure = history.failures.isEmpty && StatusWord(message.status) != .failed ? ""
            : MessageError.primary(of: MessageError.ofFailure(message.json, history: history))?.code.map { " \($0)" } ?? ""
        // Kapso's word that only a stored status of another message has is not this message's (StatusHistory.foreign).
        let status = history.kapsoStatusIsForeign(message.status)
            ? "\((history.latest ?? history.events.last)?.status ?? "no status of its own") (Kapso's '\(message.status)' comes from a stored status of another message)"
            : message.status + failure
                // The contact's later messages read with it say what a bare `sent` does not, as `trace` says it (P39-1).
                + (facts.now.flatMap { LaterEvidence.note(message, among: facts.messages, now: $0) }.map { ", " + $0 } ?? "")
        // A UUID is Kapso's own id of a message it holds no WAMID for (`messages` lists it, `trace` traces it): named so.
        let kapsoID = IDInput.isUUID(id)
        var identity = Identity(
            input: id, kind: .wamid,
            statement: "\(id) is \(kapsoID ? "Kapso's id of " : "")\(direction) \(who) on \(line.map(label) ?? message.phoneNumberID ?? "an unknown number"), "
                + status,
            next: "trace \(message.id)")
        identity.details = [
            Identity.Detail("contact", who), Identity.Detail("conversation", message.conversationID ?? "-"),
            Identity.Detail("phone-number id", message.phoneNumberID ?? "-"),
            Identity.Detail("time", message.time.map(KapsoTime.iso) ?? "-"),
        ]
        if kapsoID {
            identity.details.insert(
                Identity.Detail("WAMID", "none recorded: Kapso lists this message under its own id, which 'trace' and 'message' take"),
                at: 0)
        }
        // Typed with other `=` padding than Kapso stored: the form that matched is named, and the id to use (P37-15).
        if !kapsoID, message.id != id {
            let form = WAMID.paddingDifference(typed: id, stored: message.id) ?? "in another form"
            identity.details.insert(Identity.Detail("stored as", "\(message.id) (found \(form); Kapso serves it by this form)"), at: 0)
        }
        if let number, let shown = message.contact?.filter(\.isNumber), shown != number {
            // The other form of the same Brazilian, Mexican or Argentine mobile number is the same contact, as `whois NUMBER`
            // and `messages --phone-number` read it (ContactNumber.match; probe23 P23-5): a detail, not a warning.
            if let match = ContactNumber.match(number, shown) {
                identity.details.append(
                    Identity.Detail(
                        "contact number forms",
                        "the id carries \(number), another form of \(contact(shown)) (\(ContactNumber.reason(match)); "
                            + "Meta's wa_id may have either form): the same contact"))
            } else {
                identity.warnings.append("the id carries \(contact(number)), but the message's contact is \(contact(shown))")
            }
        }
        identity.phoneNumberIDs = message.phoneNumberID.map { [$0] } ?? []
        identity.moment = message.time
        identity.contacts = [(message.contact?.filter(\.isNumber) ?? number ?? "", message.contactName)].filter { !$0.0.isEmpty }
        if let number, !identity.contacts.contains(where: { $0.phoneNumber == number }) { identity.contacts.append((number, nil)) }
        return identity
    }
}
