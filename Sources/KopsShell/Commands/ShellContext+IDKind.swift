internal import KapsoClient
internal import KapsoDiagnostics

/// The one check behind every place a command takes an id of one kind (issue 11 §2): `conversation ID`,
/// `webhooks get|test ID`, `message`/`trace ID`, `messages --conversation`, `deliveries --webhook`. An id
/// the API does not know as that kind, or that filters a list down to nothing, is given to the resolver,
/// which says what it is instead ("… is the WABA id of 2 numbers, not a conversation id; pick one: …").
extension ShellContext {
    /// The error funnel's step: a 404 for a conversation, webhook or message id, or an id of another form
    /// (`WrongIDForm`), becomes the resolver's statement when the id is something else in the project.
    /// Any other error, and an id found nowhere, comes back unchanged.
    func explainingWrongKind(_ error: any Error) -> any Error {
        let id: String
        let expected: Identity.Kind
        var status = ExitStatus.failure
        var label: String?
        switch error {
        case KapsoAPIError.conversationNotFound(let value): (id, expected) = (value, .conversationID)
        case KapsoAPIError.webhookNotFound(let value, _): (id, expected) = (value, .webhookID)
        // A message id that is no WAMID (a UUID Kapso may list as one, tester56 Z8), not found: what else it is, with the
        // status of an id of another form (usage), as before it was asked for.
        case KapsoAPIError.messageNotFound(let value) where !value.lowercased().hasPrefix("wamid."):
            (id, expected, status) = (value, .wamid, .usage)
        case KapsoAPIError.messageNotFound(let value):
            // A WAMID is no other kind of id: its own 404 says no such message is in the project (and whether the id
            // looks damaged), unless every call gets 404 (the base URL).
            if let wrongHost = wrongBaseURL() { return wrongHost }
            let listed = contactMessages(value)
            // The contact's messages hold it: the message exists, whatever the one read said (tester51 G6).
            if let found = listed.found { return ListedThoughNotFound(meaning: WAMID.listedThoughNotFound(value, sent: found.time, at: now())) }
            // One of the contact's listed messages with an '=' too many: not cut short, the reverse (tester56b AA8).
            if let extra = listed.extra { return ShellError.idNotFound(explanation: WAMID.notFound(extraPadding: value, message: extra)) }
            // The start of the contact's listed messages: cut short, and they are named, as `whois` names them (tester56 Z1).
            if !listed.completions.isEmpty {
                return ShellError.idNotFound(explanation: WAMID.notFound(cutShort: value, completions: listed.completions))
            }
            return ShellError.idNotFound(explanation: WAMID.notFound(value, contactHasMessages: listed.any))
        case let wrong as WrongIDForm: (id, expected, status, label) = (wrong.id, wrong.expected, wrong.exitStatus, wrong.label)
        // Any other object asked for by id: not found, or not there because the base URL is wrong (probe5 P5-1).
        // On Kapso's Meta proxy, a 404 for the project's own number or WABA gets the reading a logged call gets (P26-15).
        case KapsoAPIError.notFound(let path, let text) where !APIPath.alwaysExists(path):
            return wrongBaseURL() ?? proxyNotFound(path: path, text: text) ?? error
        default: return error
        }
        do {
            guard let line = try wrongKindLine(id, expected: expected) else {
                // A UUID asked for as a message and found nowhere: most likely a v1 payload's message.id (tester67 Y4).
                guard expected == .wamid, IDInput.isUUID(id) else { return error }
                return ShellError.idNotFound(
                    explanation: "message \(id) was not found; \(IDResolver.v1MessageIDFix); 'messages' lists recent ones")
            }
            return IDOfAnotherKind(explanation: (label.map { $0 + ": " } ?? "") + line, exitStatus: status)
        } catch {
            // The look-ups got 404 from a list every Kapso API has: the funnel says the base URL is wrong.
            return error
        }
    }

    /// What the contact's messages say of a WAMID the API answered 404 for, read as `whois` reads them (`IDLookups`'
    /// `.message` look-up: by the contact number the id carries, else the project's newest; kapso-api.md §7.1, Kapso
    /// matches `phone_number` on part of the number, so rows are compared whole): `any`, whether the contact has a
    /// message in the project (nil when the id carries no number, the list fails, or its last page is not read);
    /// `found`, the listed message with that WAMID itself; `extra`, the one it names without `=` beyond what its base64
    /// needs (`WAMID.withoutExtraPadding`); `completions`, the listed ids that start with it (`WAMID.completions`: cut
    /// short). One reading and one count for `trace`, `message` and `whois` (tester56b AA5, AA8).
    func contactMessages(_ wamid: String) -> (any: Bool?, found: Message?, extra: String?, completions: [String]) {
        guard case .success(let number) = WAMID.contactNumber(in: wamid) else { return (nil, nil, nil, []) }
        // Without a number the project's newest messages are read only for an id long enough to tell messages apart by
        // its start (`WAMID.completions` takes 24 base64 characters): a shorter one costs no listing (`wamid.AAAA`).
        if number == nil, wamid.reversed().drop(while: { $0 == "=" }).count < 6 + 24 { return (nil, nil, nil, []) }
        let (facts, _) = IDLookups.fetch([.message(wamid, contact: number)], client: client)
        guard facts.failed.isEmpty else { return (nil, nil, nil, []) }
        let found = facts.messages.first { $0.id == wamid }
        let extra = found == nil ? WAMID.withoutExtraPadding(wamid, among: facts.messages.map(\.id)) : nil
        let completions = found == nil && extra == nil ? WAMID.completions(of: wamid, among: facts.messages) : []
        guard let number else { return (nil, found, extra, completions) }
        if found != nil || WAMID.hasMessage(of: number, in: facts.messages) { return (true, found, extra, completions) }
        return (facts.capped.isEmpty ? false : nil, nil, extra, completions)
    }

