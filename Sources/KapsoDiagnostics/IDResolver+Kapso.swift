internal import KapsoClient

// MARK: - UUIDs (Kapso's own ids) and WAMIDs

extension IDResolver {
    static func resolveUUID(_ id: String, typed: String, facts: Facts) -> Identity {
        let numbers = facts.numbers
        if let misplaced = misplacedPhoneNumberID(id, numbers: numbers),
            misplaced.kind == .kapsoPhoneNumberID || misplaced.kind == .customerID
        {
            let kind: Identity.Kind = misplaced.kind
            var identity = Identity(
                input: typed, kind: kind,
                statement: kind == .customerID
                    ? "\(id) is the customer id of \(owners(misplaced.numbers))"
                    : "\(id) is Kapso's id of \(owners(misplaced.numbers)) (internal_id; whatsapp_config_id in deliveries and v1 payloads)",
                fix: "API paths take the phone-number id; " + misplaced.fix(command: "use"))
            if kind == .kapsoPhoneNumberID, let number = misplaced.numbers.first { identity.details = details(of: number) }
            identity.phoneNumberIDs = misplaced.numbers.map(\.id)
            return identity
        }
        if let webhook = facts.webhooks.first(where: { $0.id.lowercased() == id }) {
            return webhookIdentity(webhook, typed: typed, numbers: numbers)
        }
        if facts.webhooks.contains(where: { $0.json["project_id"]?.string?.lowercased() == id }) {
            return Identity(
                input: typed, kind: .projectID, statement: "\(id) is the id of this project (the API key's project)",
                fix: nil)
        }
        if let conversation = facts.conversations.first(where: { $0.id.lowercased() == id }) {
            let line = conversation.phoneNumberID.flatMap { pnid in numbers.first { $0.id == pnid } }
            let who = conversation.contactName ?? conversation.contact.map(contact) ?? "a contact"
            var identity = Identity(
                input: typed, kind: .conversationID,
                statement: "\(id) is the conversation with \(who) on \(line.map(label) ?? conversation.phoneNumberID ?? "an unknown number") (\(conversation.status))",
                next: "conversation \(id)")
            identity.details = [
                Identity.Detail("contact", conversation.contact.map(contact) ?? "-"),
                Identity.Detail("phone-number id", conversation.phoneNumberID ?? "-"),
                Identity.Detail("last active", conversation.lastActiveAt ?? "-"),
            ]
            identity.phoneNumberIDs = conversation.phoneNumberID.map { [$0] } ?? []
            identity.moment = conversation.lastActiveAt.flatMap(KapsoTime.seconds(iso:))
            identity.contacts = conversation.contact.map { [($0.filter(\.isNumber), conversation.contactName)] } ?? []
            return identity
        }
        // Its messages name the conversation, but it was not among its contact's conversations read.
        if let message = facts.messages.first(where: { $0.conversationID?.lowercased() == id }) {
            let line = message.phoneNumberID.flatMap { pnid in numbers.first { $0.id == pnid } }
            let who = message.contactName ?? message.contact.map { contact($0.filter(\.isNumber)) }
                ?? message.userID.map { userLabel($0, username: message.username, name: nil) } ?? "a contact"
            var identity = Identity(
                input: typed, kind: .conversationID,
                statement: "\(id) is the conversation with \(who) on \(line.map(label) ?? message.phoneNumberID ?? "an unknown number")"
                    + " (its messages name it; its status was not read)",
                next: "conversation \(id)")
            identity.details = [
                Identity.Detail("contact", message.contact.map { contact($0.filter(\.isNumber)) } ?? "-"),
                Identity.Detail("phone-number id", message.phoneNumberID ?? "-"),
            ]
            identity.phoneNumberIDs = message.phoneNumberID.map { [$0] } ?? []
            identity.moment = message.time
            identity.contacts = message.contact.map { [($0.filter(\.isNumber), message.contactName)] } ?? []
            return identity
        }
        if let log = facts.apiLogs.first(where: { $0.id.lowercased() == id }) {
            var identity = Identity(
                input: typed, kind: .apiLogID,
                statement: "\(id) is the API call \(log.httpMethod) \(log.endpoint) at \(log.createdAt), answered \(log.responseStatus)"
                    + (log.apiKeyName.map { ", made with key \($0)" } ?? ""),
                next: logsCommand(for: log, now: facts.now))
            if let error = log.errorMessage { identity.details.append(Identity.Detail("error", error)) }
            identity.moment = KapsoTime.seconds(iso: log.createdAt)
            return identity
        }
        if let key = facts.apiLogs.first(where: { $0.json["api_key_id"]?.string?.lowercased() == id }) {
            let calls = facts.apiLogs.filter { $0.json["api_key_id"]?.string?.lowercased() == id }
            let failed = calls.filter { $0.responseStatus >= 400 && !facts.ownLogIDs.contains($0.id) }.count
            let counted = facts.capped.contains(.recentAPILogs)
                ? "at least \(plural(calls.count, "call")) in the last 30 days (the newest \(facts.apiLogs.count) API logs read)"
                : "\(plural(calls.count, "call")) in the last 30 days"
            return Identity(
                input: typed, kind: .apiKeyID,
                statement: "\(id) is the id of API key \(key.apiKeyName ?? "(unnamed)"), which made \(counted), \(failed) failed",
                fix: nil)
        }
        if let delivery = facts.deliveries.first(where: { $0.id.lowercased() == id }) {
            let answer = delivery.answer.label
            var identity = Identity(
                input: typed, kind: .deliveryID,
                statement: "\(id) is the delivery of \(delivery.event) to \(WebhookURL.short(delivery.webhookURL)) at "
                    + "\(delivery.createdAt): \(delivery.status), \(answer) after \(DeliveryAnswer.attempts(delivery.attemptCount))",
                next: "deliveries --webhook \(delivery.webhookID)")
            identity.details = [Identity.Detail("webhook id", delivery.webhookID)]
            identity.moment = KapsoTime.seconds(iso: delivery.createdAt)
            return identity
        }
        if let deleted = deletedWebhookIdentity(id, typed: typed, facts: facts) { return deleted }
        if let sample = sampleKeyIdentity(id, typed: typed) { return sample }
        // A message Kapso lists under a UUID (it holds no WAMID for it), found among the newest messages (tester57b AC3).
        if let message = facts.messages.first(where: { $0.id.lowercased() == id }) {
            return messageIdentity(message, id: id, carried: nil, facts: facts)
        }
        return unplacedUUID(id, typed: typed, facts: facts)
    }

