internal import KapsoClient
internal import KapsoDiagnostics

/// `use ID|DISPLAY-NUMBER`: select the number later commands work on.
public enum UseCommand: Command {
    public static let name = "use"
    public static let summary = "select a phone number by id or display number"
    public static let usage = "use <phone-number-id | display number>"
    public static let details = """
        Digits are compared, so spaces, dashes, '+' and the 00 prefix do not matter. A WABA id, Kapso id
        or customer id is named, with the phone-number ids to pick from; any other id the resolver knows
        (a conversation, a contact's number, a webhook) is named with the number it belongs to.
        Examples:
          use 100200300400501
          use +1 415-555-0100
        """
    public static let maxArguments: Int? = nil

    public static func validate(_ arguments: Arguments) throws { _ = try input(arguments) }

    /// What was typed, read as an id: empty, unreadable text and WAMIDs are refused before any request.
    private static func input(_ arguments: Arguments) throws(ShellError) -> IDInput {
        let query = arguments.positionals.joined(separator: " ")
        switch IDInput.read(query) {
        case .failure(.empty):
            throw .missingArgument(command: name, what: "phone number id or display number", usage: usage)
        case .failure(let problem):
            throw .unreadableID(command: name, value: IDInput.echo(query), reason: problem.reason)
        case .success(.wamid):
            throw .unreadableID(
                command: name, value: IDInput.echo(query),
                reason: "a WAMID is a message id; 'whois' says which number it belongs to")
        case .success(let read):
            return read
        }
    }

    public static func run(_ arguments: Arguments, in context: ShellContext) throws -> CommandResult {
        let query = arguments.positionals.joined(separator: " ")
        let input = try input(arguments)
        let digits: String?
        if case .number(let number) = input { digits = number.digits } else { digits = nil }
        let numbers = try context.client.allPhoneNumbers()
        let match = digits.flatMap { digits in
            numbers.first { $0.id == digits } ?? numbers.first { $0.normalizedDisplayNumber == digits }
        }
        guard let number = match else {
            let trimmed = query.split(separator: " ").joined(separator: " ")
            if let misplaced = IDResolver.misplacedPhoneNumberID(trimmed, numbers: numbers), misplaced.kind != .unknown {
                throw ShellError.notAPhoneNumberID(explanation: misplaced.line(command: name))
            }
            // Not one of the numbers' own ids: ask the resolver what it is (a conversation, a contact, a webhook …).
            if let line = resolved(input, typed: trimmed, numbers: numbers, context: context) {
                throw ShellError.notAPhoneNumberID(explanation: line)
            }
            throw ShellError.noMatchingPhoneNumber(query: query, known: numbers.map(\.label))
        }
        context.session.phoneNumberID = number.id
        context.session.sources["phone_number_id"] = "use"
        return CommandResult(
            blocks: [.line(StyledText("using \(number.label)"))], json: .object(number.json))
    }

    /// `e5a6… is the conversation with Dana Ortiz on Support Line (+1 415-555-0100) (active); use 100200300400501`,
    /// or nil when the resolver finds nothing that leads to a number.
    private static func resolved(_ input: IDInput, typed: String, numbers: [PhoneNumber], context: ShellContext) -> String? {
        let lookups = IDResolver.lookups(for: input).filter { $0 != .phoneNumbers }
        var (facts, _) = IDLookups.fetch(lookups, client: context.client)
        facts.numbers = numbers
        let identity = IDResolver.resolve(input, typed: typed, facts: facts)
        return IDResolver.useLine(identity, numbers: numbers)
    }
}
