public import KapsoClient

/// A display number that more than one number of the project shows: `2 numbers of this project show +1 415-555-0100:
/// 100200300400501 (Support Line, CONNECTED) and 100200300400502 (Support Line (old), DISCONNECTED)`.
///
/// The display number is not unique in a project's list: a number migrated to another WABA, or onboarded again, gets a new
/// phone-number id ("Meta creates a destination WABA for the number … Use the returned phone_number_id", Kapso, Migrate
/// WhatsApp accounts, docs.kapso.ai/docs/platform/tech-providers/migrate-whatsapp-accounts), so the old and the new record
/// of one phone number coexist. `use`, `health`, `whois` and `numbers` name every record that shows it and pick one only
/// when exactly one can send, saying so (probe42 P42-7: `use +1 …` picked the DISCONNECTED record in silence, by list
/// order).
public struct SharedDisplayNumber: Sendable {
    /// The display number as the records show it (`+1 415-555-0100`), else the digits typed.
    public var display: String
    /// Every number that shows it, in the API's order.
    public var numbers: [PhoneNumber]
    /// The one number among them that can send, by its newest health read (`reads`) else Kapso's record, when exactly one
    /// can; nil when none or several can.
    public var preferred: PhoneNumber?
    /// The state each number is in, by phone-number id (`CONNECTED`, `DISCONNECTED`, `status not given`), with `health`
    /// when it comes from a health read.
    public var states: [String: String]
    /// How many of them can send by their state.
    public var sendingCount: Int

    /// The numbers among `numbers` whose display number is `digits`, when more than one; nil otherwise. `reads` are the
    /// session's health reads by phone-number id (`SenderState.HealthRead`): a number's state there is newer than Kapso's
    /// record of it.
    public init?(digits: String, numbers: [PhoneNumber], reads: [String: SenderState.HealthRead] = [:]) {
        let matching = numbers.filter { $0.normalizedDisplayNumber == digits }
        guard matching.count > 1 else { return nil }
        self.numbers = matching
        display = matching.compactMap(\.displayPhoneNumber).first ?? "+" + digits
        var states: [String: String] = [:]
        var sending: [PhoneNumber] = []
        for number in matching {
            let read = reads[number.id]?.numberStatus
            let status = read ?? number.status?.uppercased()
            states[number.id] = status.map { read == nil ? $0 : "\($0) by health" } ?? "status not given"
            // A state in which the number sends nothing (`NumberStatus` critical); no status at all is not known to send.
            guard let status else { continue }
            if NumberStatus(status: status).map({ $0.severity != .critical }) ?? true { sending.append(number) }
        }
        self.states = states
        sendingCount = sending.count
        preferred = sending.count == 1 ? sending[0] : nil
    }

    /// `100200300400501 (Support Line, CONNECTED)`.
    public func named(_ number: PhoneNumber) -> String {
        "\(number.id) (" + [number.name, states[number.id]].compactMap { $0 }.joined(separator: ", ") + ")"
    }

    /// `2 numbers of this project show +1 415-555-0100: 100200300400501 (Support Line, CONNECTED) and 100200300400502
    /// (Support Line (old), DISCONNECTED)`, the preferred one first.
    public var statement: String { "\(numbers.count) numbers of this project show \(display): " + owners }

    /// `100200300400501 (Support Line, CONNECTED) and 100200300400502 (Support Line (old), DISCONNECTED)`, the preferred
    /// one first.
    public var owners: String { IDResolver.list(ordered.map(named)) }

    /// The numbers, the preferred one first.
    public var ordered: [PhoneNumber] { preferred.map { first in [first] + numbers.filter { $0.id != first.id } } ?? numbers }

    /// The choice said beside `statement`: `using 100200300400501, the only one of them that can send (the others:
    /// 100200300400502 is DISCONNECTED); '… 100200300400502' picks another` when one can send; else what to type:
    /// `pick one by phone-number id: use 100200300400501 (Support Line) or use 100200300400502 (Support Line (old))`.
    public func choice(command: String, verb: String = "using") -> String {
        guard let preferred else {
            let why = sendingCount == 0 ? " (none of them can send by its state)" : ""
            let choices = numbers.map { "\(command) \($0.id)" + ($0.name.map { " (\($0))" } ?? "") }
            return "the display number does not say which\(why); pick one by phone-number id: "
                + choices.dropLast().joined(separator: ", ") + " or " + (choices.last ?? "")
        }
        let others = numbers.filter { $0.id != preferred.id }
        let otherStates = others.map { "\($0.id) is \(states[$0.id] ?? "not CONNECTED")" }
        return "\(verb) \(preferred.id), the only one of them that can send (\(IDResolver.list(otherStates))); "
            + others.map { "'\(command) \($0.id)'" }.joined(separator: " or ") + " picks \(others.count == 1 ? "the other" : "another")"
    }
}
