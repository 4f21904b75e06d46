public import KapsoClient

extension IDResolver {
    /// The newest message whose `username` (kapso-api.md §7.3: the sender's, on an inbound message) is `typed`, with or
    /// without its `@`, compared without case; nil when none.
    public static func message(username typed: String, in messages: [Message]) -> Message? {
        messages.filter { IDInput.sameUsername($0.username, typed) }.max { ($0.time ?? 0) < ($1.time ?? 0) }
    }

    /// What a WhatsApp username is when only messages name it (no conversation among those read carries it): the sender
    /// of `newest` and its other messages with the username, e.g. `@zoo_user is the WhatsApp username of Zoe Quinn, a
    /// contact of Support Line 100200300400501 with business-scoped user id US.1349120865530274191 (read from its
    /// messages: its conversation does not name the username)`.
    static func usernameOfMessage(_ typed: String, _ newest: Message, facts: Facts) -> Identity {
        let same = facts.messages.filter { IDInput.sameUsername($0.username, typed) }
        let lineIDs = Set(same.compactMap(\.phoneNumberID))
        let lines = facts.numbers.filter { lineIDs.contains($0.id) }
        let on = lines.isEmpty ? (lineIDs.isEmpty ? "this project" : list(lineIDs.sorted())) : owners(lines)
        let userID = newest.userID
        let number = newest.contact
        let conversations = Set(same.compactMap(\.conversationID)).sorted()
        // Kapso names a contact per number: the same user may be named otherwise on another one (the zoo's Yuri Park
        // on Sales Line, Zoe Quinn on Support Line); each name is said, none picked.
        var names: [String] = []
        for name in same.sorted(by: { ($0.time ?? 0) > ($1.time ?? 0) }).compactMap(\.contactName) where !names.contains(name) {
            names.append(name)
        }
        let who = names.isEmpty ? typed : names.count == 1 ? names[0] : list(names) + " (the names its messages give)"
        var identity = Identity(
            input: typed, kind: .username,
            statement: "\(typed) is the WhatsApp username of \(who), a contact of \(on)"
                + (userID.map { " with business-scoped user id \($0)" } ?? " (no business-scoped user id recorded)")
                + " (read from its messages: its conversation does not name the username)",
            next: userID.map { "reply --to \(typed) writes to them (sent to \($0)); '\(ShellWord.command("whois", $0))' lists their messages" }
                ?? number.map { "reply --to +\($0) writes to them" }
                ?? "'messages' lists their messages")
        identity.details = [
            Identity.Detail("contact", names.isEmpty ? "-" : names.joined(separator: ", ")), Identity.Detail("username", newest.usernameHandle ?? typed),
            Identity.Detail("business-scoped user id", userID ?? "-"),
            Identity.Detail("conversation", conversations.isEmpty ? "-" : conversations.joined(separator: ", ")),
            Identity.Detail("last message", newest.time.map(KapsoTime.iso) ?? "-"),
        ]
        if let number { identity.details.insert(Identity.Detail("phone number", number), at: 1) }
        identity.phoneNumberIDs = lineIDs.sorted()
        identity.moment = newest.time
        return identity
    }

    /// What a WhatsApp username is when two or more contacts carry it in the records read (`usernameHolders`): each
    /// business-scoped user id with its name and newest inbound moment, none picked (tester54 V24: `whois` merged two
    /// contacts into one and `reply --to` wrote to the newer silently). Nil for one holder or none.
    static func sharedUsernameIdentity(_ typed: String, facts: Facts) -> Identity? {
        let holders = usernameHolders(typed, conversations: facts.conversations, messages: facts.messages)
        guard holders.count > 1 else { return nil }
        let conversations = facts.conversations.filter { IDInput.sameUsername($0.username, typed) }
        let lineIDs = Set(conversations.compactMap(\.phoneNumberID)
            + facts.messages.filter { IDInput.sameUsername($0.username, typed) }.compactMap(\.phoneNumberID))
        let lines = facts.numbers.filter { lineIDs.contains($0.id) }
        let on = lines.isEmpty ? (lineIDs.isEmpty ? "" : " of " + list(lineIDs.sorted())) : " of " + owners(lines)
        var identity = Identity(
            input: typed, kind: .username,
            statement: sharedUsername(typed, holders: holders, on: on)?.statement ?? "",
            next: "reply --to takes the business-scoped user id of the one you mean; "
                + holders.map { "'\(ShellWord.command("whois", $0.userID))'" }.joined(separator: " and ") + " list their messages")
        identity.details = [
            Identity.Detail("business-scoped user ids", holders.map(\.described).joined(separator: ", ")),
            Identity.Detail("conversation", conversations.isEmpty ? "-" : conversations.sorted { $0.id < $1.id }.map { conversation in
                conversation.id + (conversation.businessScopedUserID.map { " (\($0))" } ?? "")
            }.joined(separator: ", ")),
        ]
        identity.phoneNumberIDs = lineIDs.sorted()
        identity.moment = holders.compactMap(\.lastInbound).max()
        return identity
    }
}