    /// The error of `GET /whatsapp/phone_numbers` (one row) when it says the base URL is wrong
    /// (`IDLookups.isWrongBaseURL`): asked after an object's own 404, which alone cannot tell a missing object
    /// from a wrong host. Nil when the list answers, or fails in another way.
    func wrongBaseURL() -> KapsoAPIError? {
        do throws(KapsoAPIError) {
            _ = try client.phoneNumbers(page: 1, perPage: 1)
            return nil
        } catch {
            return IDLookups.isWrongBaseURL(error) ? error : nil
        }
    }

    /// What kops's own call's 404 on a Meta-proxy route means when its id is this project's phone-number or WABA id
    /// (`templates` on `/{waba}/message_templates`, answered Graph's "Object with ID … does not exist" or Kapso's
    /// "WhatsApp configuration not found"): the reading the API log gives the same answer
    /// (`IDResolver.documentedRouteMeaning`), which says the id and the route are right and what to check. Nil for
    /// other paths, ids kops does not know, and when the numbers cannot be read.
    func proxyNotFound(path: String, text: String) -> (any Error)? {
        guard APIRoute.documented(path)?.surface == .metaProxy, let numbers = try? client.allPhoneNumbers(),
            let meaning = IDResolver.documentedRouteMeaning(path, numbers: numbers, webhooks: [], text: text, at: now())
        else { return nil }
        return ProxyNotFound(meaning: meaning)
    }

    /// After a list filtered by an id came back empty: a phone-number id that is none of the project's,
    /// a conversation or webhook id that is another kind of id or none of the project's, throws what it
    /// is with the fix, since an empty list would read as "nothing happened". Requests are made only
    /// for an empty list, and only the filters' own look-ups unless the id is not of its kind. `contactFilter` is the
    /// `--phone-number` digits when the `phone_number` filter holds only their search key (`ContactNumber.searchKey`).
    func verifyIDFilters(
        _ filters: [(String, String)], numbers known: [PhoneNumber]? = nil, contactFilter: String? = nil, noun: String = "messages"
    ) throws {
        try verifyNumberFilter(filters, numbers: known)
        let kinds: [(key: String, flag: String, kind: Identity.Kind)] = [
            ("conversation_id", "--conversation", .conversationID), ("webhook_id", "--webhook", .webhookID),
        ]
        // `--phone-number` with one of the project's own ids or numbers (probe6 P6-5): what it is, never a silent
        // empty list. A number of no kind the resolver knows is left to the empty list (no contact has it), unless it
        // is id-shaped (15 digits or more): then whoever typed it meant an id, and no number of the project has it.
        if let digits = contactFilter ?? filters.first(where: { $0.0 == "phone_number" })?.1,
            let identity = try identity(of: digits, expected: .contactNumber), identity.kind != .nationalNumber
        {
            if let line = IDResolver.wrongKindLine(identity, expected: .contactNumber) {
                throw IDOfAnotherKind(explanation: "--phone-number: " + line, exitStatus: .failure)
            }
            if let line = IDResolver.unknownIDAsContactLine(
                identity, digits: digits, numbers: try known ?? client.allPhoneNumbers(), flag: "--phone-number")
            {
                throw ShellError.idNotFound(explanation: "--phone-number: " + line)
            }
        }
        // A contact of another of the project's numbers only: said beside the empty list (tester52 H7).
        if let selected = filters.first(where: { $0.0 == "phone_number_id" })?.1,
            let key = contactFilter ?? filters.first(where: { $0.0 == "phone_number" || $0.0 == "business_scoped_user_id" })?.1,
            let line = try identity(of: key, expected: .contactNumber)?.elsewhereLine(selected: selected, noun: noun)
        {
            emit(CommandResult(blocks: [.hint(line)]))
        } else if let userID = filters.first(where: { $0.0 == "business_scoped_user_id" })?.1,
            let records = try identity(of: userID, expected: .contactNumber)?.userIDRecords
        {
            // A new id nothing came under yet: the id it replaced, and where the contact's messages are (tester56b AA6).
            emit(CommandResult(blocks: [.hint(records.emptyListLine(noun: noun))]))
        } else if contactFilter == nil, let digits = filters.first(where: { $0.0 == "phone_number" })?.1,
            filters.allSatisfy({ ["phone_number", "phone_number_id", "limit", "after", "before"].contains($0.0) })
        {
            // Only when the digits alone emptied the list: with `--type image` too, the contact may have other messages
            // (tester53b U17: "no contact's number contains these digits" about a contact with three).
            emit(CommandResult(blocks: [.hint(Self.partialContactLine(digits, noun: noun))]))
        }
        for (key, flag, kind) in kinds {
            guard let id = filters.first(where: { $0.0 == key })?.1, let identity = try identity(of: id, expected: kind) else { continue }
            // Of its kind, but on another number than the selected one: the list is empty for that reason.
            if identity.kind == kind, let selected = filters.first(where: { $0.0 == "phone_number_id" })?.1,
                let own = identity.phoneNumberIDs.first, !identity.phoneNumberIDs.contains(selected)
            {
                throw IDOfAnotherKind(
                    explanation: "\(flag): " + identity.statement + ", not of the selected number \(selected); use \(own)",
                    exitStatus: .failure)
            }
            if let line = IDResolver.wrongKindLine(identity, expected: kind) {
                throw IDOfAnotherKind(explanation: "\(flag): " + line, exitStatus: .failure)
            }
            if identity.kind == .unknown, !identity.incomplete {
                let searched = identity.details.first { $0.label == "searched" }.map { " (searched \($0.value))" } ?? ""
                // A UUID given as a Kapso id: another project's id is the likely reading, not a delivery's key.
                let fix = identity.fix == IDResolver.unplacedUUIDFix ? IDResolver.anotherProjectFix : identity.fix
                throw ShellError.idNotFound(explanation: "\(flag): " + identity.statement + searched + (fix.map { "; " + $0 } ?? ""))
            }
            // Some look-ups failed: what the answered ones say, never the empty list as if the id were checked (tester53b U18).
            let period = filters.last { $0.0 == "period" }?.1 ?? DeliveryPeriod.standard
            let emptied = key == "webhook_id" ? "no deliveries match it in the last \(period)" : "no \(noun) match it"
            if let line = IDResolver.uncheckedFilterLine(identity, expected: kind, emptied: emptied) {
                throw ShellError.idUnchecked(explanation: "\(flag): " + line, status: .failure)
            }
        }
    }

