public import KapsoClient

// MARK: - A phone-number id the project used before (probe13 P13-4, probe19 P19-5)

extension IDResolver {
    /// What the project's own records say of a phone-number id it does not list now: that it was one of its numbers,
    /// with the newest evidence.
    public struct FormerUse: Sendable {
        /// `100200300400509 is no longer a number of this project (deleted at 2026-11-19T08:00:00Z)`.
        public var summary: String
        /// The evidence in full: `100200300400509 is not a number of this project now, but Kapso sent
        /// whatsapp.phone_number.deleted for it at …: the number was deleted from this project`.
        public var statement: String
    }

    /// The former use of `id` that `calls` (API calls with it in the path, any status), `messages` (any read) and
    /// `deliveries` (any read) show, or nil when none does. Kapso lists only the numbers a project has now (kapso-api.md
    /// §2.1: no deleted or former numbers); what stays are the project's records that carry the id: a call answered 2xx
    /// before `time` (the failure's), a message whose `phone_number_id` is it (§7), and a webhook delivery for it
    /// (`phone_number_id`, §4), among them Kapso's `whatsapp.phone_number.deleted` (§3.4: "fires at start of
    /// teardown"). Whether Kapso keeps a deleted number's messages is not documented: their absence proves nothing.
    public static func formerUse(
        of id: String, calls: [APILog], messages: [Message], deliveries: [WebhookDelivery], before time: String?
    ) -> FormerUse? {
        let success = lastSuccess(of: id, in: calls, before: time)
        let own = deliveries.filter { $0.phoneNumberID == id }
        let deleted = own.filter { $0.event == "whatsapp.phone_number.deleted" }.max { $0.createdAt < $1.createdAt }
        let delivered = own.filter { $0.event != "whatsapp.phone_number.deleted" }.max { $0.createdAt < $1.createdAt }
        let onIt = messages.filter { $0.phoneNumberID == id }
        let newest = onIt.max { ($0.time ?? 0) < ($1.time ?? 0) }
        if let success, deleted == nil, newest == nil, delivered == nil {
            return FormerUse(
                summary: "\(id) is no longer a number of this project (answered \(success.responseStatus) at \(success.createdAt))",
                statement: formerNumberStatement(id, success: success))
        }
        // Each piece of evidence: what it says, and the short form for the group's headline; the deletion first.
        var evidence: [(clause: String, short: String)] = []
        if let deleted {
            evidence.append(("Kapso sent whatsapp.phone_number.deleted for it at \(deleted.createdAt)", "deleted at \(deleted.createdAt)"))
        }
        if let success {
            let key = success.apiKeyName.map { "key \($0)'s " } ?? "a "
            evidence.append((
                "\(key)\(success.httpMethod) \(success.endpoint) was answered \(success.responseStatus) at \(success.createdAt)",
                "answered \(success.responseStatus) at \(success.createdAt)"))
        }
        if let newest, let seconds = newest.time {
            let at = KapsoTime.iso(seconds)
            let who = newest.contact.map { " \(newest.isInbound ? "from" : "to") \(contact($0.filter(\.isNumber)))" } ?? ""
            evidence.append((
                "the messages read include \(plural(onIt.count, "message")) on it, the newest at \(at) (\(newest.isInbound ? "inbound" : "outbound")\(who))",
                "messages until \(at)"))
        }
        if let delivered {
            evidence.append(("Kapso delivered \(delivered.event) for it at \(delivered.createdAt)", "webhook events until \(delivered.createdAt)"))
        }
        guard let first = evidence.first else { return nil }
        return FormerUse(
            summary: "\(id) is no longer a number of this project (\(first.short))",
            statement: "\(id) is not a number of this project now, but " + evidence.map(\.clause).joined(separator: "; ")
                + (deleted != nil ? ": the number was deleted from this project"
                    : ": the number was likely removed from this project since (or deleted or disconnected at Meta)"))
    }

    /// The line `use ID` and `health ID` (or `health` on a selected id Kapso answers 404 for) refuse a former number with:
    /// `former.statement`, then what to do: the number may be in another Kapso project now (that project's key reaches
    /// it) or back in this one under a new id, else one of `numbers` (`pick`). The reading `errors`, `whois` and `reply`
    /// give the same id (probe39 P39-4: `use` and `health` gave a generic "no phone number matches" or the 404).
    public static func formerNumberLine(_ former: FormerUse, numbers: [PhoneNumber], command: String) -> String {
        "\(former.statement); if it moved to another Kapso project, that project's key reaches it; if it was added back, "
            + "it has a new id: 'numbers' lists this project's, " + (numbers.isEmpty ? "none now" : pick(numbers, command: command))
    }

    /// The line `reply` gives before a send from `id`, a phone-number id Kapso answers 404 for in this project now: the
    /// send can only fail with 404, and the id is read as `errors` and `whois` read it (`formerUse`: not a number of
    /// this project now), with what to do (probe39 P39-4: the dry run passed such a reply silently). `contact` is the
    /// recipient as `reply --to` takes it (`+14155550801`, or a business-scoped user id).
    public static func sendingFromFormer(_ id: String, contact: String) -> String {
        "\(id) is not a number of this project now (removed from it since, or deleted or disconnected at Meta), so a reply "
            + "from it fails with 404: send from a number of this project ('numbers' lists them): 'use ID', then "
            + "'reply --to \(contact)'"
    }
}
