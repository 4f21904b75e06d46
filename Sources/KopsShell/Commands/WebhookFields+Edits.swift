internal import Foundation
internal import KapsoClient
internal import KapsoDiagnostics

/// `webhooks update ID --add-events a,b --remove-events c`: changes to the webhook's event list, computed from the list
/// it has, so adding one event needs no retyping of the others (Kapso's PATCH replaces `events` whole, kapso-api.md
/// §3.2; probe45 P45-15).
extension WebhookFields {
    /// Reads `--add-events` (checked like `--events`: catalogue names, `prefix.*` patterns; no `all`, which depends on
    /// the scope) and `--remove-events` (names or patterns, read against the webhook's list in `editedEvents`).
    /// Refused with `--events`, which gives the whole list, and when one name is both added and removed.
    mutating func readEventEdits(_ arguments: Arguments) throws(ShellError) {
        let add = arguments.value("--add-events"), remove = arguments.value("--remove-events")
        guard add != nil || remove != nil else { return }
        if arguments.value("--events") != nil {
            throw .invalidValue(
                command: "webhooks", what: "use of --events", value: add != nil ? "--add-events" : "--remove-events",
                expected: "either --events (the whole new list) or --add-events/--remove-events (changes to the list it has), not both")
        }
        let v1 = arguments.value("--payload-version") == "v1"
        if let add {
            addEvents = try Self.checkedEvents(
                Self.expandedEvents(add, scope: nil, v1: v1, flag: "--add-events"), flag: "--add-events")
        }
        if let remove {
            // Kept as typed: a name stored with a space (`'whatsapp.message.received '`) is removed as stored, and the
            // trimmed name is tried when no stored name is the typed one (`editedEvents`; tester54 V17).
            let words = remove.split(separator: ",").map(String.init).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            guard !words.isEmpty else {
                throw .invalidValue(
                    command: "webhooks", what: "value for --remove-events", value: remove, expected: "at least one event name")
            }
            removeEvents = words
        }
        // A pattern is read against the webhook's list in `editedEvents`: there it may be a stored name (tester56b AA2).
        if let both = addEvents?.first(where: { name in removeEvents?.contains { !$0.contains("*") && Self.matches(name, $0) } ?? false }) {
            throw Self.inBoth(both)
        }
    }

    /// What a meta webhook takes instead of an event list: Kapso forces its `events` to `[]` (kapso-api.md §0.8, §3.2).
    static let noMetaEvents = "no event list: a meta webhook forwards every payload Meta sends for its number (kind kapso has events)"

    /// The error for an event both added and removed.
    private static func inBoth(_ name: String) -> ShellError {
        .invalidValue(command: "webhooks", what: "event in both --add-events and --remove-events", value: name, expected: "each event in one of them")
    }

    /// Whether `name` is `word`, or matches it as a `prefix.*` pattern.
    static func matches(_ name: String, _ word: String) -> Bool {
        guard word.hasSuffix("*") else { return name == word }
        return name.hasPrefix(String(word.dropLast()))
    }

    /// The list `--add-events`/`--remove-events` make of `webhook`'s events, or nil when neither was given. A removed
    /// name must be in the list (a pattern must match one there; a pattern stored as one name, `whatsapp.message.*`, is
    /// removed alone, as stored: tester56b AA2, `webhooks check`'s fix collided with its own `--add-events`); the list left
    /// must not be empty (a kapso webhook needs an event, kapso-api.md §3.1). Throws one line naming what the webhook
    /// has. Any event flag, `--events` included, is refused for a meta webhook, whose `events` Kapso forces to `[]`
    /// (kapso-api.md §0.8, §3.2; tester54 V8: `--events` was sent, and the answer read "events: none (added …)").
    func editedEvents(of webhook: Webhook) throws(ShellError) -> [String]? {
        let id = webhook.id
        let flag = fields["events"] != nil ? "--events" : addEvents != nil ? "--add-events" : removeEvents != nil ? "--remove-events" : nil
        if webhook.kind == "meta", let flag {
            throw .invalidValue(
                command: "webhooks", what: "flag for meta webhook \(id)", value: flag,
                expected: Self.noMetaEvents)
        }
        guard addEvents != nil || removeEvents != nil else { return nil }
        let current = webhook.events
        let has = current.isEmpty ? "none" : current.joined(separator: ", ")
        var removed: [String] = []
        for typed in removeEvents ?? [] {
            let trimmed = typed.trimmingCharacters(in: .whitespaces)
            let literal = current.filter { $0 == typed }
            // A pattern no stored name spells removes what it matches: an event it matches cannot be added too.
            if literal.isEmpty, typed.contains("*"), let both = addEvents?.first(where: { Self.matches($0, typed) }) {
                throw Self.inBoth(both)
            }
            let exact = literal.isEmpty ? current.filter { Self.matches($0, typed) } : literal
            let (word, matched) = exact.isEmpty ? (trimmed, current.filter { Self.matches($0, trimmed) }) : (typed, exact)
            guard !matched.isEmpty else {
                let meant = word.hasSuffix("*") ? nil : Suggestion.closest(to: word, in: current)
                throw .invalidValue(
                    command: "webhooks", what: "value for --remove-events", value: word,
                    expected: "an event webhook \(id) is subscribed to" + (meant.map { " (did you mean \($0)?)" } ?? "")
                        + "; it has: \(has)")
            }
            // Checked here too: a trimmed name read against the list is one `readEventEdits` compared as typed.
            if let both = matched.first(where: { addEvents?.contains($0) ?? false }) {
                throw Self.inBoth(both)
            }
            removed += matched
        }
        let edited = WebhookListChange.removing(removed, from: WebhookListChange.adding(addEvents ?? [], to: current))
        guard !edited.isEmpty else {
            throw .invalidValue(
                command: "webhooks", what: "value for --remove-events", value: removeEvents?.joined(separator: ",") ?? "",
                expected: "an event to stay: it would leave webhook \(id) with none, and a kapso webhook needs one; to stop "
                    + "its deliveries: webhooks update \(id) --active false (or webhooks delete \(id))")
        }
        return edited
    }
}
