public import KapsoClient

// MARK: - A number typed where a contact's number belongs (`reply --to`)

extension IDResolver {
    /// Why `typed` cannot be the contact a message goes to, or nil when it can.
    public struct NotAContact: Sendable, Equatable {
        /// `200300400500601 is the WABA id (business_account_id) of Sales Line 100200300400502 and …`.
        public var statement: String
        /// `give the contact's number with its country code, e.g. +14155550142`.
        public var fix: String
    }

    /// Refuses, before anything is sent, a `--to` that is one of the project's own ids or numbers (a
    /// phone-number id, a WABA id, a display number in full or national form) or a number that may lack its
    /// country code (`PhoneNumberText.countryReading`, the doubt `whois` warns of): no `+` or `00`, no country
    /// code of the project's numbers, and neither one of the project's contacts (`isContact`, asked only then)
    /// nor 11 digits or more of another country's whole number. Meta reads `to` as digits with the country code
    /// (kapso-api.md §4; Cloud API `to` is E.164 without `+`), so `5511987654321` is sent as it is. The fix never
    /// puts a project code before digits that already make another country's number.
    ///
    /// `sender` is the phone-number id the message goes from. Meta refuses only a message to its sender (131021,
    /// "recipient cannot be sender"): another number of the project, written in full, is a WhatsApp account the message
    /// reaches as inbound (the first inbound message `health` asks for, tester56 Z10) and is not refused. Unknown (nil):
    /// every number of the project is refused, as before.
    public static func notAContact(
        _ number: PhoneNumberText, typed: String, numbers: [PhoneNumber], sender: String? = nil, isContact: () throws -> Bool
    ) rethrows -> NotAContact? {
        let digits = number.digits
        let fix = "give the contact's number with its country code, e.g. +14155550142"
        if let own = numbers.first(where: { $0.id == digits }) {
            return NotAContact(statement: "\(typed) is the phone-number id of your own \(label(own)), not a contact's number", fix: fix)
        }
        let wabas = numbers.filter { $0.businessAccountID == digits }
        if !wabas.isEmpty {
            return NotAContact(
                statement: "\(typed) is the WABA id (business_account_id) of \(owners(wabas)), not a contact's number", fix: fix)
        }
        let whole = numbers.first { $0.normalizedDisplayNumber == digits }
        if let own = whole ?? numbers.first(where: { isNationalForm(number, of: $0.normalizedDisplayNumber) }) {
            let name = own.name ?? own.verifiedName ?? "business"
            let shown = own.displayPhoneNumber ?? own.id
            guard let sender, own.id != sender else {
                let from = sender == nil ? "" : ", the number this sends from: WhatsApp refuses a message to its sender (131021)"
                return NotAContact(statement: "\(typed): that is your own \(name) number (\(shown))\(from), not a contact's", fix: fix)
            }
            // Another number of the project, in full: a recipient like any other.
            if whole != nil { return nil }
            return NotAContact(
                statement: "\(typed): that is your \(name) number (\(shown)) without its country code",
                fix: "to write to it from this number, --to +\(own.normalizedDisplayNumber)")
        }
        let codes = countryCodes(numbers)
        // The national trunk 0 kept after the country code (`+44 07700 900123`, `4407700900123`): the number without it
        // (`PhoneNumberText.keptTrunkZero`; bare digits only when no national reading with the project's codes; P37-10).
        if let kept = number.keptTrunkZero(typed: typed, projectCodes: codes) {
            return NotAContact(statement: "\(typed): " + kept.reason, fix: kept.fix)
        }
        guard case .uncertain(let national, let asTyped) = try number.countryReading(projectCodes: codes, isContact: isContact)
        else { return nil }
        // Said of the sending number's own calling code when it is known: Meta prepends that code, not "the project's", to a
        // number sent without + (send-messages guide, "WhatsApp user phone number formats"; tester67b Z7).
        let sending = sender.flatMap { id in numbers.first { $0.id == id } }
        let code = sending.flatMap { CountryCallingCode.code(of: $0.normalizedDisplayNumber) }
        let start = sending.flatMap { own in code.map { noSendingCode(typed, code: $0, sender: own) } } ?? noCountryCode(typed, codes: codes)
        // Another country's number as typed: its own code, never the project's, goes before it.
        let own = asTyped.map { digits in
            "if \(CountryCallingCode.code(of: digits).map { "+" + $0 } ?? "its start") is its country code, --to +\(digits)"
        }
        if !national.isEmpty {
            return NotAContact(
                statement: start + (code.map { prepends(digits, code: $0) } ?? ": if it is a national number, it would go to the wrong country"),
                fix: "add the country code, e.g. " + national.map { "--to +" + $0 }.joined(separator: " or ") + (own.map { "; " + $0 } ?? ""))
        }
        if let own {
            return NotAContact(statement: start + ", and no conversation or message of this number is with it", fix: own)
        }
        return NotAContact(
            statement: start + ", and no country's number has its length with one before it",
            fix: "give the contact's whole number with its country code, as 'conversations' shows it")
    }
}

