public import KapsoClient

// MARK: - A number whose inbound messages no webhook receives

extension WebhookCheck {
    /// A project number checked for a receiver of its inbound messages when no number is selected (tester70 F16: run
    /// before `use`, as on-call does, `webhooks check` said "0 errors" while a number had had no receiver for two days).
    public struct NumberToCover: Sendable {
        public var id: String
        /// Its display name (`Support Line`); nil when the API gives none.
        public var name: String?
        /// Its inbound messages read; nil when none could be read (nothing is said of it then).
        public var inbound: Inbound?

        public init(id: String, name: String?, inbound: Inbound?) {
            (self.id, self.name, self.inbound) = (id, name, inbound)
        }

        /// `Support Line (100200300400501)`, or the id alone.
        public var label: String { name.map { "\($0) (\(id))" } ?? id }
    }

    /// True when an active webhook of `webhooks` receives `number`'s `whatsapp.message.received`.
    public static func receivesMessages(of number: String, in webhooks: [Webhook]) -> Bool {
        webhooks.contains { $0.active && WebhookVerdict.carriesMessages($0, of: number) }
    }

    /// The selected number (`selected`) without a receiver of its inbound messages: an error, as before; with none
    /// selected, each of `numbers` without one that had inbound messages in `period` (a number with none may take no
    /// webhook at all: nothing is said of it). `listed` is every webhook the project lists, for the fix's evidence.
    mutating func checkCoverage(
        selected: String?, numbers: [NumberToCover], webhooks: [Webhook], listed: [Webhook],
        deliveries: [String: [WebhookVerdict.Delivery]], period: String, now: Int64?
    ) {
        let all = listed.isEmpty ? webhooks : listed
        if let selected {
            guard !Self.receivesMessages(of: selected, in: webhooks) else { return }
            let evidence = Self.lastReceiver(of: selected, deliveries: deliveries, listed: all)
            findings.append(
                Finding(
                    severity: .error, webhookID: nil,
                    problem: "no active webhook of \(selected) receives whatsapp.message.received: inbound messages reach no receiver",
                    fix: Self.coverageFix(evidence, number: selected, selected: true)))
            return
        }
        for number in numbers {
            guard let messages = Self.unreceived(number.id, webhooks: all, inbound: number.inbound, period: period, now: now)
            else { continue }
            let evidence = Self.lastReceiver(of: number.id, deliveries: deliveries, listed: all)
            findings.append(
                Finding(
                    severity: .error, webhookID: nil,
                    problem: "\(number.label): \(messages) in \(period) and no active webhook of it receives "
                        + "whatsapp.message.received: they reach no receiver",
                    fix: Self.coverageFix(evidence, number: number.id, selected: false)))
        }
    }

    /// `3 inbound messages` (`100+ …` past a full page): `number`'s inbound messages in `period` when no active webhook
    /// of `webhooks` receives them; nil when one does, or none came (or none were read). `overview` names such a number.
    public static func unreceived(_ number: String, webhooks: [Webhook], inbound: Inbound?, period: String, now: Int64?) -> String? {
        guard let inbound, !receivesMessages(of: number, in: webhooks) else { return nil }
        let cut = now.flatMap { now in seconds(period).map { now - $0 } } ?? Int64.min
        let count = inbound.count(after: cut)
        guard count.count > 0 else { return nil }
        return count.text == "1" ? "1 inbound message" : "\(count.text) inbound messages"
    }

    /// What the delivery log says carried `number`'s `whatsapp.message.received` events: the newest such delivery's URL,
    /// webhook and time, whether that webhook is still listed, and the listed webhooks with its URL on other numbers.
    struct LastReceiver {
        var url: String
        var webhookID: String
        var last: Int64
        var stillListed: Bool
        var elsewhere: [Webhook]
        /// That webhook as listed now, when it is still on this number (paused, or no longer subscribed).
        var current: Webhook? = nil
    }

    static func lastReceiver(of number: String, deliveries: [String: [WebhookVerdict.Delivery]], listed: [Webhook]) -> LastReceiver? {
        let carried = deliveries.values.joined().filter {
            $0.phoneNumberID == number && $0.event == "whatsapp.message.received" && !$0.url.isEmpty
        }
        // Ties broken by webhook id: `deliveries` is a dictionary, whose order changes from run to run.
        guard let newest = carried.max(by: { ($0.created, $0.webhookID) < ($1.created, $1.webhookID) }) else { return nil }
        let elsewhere = listed.filter { $0.url == newest.url && $0.phoneNumberID != nil && $0.phoneNumberID != number }
        let current = listed.first { $0.id == newest.webhookID }
        return LastReceiver(
            url: newest.url, webhookID: newest.webhookID, last: newest.created, stillListed: current != nil, elsewhere: elsewhere,
            current: current?.phoneNumberID == number ? current : nil)
    }

    /// The fix: create a receiver on the number (with the URL that received its messages until the last one, when the log
    /// says), or activate one; a webhook with that URL on another number is named as maybe created on the wrong number.
    static func coverageFix(_ evidence: LastReceiver?, number: String, selected: Bool) -> String {
        let use = selected ? "" : "use \(number); "
        guard let evidence else {
            return use + "webhooks create --url URL --events whatsapp.message.received (or activate one with --active true)"
        }
        let webhook = evidence.webhookID.isEmpty
            ? "" : " (webhook \(evidence.webhookID)\(evidence.stillListed ? "" : ", no longer listed: deleted"))"
        var text = "its whatsapp.message.received events went to \(evidence.url)\(webhook) until \(KapsoTime.iso(evidence.last))"
        if let other = evidence.elsewhere.first, let otherNumber = other.phoneNumberID {
            text += "; webhook \(other.id) with that URL is on \(otherNumber): created on the wrong number?"
        }
        // The webhook that carried them is still on the number: resumed or subscribed again, not created anew (a second
        // webhook would get a new secret_key).
        if let current = evidence.current {
            return text + (current.active
                ? "; it no longer subscribes to whatsapp.message.received: " + use + "webhooks update \(current.id) --add-events whatsapp.message.received"
                : "; it is paused now (active: false): " + use + "webhooks update \(current.id) --active true, once its receiver works")
        }
        return text + "; " + use + "webhooks create --url \(evidence.url) --events whatsapp.message.received (with "
            + "--secret-key the secret that receiver checks, or it rejects the new webhook's signature)"
    }
}
