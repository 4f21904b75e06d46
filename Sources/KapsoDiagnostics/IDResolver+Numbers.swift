public import KapsoClient

// MARK: - Digits: phone-number ids, WABA ids, display and contact numbers

extension IDResolver {
    /// An id used where a phone-number id belongs, and what it really is.
    public struct MisplacedID: Sendable {
        public var id: String
        public var kind: Identity.Kind
        /// `200300400500601 is the WABA id of 2 numbers`.
        public var statement: String
        /// `200300400500601 is a WABA id, not a phone-number id`.
        public var summary: String
        /// The numbers it points to, in the API's order (empty when it points nowhere).
        public var numbers: [PhoneNumber]

        /// `100200300400502 (Sales Line) or 100200300400501 (Support Line)`.
        public var choices: String { IDResolver.choices(numbers) }

        /// `pick one: use A (Sales Line) or use B (Support Line)`, with `command` as the verb.
        public func fix(command: String) -> String {
            guard !numbers.isEmpty else { return "wrong project or key? 'numbers' lists this project's phone-number ids" }
            return IDResolver.pick(numbers, command: command)
        }

        /// One error line: `… is the WABA id of 2 numbers, not a phone-number id; pick one: use …`.
        public func line(command: String) -> String {
            let not = [.wabaID, .kapsoPhoneNumberID, .customerID].contains(kind) ? ", not a phone-number id" : ""
            return statement + not + "; " + fix(command: command)
        }
    }

    /// What `id` is when it stands where a phone-number id belongs (`use ID`, `health ID`, an API
    /// path); nil when it is one of `numbers`' phone-number ids.
    public static func misplacedPhoneNumberID(_ id: String, numbers: [PhoneNumber]) -> MisplacedID? {
        let trimmed = id.trimmingSpaces()
        guard !numbers.contains(where: { $0.id == trimmed }) else { return nil }
        let key = trimmed.lowercased()
        let wabas = numbers.filter { $0.businessAccountID == trimmed }
        if !wabas.isEmpty {
            return MisplacedID(
                id: trimmed, kind: .wabaID, statement: "\(trimmed) is the WABA id of \(numbersPhrase(wabas))",
                summary: "\(trimmed) is a WABA id, not a phone-number id", numbers: wabas)
        }
        if let number = numbers.first(where: { $0.internalID?.lowercased() == key }) {
            return MisplacedID(
                id: trimmed, kind: .kapsoPhoneNumberID,
                statement: "\(trimmed) is Kapso's id (internal_id, whatsapp_config_id) of \(label(number))",
                summary: "\(trimmed) is Kapso's id of \(number.name ?? number.id), not its phone-number id", numbers: [number])
        }
        let customers = numbers.filter { $0.customerID?.lowercased() == key }
        if !customers.isEmpty {
            return MisplacedID(
                id: trimmed, kind: .customerID, statement: "\(trimmed) is the customer id of \(numbersPhrase(customers))",
                summary: "\(trimmed) is a customer id, not a phone-number id", numbers: customers)
        }
        if case .success(let typed) = PhoneNumberText.parse(trimmed) {
            // Several numbers show it: each is named, the one that can send first (probe42 P42-7).
            if let shared = SharedDisplayNumber(digits: typed.digits, numbers: numbers) {
                return MisplacedID(
                    id: trimmed, kind: .displayNumber,
                    statement: "\(trimmed) is the display number of \(shared.numbers.count) numbers of this project: \(shared.owners)",
                    summary: "\(trimmed) is the display number of \(shared.numbers.count) numbers, not a phone-number id",
                    numbers: shared.ordered)
            }
            if let number = numbers.first(where: { $0.normalizedDisplayNumber == typed.digits }) {
                return MisplacedID(
                    id: trimmed, kind: .displayNumber,
                    statement: "\(trimmed) is the display number of \(number.name ?? number.id); its phone-number id is \(number.id)",
                    summary: "\(trimmed) is the display number of \(number.name ?? number.id), not its phone-number id",
                    numbers: [number])
            }
            let national = numbers.filter { isNationalForm(typed, of: $0.normalizedDisplayNumber) }
            if !national.isEmpty {
                return MisplacedID(
                    id: trimmed, kind: .nationalNumber,
                    statement: "\(trimmed) is the national form of \(list(national.map(label))), without its country code",
                    summary: "\(trimmed) is a display number without its country code", numbers: national)
            }
        }
        if let miss = nearMiss(trimmed, numbers: numbers) {
            return MisplacedID(id: trimmed, kind: .nearMissPhoneNumberID, statement: miss.statement, summary: miss.summary, numbers: miss.numbers)
        }
        return MisplacedID(
            id: trimmed, kind: .unknown,
            statement: "\(trimmed) is not a phone-number id, WABA id, Kapso id or display number of this project",
            // "now": Kapso lists the numbers a project has now, and a former number is named only where the records read
            // show it (`formerUse`, probe19 P19-5).
            summary: "\(trimmed) is not an id of this project now", numbers: [])
    }

