internal import KapsoClient
internal import KapsoDiagnostics

extension ShellContext {
    /// What a reply or a template from `message`'s number meets now, from what this session already holds (the number's
    /// health read by `health`, `overview` or `reply`, else its record from `numbers` or `use`): no request is made, so a
    /// session that read neither gets the verdict as before (tester69 C1). Nil for a message without a number.
    func replies(from message: Message) -> SenderState.Replies? {
        message.phoneNumberID.flatMap(replies(on:))
    }

    /// `replies(from:)` for the number `id`. Named as `use` names it: the record's name, else the name the session read
    /// with the number's health (`overview`, tester69b L2: "100200300400501's health" after `overview`, "Support Line's"
    /// after `use`).
    func replies(on id: String) -> SenderState.Replies? {
        let record = ids.phoneNumbers[id]
        return SenderState.Replies(id: id, name: record?.name ?? ids.healthReads[id]?.numberName, record: record, health: ids.healthReads[id])
    }
}
