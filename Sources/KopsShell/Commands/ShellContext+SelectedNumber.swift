internal import KapsoClient
internal import KapsoDiagnostics

/// The one check of the session's phone-number id (probe9 P9-5: a profile's `phone_number_id` of another project made
/// `messages` say so while `reply` said "no inbound message … send a template" and `reply --force` blamed the payload).
/// Every command that acts on the selected number asks it: `reply` and `reply --template` before reading the contact's
/// records (`selectedPhoneNumber`), lists filtered by the number once they come back empty (`verifyNumberFilter`), and
/// the error funnel for a 404 on the number (`explainingSelectedNumber`), so each says the same line.
extension ShellContext {
    /// The selected phone-number id, once it is known to be one of the project's. `known` are the project's numbers
    /// when the caller already fetched them; else the session's whole list (`IDCache.phoneNumbersListed`, from `use`,
    /// `numbers` or an earlier check) answers without a request, and only a session without it lists the numbers once.
    /// Throws `noPhoneNumberSelected`, the list's error, or `selectedNumberProblem`.
    func selectedPhoneNumber(numbers known: [PhoneNumber]? = nil) throws -> String {
        let id = try session.requirePhoneNumber()
        if known == nil, ids.phoneNumbersListed, ids.phoneNumbers[id] != nil { return id }
        let numbers = try known ?? client.allPhoneNumbers()
        if known == nil { ids.rememberAllNumbers(numbers) }
        if let problem = selectedNumberProblem(id, numbers: numbers) { throw problem }
        return id
    }

    /// The error for a phone-number id used as the selected number that is none of `numbers`' phone-number ids:
    /// "the selected phone_number_id (from profile a) is not a phone-number id: ID is …; wrong project or key? …", the
    /// resolver's statement with the ids to use. Nil when it is one of them, or when the project lists no numbers.
    func selectedNumberProblem(_ id: String, numbers: [PhoneNumber]) -> ShellError? {
        guard !numbers.isEmpty, let misplaced = IDResolver.misplacedPhoneNumberID(id, numbers: numbers) else { return nil }
        let source = session.phoneNumberID == id ? session.sources["phone_number_id"].map { " (from \($0))" } ?? "" : ""
        return .notAPhoneNumberID(
            explanation: "the selected phone_number_id\(source) is not a phone-number id: " + misplaced.line(command: "use"))
    }

    /// The error funnel's step: the API's 404 for the selected number (`health`, a template look-up) becomes
    /// `selectedNumberProblem`, so it reads as `messages` and `reply` say it. Any other error comes back unchanged.
    func explainingSelectedNumber(_ error: any Error) -> any Error {
        guard case KapsoAPIError.phoneNumberNotFound(let id, let known) = error, id == session.phoneNumberID else { return error }
        return selectedNumberProblem(id, numbers: known) ?? error
    }

    /// After a list filtered by `phone_number_id` came back empty: makes sure the id is one of the
    /// project's phone-number ids, because a WABA id or another project's id there gives an empty list,
    /// not an error. Throws `selectedNumberProblem`; one extra request, only when empty.
    func verifyNumberFilter(_ filters: [(String, String)], numbers known: [PhoneNumber]? = nil) throws {
        guard let id = filters.first(where: { $0.0 == "phone_number_id" })?.1 else { return }
        if let problem = selectedNumberProblem(id, numbers: try known ?? client.allPhoneNumbers()) { throw problem }
    }
}

extension ShellContext {
    /// What `use` and `health` were given, read as an id before any request: empty or unreadable text and
    /// WAMIDs (message ids) are refused here, so a script with such a line runs nothing (`validate`).
    /// What `use` and `health` were given (`positionals`), before any request: `phoneNumberInput` of the words joined
    /// (a display number may be typed in parts), nil for a number's name as `numbers` shows it (`NumberName`, looked
    /// up by `phoneNumberChoice`). Two or more words that are each a whole id or number are refused: one number at a
    /// time (tester47 L1: `use A B` was read as one id of 30 digits).
    @discardableResult
    static func numberArgument(_ positionals: [String], command: String, usage: String) throws(ShellError) -> IDInput? {
        let whole = positionals.filter { $0.filter(\.isNumber).count >= 10 }
        // Ids joined by ',' or ';' get their own line (`IDArgument.joinedReason`: "two ids joined by ','").
        if whole.count > 1, IDArgument.joinedReason(positionals.joined(separator: " "), command: command) == nil {
            throw .syntax(
                "\(command): one number at a time: " + whole.prefix(3).map { "'\(command) \(Shortened.text($0))'" }.joined(separator: " or "))
        }
        return try numberArgument(positionals.joined(separator: " "), command: command, usage: usage)
    }