    /// What a WABA id is for, then what calls about messages take: `WABA paths take 200300400500601
    /// (/200300400500601/message_templates); calls about messages and numbers take a phone-number id; pick one: use …`.
    /// A WABA id is right in a template path (kapso-api.md §14.3), so its fix does not only send the reader to a
    /// phone-number id (probe21 P21-9: that advice, followed in `/message_templates`, gives the opposite 404).
    static func wabaFix(_ waba: String, numbers: [PhoneNumber]) -> String {
        "WABA paths take \(waba) (/\(waba)/message_templates); calls about messages and numbers take a phone-number id; "
            + pick(numbers, command: "use")
    }

    /// `2 numbers` or `Support Line`.
    static func numbersPhrase(_ numbers: [PhoneNumber]) -> String {
        numbers.count == 1 ? (numbers[0].name ?? numbers[0].id) : "\(numbers.count) numbers"
    }

    /// True when `typed` (no `+`/`00`) is `full` without its leading country-code digits (1 to 3).
    static func isNationalForm(_ typed: PhoneNumberText, of full: String) -> Bool {
        let national = typed.digits.trimmingLeadingZeros()
        guard !typed.hasInternationalPrefix, national.count >= 6, full.count > national.count,
            full.count - national.count <= 3
        else { return false }
        return full.hasSuffix(national)
    }

    /// The country codes of the project's numbers, e.g. `["1"]`, from display numbers such as `+1 415-555-0100`.
    public static func countryCodes(_ numbers: [PhoneNumber]) -> [String] {
        var codes: [String] = []
        for number in numbers {
            guard let display = number.displayPhoneNumber, display.hasPrefix("+") else { continue }
            let code = String(display.dropFirst().prefix { $0.isNumber })
            if !code.isEmpty, code.count <= 3, !codes.contains(code) { codes.append(code) }
        }
        return codes
    }