    /// True when the look-ups in `facts` placed UUID `id` (a number's, webhook, conversation, API log, delivery, key):
    /// the message look-up (`Lookup.kapsoMessage`) is then not made.
    public static func placed(uuid id: String, facts: Facts) -> Bool {
        resolveUUID(id, typed: id, facts: facts).kind != .unknown
    }

    /// The newest messages the UUID message look-up reads at most (`Lookup.kapsoMessage`), 100 a page: such a message is
    /// a send Kapso holds without a WAMID, most likely a recent failed one (tester56 Z8's was), and the look-up is made for
    /// every UUID nothing else placed.
    public static let kapsoMessagePages = 5

    /// UUID `id` found nowhere: what was searched, and no "another project" while older records were not read.
    private static func unplacedUUID(_ id: String, typed: String, facts: Facts) -> Identity {
        // A conversation is found by its messages, or among the newest conversations (one without messages, tester47
        // F14); past those, an older conversation without messages may have the id. So may an older message.
        let olderConversations = facts.capped.contains(.recentConversations)
        let olderMessages = facts.capped.contains(.kapsoMessage(id))
        let logsCut = facts.capped.contains(.recentAPILogs) || facts.capped.contains(.recentDeliveries)
        let messages = facts.kapsoMessagesRead.map { "\(olderMessages ? "the newest" : "all") \(plural($0, "message")), " } ?? ""
        let searched =
            "\(plural(facts.numbers.count, "number")) (Kapso and customer ids), \(plural(facts.webhooks.count, "webhook")), "
            + "conversations (by their messages, and the " + (olderConversations ? "100 most recently active" : "whole list") + "), "
            + messages
            + "\(facts.capped.contains(.recentAPILogs) ? "the newest " : "all ")\(plural(facts.apiLogs.count, "API log")) and "
            + "\(facts.capped.contains(.recentDeliveries) ? "the newest " : "all ")\(plural(facts.deliveries.count, "delivery", "deliveries")) of the last 30 days"
        var kinds = ["number", "WABA", "customer", "webhook"]
        var among: [String] = []
        if olderConversations {
            among.append("its conversations with messages, its 100 most recently active conversations")
        } else {
            kinds.append("conversation")
        }
        if let read = facts.kapsoMessagesRead {
            if olderMessages { among.append("its \(read) newest messages") } else { kinds.append("message") }
        }
        if logsCut || olderConversations { among.append("the API logs and deliveries read") } else { kinds += ["API log", "delivery"] }
        let kindList = kinds.dropLast().joined(separator: ", ") + " or " + (kinds.last ?? "")
        // Older records were not read: the id may be one of them, so no "wrong project" conclusion.
        let cut = [(Lookup.recentConversations, "conversations --all"), (.recentAPILogs, "logs --all"), (.recentDeliveries, "deliveries --all")]
            .filter { facts.capped.contains($0.0) }
        var fixes = cut.isEmpty ? [] : [list(cut.map { "'\($0.1)'" }) + " \(cut.count == 1 ? "lists" : "list") the older ones"]
        if olderMessages { fixes.append("'\(ShellWord.command("message", id))' asks Kapso for it by id") }
        var identity = Identity(
            input: typed, kind: .unknown,
            statement: "\(id) is not a \(kindList) of this project"
                + (among.isEmpty ? "" : ", nor among \(list(among)) (older ones were not searched)"),
            fix: fixes.isEmpty ? unplacedUUIDFix : fixes.joined(separator: "; "))
        identity.details = [Identity.Detail("searched", searched)]
        return identity
    }