    /// `phoneNumberInput`, or nil for text that reads as no id but as a name (`NumberName.readsAsName`).
    static func numberArgument(_ query: String, command: String, usage: String) throws(ShellError) -> IDInput? {
        do {
            return try phoneNumberInput(query, command: command, usage: usage)
        } catch {
            // Digits copied with their field name (`phone_number_id=1002…`): offered only when a number of the project
            // (`misreadNumber`, read with the numbers).
            if case .unreadableID = error, case .failure(.fieldName(_, let id, _)) = IDInput.read(query), id.allSatisfy(\.isNumber) {
                return nil
            }
            guard case .unreadableID = error, case .failure(let problem) = IDInput.read(query), problem != .empty,
                problem.fieldNameReason == nil, NumberName.readsAsName(query)
            else { throw error }
            return nil
        }
    }

    /// An id retyped with letters for digits (`1002003004005O1`) or digits copied with their field name
    /// (`phone_number_id=1002…`): what it is (tester54 V2: "it is no id"; V13), with the digits offered as `command` typed
    /// only when they are one of the project's `numbers` (tester55b Y4); else the numbers are listed (tester56b Y4:
    /// `whois 1OO…O9` and `health phone_number_id=…09` offered 'use …' for no number of the project). Nil for other text.
    static func misreadNumber(_ query: String, command: String, numbers: [PhoneNumber]) -> ShellError? {
        let reason: String
        let digits: String
        let joint: String
        switch IDInput.read(query) {
        case .failure(.lettersForDigits(let ascii, let read)):
            (reason, digits, joint) = (IDInput.Problem.lettersReason(read) + "; with digits it is \(ascii)", ascii, ": ")
        case .failure(let problem):
            guard case .fieldName(_, let id, _) = problem, id.allSatisfy(\.isNumber) else { return nil }
            (reason, digits, joint) = (problem.reason, id, "; ")
        default:
            return nil
        }
        guard numbers.contains(where: { $0.id == digits || $0.normalizedDisplayNumber == digits }) else {
            return .noMatchingPhoneNumber(
                query: VisibleText.escaped(Shortened.text(query)), known: numbers.map(\.label),
                searched: reason + ", no number of this project either")
        }
        return .unreadableID(command: command, value: IDInput.echo(query), reason: reason + joint + "\(command) \(digits)")
    }

    /// The project's number named `query` as `numbers` shows it (tester47 L1); throws, naming the candidates when several
    /// fit and every number when none does.
    func numberNamed(_ query: String, command: String) throws -> PhoneNumber {
        let numbers = try client.allPhoneNumbers()
        ids.rememberAllNumbers(numbers)
        switch NumberName.match(query, in: numbers) {
        case .one(let number): return number
        case .several(let found):
            throw ShellError.notAPhoneNumberID(
                explanation: "\(found.count) numbers match '\(VisibleText.escaped(Shortened.text(query)))': "
                    + found.map { "\(command) \($0.id) (\(VisibleText.escaped($0.name ?? "")))" }.joined(separator: " or ")
                    + "; pick one")
        case .none:
            // An id retyped with letters for digits (`1002003004005O1`) or copied with its field name is no name either.
            if let misread = Self.misreadNumber(query, command: command, numbers: numbers) { throw misread }
            if case .failure(let problem) = IDInput.read(query), let reason = problem.otherKeyboardReason {
                throw ShellError.unreadableID(command: command, value: IDInput.echo(query), reason: reason)
            }
            throw ShellError.noMatchingPhoneNumber(
                query: VisibleText.escaped(Shortened.text(query)), known: numbers.map(\.label),
                searched: "it is no id, and no number of this project has that name (NAME in 'numbers')")
        }
    }

    static func phoneNumberInput(_ query: String, command: String, usage: String) throws(ShellError) -> IDInput {
        try IDArgument.refuseCredential(query, command: command, expected: .phoneNumberID)
        switch IDInput.read(query) {
        case .failure(.empty):
            throw .missingArgument(command: command, what: "phone number id or display number", usage: usage)
        case .failure(let problem):
            throw .unreadableID(
                command: command, value: IDInput.echo(query), reason: IDArgument.joinedReason(query, command: command) ?? problem.reason)
        case .success(.wamid(let id, let contact)):
            let carried = contact.map { " carrying the contact +\($0)" } ?? ""
            throw .unreadableID(
                command: command, value: IDInput.echo(query),
                reason: "a WAMID is a message id\(carried); '\(ShellWord.command("whois", id))' says which number it belongs to")
        case .success(let read):
            return read
        }
    }

    /// The project's number that `query` names, read as pasted (a phone-number id or display number in any
    /// form, `IDInput.cleaned`): the one resolver behind `use ID` and `health ID`. Anything else is an
    /// error that says what the id is and which number it leads to (a WABA id, Kapso's id, a conversation,
    /// a contact's number, a WAMID), or that no number matches (`ShellError.noMatchingPhoneNumber`: what the id is not,
    /// what was searched, and the project's numbers).
    func phoneNumber(for query: String, command: String, usage: String) throws -> PhoneNumber {
        try phoneNumberChoice(for: query, command: command, usage: usage).number
    }

