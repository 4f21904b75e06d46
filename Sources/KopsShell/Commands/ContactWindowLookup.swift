internal import KapsoClient
internal import KapsoDiagnostics
internal import KopsHTTP

/// Reads the evidence of a (phone number, contact) pair's 24-hour window: every conversation of the contact on the
/// number (Kapso's `last_inbound_at`) and the contact's newest inbound messages, so `reply` and `conversation` judge
/// the window from what kops can see, not from a summary field that may be null (KapsoDiagnostics `ContactWindow`).
enum ContactWindowLookup {
    /// Inbound messages read at most: newest first, so the first one of the pair is its last inbound.
    static let messageLimit = 20

    /// The window of `contact` (digits or business-scoped user id) on `phoneNumberID`; `known` conversations and
    /// `knownMessages` (already fetched) count as evidence too. A failed message listing leaves the window to the
    /// conversations (and `unknown` without them), never to a guess. With `senderHealth`, the number's health is read
    /// with the rest and its state said for the send (`template` or free-form: `SenderState.of(…send:)`). With `sends`,
    /// the contact's newest sends are read with the rest and weighed as `trace` weighs a send (`ContactWindow.weighing`).
    static func load(
        phoneNumberID: String, contact: String, known: [Conversation], knownMessages: [Message] = [],
        listedConversations: [Conversation]? = nil, in context: ShellContext, hops: Int = 0, elsewhere: Bool = false,
        senderHealth: Bool = false, template: Bool = false, sends: Bool = false, readInbound: (([Message]) -> Void)? = nil
    ) throws -> ContactWindow {
        let byUserID = BusinessScopedUserID.isValid(contact)
        let client = context.client
        // `phone_number` is a partial match: the key finds both forms of a Brazilian or Mexican number (ContactNumber).
        let key = byUserID ? contact : ContactNumber.searchKey(contact.filter(\.isNumber))
        let filters = [("phone_number_id", phoneNumberID), (byUserID ? "business_scoped_user_id" : "phone_number", key), ("direction", "inbound")]
        // The contact's conversations (unless already listed) and inbound messages go out at once: one round trip.
        // A business-scoped user id: the number's newest conversations, as the id may be the parent BSUID that only the
        // conversation's `parent_business_scoped_user_id` names (probe28 P28-9; no documented filter takes it).
        let listConversations = listedConversations == nil
        var requests = [client.messagesRequest(filters: filters, limit: messageLimit)]
        if listConversations {
            requests.append(client.conversationsRequest(
                filters: [("phone_number_id", phoneNumberID)] + (byUserID ? [] : [("phone_number", key)]), limit: byUserID ? 100 : 20))
        }
        // A business-scoped user id: the number's system notifications too, since Meta's `user_changed_user_id` comes from
        // the new id, so the listing by the old one does not hold it (P26-4; ContactWindow.UserIDChange).
        let systemIndex = byUserID ? requests.count : nil
        if byUserID {
            requests.append(client.messagesRequest(
                filters: [("phone_number_id", phoneNumberID), ("message_type", "system"), ("direction", "inbound")], limit: messageLimit))
        }
        // Whether calling is on for the number (a call opens the window too, and kops cannot see calls: P21-7): from the
        // numbers this session read, else asked with the rest.
        let cached = context.ids.phoneNumbers[phoneNumberID]
        let numberIndex = cached == nil ? requests.count : nil
        if cached == nil { requests.append(client.phoneNumberRequest(phoneNumberID)) }
        // For a send (`senderHealth`): the number's health, Meta's state of it now, which Kapso's record can lag (P39-8).
        let healthIndex = senderHealth ? requests.count : nil
        if senderHealth { requests.append(client.platformRequest("/whatsapp/phone_numbers/\(percentEncode(phoneNumberID))/health")) }
        // For a free-form send: the contact's own sends, whose outcomes prove the window at each (tester60 AH11).
        let sendsIndex = sends ? requests.count : nil
        // By the national digits, so a send written without `+` is found too (`PrependedRecipient.sendsKey`, tester68b B9).
        let sendsFilters = byUserID ? Array(filters.dropLast()) : [("phone_number_id", phoneNumberID), ("phone_number", PrependedRecipient.sendsKey(contact))]
        if sends { requests.append(client.messagesRequest(filters: sendsFilters + [("direction", "outbound")], limit: messageLimit)) }
        let responses = client.sendAll(requests)
        func json(_ index: Int) throws(KapsoAPIError) -> JSONValue {
            switch responses[index] {
            case .success(let response): try client.decode(response, for: requests[index])
            case .failure(let error): throw .transport(error)
            }
        }
        var conversations = known + (listedConversations ?? [])
        if listConversations {
            // By user id the listing only adds evidence: its failure leaves the window to the messages, as before.
            if byUserID {
                conversations += ((try? Page.decode(try json(1), item: Conversation.init(json:)).items) ?? []).filter { $0.hasUserID(contact) }
            } else {
                conversations += try Page.decode(try json(1), item: Conversation.init(json:)).items
            }
        }
        var inbound: [Message]?
        var complete = true
        var unread: String?
        do throws(KapsoAPIError) {
            let page = try client.messages(from: try json(0))
            inbound = knownMessages + page.items
            // A failed listing of notifications leaves the window as the contact's messages say.
            if let systemIndex, let notices = try? client.messages(from: try json(systemIndex)) {
                let listed = Set(page.items.map(\.id))
                inbound = (inbound ?? []) + notices.items.filter { !listed.contains($0.id) }
            }
            // `phone_number` matches partially: a full page of other contacts' messages proves nothing.
            complete = !page.hasMore
            // The same person's messages that came with their business-scoped user id only (no number: a username
            // sender) are not in a listing by number (tester48 F5).
            if !byUserID {
                inbound = (inbound ?? []) + UserIDInbound.messages(
                    of: conversations, contact: contact, phoneNumberID: phoneNumberID, listed: inbound ?? [], limit: messageLimit,
                    client: client)
            }
        } catch {
            inbound = knownMessages
            complete = false
            unread = "listing the contact's messages failed (\(error.message))"
        }
        readInbound?(inbound ?? [])
        var window = ContactWindow(
            phoneNumberID: phoneNumberID, contact: contact, conversations: conversations, inbound: inbound, inboundComplete: complete,
            unread: unread, at: context.now())
        // Open only by a reaction, or unknown after an action: a free-form send Meta refused for the window after it
        // settles it, as `trace` and `errors` read that send (fix49's leftover). One more read, only then.
        if window.needsRefusals, let sends = try? client.messages(filters: Array(filters.dropLast()) + Self.refusedSends, limit: messageLimit) {
            window = ContactWindow(
                phoneNumberID: phoneNumberID, contact: contact, conversations: conversations, inbound: inbound, inboundComplete: complete,
                unread: unread, refusedSends: sends.items, at: window.at)
        }
        let listedSends = sendsIndex.flatMap { try? client.messages(from: try json($0)) }?.items
        if let listedSends { window = window.weighing(sends: listedSends, phoneNumberID: phoneNumberID, contact: contact) }
        // A number that could not be read is said as the messages say (no caveat kops cannot back).
        let number = cached ?? numberIndex.flatMap { try? json($0) }.flatMap { $0["data"]?.object }.flatMap { try? PhoneNumber(json: $0) }
        window.callsEnabled = number?.callsEnabled ?? false
        // The number's state from its health when read (a health that cannot be read leaves it to the record).
        // Its messaging health too, read against the send (`template`: business-initiated when the window is closed, P41-5),
        // and kept for `numbers`, `whois` and `use` (P41-8).
        let health = healthIndex.flatMap { try? json($0) }?.object.flatMap { try? PhoneNumberHealth(json: $0) }
            .map { SenderState.HealthRead(phoneNumberID: phoneNumberID, health: $0) }
        if let health { context.ids.rememberHealth(health) }
        window.senderState = SenderState.of(
            id: phoneNumberID, name: number?.name, record: number, health: health,
            send: template ? .template(windowClosed: window.isClosed) : .freeForm)
        // Kapso has no such number in this project now: a reply from it can only answer 404 (P39-4), said as `errors`
        // and `whois` say such an id (`IDResolver.formerUse`).
        if number == nil, let numberIndex, Self.notFound(json, numberIndex) {
            window.senderState = SenderState(
                line: IDResolver.sendingFromFormer(phoneNumberID, contact: byUserID ? contact : "+" + contact.filter(\.isNumber)),
                cannotSend: false)
        }
        // A new business-scoped user id a notice names (user_changed_user_id) is the same person: the window their
        // messages under the id it replaced (or the number the notice came from) opened goes on (tester56 Z5: `reply --to
        // NEW` called it closed).
        if byUserID, hops == 0, !window.isOpen, let found = ContactWindow.UserIDChange.notice(replacing: contact, in: inbound ?? []),
            var carried = try? load(
                phoneNumberID: phoneNumberID, contact: found.notice.contact.flatMap { $0.allSatisfy(\.isNumber) ? $0 : nil } ?? found.change.old,
                known: [], in: context, hops: hops + 1)
        {
            carried.userIDChanged = nil
            carried.senderState = window.senderState
            window = carried
        }
        // The contact left this number: their records under the new one say whether they wrote from it, and whether
        // they left it too (A→B→C), up to 3 moves (P28-3); back to this number (A→B→A), no move stands (P32-2).
        if let moved = window.moved, !byUserID {
            window.moved = follow(moved, from: contact, on: phoneNumberID, in: context, hops: hops, sends: listedSends)
        }
        // Not open here (for `reply`): did the contact write to another number of the project? One read, only then (P28-15).
        if elsewhere, !window.isOpen, !byUserID, let others = try? client.conversations(filters: [("phone_number", key)], limit: 20) {
            window.elsewhere = ContactWindow.elsewhere(
                contact: contact, selected: phoneNumberID, conversations: others.items,
                numbers: Array(context.ids.phoneNumbers.values), at: window.at)
        }
        if elsewhere, !window.isOpen, !byUserID {
            window.ownNumber = ContactWindow.ownNumber(
                contact: contact, selected: phoneNumberID, numbers: Array(context.ids.phoneNumbers.values))
        }
        return window
    }
}

