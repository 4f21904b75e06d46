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
            let words = remove.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard !words.isEmpty else {
                throw .invalidValue(
                    command: "webhooks", what: "value for --remove-events", value: remove, expected: "at least one event name")
            }
            removeEvents = words
        }
        if let both = addEvents?.first(where: { name in removeEvents?.contains { Self.matches(name, $0) } ?? false }) {
            throw .invalidValue(
                command: "webhooks", what: "event in both --add-events and --remove-events", value: both,
                expected: "each event in one of them")
        }
    }

    /// Whether `name` is `word`, or matches it as a `prefix.*` pattern.
    static func matches(_ name: String, _ word: String) -> Bool {
        guard word.hasSuffix("*") else { return name == word }
        return name.hasPrefix(String(word.dropLast()))
    }

    /// The list `--add-events`/`--remove-events` make of `webhook`'s events, or nil when neither was given. A removed
    /// name must be in the list (a pattern must match one there); the list left must not be empty (a kapso webhook
    /// needs an event, kapso-api.md §3.1). Throws one line naming what the webhook has.
    func editedEvents(of webhook: Webhook) throws(ShellError) -> [String]? {
        guard addEvents != nil || removeEvents != nil else { return nil }
        let id = webhook.id
        if webhook.kind == "meta" {
            throw .invalidValue(
                command: "webhooks", what: "flag for meta webhook \(id)", value: addEvents != nil ? "--add-events" : "--remove-events",
                expected: "no event list: a meta webhook forwards every payload Meta sends for its number (kind kapso has events)")
        }
        let current = webhook.events
        let has = current.isEmpty ? "none" : current.joined(separator: ", ")
        var removed: [String] = []
        for word in removeEvents ?? [] {
            let matched = current.filter { Self.matches($0, word) }
            guard !matched.isEmpty else {
                let meant = word.hasSuffix("*") ? nil : Suggestion.closest(to: word, in: current)
                throw .invalidValue(
                    command: "webhooks", what: "value for --remove-events", value: word,
                    expected: "an event webhook \(id) is subscribed to" + (meant.map { " (did you mean \($0)?)" } ?? "")
                        + "; it has: \(has)")
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