extension IDResolver {
    /// `4155550157 has no '+' or '00' and does not start with this project's country code (+1)`: the doubt `notAContact`
    /// refuses a `--to` with and `uncertainContactFilter` lists a `--phone-number` with, in one wording.
    static func noCountryCode(_ typed: String, codes: [String]) -> String {
        "\(typed) has no '+' or '00' and does not start with this project's country code (\(list(codes.map { "+" + $0 })))"
    }

    /// `4155550157 has no '+' or '00' and does not start with the sending number's calling code (+1, Support Line's
    /// +1 415-555-0100)`: `noCountryCode` when the number the message goes from is known.
    static func noSendingCode(_ typed: String, code: String, sender: PhoneNumber) -> String {
        let name = sender.name.map { "\($0)'s " } ?? ""
        return "\(typed) has no '+' or '00' and does not start with the sending number's calling code (+\(code), "
            + "\(name)\(sender.displayPhoneNumber ?? "+" + sender.normalizedDisplayNumber))"
    }

    /// `: sent so, Meta prepends that code to it and it goes to +14155550157, another person if the contact's number is
    /// not a +1 one`: what a number without + and country code becomes from a sender whose calling code is `code`.
    static func prepends(_ digits: String, code: String) -> String {
        ": sent so, Meta prepends that code to it and it goes to +\(code)\(digits), another person if the contact's "
            + "number is not a +\(code) one"
    }

    /// A `--phone-number` filter (`messages`, `conversations`) typed without '+' or '00' that may be a national number of
    /// the project's country (`PhoneNumberText.countryReading`, the rule `reply --to` refuses with and `whois` warns of;
    /// `countryCodes`): `4155550157` in a +1 project is +1 415-555-0157 as likely as +41 55 555 0157, so the list is not
    /// cut to one of them (probe46 P46-13: the contact's own messages were "left out as other contacts"). The line says
    /// so: the list is Kapso's partial match (kapso-api.md §7.1, §8.1: `phone_number` matches part of a number, so every
    /// contact whose number contains the digits is listed) with the `--phone-number` of each whole reading. Nil when the
    /// digits read as a whole number with its country code (a `+`/`00`, a project code first, another country's whole
    /// number), when no national reading makes a whole number (an id, which the list's empty-filter check names), and
    /// when `numbers` is empty (no country code to read against).
    public static func uncertainContactFilter(_ number: PhoneNumberText, typed: String, numbers: [PhoneNumber]) -> String? {
        let codes = countryCodes(numbers)
        guard case .uncertain(let national, let asTyped) = number.countryReading(projectCodes: codes), !national.isEmpty
        else { return nil }
        let other = asTyped.map { digits in
            " or, if \(CountryCallingCode.code(of: digits).map { "+" + $0 } ?? "its start") is its country code, --phone-number +\(digits)"
        } ?? ""
        return noCountryCode(typed, codes: codes) + ": listed as Kapso's partial match, every contact whose number contains "
            + "\(number.digits); for one contact give its country code: "
            + national.map { "--phone-number +" + $0 }.joined(separator: " or ") + other
    }

