public import KapsoClient

// MARK: - The contact wrote to another number of the project

extension ContactWindow {
    /// Where the contact last wrote among the project's other numbers, when not to `selected`: `they wrote to Sales Line
    /// (+1 415-555-0101) at 2026-11-21T11:00:00Z, where a window is open until …: 'use 100200300400502' to answer there`;
    /// nil when no conversation of the contact on another number has a readable `last_inbound_at`.
    ///
    /// The 24-hour window is per business number: Kapso derives it from the conversation's `last_inbound_at`, and a
    /// conversation belongs to one `phone_number_id` (kapso-api.md §8.3). An operator on the wrong number otherwise
    /// pays for a template from a number the contact never wrote to (probe28 P28-15).
    public static func elsewhere(
        contact: String, selected: String, conversations: [Conversation], numbers: [PhoneNumber], at: Int64
    ) -> String? {
        var newest: (id: String, time: Int64)?
        for conversation in conversations {
            guard let id = conversation.phoneNumberID, id != selected,
                ContactNumber.same(conversation.contact, contact) || conversation.hasUserID(contact),
                case .time(let time, _)? = ZonelessTime.read(field: conversation.json["kapso"]?["last_inbound_at"]),
                time <= at + MessageTime.skew, time > newest?.time ?? .min
            else { continue }
            newest = (id, time)
        }
        guard let newest else { return nil }
        let number = numbers.first { $0.id == newest.id }
        let name = number.map { ($0.name ?? newest.id) + ($0.displayPhoneNumber.map { " (\($0))" } ?? "") } ?? newest.id
        let closes = newest.time + Conversation.windowSeconds
        let window = closes > at
            ? "where a window is open until \(KapsoTime.iso(closes)) (\(Elapsed.text(closes - at)) left)"
            : "where the window closed at \(KapsoTime.iso(closes))"
        return "they wrote to \(name) at \(KapsoTime.iso(newest.time)), \(window): 'use \(newest.id)' to answer there"
    }

    /// `+14155550101 is this project's Sales Line; it has sent Support Line no message` when `contact` (digits) is the
    /// display number of another of the project's `numbers` than `selected`: a recipient like any other (tester56 Z10),
    /// whose closed window is worth naming as the project's own number (tester56b Z10 residual); nil otherwise.
    public static func ownNumber(contact: String, selected: String, numbers: [PhoneNumber]) -> String? {
        guard let own = numbers.first(where: { $0.id != selected && $0.normalizedDisplayNumber == contact }) else { return nil }
        let name = { (number: PhoneNumber) in number.name ?? number.verifiedName ?? number.id }
        let sender = numbers.first { $0.id == selected }.map(name) ?? selected
        return "+\(contact) is this project's \(name(own)); it has sent \(sender) no message"
    }
}