    static func resolveNumber(_ number: PhoneNumberText, typed: String, facts: Facts) -> Identity {
        let digits = number.digits
        let numbers = facts.numbers
        var identity: Identity
        if let own = numbers.first(where: { $0.id == digits }) {
            identity = Identity(
                input: typed, kind: .phoneNumberID, statement: "\(digits) is the phone-number id of \(label(own))",
                next: "use \(own.id)")
            describe(own, in: &identity, facts: facts)
            identity.phoneNumberIDs = [own.id]
        } else if let misplaced = misplacedPhoneNumberID(digits, numbers: numbers), misplaced.kind == .wabaID {
            identity = Identity(
                input: typed, kind: .wabaID,
                statement: "\(digits) is the WABA id (business_account_id) of \(owners(misplaced.numbers))",
                fix: wabaFix(digits, numbers: misplaced.numbers))
            identity.details = [Identity.Detail("WABA id is for", "templates: /{waba}/message_templates")]
            identity.phoneNumberIDs = misplaced.numbers.map(\.id)
            // Calls reading the WABA's message history: history sync applies to coexistence numbers only (as `errors` says).
            let coexistence = misplaced.numbers.filter(\.isCoexistence)
            let readsHistory = facts.apiLogs.contains { log in
                log.httpMethod == "GET" && Array(APIPath.segments(of: log.endpoint).suffix(2)) == [Substring(digits), "messages"]
            }
            if readsHistory, !coexistence.isEmpty, coexistence.count < misplaced.numbers.count {
                identity.details.append(Identity.Detail(
                    "history sync", "applies only to coexistence numbers: " + list(coexistence.map { "\($0.name ?? $0.id) \($0.id)" })))
            }
        } else if let shared = SharedDisplayNumber(digits: digits, numbers: numbers, reads: facts.healthReads) {
            // Several numbers show it: every one named, one chosen only when it alone can send (probe42 P42-7).
            let chosen = shared.preferred
            let statement = "\(typed) is the display number of \(shared.numbers.count) numbers of this project: \(shared.owners)"
            identity = chosen == nil
                ? Identity(input: typed, kind: .displayNumber, statement: statement, fix: shared.choice(command: "use"))
                : Identity(input: typed, kind: .displayNumber, statement: statement, next: shared.choice(command: "use", verb: "use"))
            if let chosen { describe(chosen, in: &identity, facts: facts) }
            identity.details.append(Identity.Detail("shown by", shared.owners))
            identity.phoneNumberIDs = shared.ordered.map(\.id)
        } else if let own = numbers.first(where: { $0.normalizedDisplayNumber == digits }) {
            identity = Identity(
                input: typed, kind: .displayNumber,
                statement: "\(typed) is the display number of \(own.name ?? own.id); its phone-number id is \(own.id)",
                next: "use \(own.id)")
            describe(own, in: &identity, facts: facts)
            identity.phoneNumberIDs = [own.id]
        } else if let miss = nearMiss(typed, numbers: numbers, typos: false) ?? nearMiss(digits, numbers: numbers, typos: false) {
            // A phone-number id with a copying mistake, as `errors` names it in a failed path (`nearMiss`).
            identity = Identity(input: typed, kind: .nearMissPhoneNumberID, statement: miss.statement, fix: pick(miss.numbers, command: "use"))
            if miss.numbers.count == 1 { identity.details = details(of: miss.numbers[0]) }
            identity.phoneNumberIDs = miss.numbers.map(\.id)
        } else if let (waba, template) = facts.templates.first(where: { $0.template.id == digits }) {
            let owners = numbers.filter { $0.businessAccountID == waba }
            identity = Identity(
                input: typed, kind: .templateID,
                statement: "\(digits) is the template \(template.name) (\(template.language), \(template.category), \(template.status)) "
                    + "of WABA \(waba)" + (owners.isEmpty ? "" : " (\(list(owners.map { $0.name ?? $0.id })))"),
                next: (owners.first.map { "use \($0.id); " } ?? "") + "template \(template.name) --language \(template.language)")
            identity.details = [
                Identity.Detail("name", template.name), Identity.Detail("language", template.language),
                Identity.Detail("category", template.category), Identity.Detail("status", template.status),
                Identity.Detail("WABA id", waba),
            ]
            identity.phoneNumberIDs = owners.map(\.id)
        } else if let media = mediaIdentity(digits, typed: typed, facts: facts) {
            identity = media
        } else if let contact = contactIdentity(digits, typed: typed, facts: facts) {
            identity = contact
        } else if let contact = nationalContactIdentity(number, typed: typed, facts: facts) {
            identity = contact
        } else if case let national = numbers.filter({ isNationalForm(number, of: $0.normalizedDisplayNumber) }),
            !national.isEmpty
        {
            identity = Identity(
                input: typed, kind: .nationalNumber,
                statement: "\(typed) has no country code; it matches \(list(national.map(label)))",
                fix: national.count == 1 ? "use \(national[0].id)" : pick(national, command: "use"))
            identity.phoneNumberIDs = national.map(\.id)
        } else if let moved = movedContactIdentity(digits, typed: typed, facts: facts) {
            identity = moved
        } else if let meta = metaEntityIdentity(digits, typed: typed, facts: facts) {
            identity = meta
        } else if let miss = nearMiss(digits, numbers: numbers) {
            // A mistyped phone-number id (two digits swapped, one changed), once the id is nothing else (probe17 P17-6).
            identity = Identity(input: typed, kind: .nearMissPhoneNumberID, statement: miss.statement, fix: pick(miss.numbers, command: "use"))
            identity.details = details(of: miss.numbers[0])
            identity.phoneNumberIDs = miss.numbers.map(\.id)
        } else if let miss = nearMissWABA(digits, numbers: numbers), let waba = miss.ids.first {
            // A WABA id cut short or mistyped (probe21 P21-9): named as a WABA id, with the WABA paths it is for, not as
            // "not of this project".
            identity = Identity(
                input: typed, kind: .nearMissWABAID, statement: miss.statement,
                fix: miss.ids.count == 1 ? wabaFix(waba, numbers: miss.numbers) : "'numbers' shows each number's WABA id")
            identity.details = [Identity.Detail("WABA id is for", "templates: /{waba}/message_templates")]
            identity.phoneNumberIDs = miss.numbers.map(\.id)
        } else {
            // A Meta object id kops did not look for in health (probe5 P5-11) may well be this project's: no "wrong project".
            let metaUnsearched = mayBeMetaObjectID(number) && facts.healths.isEmpty && !numbers.isEmpty
            identity = Identity(
                input: typed, kind: .unknown,
                statement: "\(typed) is not a phone-number id, WABA id, display number"
                    + (facts.templateWABAs.isEmpty ? "" : ", template") + (facts.healths.isEmpty ? "" : ", Meta business or app id")
                    + (facts.mediaSearched ? ", media id of a listed message" : "")
                    + " or contact of this project",
                fix: metaUnsearched
                    ? "'\(ShellWord.command("whois", digits))' also reads the numbers' health for Meta's business and app ids; 'numbers' lists this project's ids"
                    : "wrong project or key? 'numbers' lists this project's ids; it may also be a Meta id kops does not look up "
                        + (facts.mediaMessages.isEmpty ? "(a media id, " : "(a media id of a message older than those read, ") + "or the source_id of an ad in a message's referral, which 'message WAMID' shows)")
            let templates = facts.templateWABAs.isEmpty ? "" : ", the templates of \(plural(facts.templateWABAs.count, "WABA"))"
            let health = facts.healths.isEmpty ? "" : ", the Meta business and app ids in the health of \(plural(facts.healths.count, "number"))"
            let media = !facts.mediaSearched ? ""
                : facts.mediaMessages.isEmpty ? ", the messages with media (none)"
                : ", the media ids of the newest \(plural(facts.mediaMessages.count, "message")) with media"
            identity.details = [
                Identity.Detail("searched", "\(plural(numbers.count, "number")) (ids, WABA ids, display numbers), "
                    + "conversations by contact number, API calls of the last 30 days by path" + templates + health + media)
            ]
            if metaUnsearched {
                identity.details.append(Identity.Detail("not searched", "the Meta business and app ids that 'health' shows"))
            }
            // The project's keys called it with success, or messages are on it: a number removed since, not "wrong project
            // or key" (P13-4), read as `errors` reads it (`formerUse`, probe39 P39-4).
            if let former = formerUse(
                of: digits, calls: facts.apiLogs.filter { !facts.ownLogIDs.contains($0.id) }, messages: facts.numberMessages,
                deliveries: facts.deliveries, before: nil)
            {
                identity.statement = former.statement
                identity.fix = "update the id the sender uses; 'numbers' lists this project's phone-number ids"
            }
        }
        // The reading `reply --to` refuses with: `14155550172` already starts with the project's country code 1 and
        // `551187654321` is Brazilian, so "add the country code" would mislead.
        // An error code pasted where an id goes (tester61 AJ3): named as one, never "add the country code".
        let code = identity.kind == .unknown && !number.hasInternationalPrefix ? errorCode(digits) : nil
        if let code { (identity.warnings, identity.fix) = ([code.warning] + identity.warnings, code.fix) }
        if code == nil, identity.kind == .unknown || identity.kind == .nationalNumber, digits.count <= 12,
            case .uncertain(_, let asTyped) = number.countryReading(projectCodes: countryCodes(numbers))
        {
            let codes = countryCodes(numbers).map { "+\($0)" }
            identity.warnings.append(
                "\(typed) has no '+' or '00': if it is a national number, add the country code "
                    + "(this project's numbers use \(list(codes)))"
                    + (asTyped.map { ", or if \(CountryCallingCode.code(of: $0).map { "+" + $0 } ?? "") is its own, whois +\($0)" } ?? ""))
        }
        // `011` is the international call prefix dialled from North America (NANP); it is not read as one,
        // since national numbers elsewhere start with 011 too (Leeds: 0113), but a number found nowhere says so.
        if identity.kind == .unknown, !number.hasInternationalPrefix, digits.hasPrefix("011"),
            PhoneNumberText(digits: String(digits.dropFirst(3)), hasInternationalPrefix: true).e164 != nil
        {
            identity.warnings.append(
                "if 011 is the international call prefix (dialled from North America), the number is +\(digits.dropFirst(3)): whois +\(digits.dropFirst(3))")
        }
        identity.details += mentions(digits, facts: facts)
        identity.apiCalls = apiCalls(digits, facts: facts)
        return identity
    }