    /// `notAContact` when the project's contacts are not known: a number that may lack its country code is refused.
    public static func notAContact(
        _ number: PhoneNumberText, typed: String, numbers: [PhoneNumber], sender: String? = nil
    ) -> NotAContact? {
        notAContact(number, typed: typed, numbers: numbers, sender: sender, isContact: { false })
    }
}

// MARK: - A business-scoped user id (a contact who adopted a username and shares no number)

extension IDResolver {
    /// The most recently active conversation among `conversations` (one with a business-scoped user id first) of the
    /// contact whose WhatsApp username is `typed` (`@marisol.v`; case and the `@` do not matter); nil when none has it. `reply --to @handle` and
    /// `whois @handle` both find the contact so.
    public static func conversation(username typed: String, in conversations: [Conversation]) -> Conversation? {
        conversations.filter { IDInput.sameUsername($0.username, typed) }
            .max { ($0.businessScopedUserID == nil ? 0 : 1, $0.lastActiveAt ?? "") < ($1.businessScopedUserID == nil ? 0 : 1, $1.lastActiveAt ?? "") }
    }

    /// What a WhatsApp username is in this project, from the newest conversations (`recentConversations`), else from
    /// the newest inbound messages (`recentInbound`: a message names its sender's username where the conversation may
    /// not, tester47 F6): whose handle, on which numbers, and the business-scoped user id messages to them go to.
    static func resolveUsername(_ typed: String, facts: Facts) -> Identity {
        if let shared = sharedUsernameIdentity(typed, facts: facts) { return shared }
        let matches = facts.conversations.filter { IDInput.sameUsername($0.username, typed) }
        guard let newest = conversation(username: typed, in: facts.conversations) else {
            if let message = message(username: typed, in: facts.messages) { return usernameOfMessage(typed, message, facts: facts) }
            let all = facts.conversations.count < 100 && facts.messages.count < 100
            return Identity(
                input: typed, kind: .unknown,
                statement: all
                    ? "no contact in this project's conversations or inbound messages has the WhatsApp username \(typed)"
                    : "no contact among this project's 100 most recently active conversations and 100 newest inbound messages "
                        + "has the WhatsApp username \(typed)",
                fix: "'messages' shows the username of each message's contact; usernames can change, a business-scoped user id "
                    + "(US.…, from_user_id in webhook payloads) does not")
        }
        let lineIDs = Set(matches.compactMap(\.phoneNumberID))
        let lines = facts.numbers.filter { lineIDs.contains($0.id) }
        let on = lines.isEmpty ? list(lineIDs.sorted()) : owners(lines)
        let who = newest.contactName ?? typed
        let userID = newest.businessScopedUserID
        var identity = Identity(
            input: typed, kind: .username,
            statement: "\(typed) is the WhatsApp username of \(who), a contact of \(on)"
                + (userID.map { " with business-scoped user id \($0)" } ?? " (no business-scoped user id recorded)"),
            next: userID.map { "reply --to \(typed) writes to them (sent to \($0)); '\(ShellWord.command("whois", $0))' lists their messages" }
                ?? "'conversation \(newest.id)' shows the conversation")
        identity.details = [
            Identity.Detail("contact", newest.contactName ?? "-"), Identity.Detail("username", newest.usernameHandle ?? typed),
            Identity.Detail("business-scoped user id", userID ?? "-"),
            Identity.Detail("conversation", matches.map(\.id).sorted().joined(separator: ", ")),
            Identity.Detail("last active", newest.lastActiveAt ?? "-"),
        ]
        identity.phoneNumberIDs = lineIDs.sorted()
        identity.moment = newest.lastActiveAt.flatMap(KapsoTime.seconds(iso:))
        return identity
    }

