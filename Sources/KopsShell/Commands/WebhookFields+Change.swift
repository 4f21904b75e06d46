internal import KapsoClient
internal import KapsoDiagnostics

extension WebhookFields {
    /// What `webhooks update` changed, one `field: value` a field in the order sent, each with the value the API
    /// answered with (the one sent when the answer leaves the field out): `active: false; events: whatsapp.message.received,
    /// whatsapp.message.sent`. A secret is named, never shown (`secret_key: replaced (not shown)`), headers by their
    /// names only, as the fields block shows them. probe38 P38-15: `updated webhook …: active` read as "it is active"
    /// after `--active false`. A list in `changes` (events, headers) says what it lost and gained, `events: a, c (removed
    /// b; added c)`, so a removal is never only the absence of a name (probe45 P45-15).
    static func changeSummary(sent: JSONObject, now: JSONObject, changes: [WebhookListChange] = []) -> String {
        sent.entries.map { entry in
            let done = changes.first { $0.list.rawValue == entry.key }.map(\.done) ?? ""
            return "\(entry.key): " + shown(entry.key, now[entry.key] ?? entry.value) + (done.isEmpty ? "" : " (\(done))")
        }.joined(separator: "; ")
    }

    /// A field's value as one line: `true`, `v2`, `5`, a list joined with `, `, `none` for an empty list or null.
    private static func shown(_ key: String, _ value: JSONValue) -> String {
        if key == "secret_key" { return "replaced (not shown)" }
        switch value {
        case .null: return "none"
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let literal): return literal
        case .string(let text): return text
        case .array(let items): return items.isEmpty ? "none" : items.map { shown(key, $0) }.joined(separator: ", ")
        case .object(let members):
            return members.isEmpty ? "none" : members.keys.joined(separator: ", ") + (key == "headers" ? " (values not shown)" : "")
        }
    }
}
