internal import KapsoClient
internal import KapsoDiagnostics

extension ShellContext {
    /// After a list filtered by `phone_number_id` came back empty: makes sure the id is one of the
    /// project's phone-number ids, because a WABA id or another project's id there gives an empty list,
    /// not an error. Throws the resolver's statement with the fix; one extra request, only when empty.
    func verifyNumberFilter(_ filters: [(String, String)], numbers known: [PhoneNumber]? = nil) throws {
        guard let id = filters.first(where: { $0.0 == "phone_number_id" })?.1 else { return }
        let numbers = try known ?? client.allPhoneNumbers()
        guard !numbers.isEmpty, let misplaced = IDResolver.misplacedPhoneNumberID(id, numbers: numbers) else { return }
        let source = session.phoneNumberID == id ? session.sources["phone_number_id"].map { " (from \($0))" } ?? "" : ""
        throw ShellError.notAPhoneNumberID(
            explanation: "the selected phone_number_id\(source) is not a phone-number id: " + misplaced.line(command: "use"))
    }
}

extension ShellContext {
    /// What `use` and `health` were given, read as an id before any request: empty or unreadable text and
    /// WAMIDs (message ids) are refused here, so a script with such a line runs nothing (`validate`).
    static func phoneNumberInput(_ query: String, command: String, usage: String) throws(ShellError) -> IDInput {
        switch IDInput.read(query) {
        case .failure(.empty):
            throw .missingArgument(command: command, what: "phone number id or display number", usage: usage)
        case .failure(let problem):
            throw .unreadableID(command: command, value: IDInput.echo(query), reason: problem.reason)
        case .success(.wamid(let id, let contact)):
            let carried = contact.map { " carrying the contact +\($0)" } ?? ""
            throw .unreadableID(
                command: command, value: IDInput.echo(query),
                reason: "a WAMID is a message id\(carried); 'whois \(id)' says which number it belongs to")
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
        let input = try Self.phoneNumberInput(query, command: command, usage: usage)
        let digits: String?
        if case .number(let number) = input { digits = number.digits } else { digits = nil }
        let numbers = try client.allPhoneNumbers()
        ids.rememberAllNumbers(numbers)
        if let digits, let match = numbers.first(where: { $0.id == digits }) ?? numbers.first(where: { $0.normalizedDisplayNumber == digits }) {
            return match
        }
        let typed = IDInput.cleaned(query).split(separator: " ").joined(separator: " ")
        if let misplaced = IDResolver.misplacedPhoneNumberID(typed, numbers: numbers), misplaced.kind != .unknown {
            throw ShellError.notAPhoneNumberID(explanation: misplaced.line(command: command))
        }
        // Not one of the numbers' own ids: ask the resolver what it is (a conversation, a contact, a webhook …).
        let lookups = IDResolver.lookups(for: input).filter { $0 != .phoneNumbers }
        var (facts, errors) = IDLookups.fetch(lookups, client: client, own: ownLookups, numbers: numbers)
        if let wrongHost = IDLookups.wrongBaseURL(in: errors) { throw wrongHost }
        facts.numbers = numbers
        let identity = IDResolver.resolve(input, typed: typed, facts: facts)
        if let line = IDResolver.useLine(identity, numbers: numbers, command: command) {
            throw ShellError.notAPhoneNumberID(explanation: line)
        }
        // What the id is not, and where kops looked (probe6 leftovers: `use UUID` said only that no number matches).
        let said = identity.kind == .unknown ? WhoisCommand.explanation(identity, withFix: false) : nil
        throw ShellError.noMatchingPhoneNumber(query: typed, known: numbers.map(\.label), searched: said)
    }
}