    /// The contact whose conversations have `digits` or its other form (`ContactNumber`: Brazil's ninth digit, Mexico's
    /// mobile 1), e.g. `551187654321 is the contact João Silva (5511987654321, WhatsApp ID form 551187654321) …`.
    private static func contactIdentity(_ digits: String, typed: String, facts: Facts) -> Identity? {
        let conversations = facts.conversations.filter { ContactNumber.same($0.contact, digits) }
        guard let first = conversations.first else { return nil }
        let lines = conversations.compactMap(\.phoneNumberID).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        let names = lines.map { id in facts.numbers.first { $0.id == id }.map { $0.name ?? id } ?? id }
        let stored = first.contact?.filter(\.isNumber) ?? digits
        // Typed in the other form: the number as Kapso stores the contact, and which is the WhatsApp ID form.
        var forms: [String] = []
        if stored != digits {
            let idForm = ContactNumber.whatsAppIDForm(digits)
            forms = [idForm == stored ? "WhatsApp ID form \(stored)" : stored]
            if idForm == digits { forms.append("WhatsApp ID form \(digits)") }
        }
        let who = (first.contactName.map { "the contact \($0)" } ?? "a contact") + (forms.isEmpty ? "" : " (\(forms.joined(separator: ", ")))")
        var identity = Identity(
            input: typed, kind: .contactNumber,
            statement: "\(contact(digits)) is \(who) in \(plural(conversations.count, "conversation")) on \(list(names))",
            next: "messages --phone-number \(digits)")
        identity.details = conversations.prefix(5).map { conversation in
            Identity.Detail("conversation", "\(conversation.id) (\(conversation.status), last active \(conversation.lastActiveAt ?? "-"))")
        }
        if let other = ContactNumber.otherForm(digits) {
            identity.details.append(Identity.Detail(
                "same contact", "\(other.digits) (\(ContactNumber.reason(other.match)); Meta's wa_id may have either form)"))
        }
        // The contact gave this number up (user_changed_number), as `reply` reads it (P26-4): from their windows once read
        // (followed to the new number), else from the notices alone, hedged.
        if let windows = facts.contactWindows {
            if let moved = windows.compactMap(\.moved).max(by: { ($0.leftAt ?? .min) < ($1.leftAt ?? .min) }) {
                identity.statement += "; they " + moved.chainText + (moved.laterReach.map { "; " + $0.text } ?? ", so this number is no longer theirs")
                identity.advice = .fix
                identity.fix = (moved.number.map { "reply --to +\($0) writes to them now (\(moved.wayOn)); " } ?? moved.writeTo + "; ")
                    + "messages --phone-number \(digits) lists the history under this number"
            }
        } else if let moved = moves(from: digits, conversationIDs: Set(conversations.map(\.id)), facts: facts) {
            identity.statement += "; " + moved.text
            identity.advice = .fix
            identity.fix = "reply --to +\(moved.newest) writes to them now (a template first unless they wrote from it: 'reply --dry-run' reads it); "
                + "messages --phone-number \(digits) lists the history under this number"
        }
        identity.phoneNumberIDs = lines
        identity.contacts = [(digits, first.contactName)]
        identity.conversationIDs = conversations.map(\.id)
        return identity
    }

