/// The ids kops prints from Kapso's logs that are no object `whois` looks up: an API call's request id and a log-search
/// event id (probe44 P44-5: `whois` refused both as unreadable, cut to 23 characters).
extension IDShape {
    /// The prefixes of log-search event ids as kops shows them in `trace` (EVENT ID) and `logs search`: an API call
    /// (`api_`), a webhook delivery (`dlv_`), Meta's webhook to Kapso (`wwe_`) and Kapso's message event (`wme_`) (the
    /// simulator's forms, docs/log-search.md; Kapso does not publish its own).
    public static let eventPrefixes: [String: String] = [
        "api_": "an API call", "dlv_": "a webhook delivery", "wwe_": "Meta's webhook to Kapso", "wme_": "a message event",
    ]

    /// One line saying what a request id (`req_…`) or log-search event id (`wwe_…`) is and the command that shows it,
    /// the id whole; nil for any other text. Request ids are what `logs --errors --ids`, `trace` and `bundle` show
    /// (log search's `request_id`, kapso-api.md §6) and what Kapso support asks for.
    public static func logID(_ text: String) -> String? {
        let body = text.split(separator: "_", maxSplits: 1)
        guard body.count == 2, body[1].count >= 1, body[1].count <= 100,
            body[1].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") })
        else { return nil }
        let prefix = body[0].lowercased() + "_"
        let around = ShellWord.command("logs search --around", text)
        if prefix == "req_", body[1].count >= 8 {
            return "\(text) is a request id from Kapso's API log (the REQUEST ID of 'trace' and 'logs --errors --ids', what Kapso "
                + "support asks for), not an object kops can look up: '\(around)' shows the call and what happened around it"
        }
        guard let what = eventPrefixes[prefix] else { return nil }
        var line = "\(text) is a log-search event id (\(what): the EVENT ID of 'trace' and 'logs search'), not an object kops can "
            + "look up: '\(around)' shows the event and what happened around it"
        // An API call's or a delivery's event id carries the API log id or delivery id that `whois` does look up.
        let rest = String(body[1])
        let dashes: Set<Int> = [8, 13, 18, 23]
        let uuid = rest.count == 36 && rest.enumerated().allSatisfy { dashes.contains($0.offset) ? $0.element == "-" : $0.element.isHexDigit }
        if prefix == "api_" || prefix == "dlv_", uuid {
            line += "; '\(ShellWord.command("whois", rest))' shows the \(prefix == "api_" ? "API log entry" : "delivery")"
        }
        return line
    }
}
