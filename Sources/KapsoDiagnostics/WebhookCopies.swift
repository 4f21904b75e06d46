public import KapsoClient

/// How many times one receiver gets each event: the active webhooks of one URL, number and kind that Kapso delivers the
/// event to (`WebhookEventPlan.deliverable`; every payload for a meta webhook), counted once per webhook id.
///
/// The one place every "delivered N times" of `webhooks check` and `webhooks create` is counted, so two lines never
/// give one event two counts (tester61 AI2: three webhooks on one URL, one without the status event, made one line
/// say "delivered 3 times" and another "twice" of whatsapp.message.received). Each webhook is delivered to on its own:
/// a delivery belongs to one `webhook_id` (kapso-api.md §4), and nothing in the contract merges webhooks that share a
/// URL.
public struct WebhookCopies {
    private let active: [Webhook]

    /// The copies among `webhooks` (the inactive ones deliver nothing and are left out; an id listed twice counts once).
    public init(_ webhooks: [Webhook]) {
        var seen: Set<String> = []
        active = webhooks.filter { $0.active && seen.insert($0.id).inserted }
    }

    /// How many active webhooks of `webhook`'s URL, number and kind deliver `event` (nil: any payload, for meta
    /// webhooks), `webhook` included when it is active.
    public func count(_ event: String?, of webhook: Webhook) -> Int {
        active.filter { other in
            WebhookURL.sameReceiver(other.url, webhook.url) && other.phoneNumberID == webhook.phoneNumberID && other.kind == webhook.kind
                && (other.kind == "meta" || event.map { WebhookEventPlan(other).deliverable.contains($0) } ?? true)
        }.count
    }

    /// `every E1, E2 is delivered 3 times (3 active webhooks on this URL)`, with each event's count from `count`:
    /// events delivered a different number of times are named apart (`…, every E3 twice`), most copies first. An empty
    /// `events` is a meta webhook's "every payload".
    public func delivered(_ events: [String], of webhook: Webhook) -> String {
        let counted = events.isEmpty
            ? [(name: "payload", count: count(nil, of: webhook))]
            : events.map { (name: $0, count: count($0, of: webhook)) }
        var groups: [(count: Int, names: [String])] = []
        for item in counted {
            if let index = groups.firstIndex(where: { $0.count == item.count }) {
                groups[index].names.append(item.name)
            } else {
                groups.append((item.count, [item.name]))
            }
        }
        groups.sort { $0.count > $1.count }
        return groups.enumerated().map { index, group in
            "every \(group.names.joined(separator: ", "))" + (index == 0 ? " is delivered " : " ") + Self.times(group.count)
        }.joined(separator: ", ")
    }

    /// `delivered`'s words for the events `webhook` gets that another active webhook delivers to its receiver too; nil
    /// when there is none.
    public func duplicates(of webhook: Webhook) -> String? {
        if webhook.kind == "meta" { return count(nil, of: webhook) > 1 ? delivered([], of: webhook) : nil }
        let events = WebhookEventPlan(webhook).deliverable.filter { count($0, of: webhook) > 1 }
        return events.isEmpty ? nil : delivered(events, of: webhook)
    }

    /// `twice`, or `3 times (3 active webhooks on this URL)`.
    static func times(_ count: Int) -> String {
        switch count {
        case ...1: "once"
        case 2: "twice"
        default: "\(count) times (\(count) active webhooks on this URL)"
        }
    }
}