    /// The number a contact moved to, named by Meta's `user_changed_number` notification (`WindowEvidence.movedTo`) in
    /// one of their conversations, e.g. `+14155550999 is the new number of the contact Contact 72 (14155550172): …`.
    private static func movedContactIdentity(_ digits: String, typed: String, facts: Facts) -> Identity? {
        let notices = facts.messages.filter { ContactNumber.same(WindowEvidence($0, now: nil).movedTo, digits) }
        guard let notice = notices.max(by: { ($0.time ?? 0) < ($1.time ?? 0) }), let old = notice.contact else { return nil }
        let who = notice.contactName.map { "the contact \($0) (\(old))" } ?? "the contact \(old)"
        var identity = Identity(
            input: typed, kind: .contactNumber,
            statement: "\(contact(digits)) is the new number of \(who): Meta's notification "
                + (notice.time.map { "at \(KapsoTime.iso($0)) " } ?? "") + "says they changed their number "
                + "(\(WindowEvidence(notice, now: nil).noticeType ?? "user_changed_number")); no conversation with it yet",
            next: "write to +\(digits) with a template ('reply --to +\(digits) --template NAME'); "
                + "their earlier messages are under the old number ('messages --phone-number \(old)')")
        identity.details = [Identity.Detail("notification", notice.id)]
        identity.phoneNumberIDs = notice.phoneNumberID.map { [$0] } ?? []
        identity.contacts = [(digits, notice.contactName)]
        return identity
    }

