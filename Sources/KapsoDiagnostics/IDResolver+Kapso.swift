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
                next: "logs --endpoint \(log.endpoint)")
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
        // A conversation is found by its messages, or among the newest conversations (one without messages, tester47
        // F14); past those, an older conversation without messages may have the id.
        let olderConversations = facts.capped.contains(.recentConversations)
        let searched =
            "\(plural(numbers.count, "number")) (Kapso and customer ids), \(plural(facts.webhooks.count, "webhook")), "
            + "conversations (by their messages, and the " + (olderConversations ? "100 most recently active" : "whole list") + "), "
            + "\(facts.capped.contains(.recentAPILogs) ? "the newest " : "all ")\(plural(facts.apiLogs.count, "API log")) and "
            + "\(facts.capped.contains(.recentDeliveries) ? "the newest " : "all ")\(plural(facts.deliveries.count, "delivery", "deliveries")) of the last 30 days"
        // Older API logs, deliveries or conversations were not read: the id may be one of them, so no "wrong project"
        // conclusion.
        let cut = [(Lookup.recentConversations, "conversations --all"), (.recentAPILogs, "logs --all"), (.recentDeliveries, "deliveries --all")]
            .filter { facts.capped.contains($0.0) }
        var identity = Identity(
            input: typed, kind: .unknown,
            statement: olderConversations
                ? "\(id) is not a number, WABA, customer or webhook of this project, nor among its conversations with messages, "
                    + "its 100 most recently active conversations and the API logs and deliveries read (older ones were not searched)"
                : cut.isEmpty
                    ? "\(id) is not a number, WABA, customer, webhook, conversation, API log or delivery of this project"
                    : "\(id) is not a number, WABA, customer, webhook or conversation of this project, nor among the API logs and "
                        + "deliveries read (older ones were not searched)",
            fix: cut.isEmpty
                ? unplacedUUIDFix
                : list(cut.map { "'\($0.1)'" }) + " \(cut.count == 1 ? "lists" : "list") the older ones")
        identity.details = [Identity.Detail("searched", searched)]
        return identity
    }

    /// What a UUID found nowhere in a project read whole may be (tester49 L2: "wrong project or key?" for the
    /// X-Idempotency-Key a receiver logged). Kapso puts a UUID per delivery in X-Idempotency-Key, and the delivery
    /// log does not carry it (kapso-api.md §10.1, §4), so no search here could have found one; an id of another
    /// project is the other reading. Where a Kapso id was asked for (`--webhook ID`), `anotherProjectFix` fits.
    public static let unplacedUUIDFix =
        "if a receiver logged it as X-Idempotency-Key (a UUID per delivery, kapso-api.md §10.1), Kapso's delivery list "
        + "does not carry that key: find the delivery by the event and time logged with it, 'deliveries --event EVENT'; "
        + "if it is a Kapso id, it belongs to another project (not visible with this key)"

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

    static func resolveWAMID(_ id: String, contact number: String?, facts: Facts) -> Identity {
        let carried = number.map { "the contact \(contact($0))" } ?? "no contact number that can be read"
        // Found whichever `=` padding Kapso stored it with (probe37 P37-15): the same message (StatusHistory.namesSameMessage).
        // Not with `=` beyond what base64 needs that `message` and `trace` never drop: they answer 404 (tester56b AA8).
        let exact = facts.messages.first { $0.id == id }
        let extra = exact == nil ? WAMID.withoutExtraPadding(id, among: facts.messages.map(\.id)) : nil
        guard let message = exact ?? (extra == nil ? facts.messages.first(where: { StatusHistory.namesSameMessage($0.id, id) }) : nil)
        else {
            // The messages could not be listed (500, 429, timeout): nothing says whether the id is this project's
            // (probe6 P6-1: "no message with this id is in this project", exit 0, above "could not check messages").
            if facts.failed.contains(where: { if case .message = $0 { true } else { false } }) {
                var identity = Identity(
                    input: id, kind: .wamid,
                    statement: "\(id) is a WAMID carrying \(carried); could not tell whether it is this project's: could not check "
                        + list(facts.unchecked),
                    fix: "try again when the API answers; 'message \(id)' asks Kapso for it by id")
                identity.incomplete = true
                if let number {
                    identity.details = [Identity.Detail("contact (from the id)", contact(number))]
                    identity.contacts = [(number, nil)]
                }
                return identity
            }
            // Found by listing (no 404 left in the project's log): say what was listed. A contact's messages are
            // listed by the number the id carries, and Kapso's `phone_number` can be null while business-scoped
            // fields are present (Kapso docs, "WhatsApp data"): not finding it there proves nothing about the
            // project, so only the whole project's messages, read to the end, say "not in this project".
            let capped = facts.capped.contains { if case .message = $0 { true } else { false } }
            let listed = number == nil ? "this project's newest messages" : "the messages of that contact"
            let statement: String
            if capped {
                statement = "\(id) is a WAMID carrying \(carried); it is not among the \(facts.messages.count) newest of \(listed) read"
            } else if let number, !WAMID.hasMessage(of: number, in: facts.messages),
                !facts.conversations.contains(where: { $0.contact?.filter(\.isNumber) == number })
            {
                // Listed by that number and none is to or from it: not "that contact's messages", there are none (tester47 L7).
                statement = "\(id) is a WAMID carrying \(contact(number)), which is not a contact of this project: no message to "
                    + "or from it is listed (listed by that number); the id is most likely another project's"
            } else if number != nil {
                statement = "\(id) is a WAMID carrying \(carried), but none of that contact's messages has this id "
                    + "(listed by the number it carries)"
            } else {
                statement = "\(id) is a WAMID carrying \(carried), but no message with this id is in this project (\(listed) searched)"
            }
            // An id whose bytes stop short is not offered as another project's (tester56 Z1).
            let cut = WAMID.mayBeCutShort(id)
            var identity = Identity(
                input: id, kind: .wamid, statement: statement,
                fix: capped || number != nil
                    ? "'message \(id)' asks Kapso for it by id" + (capped || cut ? "" : "; wrong project or key?")
                    : cut ? "copy the whole id again; 'messages' lists this project's messages"
                    : "wrong project or key? 'messages' lists this project's messages")
            // The start of listed messages' ids: cut short (a log column, `…`), and they are named (tester56 Z1).
            let completions = extra == nil ? WAMID.completions(of: id, among: facts.messages) : []
            if let extra {
                identity.statement = "\(id) names no message as typed: " + WAMID.extraPadding(id, message: extra)
                identity.fix = "use it: '\(ShellWord.command("trace", extra))'"
            }
            if let first = completions.first {
                identity.statement = "\(id) names no message as typed: " + WAMID.cutShort(completions: completions)
                // Several: which one was meant is not known; the newest is named as that, with the list (tester56b AA5).
                let newest = facts.messages.filter { completions.contains($0.id) }.max { ($0.time ?? 0) < ($1.time ?? 0) }?.id ?? first
                let list = number.map { "'messages --phone-number \($0)'" } ?? "'messages'"
                identity.fix = completions.count == 1
                    ? "use the whole id: '\(ShellWord.command("trace", first))'"
                    : "use the whole id, as \(list) lists it (the newest of the \(completions.count): "
                        + "'\(ShellWord.command("trace", newest))')"
            }
            // An id all in one case was changed on the way (a case-insensitive store, URL handling; base64 is
            // case-sensitive): the message read that matches it ignoring case is named, else the case is the likely cause,
            // not another project (tester50 N1).
            if let which = WAMID.oneCase(id) {
                if let match = facts.messages.first(where: { StatusHistory.namesSameMessage($0.id.lowercased(), id.lowercased()) }) {
                    identity.statement = "\(id) names no message as typed, but this project's message \(match.id) matches it "
                        + "ignoring case: \(which)-cased on the way? (WAMIDs are base64, so case-sensitive)"
                    identity.fix = "use the id in its original case: '\(ShellWord.command("trace", match.id))'"
                } else {
                    identity.fix = "WAMIDs are case-sensitive (base64) and this one is all in \(which) case: look it up in its "
                        + "original case (the webhook body or the send's answer); 'messages' lists this project's messages"
                }
            }
            if let number {
                identity.details = [Identity.Detail("contact (from the id)", contact(number))]
                identity.contacts = [(number, nil)]
            }
            if completions.isEmpty, extra == nil, let damage = WAMID.damage(id) { identity.warnings.append("the id looks damaged: \(damage)") }
            // The message it names without them, for the `errors` view's row of a call with this id (tester56b AA9).
            if let extra { identity.details.append(Identity.Detail(WAMID.extraPaddingLabel, extra)) }
            identity.notFound = true
            return identity
        }
        let line = message.phoneNumberID.flatMap { pnid in facts.numbers.first { $0.id == pnid } }
        let direction = message.isInbound ? "an inbound \(message.type) message from" : "an outbound \(message.type) message to"
        let who = MessageOrigin(message).sentToGroup.map { "WhatsApp group \($0)" } ?? message.contact.map { contact($0.filter(\.isNumber)) } ?? number.map(contact)
            ?? message.userID.map { userLabel($0, username: message.username, name: message.contactName) } ?? "an unknown contact"
        let history = StatusHistory(message: message)
        // The failure's code as the verdict reads it (`MessageError.ofFailure`: its status's, else the message's own, P37-11).
        let failure = history.failures.isEmpty && StatusWord(message.status) != .failed ? ""
            : MessageError.primary(of: MessageError.ofFailure(message.json, history: history))?.code.map { " \($0)" } ?? ""
        // Kapso's word that only a stored status of another message has is not this message's (StatusHistory.foreign).
        let status = history.kapsoStatusIsForeign(message.status)
            ? "\((history.latest ?? history.events.last)?.status ?? "no status of its own") (Kapso's '\(message.status)' comes from a stored status of another message)"
            : message.status + failure
                // The contact's later messages read with it say what a bare `sent` does not, as `trace` says it (P39-1).
                + (facts.now.flatMap { LaterEvidence.note(message, among: facts.messages, now: $0) }.map { ", " + $0 } ?? "")
        var identity = Identity(
            input: id, kind: .wamid,
            statement: "\(id) is \(direction) \(who) on \(line.map(label) ?? message.phoneNumberID ?? "an unknown number"), "
                + status,
            next: "trace \(message.id)")
        identity.details = [
            Identity.Detail("contact", who), Identity.Detail("conversation", message.conversationID ?? "-"),
            Identity.Detail("phone-number id", message.phoneNumberID ?? "-"),
            Identity.Detail("time", message.time.map(KapsoTime.iso) ?? "-"),
        ]
        // Typed with other `=` padding than Kapso stored: the form that matched is named, and the id to use (P37-15).
        if message.id != id {
            let form = WAMID.paddingDifference(typed: id, stored: message.id) ?? "in another form"
            identity.details.insert(Identity.Detail("stored as", "\(message.id) (found \(form); Kapso serves it by this form)"), at: 0)
        }
        if let number, let shown = message.contact?.filter(\.isNumber), shown != number {
            // The other form of the same Brazilian, Mexican or Argentine mobile number is the same contact, as `whois NUMBER`
            // and `messages --phone-number` read it (ContactNumber.match; probe23 P23-5): a detail, not a warning.
            if let match = ContactNumber.match(number, shown) {
                identity.details.append(
                    Identity.Detail(
                        "contact number forms",
                        "the id carries \(number), another form of \(contact(shown)) (\(ContactNumber.reason(match)); "
                            + "Meta's wa_id may have either form): the same contact"))
            } else {
                identity.warnings.append("the id carries \(contact(number)), but the message's contact is \(contact(shown))")
            }
        }
        identity.phoneNumberIDs = message.phoneNumberID.map { [$0] } ?? []
        identity.moment = message.time
        identity.contacts = [(message.contact?.filter(\.isNumber) ?? number ?? "", message.contactName)].filter { !$0.0.isEmpty }
        if let number, !identity.contacts.contains(where: { $0.phoneNumber == number }) { identity.contacts.append((number, nil)) }
        return identity
    }
}
