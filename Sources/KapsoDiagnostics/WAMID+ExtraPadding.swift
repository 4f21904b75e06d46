// MARK: - A WAMID with more '=' than its base64 needs

extension WAMID {
    /// The label of `whois`' detail that holds the message a WAMID with extra `=` names without them (`errors` reads it).
    public static let extraPaddingLabel = "without the extra '='"

    /// How many `=` end `typed` and how many its base64 needs, when it ends with more: `wamid.…OAA==` → `(2, 1)`; nil
    /// otherwise (a text that is no WAMID, or padded as base64 needs or less).
    static func paddingBeyondNeed(_ typed: String) -> (typed: Int, needed: Int)? {
        guard typed.lowercased().hasPrefix("wamid.") else { return nil }
        let encoded = typed.dropFirst(6)
        let data = encoded.prefix { $0 != "=" }
        let padding = encoded.count - data.count
        let needed = (4 - data.count % 4) % 4
        guard data.count % 4 != 1, padding > needed, encoded.dropFirst(data.count).allSatisfy({ $0 == "=" }) else { return nil }
        return (padding, needed)
    }

    /// The id among `ids` (a contact's listed messages) that a WAMID typed with more `=` than its base64 needs names once
    /// the extra ones are dropped, when the look-ups for what was typed (`lookups`: as typed, padded as base64 needs, bare)
    /// never ask for that id: `wamid.…OAA==` of a message Kapso stores as `wamid.…OAA=`. Nil otherwise.
    ///
    /// Such an id is none of the contact's messages as typed, nor cut short (the message's id is the shorter one, the
    /// reverse of `completions`, tester56b AA8): padding was added to an id that had it, or `%3D` decoded into an id
    /// that kept its own `=`. Read at the callers that compare the typed id with the listed ones (`trace`, `message`,
    /// `whois`, `errors`), as the ids they pass to `completions` already have their padding put back.
    public static func withoutExtraPadding(_ typed: String, among ids: [String]) -> String? {
        guard let (padding, _) = paddingBeyondNeed(typed) else { return nil }
        let asked = (try? lookups(typed).get()) ?? [typed]
        return ids.first {
            !asked.contains($0) && $0.reversed().prefix { $0 == "=" }.count < padding && StatusHistory.namesSameMessage($0, typed)
        }
    }

    /// `it ends with 2 '=' where its base64 needs 1 (an '=' was added): without the extra '=' it is the message
    /// wamid.…OAA= with the contact` (either direction, tester64 T5), for a typed id and the message `withoutExtraPadding` found.
    public static func extraPadding(_ typed: String, message: String) -> String {
        let (padding, needed) = paddingBeyondNeed(typed) ?? (0, 0)
        let extra = padding - message.reversed().prefix { $0 == "=" }.count
        let needs = needed == 0 ? "none" : "\(needed)"
        let added = extra > 1 ? "\(extra) '=' were added" : "an '=' was added"
        return "it ends with \(padding) '=' where its base64 needs \(needs) (\(added)): without the extra '=' it is the "
            + "message \(message) with the contact"
    }

    /// The answer of `trace` and `message` for a WAMID `GET /whatsapp/messages/{id}` answered 404 for that names one of the
    /// contact's listed messages once its extra `=` are dropped (`withoutExtraPadding`), e.g. `no message has the WAMID
    /// wamid.…OAA== as typed: it ends with 2 '=' …: without the extra '=' it is the message wamid.…OAA= with the contact; use
    /// it: 'trace wamid.…OAA='`.
    public static func notFound(extraPadding typed: String, message: String) -> String {
        "no message has the WAMID \(typed) as typed: " + extraPadding(typed, message: message)
            + "; use it: '\(ShellWord.command("trace", message))'"
    }
}