    /// What a UUID found nowhere in a project read whole may be (tester49 L2: "wrong project or key?" for the
    /// X-Idempotency-Key a receiver logged). Kapso puts a UUID per delivery in X-Idempotency-Key, and the delivery
    /// log does not carry it (kapso-api.md §10.1, §4), so no search here could have found one; an id of another
    /// project is the other reading. Where a Kapso id was asked for (`--webhook ID`), `anotherProjectFix` fits.
    ///
    /// A v1 payload's `message.id` is the other id of this project no search finds (tester67 Y4: kops's own `payload
    /// sample … --v1` prints one, and was told "it belongs to another project"): `v1MessageIDFix`.
    public static let unplacedUUIDFix =
        "if a receiver logged it as X-Idempotency-Key (a key per delivery, https://docs.kapso.ai/docs/platform/webhooks/overview), Kapso's delivery list "
        + "does not carry that key: find the delivery by the event and time logged with it, 'deliveries --event EVENT'; "
        + v1MessageIDFix + "; another Kapso id found nowhere here belongs to another project (not visible with this key)"

    /// A v1 webhook payload's `message.id` is Kapso's own UUID of the message, and its WAMID is `whatsapp_message_id`
    /// beside it (kapso-api.md §10.7; docs.kapso.ai/docs/platform/webhooks/overview, v1 payloads): the Platform API
    /// gets a message by its WAMID (§7.2) and lists none under that UUID, so a trace of it finds nothing.
    public static let v1MessageIDFix =
        "if it is a v1 webhook payload's message.id, it is Kapso's own id of the message, which the API does not look messages "
        + "up by: trace the payload's whatsapp_message_id (the WAMID) instead"

    /// The likely cause when a UUID given as a Kapso id (a webhook's, a conversation's) is found nowhere.
    public static let anotherProjectFix = "wrong project or key? ids from another project are not visible with this key"

