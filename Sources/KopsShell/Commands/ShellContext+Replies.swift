internal import KapsoClient
internal import KapsoDiagnostics

extension ShellContext {
    /// What a reply or a template from `message`'s number meets now, from what this session already holds (the number's
    /// health read by `health`, `overview` or `reply`, else its record from `numbers` or `use`): no request is made, so a
    /// session that read neither gets the verdict as before (tester69 C1). Nil for a message without a number.
    func replies(from message: Message) -> SenderState.Replies? {
        message.phoneNumberID.flatMap { replies(on: $0) }
    }

    /// `replies(from:)` for the number `id`. Named as `use` names it: the record's name, else the name the session read
    /// with the number's health (`overview`, tester69b L2: "100200300400501's health" after `overview`, "Support Line's"
    /// after `use`). `unreadBecause`: why a read of its health just asked for gave nothing.
    func replies(on id: String, unreadBecause: String? = nil) -> SenderState.Replies? {
        let record = ids.phoneNumbers[id]
        return SenderState.Replies(
            id: id, name: record?.name ?? ids.healthReads[id]?.numberName, record: record, health: ids.healthReads[id],
            unreadBecause: unreadBecause)
    }

    /// `replies(from:)` after reading what `reply` reads before a send: the number's health, once a session (kept as
    /// `reply` keeps it: `IDCache.rememberHealth`), so `trace`, `conversation` and `message` give the verdict `reply` gives
    /// whatever the order of the commands (tester70b G7: "free-form replies go through" before any health read, "fails
    /// now" after, of a number whose health alone says messaging BLOCKED or its token refused). `read` is that read when
    /// the caller already made it (`trace` sends it with its other look-ups), nil to make it here when needed.
    ///
    /// A health read that fails leaves the verdict hedged ("health not read"), never "go through"; one the project's
    /// numbers list, read for it, shows is no number of the project now says a reply from it fails (tester70 F8).
    func readingReplies(from message: Message, read: Result<PhoneNumberHealth, KapsoAPIError>? = nil) -> SenderState.Replies? {
        message.phoneNumberID.flatMap { readingReplies(on: $0, contact: message.contact ?? message.userID, read: read) }
    }

    /// `readingReplies(from:read:)` for the number `id` and `contact` (digits or a business-scoped user id; nil: not known).
    func readingReplies(on id: String, contact: String?, read: Result<PhoneNumberHealth, KapsoAPIError>? = nil) -> SenderState.Replies? {
        if ids.phoneNumbersListed, ids.phoneNumbers[id] == nil { return notInProject(id, contact) }
        guard ids.healthReads[id] == nil else { return replies(on: id) }
        let answer = read ?? Result { () throws(KapsoAPIError) in try client.health(id) }
        switch answer {
        case .success(let health):
            let read = SenderState.HealthRead(phoneNumberID: id, health: health)
            ids.rememberHealth(read)
            return replies(on: id, unreadBecause: read.status == "error" ? "its check could not run" : nil)
        case .failure(.phoneNumberNotFound(_, let known)):
            // Kapso's 404, and the project's numbers (listed for it) without this one.
            ids.rememberAllNumbers(known)
            return notInProject(id, contact)
        case .failure(let error):
            // A 404 from a look-up sent with others: the number may be gone from the project; its list says (one more
            // read, only then).
            if case .notFound = error, !ids.phoneNumbersListed, let numbers = try? client.allPhoneNumbers() {
                ids.rememberAllNumbers(numbers)
                if ids.phoneNumbers[id] == nil { return notInProject(id, contact) }
            }
            return replies(on: id, unreadBecause: error.message)
        }
    }

    /// The number `id` the project's numbers list does not hold: a reply from it fails, said as `reply` says it.
    private func notInProject(_ id: String, _ contact: String?) -> SenderState.Replies? {
        guard let contact else { return replies(on: id) }
        return SenderState.Replies(notInProject: id, contact: BusinessScopedUserID.isValid(contact) ? contact : "+" + contact)
    }
}
