internal import KapsoClient
internal import KapsoDiagnostics

/// A message asked for by what was typed (`message`, `trace`, `reply --message`): the id as typed first, then its other
/// `=` padding forms (`WAMID.lookups`), so an id is found in whichever form Kapso stored it (probe9 P9-19, probe37
/// P37-15), and one found in another form says which.
enum MessageLookup {
    /// The message `ids` name: the first (the id as typed) asked for by id; when Kapso has none, the other `=` padding
    /// forms are looked for among the newest messages of the contact number the WAMID carries (one listing, which fails
    /// nothing), never asked for by id one by one: each such 404 sits in the project's API log, where another kops
    /// user's `errors` read kops's guess as a caller's "missing padding" (tester60 AH12). Throws `messageNotFound` for
    /// the first id when none is found, or the first other error.
    static func first(_ ids: [String], client: KapsoClient) throws(KapsoAPIError) -> Message {
        let typed = ids.first ?? ""
        do throws(KapsoAPIError) {
            return try client.message(typed)
        } catch .messageNotFound {
            let others = Set(ids.dropFirst())
            guard !others.isEmpty, case .success(let number?) = WAMID.contactNumber(in: typed),
                let listed = try? client.messages(filters: [("phone_number", ContactNumber.searchKey(number))], limit: 100),
                let found = listed.items.first(where: { others.contains($0.id) })
            else { throw .messageNotFound(id: typed) }
            return found
        }
    }

    /// What to say when `message` was found only by another form of the id typed (`WAMID.lookups`), naming the form that
    /// matched: "… was not found as typed; found with the '=' padding put back: ID", "… found without its '=' padding, as
    /// Kapso stored it: ID". Nil when the first id found it.
    static func note(_ ids: [String], found message: Message) -> String? {
        guard let typed = ids.first, message.id != typed, ids.count > 1 else { return nil }
        guard let form = WAMID.paddingDifference(typed: typed, stored: message.id) else {
            return "\(typed) was not found as typed; found as Kapso stored it: \(message.id)"
        }
        let stored = form == "with the '=' padding put back" ? "" : ", as Kapso stored it"
        return "\(typed) was not found as typed; found \(form)\(stored): \(message.id)"
    }

    /// `error` for a message not found whose id looks lower-cased (`WAMID.looksLowerCased`, probe9 P9-21): the line
    /// says so, since base64 ids are case-sensitive. Any other error comes back unchanged.
    static func explaining(_ error: any Error) -> any Error {
        // A UUID asked as a message id (tester56 Z8) has no capital letter either: the resolver names it instead.
        guard case KapsoAPIError.messageNotFound(let id) = error, id.lowercased().hasPrefix("wamid."), WAMID.looksLowerCased(id) else {
            return error
        }
        return ShellError.idNotFound(
            explanation: "message \(id) was not found: it looks lower-cased (its base64 has no capital letter), and WAMIDs "
                + "are case-sensitive base64; copy it again from the payload or 'messages' (a case-insensitive column or "
                + "URL handling lowers ids)")
    }
}