    /// `IDResolver.wrongKindLine` for `id`, or nil when it is of the expected kind, unreadable, or found nowhere.
    private func wrongKindLine(_ id: String, expected: Identity.Kind) throws(KapsoAPIError) -> String? {
        try identity(of: id, expected: expected).flatMap { IDResolver.wrongKindLine($0, expected: expected) }
    }

    /// What `id` is: the `expected` kind's own look-up is asked first, the whole resolver only when the id
    /// is not of that kind. Nil when it cannot be read as an id, is a WAMID where one belongs, or no key is at hand.
    /// Throws the look-ups' 404 when it says the base URL is wrong (`IDLookups.wrongBaseURL`): then nothing was searched.
    func identity(of id: String, expected: Identity.Kind) throws(KapsoAPIError) -> Identity? {
        guard case .success(let input) = IDInput.read(id) else { return nil }
        guard (try? needsKey()) != nil else { return nil }
        // A WAMID is no other kind of id: its own 404 said all there is, unless every call gets 404.
        if case .wamid = input, expected == .wamid {
            if let wrongHost = wrongBaseURL() { throw wrongHost }
            return nil
        }
        let typed: String
        if case .wamid(let wamid, _) = input { typed = wamid } else { typed = IDInput.cleaned(id) }
        let own: [IDResolver.Lookup]
        switch (expected, input) {
        case (.webhookID, _): own = [.phoneNumbers, .webhooks]
        case (.conversationID, .uuid(let uuid)): own = [.phoneNumbers, .conversation(uuid)]
        default: own = []
        }
        if !own.isEmpty {
            let (facts, errors) = IDLookups.fetch(own, client: client, own: ownLookups)
            if let wrongHost = IDLookups.wrongBaseURL(in: errors) { throw wrongHost }
            let identity = IDResolver.resolve(input, typed: typed, facts: facts)
            if identity.kind == expected { return identity }
        }
        let lookups = IDResolver.lookups(for: input)
        let uuid: String?
        if case .uuid(let value) = input { uuid = value } else { uuid = nil }
        var (facts, errors) = IDLookups.fetch(lookups, client: client, id: uuid, own: ownLookups)
        facts.now = now()
        if let wrongHost = IDLookups.wrongBaseURL(in: errors) { throw wrongHost }
        return IDLookups.followingMove(
            IDResolver.resolve(input, typed: typed, facts: facts), input: input, typed: typed, facts: &facts, in: self)
    }
}
