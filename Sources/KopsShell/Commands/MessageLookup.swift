internal import KapsoClient
internal import KapsoDiagnostics

/// A message asked for by what was typed (`message`, `trace`): the id as typed first, then with its base64 padding
/// repaired (`WAMID.lookups`), so an id `messages` listed is found as listed (probe9 P9-19), and a repaired one says so.
enum MessageLookup {
    /// The first message `ids` find, asked one by one. Throws `messageNotFound` for the first id (the one typed) when
    /// none is found, or the first other error.
    static func first(_ ids: [String], client: KapsoClient) throws(KapsoAPIError) -> Message {
        for id in ids {
            do throws(KapsoAPIError) {
                return try client.message(id)
            } catch .messageNotFound {
                continue
            }
        }
        throw .messageNotFound(id: ids.first ?? "")
    }

    /// What to say when `message` was found only by a repaired id: "… was not found as typed; found with the '='
    /// padding put back: ID". Nil when the first id found it.
    static func note(_ ids: [String], found message: Message) -> String? {
        guard let typed = ids.first, message.id != typed, ids.count > 1 else { return nil }
        return "\(typed) was not found as typed; found with the '=' padding put back: \(message.id)"
    }

    /// `error` for a message not found whose id looks lower-cased (`WAMID.looksLowerCased`, probe9 P9-21): the line
    /// says so, since base64 ids are case-sensitive. Any other error comes back unchanged.
    static func explaining(_ error: any Error) -> any Error {
        guard case KapsoAPIError.messageNotFound(let id) = error, WAMID.looksLowerCased(id) else { return error }
        return ShellError.idNotFound(
            explanation: "message \(id) was not found: it looks lower-cased (its base64 has no capital letter), and WAMIDs "
                + "are case-sensitive base64; copy it again from the payload or 'messages' (a case-insensitive column or "
                + "URL handling lowers ids)")
    }
}
