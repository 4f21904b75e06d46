internal import KapsoClient
internal import KapsoDiagnostics

/// kops's reading of a message's status, added under `kops` to the message's JSON by every command that prints a
/// message (`message`, `messages`, `next` after it, `trace`), so a script reads one answer from each (tester60 AH6,
/// AI10: `messages --output json` and `trace --output json` carried only Kapso's field).
///
/// `{"status": "read", "status_shown": "read (Kapso's status field still says sent)"}`: `status` is the status kops reads
/// (the history's furthest step where Kapso's `kapso.status` lags it, `StatusReading`; else the STATUS column's word),
/// `status_shown` the whole text the table shows. Kapso's own fields are left as they came.
enum MessageReading {
    /// The `kops` object of `message`.
    /// `prepended`: a send to a `to` without `+` read against its sender and contact (`ShellContext.prependedRecipient`).
    static func json(_ message: Message, prepended: PrependedRecipient? = nil) -> JSONValue {
        // One reading for both members: each costs a status history read (issue #16, session 62).
        let reading = StatusReading(message, prepended: prepended)
        return [
            "status": .string(reading.lag?.word ?? reading.text),
            "status_shown": .string(MessagesCommand.status(message, reading: reading).text),
        ]
    }

    /// `message`'s JSON with `kops` added last (replacing a `kops` key the server sent, which no Kapso message has).
    static func object(_ message: Message, prepended: PrependedRecipient? = nil) -> JSONObject {
        var object = message.json
        object["kops"] = json(message, prepended: prepended)
        return object
    }

    /// A list body (`{"data": [...], ...}`) with each message's object given `kops`; the rest as it came. `messages` are
    /// the page's items, one for each element of `data`; a body whose `data` is not that is returned unchanged.
    static func list(_ body: JSONValue, messages: [Message], prepended: [String: PrependedRecipient] = [:]) -> JSONValue {
        guard case .object(var page) = body, case .array(let data)? = page["data"], data.count == messages.count else { return body }
        page["data"] = .array(messages.map { .object(object($0, prepended: prepended[$0.id])) })
        return .object(page)
    }
}
