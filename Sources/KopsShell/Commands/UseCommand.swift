internal import KapsoClient

/// `use ID|DISPLAY-NUMBER`: select the number later commands work on.
public enum UseCommand: Command {
    public static let name = "use"
    public static let summary = "select a phone number by id or display number"
    public static let usage = "use <phone-number-id | display number>"
    public static let details = """
        Digits are compared, so spaces, dashes and '+' do not matter.
        Examples:
          use 100200300400501
          use +1 415-555-0100
        """
    public static let maxArguments: Int? = nil

    public static func run(_ arguments: Arguments, in context: ShellContext) throws -> CommandResult {
        let query = arguments.positionals.joined(separator: " ")
        guard !query.isEmpty else {
            throw ShellError.missingArgument(command: name, what: "phone number id or display number", usage: usage)
        }
        let digits = query.filter(\.isNumber)
        guard !digits.isEmpty, query.allSatisfy({ $0.isNumber || " +-().".contains($0) }) else {
            throw ShellError.invalidValue(
                command: name, what: "phone number", value: query, expected: "a phone-number id or a display number like +1 415-555-0100")
        }
        let numbers = try context.client.allPhoneNumbers()
        guard let number = numbers.first(where: { $0.id == digits }) ?? numbers.first(where: { $0.normalizedDisplayNumber == digits })
        else {
            throw ShellError.noMatchingPhoneNumber(query: query, known: numbers.map(\.label))
        }
        context.session.phoneNumberID = number.id
        context.session.sources["phone_number_id"] = "use"
        return CommandResult(
            blocks: [.line(StyledText("using \(number.label)"))], json: .object(number.json))
    }
}