    /// `Marisol Vega (@marisol.v)`, or the id when nothing else is known; `username` with or without its `@`.
    static func userLabel(_ id: String, username: String?, name: String?) -> String {
        switch (name, username.flatMap(Conversation.handle)) {
        case (let name?, let username?): "\(name) (\(username))"
        case (let name?, nil): "\(name) (\(id))"
        case (nil, let username?): username
        case (nil, nil): id
        }
    }
}

// MARK: - A project id used in the wrong slot of a path (a 404 whose id IS in the project)

extension IDResolver {
    /// What `id`, the object id of a path under `collection` (`conversations`, `messages`, `webhooks`, …),
    /// is when it belongs to the project but not to that collection, e.g. `the id in the path is the id
    /// of the kapso webhook to hooks.acme-demo.test/kapso/whatsapp, used as a conversation id`; nil when
    /// it is none of the project's known ids (or is of that collection). `identity` is what `whois` found of the id (a
    /// conversation, a delivery, a message): an id of another kind than the collection's is named the same way, e.g. `the
    /// id in the path is the conversation with Dana Ortiz (conversation id), used as a webhook id` (tester52 H1), the one
    /// kind check every platform object route makes before any "it was not found when called" story.
    public static func wrongCollectionID(
        _ id: String, collection: String, numbers: [PhoneNumber], webhooks: [Webhook], identity: Identity? = nil
    ) -> String? {
        let key = id.lowercased()
        let what: String
        var own: String? = nil
        var notes: String? = nil
        if let webhook = webhooks.first(where: { $0.id.lowercased() == key }) {
            what = "the id of the \(webhook.kind) webhook to \(WebhookURL.short(webhook.url))"
            own = "webhooks"
        } else if let number = numbers.first(where: { $0.id == id }) {
            what = "the phone-number id of \(number.name ?? number.id)"
            own = "phone_numbers"
        } else if let misplaced = misplacedPhoneNumberID(id, numbers: numbers),
            [.wabaID, .kapsoPhoneNumberID, .customerID].contains(misplaced.kind)
        {
            what = misplaced.statement.dropFirst(id.count + 4).description
        } else if let identity, !fits(identity, collection: collection) {
            // The statement names the id as whois writes it (`+447700900003 is the contact …` for 447700900003 in the
            // path): its subject goes whatever its '+', on either side (tester60 AH7: "the id in the path is +4477… is the
            // contact"; tester61 AI4: the same with +447700900003 in the path).
            let subject = identity.statement.firstRange(of: " is ")
            let named = subject.map { Self.subjectKey(identity.statement[..<$0.lowerBound]) == Self.subjectKey(id) } ?? false
            let said = named ? String(identity.statement[(subject?.upperBound ?? identity.statement.startIndex)...]) : identity.statement
            // Only the statement's first clause names what the id is; its notes (a number change and what it means)
            // follow the whole line, not the middle of it (tester67 Y6a: "… not necessarily the contact (contact's
            // phone number), used as a conversation id").
            let clause = said.firstRange(of: "; ")
            let head = clause.map { String(said[..<$0.lowerBound]) } ?? said
            notes = clause.map { String(said[$0.upperBound...]) }
            what = head + (said.contains(identity.kind.title) ? "" : " (\(identity.kind.title))")
        } else {
            return nil
        }
        guard own != collection else { return nil }
        let slot = (collection.hasSuffix("s") ? String(collection.dropLast()) : collection).replacingUnderscores()
        let fix = ["conversations", "webhooks"].contains(collection)
            ? "'\(collection)' lists \(slot) ids" : "'\(ShellWord.command("whois", id))' says what it is"
        return "the id in the path is \(what), used as a \(slot) id; \(fix)" + (notes.map { "; " + $0 } ?? "")
    }

    /// `id` as a statement's subject compares: lowercased, without a phone number's leading `+` (or `%2B`, as a path
    /// encodes it) and the separators people write in one (`+44 7700-900003`).
    static func subjectKey(_ id: some StringProtocol) -> String {
        var text = id.lowercased()
        if text.hasPrefix("%2b") { text.removeFirst(3) }
        return text.filter { !"+ -()".contains($0) }
    }

