public import KapsoClient

// MARK: - A business-scoped user id (a contact who adopted a username and shares no number)

extension IDResolver {
    /// What a BSUID is in this project, from the messages from or to it (`userMessages`) and their conversation: the
    /// username and name are read from whichever has them (an outbound message carries neither; probe5 P5-15).
    static func resolveUserID(_ id: String, facts: Facts) -> Identity {
        // Every id form of the contact, from the same records: a parent BSUID is on the message (`from_parent_user_id`)
        // and the conversation (`parent_business_scoped_user_id`), not only the BSUID (probe28 P28-9).
        // An id a notice names as the contact's new one is theirs, with the messages of the id it replaced (tester56 Z5).
        let change = ContactWindow.UserIDChange.replacing(id, in: facts.messages)
        let messages = facts.messages.filter { message in message.hasUserID(id) || change.map { message.hasUserID($0.old) } == true }
            .sorted { ($0.time ?? 0) > ($1.time ?? 0) }
        let parent = BusinessScopedUserID.isParent(id) ? "parent " : ""
        let conversationIDs = Set(messages.compactMap(\.conversationID))
        let conversations = facts.conversations.filter { $0.hasUserID(id) || conversationIDs.contains($0.id) }
        let conversation = conversations.max { ($0.lastActiveAt ?? "") < ($1.lastActiveAt ?? "") }
        guard messages.first != nil || conversation != nil else {
            return Identity(
                input: id, kind: .unknown,
                statement: "\(id) has the shape of a \(parent)business-scoped user id, but no message or conversation in this project is from or to it"
                    + (parent.isEmpty ? "" : " (among its newest 100 inbound messages and conversations)"),
                fix: "BSUIDs are per business portfolio: copy it from this project's webhook payload ("
                    + (parent.isEmpty ? "from_user_id, user_id)" : "from_parent_user_id, parent_business_scoped_user_id)"))
        }
        let lineIDs = Set(messages.compactMap(\.phoneNumberID) + conversations.compactMap(\.phoneNumberID))
        let lines = facts.numbers.filter { lineIDs.contains($0.id) }
        let username = messages.lazy.compactMap(\.usernameHandle).first ?? conversation?.usernameHandle
        let name = messages.lazy.compactMap(\.contactName).first ?? conversation?.contactName
        // "No phone number shared" only when no record carries one: a BSUID is no sign the number is hidden.
        let number = (messages.compactMap(\.contact) + [conversation?.contact].compactMap { $0 }).first { $0.allSatisfy(\.isNumber) }
        // A new id nothing was sent under yet: its one record is the notice, sent under the old id; the contact's
        // messages are under their number and the old id (tester56b AA6).
        let elsewhere = change.flatMap { change in
            messages.contains { $0.hasUserID(id) } ? nil : UserIDRecords(change: change, number: number, messages: facts.messages)
        }
        let newest = elsewhere.map { $0.messages.first } ?? messages.max(by: { ($0.time ?? 0) < ($1.time ?? 0) })
        let who = userLabel(id, username: username, name: name)
        let on = lines.isEmpty ? list(lineIDs.sorted()) : owners(lines)
        let under = elsewhere.flatMap(\.under).map { " (under \($0))" } ?? ""
        let follow = newest.map { "; 'trace \($0.id)' follows their newest message\(under)" }
            ?? "; 'conversation \(conversation?.id ?? "")' shows their conversation"
        var identity = Identity(
            input: id, kind: .businessScopedUserID,
            statement: number.map { "\(id) is the \(parent)business-scoped user id of \(name ?? username ?? "a contact") (+\($0)), a contact of \(on)" }
                ?? "\(id) is the \(parent)business-scoped user id of \(who), a WhatsApp username contact of \(on) (no phone number shared)",
            next: "reply --to \(id) writes to them (sent as 'recipient')" + follow)
        let conversationList = conversationIDs.union(conversations.map(\.id)).sorted()
        identity.details = [
            Identity.Detail("contact", name ?? "-"), Identity.Detail("username", username ?? "-"),
            Identity.Detail("conversation", conversationList.isEmpty ? "-" : conversationList.joined(separator: ", ")),
            Identity.Detail("messages", elsewhere?.detail ?? plural(messages.count, "message") + (messages.count == 100 ? " or more" : "")),
            Identity.Detail("newest", newest.map { "\($0.time.map(KapsoTime.iso) ?? "-") \($0.isInbound ? "from" : "to") them" } ?? "-"),
        ]
        identity.userIDRecords = elsewhere
        if let number { identity.details.insert(Identity.Detail("number", "+" + number), at: 1) }
        var family = [conversation?.businessScopedUserID, conversation?.parentBusinessScopedUserID]
        family += messages.flatMap { [$0.userID, $0.parentUserID] }
        // The id it replaced has a line of its own (`replaces`).
        let others = family.compactMap { $0 }.filter { $0 != id && $0 != change?.old }
            .reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        if !others.isEmpty { identity.details.append(Identity.Detail("also", others.joined(separator: ", "))) }
        identity.phoneNumberIDs = lineIDs.sorted()
        // Meta regenerated the id (user_changed_user_id): this one is the contact's previous id (P26-4).
        if let change = replacement(of: id, byUserID: true, conversationIDs: conversationIDs, facts: facts) {
            let at = change.at.map { " at \(KapsoTime.iso($0))" } ?? ""
            identity.statement = "\(id) is the previous \(parent)business-scoped user id of \(who), replaced by \(change.new)\(at) "
                + "(\(change.type)): it no longer identifies them"
            identity.advice = .fix
            identity.fix = "reply --to \(change.new) writes to them now" + (newest.map { "; 'trace \($0.id)' follows their newest message with the old id" } ?? "")
            identity.details.append(Identity.Detail("replaced by", change.new + at))
        } else if let change {
            identity.statement += "; theirs \(change.sinceText)"
            identity.details.append(Identity.Detail("replaces", change.old + (change.at.map { " since \(KapsoTime.iso($0))" } ?? "")))
        }
        return identity
    }
}

