public import KapsoClient

// MARK: - A WAMID cut short (a log viewer's column, a chat preview, `…` or `...` at its end)

extension WAMID {
    /// The WAMID before a truncation mark at its end: `wamid.HBgL…AAAA…` or `wamid.HBgL…AAAA...` → `wamid.HBgL…AAAA`.
    /// A log viewer's column (Kibana, Datadog), a chat preview and kops's own narrow views end a cut text so; nil when
    /// `text` has no such mark, holds another `…` (kops's table cuts in the middle), or is no WAMID's start before it. A
    /// base64 part of a length base64 has not is one character shorter: still the start of the id.
    public static func beforeCutMark(_ text: String) -> String? {
        var stem = Substring(text)
        if stem.hasSuffix("\u{2026}") {
            stem = stem.dropLast()
        } else if stem.hasSuffix("...") {
            stem = stem.dropLast(3)
        } else {
            return nil
        }
        guard stem.lowercased().hasPrefix("wamid."), stem.count > 6, !stem.contains("\u{2026}"),
            stem.dropFirst(6).allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "/") })
        else { return nil }
        return String(stem.dropLast((stem.count - 6) % 4 == 1 ? 1 : 0))
    }

    /// The ids of `messages` that start with `id` (its `=` padding left out) and are longer: what an id cut short stands
    /// for, newest listed first as given. Empty for a stem too short to tell ids apart (the contact's number alone).
    public static func completions(of id: String, among messages: [Message]) -> [String] {
        let stem = String(id.reversed().drop { $0 == "=" }.reversed())
        guard stem.count >= 6 + 24 else { return [] }
        var found: [String] = []
        for message in messages where message.id != id && message.id.hasPrefix(stem) && !found.contains(message.id) {
            found.append(message.id)
        }
        return found
    }

    /// `it is cut short: the message wamid.… with the contact starts with it` for the `completions` of an id (either
    /// direction: tester64 T5, "the contact's message" named one the business sent); the one reading
    /// `whois`, `trace` and `message` give of an id cut short (tester56 Z1: `whois` said "none of that contact's messages has
    /// this id … wrong project or key?" of the start of one it had listed).
    public static func cutShort(completions: [String]) -> String {
        switch completions.count {
        case 0: return "it may have been cut short"
        case 1: return "it is cut short: the message \(completions[0]) with the contact starts with it"
        default:
            let shown = completions.prefix(3).joined(separator: ", ")
            return "it is cut short: \(completions.count) of the messages with the contact start with it (\(shown)"
                + (completions.count > 3 ? ", …)" : ")")
        }
    }

    /// The answer for a WAMID cut short that `GET /whatsapp/messages/{id}` answered 404 for, when the contact's listed
    /// messages hold ids starting with it (`completions`): not "no message exists … check the API key".
    public static func notFound(cutShort id: String, completions: [String]) -> String {
        "no message has the WAMID \(id) as typed: " + cutShort(completions: completions) + "; use the whole id"
            + (completions.count == 1 ? ": '\(ShellWord.command("trace", completions[0]))'" : ", as 'messages' lists it")
    }

    /// True when the id's bytes stop inside the record every observed WAMID holds (`Record.cutShort`): an id cut short
    /// (or made up for tests), for which "another project's?" is no reading to offer.
    public static func mayBeCutShort(_ id: String) -> Bool {
        guard id.lowercased().hasPrefix("wamid."), let bytes = bytes(id), case .cutShort = Record.read(bytes) else { return false }
        return true
    }
}