    /// True when what `whois` found (`identity`) is of a kind `collection`'s slot takes, or is not known enough to tell
    /// (unknown, incomplete, not found, or not looked up).
    static func fits(_ identity: Identity, collection: String) -> Bool {
        guard identity.kind != .unknown, !identity.incomplete, !identity.notFound, identity.lookUpBudget == nil else { return true }
        let takes: [String: Identity.Kind] = [
            "webhooks": .webhookID, "conversations": .conversationID, "messages": .wamid, "phone_numbers": .phoneNumberID,
        ]
        return takes[collection].map { $0 == identity.kind } ?? true
    }
}

// MARK: - A 404 on a Graph edge that takes a WABA id

extension IDResolver {
    /// What a 404 on a Graph path whose edge hangs off a WABA (`/{WABA}/message_templates`, `phone_numbers`,
    /// `subscribed_apps`; kapso-api.md §14.3: template CRUD takes the WABA id, sending the phone-number id)
    /// means for the id in it: this project's WABA id (the id is right: Graph could not load the WABA with
    /// the key's access), or a phone-number id where the WABA id belongs (with the WABA to use). Nil for
    /// other paths and for ids that are none of the project's (the caller's meaning stands).
    public static func wabaEdgeMeaning(_ endpoint: String, numbers: [PhoneNumber], identities: [String: Identity] = [:]) -> String? {
        guard let (id, edge) = APIPath.graphObject(in: endpoint), let edge, APIPath.edgeTakesWABA(edge) else { return nil }
        let owners = numbers.filter { $0.businessAccountID == id }
        // An id `whois` named (Meta's business or app id, from health's BUSINESS and APP entities): its kind, and the WABA
        // the edge takes (kapso-api.md §14.3: template CRUD needs the WABA id; probe37 P37-13).
        if owners.isEmpty, let identity = identities[id], identity.kind != .unknown, !identity.incomplete,
            !numbers.contains(where: { $0.id == id })
        {
            let wabas = numbers.compactMap(\.businessAccountID).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            let use = wabas.count == 1
                ? "use \(wabas[0]) (the WABA of \(numbersPhrase(numbers.filter { $0.businessAccountID == wabas[0] })))"
                : "'numbers' shows each number's WABA id"
            return "\(identity.statement), not a WABA id; /\(edge) takes the WABA id: " + use
        }
        if !owners.isEmpty {
            return "\(id) is this project's WABA id (of \(numbersPhrase(owners))) and /\(edge) takes a WABA id: the id is "
                + "right; Graph could not load the WABA with this key's access (a permission, or a WABA not connected to "
                + "the key's project)"
        }
        if let number = numbers.first(where: { $0.id == id }), let waba = number.businessAccountID {
            return "the id in the path is the phone-number id of \(number.name ?? number.id), but /\(edge) takes the WABA "
                + "id: use \(waba) (the WABA of \(number.name ?? number.id))"
        }
        // Kapso's internal_id, a customer id or a display number: the proxy resolves a WABA path by the WABA id only
        // (docs.kapso.ai/api-reference/meta-proxy: "Endpoints with business_account_id → resolves config by business
        // account ID"; P13-2).
        if let misplaced = misplacedPhoneNumberID(id, numbers: numbers),
            [.kapsoPhoneNumberID, .customerID, .displayNumber, .nationalNumber].contains(misplaced.kind)
        {
            let wabas = misplaced.numbers.compactMap(\.businessAccountID).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            let use = wabas.count == 1
                ? "use \(wabas[0]) (the WABA of \(numbersPhrase(misplaced.numbers)))" : "'numbers' shows each number's WABA id"
            var what = misplaced.summary
            for tail in [", not its phone-number id", ", not a phone-number id"] where what.hasSuffix(tail) {
                what = String(what.dropLast(tail.count))
            }
            return what + ", but /\(edge) takes the WABA id: " + use
        }
        return nil
    }
}

extension String {
    fileprivate func replacingUnderscores() -> String { String(map { $0 == "_" ? " " : $0 }) }
}