extension ContactWindowLookup {
    /// The filters, beside the number and contact, of a listing of the sends that may have been refused for the window
    /// (`ContactWindow.needsRefusals`): outbound, failed (kapso-api.md §7.1).
    static let refusedSends = [("direction", "outbound"), ("status", "failed")]

    /// True when the response at `index` is Kapso's 404 for the number (`GET /whatsapp/phone_numbers/{id}`).
    private static func notFound(_ json: (Int) throws(KapsoAPIError) -> JSONValue, _ index: Int) -> Bool {
        do throws(KapsoAPIError) {
            _ = try json(index)
            return false
        } catch {
            switch error {
            case .notFound, .phoneNumberNotFound: return true
            default: return false
            }
        }
    }

    /// `moved` (read from `contact`'s records on `phoneNumberID`) followed to the records of the number they moved to:
    /// whether they wrote from it, and their next move (A→B→C), up to 3 moves (P28-3); nil when the chain comes back to
    /// `contact` (A→B→A: no move stands, P32-2); `moved` as it was when those records cannot be read (its words then
    /// hedge, `ContactWindow.Moved.wayOn`). The one reading of a move for `reply`, `whois`, `trace` and `errors` (probe33:
    /// `whois` read the notices alone, `trace` and `errors` never read the new number).
    ///
    /// From the number looked at (`hops` 0), the sends to `contact` are read too (one request, unless `sends` holds them
    /// already: `load`'s listing for a free-form send, the same request, which `reply` sent twice, fixC's leftover): one
    /// Meta reported reaching a device after the notice is said beside the move (`ContactWindow.Moved.reading`), so every
    /// command names it, whatever listing it started from (session 36: `errors` and `whois` saw a read send, `trace` and
    /// `reply` did not).
    static func follow(
        _ moved: ContactWindow.Moved, from contact: String, on phoneNumberID: String, in context: ShellContext, hops: Int = 0,
        sends listed: [Message]? = nil
    ) -> ContactWindow.Moved? {
        var moved = moved
        if hops == 0, let sends = listed ?? (try? context.client.messages(
            filters: [("phone_number_id", phoneNumberID), ("phone_number", ContactNumber.searchKey(contact.filter(\.isNumber))),
                      ("direction", "outbound")],
            limit: messageLimit))?.items,
            case .left(let reach) = ContactWindow.Moved.reading(of: contact, after: moved.leftAt, messages: sends, now: context.now())
        {
            moved.laterReach = ContactWindow.Moved.newer(moved.laterReach, reach)
        }
        guard hops < 3, let number = moved.number,
            let next = try? load(phoneNumberID: phoneNumberID, contact: number, known: [], in: context, hops: hops + 1)
        else { return moved }
        return moved.followed(by: next, from: contact)
    }
}

extension ShellContext {
    /// Whether WhatsApp calling is on for `phoneNumberID` (`PhoneNumber.callsEnabled`; a call opens the window too and
    /// kops cannot see calls, P21-7, P25-16): from the numbers this session read, else one read of the number; false when
    /// it cannot be read (the window is then said as the messages say).
    func callsEnabled(on phoneNumberID: String) -> Bool {
        if let number = ids.phoneNumbers[phoneNumberID] { return number.callsEnabled }
        return (try? client.phoneNumber(phoneNumberID))?.callsEnabled ?? false
    }
}