    /// The X-Idempotency-Key of a `payload sample` (tester49 L2: a receiver tested with the sample logs it): kops's
    /// example, not a delivery; nil for any other id.
    static func sampleKeyIdentity(_ id: String, typed: String) -> Identity? {
        guard let sample = PayloadSamples.sampleEvent(withIdempotencyKey: id) else { return nil }
        return Identity(
            input: typed, kind: .unknown,
            statement: "\(id) is the X-Idempotency-Key of kops's 'payload sample \(sample.event)' (\(sample.version)), "
                + "an example kops makes, not a delivery of this project",
            fix: "a real delivery carries its own key: 'deliveries --event \(sample.event)' lists them")
    }

    /// A webhook id the project's deliveries carry (`webhook_id`: the webhook a delivery was made for, kapso-api.md §4)
    /// that no listed webhook has: a webhook of this project deleted since (§3: a deleted webhook is gone from the list),
    /// never "wrong project or key" (tester49 F4: `errors` called it deleted, `whois` another project's). Nil when no
    /// delivery read carries it, or when the webhook list was not read (then whether it exists is unknown, and the
    /// failed look-up is what the answer names).
    private static func deletedWebhookIdentity(_ id: String, typed: String, facts: Facts) -> Identity? {
        guard !facts.failed.contains(.webhooks) else { return nil }
        let sent = facts.deliveries.filter { $0.webhookID.lowercased() == id }
        guard let newest = sent.max(by: { $0.createdAt < $1.createdAt }) else { return nil }
        let counted = (facts.capped.contains(.recentDeliveries) ? "at least " : "")
            + "\(plural(sent.count, "delivery", "deliveries")) of the last 30 days"
        let urls = Set(sent.map(\.webhookURL).filter { !$0.isEmpty }).sorted()
        var identity = Identity(
            input: typed, kind: .webhookID,
            statement: "\(id) is a webhook of this project that no longer exists (no webhook listed now has it: deleted): "
                + "\(counted) went to it" + (urls.isEmpty ? "" : " (\(urls.joined(separator: ", ")))")
                + ", the last created at \(newest.createdAt); nothing more is sent to it",
            next: "deliveries --webhook \(newest.webhookID) --period 30d")
        identity.details = [Identity.Detail("last delivery", "\(newest.event), \(newest.status), \(newest.answer.label)")]
        identity.moment = KapsoTime.seconds(iso: newest.createdAt)
        return identity
    }

    private static func webhookIdentity(_ webhook: Webhook, typed: String, numbers: [PhoneNumber]) -> Identity {
        let scope = webhook.phoneNumberID.map { pnid in
            "for " + (numbers.first { $0.id == pnid }.map(label) ?? pnid)
        } ?? "for the whole project (project scope)"
        let state = webhook.active ? "active" : "paused"
        var identity = Identity(
            input: typed, kind: .webhookID,
            statement: "\(webhook.id) is the \(state) \(webhook.kind) webhook to \(webhook.url) \(scope)",
            next: "webhooks get \(webhook.id)")
        identity.details = [
            Identity.Detail("events", webhook.events.isEmpty ? "(all, raw Meta payloads)" : webhook.events.joined(separator: ", ")),
            Identity.Detail("payload version", webhook.payloadVersion ?? "-"),
        ]
        identity.phoneNumberIDs = webhook.phoneNumberID.map { [$0] } ?? []
        return identity
    }

    /// The `logs` command that lists `log`'s call, as printed: its path without the query (Kapso's `endpoint` filter
    /// matches part of the path, and a secret in the query is shown masked, so `?access_token=<redacted>` matched nothing:
    /// tester60 AH4), its status, and the period that reaches back to it (`logs` covers 24 hours unless told).
    static func logsCommand(for log: APILog, now: Int64?) -> String {
        let path = log.endpoint.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        let age = now.flatMap { now in KapsoTime.seconds(iso: log.createdAt).map { now - $0 } } ?? 0
        let period = age < 86_400 ? "" : age < 7 * 86_400 ? " --period 7d" : " --period 30d"
        return "logs --endpoint \(path) --status-code \(log.responseStatus)\(period)"
    }
}
