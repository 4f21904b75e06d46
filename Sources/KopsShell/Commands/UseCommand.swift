internal import KapsoClient
internal import KapsoDiagnostics

/// `use ID|DISPLAY-NUMBER`: select the number later commands work on.
public enum UseCommand: Command {
    public static let name = "use"
    public static let summary = "select a phone number by id, display number or name"
    public static let usage = "use <phone-number-id | display number | name>"
    public static let details = """
        Digits are compared, so spaces, dashes, '+' and the 00 prefix do not matter. A WABA id, Kapso id
        or customer id is named, with the phone-number ids to pick from; any other id the resolver knows
        (a conversation, a contact's number, a webhook) is named with the number it belongs to.
        Examples:
          use 100200300400501
          use +1 415-555-0100
          use "Support Line"
        A name is the number's NAME as 'numbers' shows it or the name customers see (display_name); case
        does not matter, and some of its words do when no other number's name holds them; a name several
        numbers have is refused with each named.
        """
    public static let maxArguments: Int? = nil

    public static func validate(_ arguments: Arguments) throws {
        try ShellContext.numberArgument(arguments.positionals, command: name, usage: usage)
    }

    public static func run(_ arguments: Arguments, in context: ShellContext) throws -> CommandResult {
        let typed = arguments.positionals.joined(separator: " ")
        let (number, shared) = try context.phoneNumberChoice(for: typed, command: name, usage: usage)
        context.session.phoneNumberID = number.id
        context.session.sources["phone_number_id"] = "use"
        var blocks: [Block] = [.line(StyledText("using \(number.label)"))]
        // A display number other numbers of the project show too: every one named, and why this one (P42-7).
        if let shared { blocks.append(.line(StyledText(shared, style: .warn))) }
        // `use "100200300400501 "`: selected, and the copying mistake named, as `errors` names a path with it.
        if let line = IDResolver.pastedNearMissLine(typed, numbers: [number]) { blocks.append(.hint(line)) }
        // The number's own state, when it is not CONNECTED: sends from it may fail (P28-19). A health read this session
        // that says otherwise than Kapso's record is newer: the state is then said from it, as 'reply' says it, and what
        // health read that no field of the record holds (messaging BLOCKED) as 'numbers' says it (SenderState, P41-8).
        let read = context.ids.healthReads[number.id]
        let difference = read.flatMap { SenderState.difference(number, read: $0, fields: "the STATUS and QUALITY 'numbers' lists") }
        if let read, difference?.status != nil || difference?.quality != nil {
            if let state = SenderState.of(id: number.id, name: number.name, record: number, health: read.triage) {
                blocks.append(.line(StyledText(state.line, style: .warn)))
            }
        } else if let state = NumberStatus.sendingLine(number) {
            blocks.append(.line(StyledText(state, style: .warn)))
        }
        if let difference {
            blocks.append(.line(StyledText(difference.line, style: .warn)))
        }
        return CommandResult(blocks: blocks, json: .object(number.json))
    }
}