/// Where a contact's messages are when their business-scoped user id is new (`user_changed_user_id`) and nothing came or
/// went under it yet: under their phone number and the id it replaced (tester56b AA6: `whois` of the new id counted the
/// notice, sent under the old id, as "1 message … from them", and `messages --phone-number` of it said "0 items" alone).
public struct UserIDRecords: Sendable {
    /// The change the notice reported.
    public var change: ContactWindow.UserIDChange
    /// The contact's number (digits), when a record carries it.
    public var number: String?
    /// The contact's messages (the notice aside) under their number or the old id, newest first.
    public var messages: [Message]

    init(change: ContactWindow.UserIDChange, number: String?, messages: [Message]) {
        self.change = change
        self.number = number
        self.messages = messages.filter { message in
            message.type != "system"
                && (message.hasUserID(change.old) || (number != nil && ContactNumber.same(message.contact, number)))
        }
        .sorted { ($0.time ?? 0) > ($1.time ?? 0) }
    }

    /// `+14155550171 and US.…18`: where they are.
    var under: String? {
        let places = [number.map { "+" + $0 }, messages.contains { $0.hasUserID(change.old) } ? change.old : nil].compactMap { $0 }
        return places.isEmpty ? nil : places.joined(separator: " and ")
    }

    /// `no message from this id yet; the contact's messages (+14155550171, 19) are under the phone number`.
    var detail: String {
        guard !messages.isEmpty else { return "no message from this id yet (the notice of the change came under \(change.old))" }
        let count = "\(messages.count)" + (messages.count >= 100 ? " or more" : "")
        let places = [number.map { _ in "the phone number" }, messages.contains { $0.hasUserID(change.old) } ? "the old id" : nil]
        return "no message from this id yet; the contact's messages (\(under ?? change.old), \(count)) are under "
            + places.compactMap { $0 }.joined(separator: " and ")
    }

    /// The line beside an empty list filtered by the new id: which id it replaced and which command lists the contact's
    /// messages (`messages --phone-number +14155550171`).
    public func emptyListLine(noun: String) -> String {
        let at = change.at.map { " at \(KapsoTime.iso($0))" } ?? ""
        let list = number.map { "'messages --phone-number +\($0)' lists the contact's messages" }
            ?? "'messages --phone-number \(change.old)' lists the contact's messages"
        return "no \(noun) under \(change.new) yet: it replaced \(change.old)\(at) (user_changed_user_id); " + list
    }

    /// The command that lists the contact's conversations, by their number (Kapso's conversation list has no
    /// business-scoped user id filter, kapso-api.md §8.1); nil without a number.
    public var conversationsCommand: String? {
        number.map { "conversations --phone-number +\($0)" }
    }
}
