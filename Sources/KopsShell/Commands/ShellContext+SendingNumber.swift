internal import KapsoClient
internal import KapsoDiagnostics

/// The sending number's digits for reading a send's statuses: a `to` without `+` and country code (`4155550402`) is the
/// number with the sender's calling code prepended, as Meta sends it (`ContactNumber.prependedCode`, tester67 Y3), so a
/// read by `14155550402` is the contact's, not "another recipient's".
extension ShellContext {
    /// `message`'s sending number (`display_phone_number_normalized`, digits) when its statuses need it: an outbound
    /// message whose `to` has no `+` and whose statuses name that number with a calling code before it
    /// (`ContactNumber.prependableCode`). From the numbers this session read, else one read of the number, kept for the
    /// next; nil when no status needs it or the number cannot be read (the status line then hedges,
    /// `ContactNumber.prependableHedge`).
    func sendingNumber(of message: Message) -> String? {
        guard message.isOutbound, let id = message.phoneNumberID, let to = message.json["to"]?.string, !to.hasPrefix("+") else {
            return nil
        }
        // Cheap first (every listed send comes here): a status naming another text than `to`, else nothing to read.
        guard let statuses = message.json["kapso"]?["statuses"]?.array,
            statuses.contains(where: { status in status["recipient_id"]?.string.map { $0 != to } ?? false })
        else { return nil }
        let history = StatusHistory(message: message)
        guard history.otherRecipients(than: to).contains(where: { ContactNumber.prependableCode(to: to, recipient: $0) != nil }) else {
            return nil
        }
        let number: PhoneNumber
        if let cached = ids.phoneNumbers[id] {
            number = cached
        } else {
            guard let read = try? client.phoneNumber(id) else { return nil }
            ids.rememberNumber(read)
            number = read
        }
        let digits = number.normalizedDisplayNumber
        return digits.isEmpty ? nil : digits
    }

    /// `sendingNumber(of:)` of each of `messages` that needs one, by message id.
    func sendingNumbers(of messages: [Message]) -> [String: String] {
        var senders: [String: String] = [:]
        for message in messages {
            if let sender = sendingNumber(of: message) { senders[message.id] = sender }
        }
        return senders
    }
}
