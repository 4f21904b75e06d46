internal import KapsoClient

/// What a 422 (or 400) of Kapso's Platform API says when its text names the fields it refused, read for a list such as
/// `errors` (tester62 AL16: both were "the request was refused; read the error text, it usually names the field").
///
/// - Kapso's newer validation family `{"errors": {"url": ["is not a valid URL"]}}` (kapso-api.md §1.5: "one newer family
///   uses {"errors": {"field": ["msg"]}}"): `url: is not a valid URL`, each field with its messages.
/// - A webhook test whose `event_type` the webhook does not subscribe to (`POST /platform/v1/whatsapp/webhooks/{id}/test`
///   422, "optional JSON body {"event_type": "<event>"} (must be subscribed)", kapso-api.md §3.3).
public enum ValidationAnswer {
    /// The reading of a refused call, nil when its text is none of the above.
    public static func meaning(status: Int, endpoint: String, text: String?) -> String? {
        guard status == 422 || status == 400, let text else { return nil }
        if let fields = fieldErrors(text) {
            return "Kapso refused these fields of the request: \(fields); correct them and send again"
        }
        let segments = APIPath.segments(of: endpoint)
        if segments.last == "test", segments.contains("webhooks"), text.lowercased().contains("not subscribed") {
            // The webhook's id is the segment before `test` (`/webhooks/{id}/test`), given as typed for the commands.
            let id = segments.count >= 2 && segments[segments.count - 2] != "webhooks" ? String(segments[segments.count - 2]) : "ID"
            return "the test asked for an event (event_type) the webhook is not subscribed to; test with one of its events "
                + "('webhooks test \(id) --event EVENT'; 'webhooks get \(id)' lists them), or add the event first "
                + "('webhooks update \(id) --add-events EVENT')"
        }
        return nil
    }

    /// `url: is not a valid URL; events: can't be blank` from `{"errors": {"url": ["is not a valid URL"], …}}`, in the
    /// body's order; nil for any other text. Messages given as one string are read too.
    static func fieldErrors(_ text: String) -> String? {
        let trimmed = text.drop { $0 == " " || $0 == "\n" }
        guard trimmed.first == "{", let json = try? JSONValue.parse(Array(trimmed.utf8)), let errors = json["errors"]?.object,
            !errors.entries.isEmpty
        else { return nil }
        let fields = errors.entries.map { entry -> String in
            let messages = entry.value.array?.compactMap(\.string) ?? entry.value.string.map { [$0] } ?? []
            return messages.isEmpty ? entry.key : "\(entry.key): " + messages.joined(separator: ", ")
        }
        return fields.joined(separator: "; ")
    }
}