    /// `phoneNumber(for:)` with what the caller must say about the choice (`note`): a display number several numbers of
    /// the project show is read as the only one of them that can send, and said so (`SharedDisplayNumber`, probe42 P42-7);
    /// when none or several can, it is refused with every one of them named. Nil `note` otherwise.
    func phoneNumberChoice(for query: String, command: String, usage: String) throws -> (number: PhoneNumber, note: String?) {
        guard let input = try Self.numberArgument(query, command: command, usage: usage) else {
            return (try numberNamed(query, command: command), nil)
        }
        let digits: String?
        if case .number(let number) = input { digits = number.digits } else { digits = nil }
        let numbers = try client.allPhoneNumbers()
        ids.rememberAllNumbers(numbers)
        if let digits, let match = numbers.first(where: { $0.id == digits }) { return (match, nil) }
        if let digits, let shared = SharedDisplayNumber(digits: digits, numbers: numbers, reads: ids.healthReads) {
            let said = shared.statement + "; " + shared.choice(command: command)
            guard let preferred = shared.preferred else { throw ShellError.notAPhoneNumberID(explanation: said) }
            return (preferred, said)
        }
        if let digits, let match = numbers.first(where: { $0.normalizedDisplayNumber == digits }) { return (match, nil) }
        let typed = IDInput.cleaned(query).split(separator: " ").joined(separator: " ")
        if let line = IDResolver.tooShortLine(typed, numbers: numbers, command: command) {
            throw ShellError.notAPhoneNumberID(explanation: line)
        }
        if let misplaced = IDResolver.misplacedPhoneNumberID(typed, numbers: numbers), misplaced.kind != .unknown {
            throw ShellError.notAPhoneNumberID(explanation: misplaced.line(command: command))
        }
        // Not one of the numbers' own ids: ask the resolver what it is (a conversation, a contact, a webhook …).
        let lookups = IDResolver.lookups(for: input).filter { $0 != .phoneNumbers }
        var (facts, errors) = IDLookups.fetch(lookups, client: client, own: ownLookups, numbers: numbers)
        if let wrongHost = IDLookups.wrongBaseURL(in: errors) { throw wrongHost }
        facts.numbers = numbers
        let identity = IDLookups.followingMove(
            IDResolver.resolve(input, typed: typed, facts: facts), input: input, typed: typed, facts: &facts, in: self)
        if let line = IDResolver.useLine(identity, numbers: numbers, command: command) {
            throw ShellError.notAPhoneNumberID(explanation: line)
        }
        // A number the project used (its messages or calls carry the id): said as `errors` and `whois` say it (P39-4).
        if identity.kind == .unknown, let digits, let line = Self.formerNumberLine(digits, facts: facts, numbers: numbers, command: command) {
            throw ShellError.notAPhoneNumberID(explanation: line)
        }
        // What the id is not, and where kops looked (probe6 leftovers: `use UUID` said only that no number matches).
        let said = identity.kind == .unknown ? WhoisCommand.explanation(identity, withFix: false) : nil
        throw ShellError.noMatchingPhoneNumber(query: typed, known: numbers.map(\.label), searched: said)
    }
}

extension ShellContext {
    /// `IDResolver.formerNumberLine` for `id` when the facts read (API calls with it in the path, messages on it, webhook
    /// deliveries for it) show it was a number of this project; nil otherwise.
    static func formerNumberLine(_ id: String, facts: IDResolver.Facts, numbers: [PhoneNumber], command: String) -> String? {
        IDResolver.formerUse(
            of: id, calls: facts.apiLogs.filter { !facts.ownLogIDs.contains($0.id) }, messages: facts.numberMessages,
            deliveries: facts.deliveries, before: nil
        ).map { IDResolver.formerNumberLine($0, numbers: numbers, command: command) }
    }

    /// The error for a selected phone-number id Kapso answered 404 for (`health` without an id), when the project's records
    /// show it was one of its numbers (`formerNumberLine`; the API calls with it in the path and the messages on it are
    /// read, two requests, only then); nil when they do not or cannot say so.
    func formerNumberProblem(_ id: String, numbers: [PhoneNumber], command: String) -> ShellError? {
        guard !numbers.isEmpty, IDResolver.misplacedPhoneNumberID(id, numbers: numbers)?.kind == .unknown else { return nil }
        let (facts, _) = IDLookups.fetch([.apiLogsMentioning(id), .numberMessages(id)], client: client, own: ownLookups, numbers: numbers)
        return Self.formerNumberLine(id, facts: facts, numbers: numbers, command: command).map { .notAPhoneNumberID(explanation: $0) }
    }
}
