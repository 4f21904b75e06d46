public import KapsoClient

/// One contact that carries a WhatsApp username in the records read: its business-scoped user id, the name Kapso gives
/// it, and its newest inbound moment.
public struct UsernameHolder: Sendable, Equatable {
    public var userID: String
    public var name: String?
    /// Unix seconds of its newest inbound message (or its conversation's `last_inbound_at`); nil when none is recorded.
    public var lastInbound: Int64?

    /// `US.13491208655302741918 (Dana, last inbound 2026-11-21T11:55:00Z)`.
    public var described: String {
        let facts = [name, lastInbound.map { "last inbound " + KapsoTime.iso($0) }].compactMap { $0 }
        return userID + (facts.isEmpty ? "" : " (" + facts.joined(separator: ", ") + ")")
    }
}

extension IDResolver {
    /// Every business-scoped user id whose conversation or message carries the username `typed` (with or without its
    /// `@`, compared without case, as `whois` and `reply --to` find it), newest inbound first. Usernames change and are
    /// released (kapso-api.md §14.1–14.2 `whatsapp.contact.identity_changed`), so an older conversation can name a
    /// contact who held it before the one who holds it now: two ids are two contacts, and no one of them is picked
    /// (tester54 V24). An id the contact left for another of the list (Meta's `user_changed_user_id`, `replacement`) is
    /// the same contact and left out.
    public static func usernameHolders(_ typed: String, conversations: [Conversation], messages: [Message]) -> [UsernameHolder] {
        var holders: [UsernameHolder] = []
        func add(_ userID: String?, name: String?, inbound: Int64?) {
            guard let userID else { return }
            guard let index = holders.firstIndex(where: { $0.userID == userID }) else {
                holders.append(UsernameHolder(userID: userID, name: name, lastInbound: inbound))
                return
            }
            if holders[index].name == nil { holders[index].name = name }
            if let inbound, inbound > holders[index].lastInbound ?? .min { holders[index].lastInbound = inbound }
        }
        let sameConversations = conversations.filter { IDInput.sameUsername($0.username, typed) }
        let sameMessages = messages.filter { IDInput.sameUsername($0.username, typed) }
        for message in sameMessages.sorted(by: { ($0.time ?? 0) > ($1.time ?? 0) }) {
            add(message.userID, name: message.contactName, inbound: message.isInbound ? message.time : nil)
        }
        for conversation in sameConversations {
            add(conversation.businessScopedUserID, name: conversation.contactName,
                inbound: conversation.lastInboundAt.flatMap(KapsoTime.seconds(iso:)))
        }
        guard holders.count > 1 else { return holders }
        var facts = Facts()
        facts.conversations = conversations
        facts.messages = messages
        let ids = Set(holders.map(\.userID))
        holders.removeAll { holder in
            let conversationIDs = Set(sameConversations.filter { $0.businessScopedUserID == holder.userID }.map(\.id))
            return replacement(of: holder.userID, byUserID: true, conversationIDs: conversationIDs, facts: facts)
                .map { ids.contains($0.new) } ?? false
        }
        return holders.sorted { ($0.lastInbound ?? .min) > ($1.lastInbound ?? .min) }
    }

    /// Why `--to @dana.o` names no one contact when two or more hold the username (`usernameHolders`): `@dana.o is the
    /// WhatsApp username of 2 contacts: US.1349… (Dana, last inbound …) and US.9999… (Other Dana, …) …`, with the ids to
    /// pick from; nil for one holder or none. `on`: ` of Support Line 100200300400501`, the numbers they write to.
    public static func sharedUsername(_ typed: String, holders: [UsernameHolder], on: String = "") -> NotAContact? {
        guard holders.count > 1 else { return nil }
        return NotAContact(
            statement: "\(typed) is the WhatsApp username of \(holders.count) contacts\(on): " + list(holders.map(\.described))
                + " (a username another contact gave up can be taken by a new one)",
            fix: "give the business-scoped user id of the one you mean: " + holders.map { "--to " + $0.userID }.joined(separator: " or "))
    }
}
