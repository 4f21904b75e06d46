internal import KapsoClient
internal import KapsoDiagnostics

extension ShellContext {
    /// What a reply or a template from `message`'s number meets now, from what this session already holds (the number's
    /// health read by `health`, `overview` or `reply`, else its record from `numbers` or `use`): no request is made, so a
    /// session that read neither gets the verdict as before (tester69 C1). Nil for a message without a number.
    func replies(from message: Message) -> SenderState.Replies? {
        guard let id = message.phoneNumberID else { return nil }
        let record = ids.phoneNumbers[id]
        return SenderState.Replies(id: id, name: record?.name, record: record, health: ids.healthReads[id])
    }
}