    /// A contact's number typed without its country code: `4155550142` for `+14155550142`.
    private static func nationalContactIdentity(_ number: PhoneNumberText, typed: String, facts: Facts) -> Identity? {
        let matches = facts.conversations.filter { conversation in
            conversation.contact.map { isNationalForm(number, of: $0.filter(\.isNumber)) } ?? false
        }
        guard let first = matches.first, let full = first.contact?.filter(\.isNumber),
            matches.allSatisfy({ $0.contact?.filter(\.isNumber) == full })
        else { return nil }
        let who = first.contactName.map { "the contact \($0)" } ?? "a contact"
        var identity = Identity(
            input: typed, kind: .nationalNumber,
            statement: "\(typed) has no country code; it matches \(who) (\(contact(full))) in \(plural(matches.count, "conversation"))",
            fix: "messages --phone-number \(full)")
        identity.phoneNumberIDs = matches.compactMap(\.phoneNumberID).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        identity.contacts = [(full, first.contactName)]
        return identity
    }

    /// `API calls: 48 in the last 30 days with 200300400500601 in the path, 48 failed (404) from key history-sync`:
    /// calls with the id as a whole path segment, kops's own look-ups left out (this session's counted), and Kapso's normal
    /// answer `Marketing preference not found` from any key (`ErrorTriage.isNormalAnswer`, as `errors` leaves it out:
    /// `trace` asks it of the contact, so `whois NUMBER` counted a 404 more after each trace; tester47 F1); `at least`
    /// when the API logs had more pages than were read.
    static func mentions(_ id: String, facts: Facts) -> [Identity.Detail] {
        guard let calls = apiCalls(id, facts: facts) else { return [] }
        var text = calls.atLeast
            ? "at least \(calls.count) in the last 30 days with \(id) in the path (the newest \(facts.apiLogs.count) matching calls read)"
            : "\(calls.count) in the last 30 days with \(id) in the path"
        if calls.failed > 0 {
            let statuses = calls.failedStatuses.map(String.init).joined(separator: ", ")
            text += ", \(calls.failed) failed (\(statuses))" + (calls.failedKeys.isEmpty ? "" : " from key \(list(calls.failedKeys))")
        }
        var leftOut: [String] = []
        if calls.ownLeftOut > 0 { leftOut.append("\(plural(calls.ownLeftOut, "call")) by kops itself this session left out, and its earlier ones") }
        // Said without a count: each `trace` of the contact adds one, and the line would change with every replay.
        if calls.normalLeftOut { leftOut.append("'Marketing preference not found' answers left out: Kapso's normal answer, not failures") }
        if !leftOut.isEmpty { text += " (" + leftOut.joined(separator: "; ") + ")" }
        return [Identity.Detail("API calls", text)]
    }

    /// The calls `mentions` describes, as numbers and names (`whois --output json`); nil when none.
    static func apiCalls(_ id: String, facts: Facts) -> Identity.APICalls? {
        let all = facts.apiLogs.filter { APIPath.segments(of: $0.endpoint).contains { $0 == id } }
        let mentioning = all.filter { !facts.ownLogIDs.contains($0.id) && !ErrorTriage.isNormalAnswer($0) }
        guard !mentioning.isEmpty else { return nil }
        let failed = mentioning.filter { $0.responseStatus >= 400 }
        return Identity.APICalls(
            count: mentioning.count, failed: failed.count, failedStatuses: Set(failed.map(\.responseStatus)).sorted(),
            failedKeys: failed.compactMap(\.apiKeyName).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } },
            atLeast: facts.capped.contains(.apiLogsMentioning(id)),
            ownLeftOut: all.filter { facts.sessionOwnLogIDs.contains($0.id) }.count,
            normalLeftOut: all.contains(where: ErrorTriage.isNormalAnswer))
    }
}
