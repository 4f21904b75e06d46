internal import KapsoDiagnostics

/// The one reader of an event name typed anywhere: `webhooks create|update --events`, `--add-events`, `webhooks test
/// --event`, `deliveries --event`, `payload sample EVENT`. A catalogue name passes (`WebhookEvents`); a Meta webhook
/// field or a third-party name is said as what it is, with Kapso's names (`WebhookEvents.foreignReading`); any other
/// gets the event it most likely meant (tester56b, Z8's residual: outside `webhooks` each got a bare "invalid event …;
/// expected an event name such as whatsapp.message.received", no reading and no "did you mean").
enum EventNameInput {
    /// What names the events when no name is close: `payload sample` without an event lists them.
    static let listed = "'payload sample' lists the events"

    /// Every event, for `payload sample`, which is where `listed` points.
    static var all: String { "Kapso's events: " + WebhookEvents.all.joined(separator: ", ") }

    /// Throws one line for a `name` that is not a Kapso event, as `command` reports it; `known` says where the events are.
    static func check(_ name: String, command: String, known: String = listed) throws(ShellError) {
        guard !WebhookEvents.isKnown(name) else { return }
        if let reading = WebhookEvents.foreignReading(name) {
            throw .syntax("\(command): unknown event '\(Shortened.text(name))': \(reading)")
        }
        throw .unknownName(
            command: command, kind: "event", name: name,
            suggestion: WebhookEvents.prefixed(name) ?? Suggestion.closest(to: name, in: WebhookEvents.all), known: known)
    }
}
