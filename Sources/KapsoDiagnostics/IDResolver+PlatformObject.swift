public import KapsoClient

// MARK: - A 404 on a documented platform route whose object the project has

extension IDResolver {
    /// What a 404 on a documented platform route of one object (`/platform/v1/whatsapp/webhooks/{id}`,
    /// `/messages/{wamid}`, `/conversations/{id}`) means when the project has the object: a webhook of `webhooks`, or a
    /// message or conversation `whois` found (`identity`; kapso-api.md §7.2 reads a message by its WAMID, §8.2 a
    /// conversation by its id). The route and the id are right, so the object was not there when called, and when it
    /// came to be says why (`time`, the call's Unix seconds): created after the call; a message read within
    /// `readAfterWrite` seconds of its send was read before Kapso recorded it (Kapso documents no read-after-write
    /// guarantee: likely, not certain; tester51 G4); one that existed well before the call (a webhook created 20 days
    /// earlier) is explained by neither, and kops says so instead of offering "created after the call" (tester51 G1).
    /// `collection` is the route's (`webhooks`): an id of another kind there is named as such (`wrongCollectionID`). Nil
    /// when the project has no such object or the look-up found nothing.
    static func platformObjectMeaning(
        _ id: String, numbers: [PhoneNumber], webhooks: [Webhook], identity: Identity?, at time: Int64?, collection: String? = nil
    ) -> String? {
        // An id of another kind than the route's slot takes is the mistake, not a passing failure (tester52 H1).
        if let collection, let wrong = wrongCollectionID(id, collection: collection, numbers: numbers, webhooks: webhooks, identity: identity) {
            return wrong
        }
        let whois = "'\(ShellWord.command("whois", id))' says what it is now"
        let head: String
        let since: Int64?
        if let what = knownID(id, numbers: numbers, webhooks: webhooks) {
            head = "\(id) is \(what)"
            since = webhooks.first { $0.id.lowercased() == id.lowercased() }?.createdAt.flatMap(KapsoTime.seconds(iso:))
        } else if let identity, [.wamid, .conversationID].contains(identity.kind), !identity.notFound, !identity.incomplete {
            head = "\(id) is this project's \(identity.kind.title)"
            // A conversation's moment is its last activity, not its start: no time to compare with.
            since = identity.kind == .wamid ? identity.moment : nil
        } else {
            return nil
        }
        let right = "\(head) and the path is a documented route, so neither is the mistake: "
        guard let time, let since else {
            return right + "it was not found when called, though the project has it now; a retry tells a passing failure "
                + "apart; " + whois
        }
        let at = KapsoTime.iso(since)
        switch ReadTiming(since: since, call: time) {
        case .beforeIt(let seconds):
            return right + "it did not exist yet when called (created at \(at), \(seconds) s after the call); " + whois
        case .readAfterWrite(let seconds):
            return right + "the call came \(seconds) s after the message was sent (\(at)), likely before Kapso had "
                + "recorded it (Kapso documents no read-after-write guarantee): read it after Kapso's webhook for it has "
                + "come, or retry the read after a few seconds"
        case .existed:
            return right + "it existed when called (since \(at)), which the 404 does not explain; a retry tells a passing "
                + "failure apart, and if it repeats, ask Kapso support with the call's time; " + whois
        }
    }

    /// Where a read by id that got 404 (at `call`, Unix seconds) stands against the moment its object came to be (`since`):
    /// the one rule for "read before Kapso had recorded it" (the `errors` view's logged reads, `message WAMID`'s own read;
    /// tester51 G4, tester51b F7). Kapso documents no read-after-write guarantee (kapso-api.md §13), so only a read within
    /// `readAfterWrite` seconds of the send is read as one made before Kapso recorded the message.
    enum ReadTiming: Equatable {
        /// The object came to be this many seconds after the call.
        case beforeIt(Int64)
        /// The call came this many seconds (at most `readAfterWrite`) after the object came to be.
        case readAfterWrite(Int64)
        /// The object was there well before the call: neither explains the 404.
        case existed

        init(since: Int64, call: Int64) {
            if call < since {
                self = .beforeIt(since - call)
            } else if call - since <= IDResolver.readAfterWrite {
                self = .readAfterWrite(call - since)
            } else {
                self = .existed
            }
        }
    }

    /// Seconds after a message's send within which a 404 on reading it is read as a read before Kapso recorded it.
    static let readAfterWrite: Int64 = 10
}
