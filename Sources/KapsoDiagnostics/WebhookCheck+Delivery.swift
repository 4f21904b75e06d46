internal import Foundation
public import KapsoClient
internal import KopsHTTP

/// Rules for webhooks that can never deliver, whatever the receiver does: nothing subscribed, names Kapso does not
/// send, a URL Kapso's servers cannot reach, a number outside the project; pairs that deliver everything twice, and
/// a second meta webhook on a number.
///
/// Sources: kapso-api.md §3.1 (`events` "required (non-empty) for kapso; always `[]` for meta", `payload_version`
/// `v1`|`v2`), §3.4 (the event catalogue; `whatsapp.message.status` "is **not** a Kapso event"), §14.1 (unknown names
/// are refused with 422 today, so such a webhook predates the check or came from elsewhere); docs/webhooks-and-deliveries.md.
extension WebhookCheck {
    mutating func checkDelivery(
        _ webhook: Webhook, verdict: WebhookVerdict, number: String?, projectNumbers: [String]?, apiIsLocal: Bool
    ) {
        let id = webhook.id
        if webhook.kind == "meta" {
            if !webhook.events.isEmpty {
                add(
                    .info, webhook,
                    "kind meta with events \(webhook.events.joined(separator: ", ")): a meta webhook forwards Meta's payloads and ignores events",
                    fix: "to receive only some events, use a kapso webhook: webhooks create --url \(ShellWord.quoted(webhook.url)) --events EVENT,...")
            }
        } else if WebhookPayloadShape(webhook).isKapso {
            if webhook.events.isEmpty {
                add(
                    .error, webhook, "subscribed to no events: a kapso webhook receives only the events it lists, so nothing is delivered",
                    fix: insteadOfUpdate(webhook) ?? (webhook.isProjectScoped
                        ? "give it the project events its receiver handles, e.g. webhooks update \(id) --add-events "
                            + "whatsapp.phone_number.created; or webhooks delete \(id)"
                        : "webhooks update \(id) --add-events whatsapp.message.received (add every event the receiver handles)"))
            }
            let unknown = WebhookEvents.unsupported(webhook.events)
            if !unknown.isEmpty {
                let named = unknown.map(Self.unknownEventName)
                add(
                    .error, webhook,
                    "subscribed to \(named.joined(separator: ", ")), not \(unknown.count == 1 ? "a Kapso event" : "Kapso events"): never delivered",
                    fix: Self.unknownEventsFix(webhook, number: number, projectNumbers: projectNumbers))
            }
            if let version = webhook.payloadVersion, version != "v1", version != "v2" {
                add(
                    .error, webhook, "payload_version \(version) is not one Kapso sends (v1, v2)",
                    fix: insteadOfUpdate(
                        webhook, replaced: "\(Self.replacingCreate) sends v2 (create's default): the receiver must read v2")
                        ?? "webhooks update \(id) --payload-version v2")
            }
        }
        if let unreachable = WebhookURL.unreachable(webhook.url) {
            if apiIsLocal {
                add(
                    .info, webhook,
                    "URL is \(unreachable): reachable from the API on this machine (kapso-sim), never from Kapso's servers",
                    fix: "before pointing a real project at it, expose the receiver on a public https URL (a tunnel for local testing)")
            } else {
                // Counted at the URL it has now: failures at an earlier URL say nothing about this one (P11-1).
                let failed = verdict.failed > 0 ? " (\(verdict.failed) of \(verdict.current.count) deliveries failed)" : ""
                add(
                    .error, webhook, "URL is \(unreachable): Kapso's servers cannot reach it, so every delivery fails\(failed)",
                    fix: "expose the receiver on a public https URL (a tunnel such as ngrok for local testing), then "
                        + (insteadOfUpdate(webhook, replaced: "give that URL to \(Self.replacingCreate)")
                            ?? "webhooks update \(id) --url https://..."))
            }
        }
        if let number = webhook.phoneNumberID, let projectNumbers, !projectNumbers.contains(number) {
            // Created again with the events a number webhook gets once the event rules' fixes are made (`WebhookEventPlan`).
            let events = webhook.kind == "meta" ? [] : WebhookEventPlan(webhook).target
            let create = webhook.kind != "meta" && events.isEmpty
                ? ""
                : ", or create it on the number that should send its events (\(Self.numbersChoice(projectNumbers))): "
                    + "use <its id>; webhooks create --url \(ShellWord.quoted(Self.replacementURL(webhook)))"
                    + (events.isEmpty ? "" : " --events \(events.joined(separator: ","))")
                    + Self.carriedFlags(webhook, events: events) + Self.notes(webhook)
            add(
                .error, webhook,
                "bound to phone number \(number), which is not one of this project's numbers (\(projectNumbers.joined(separator: ", "))): nothing is delivered to it",
                fix: "webhooks delete \(id)" + create)
        }
    }

    /// Active webhooks with the same URL, scope and kind that share an event: each such event is delivered twice.
    ///
    /// The warning says which events they share, not "the same events", and the fix picks one to delete only when the two
    /// are alike in everything a receiver depends on (events, secret, custom headers, payload version, buffering), then
    /// the newer one. Twins that differ are left to the user: deleting the older (the one the receiver was built for,
    /// with its header and secret) while keeping a one-event test webhook with another secret broke every delivery
    /// (probe45 P45-16: the list order chose the older).
    mutating func checkDuplicates(_ webhooks: [Webhook]) {
        // A webhook the check replaces gets nothing delivered where it is: it is no one's twin.
        let kept = webhooks.filter { fates[$0.id] != .replaced }
        // Each event's count comes from one place, so two lines never give one event two counts (tester60 AH9: three
        // on one URL deliver each three times, not twice; tester61 AI2: nor "3 times" here and "twice" there).
        let copies = WebhookCopies(kept)
        for (webhook, twin) in Self.twins(kept) {
            let delivered = { (hook: Webhook) in WebhookEventPlan(hook).deliverable }
            let shared = webhook.kind == "meta" ? [] : delivered(webhook).filter(delivered(twin).contains)
            let sameEvents = Set(webhook.events) == Set(twin.events)
            let differences = Self.differences(webhook, twin)
            // One receiver spelt two ways (host case, `:443`, an empty `?`: `WebhookURL.sameReceiver`) is named so (AK5).
            let url = webhook.url == twin.url ? "same URL" : "same URL written another way (\(twin.url))"
            let subject = sameEvents
                ? "\(url), number and events as \(twin.id)"
                : "\(url) and number as \(twin.id), and both subscribe to \(shared.joined(separator: ", "))"
            let fix: String
            if differences.isEmpty {
                let newer = Self.newer(webhook, twin)
                fix = "they are alike: delete the newer, webhooks delete \(newer.id) (or pause it: webhooks update \(newer.id) --active false)"
            } else {
                // What stays once the other fixes are made too (`WebhookEventPlan.target`): when nothing does, pause.
                let rest = { (hook: Webhook) in WebhookEventPlan(hook).target.filter { !shared.contains($0) } }
                fix = "they differ in \(differences.joined(separator: ", ")), so kops does not pick one: keep the one your receiver "
                    + "verifies and is built for; "
                    + [(keep: twin, other: webhook), (keep: webhook, other: twin)].map { pair in
                        "keeping \(pair.keep.id): "
                            + (rest(pair.other).isEmpty
                                ? "webhooks update \(pair.other.id) --active false (or delete it)"
                                : WebhookEventPlan(pair.other).update(pair.other.id, removing: shared) ?? "")
                    }.joined(separator: "; ")
            }
            add(.warning, webhook, "\(subject), also active: \(copies.delivered(shared, of: webhook))", fix: fix)
        }
        // Kapso allows one meta webhook per number (kapso-api.md §3.2, from SKILL-NEW); two of them (what a migration
        // or a re-created webhook leaves behind) mean at least one receives nothing, or an API state Kapso did not plan.
        var metas: [String: Webhook] = [:]
        for webhook in webhooks where webhook.kind == "meta" {
            guard let number = webhook.phoneNumberID else { continue }
            guard let first = metas[number] else {
                metas[number] = webhook
                continue
            }
            // Same URL and both active is already "delivered twice" above.
            if WebhookURL.sameReceiver(first.url, webhook.url), first.active, webhook.active { continue }
            let state = { (hook: Webhook) in hook.active ? "active" : "paused" }
            add(
                .warning, webhook,
                "a second meta webhook on \(number), beside \(first.id) (\(first.url), \(state(first))): Kapso allows one meta "
                    + "webhook per number (https://docs.kapso.ai/docs/platform/webhooks/overview), so which of them gets Meta's payloads is not something the API says",
                fix: "keep the one the receiver uses and delete the other: webhooks delete \(webhook.id) (or webhooks delete \(first.id))")
        }
    }

    /// Each active webhook with the first earlier one of the same URL, number and kind that shares a delivered event
    /// with it (only events Kapso delivers to the webhook count: a misspelt name both list is delivered to neither), in
    /// list order. `webhooks create` reads it too, to say the webhook it made is such a twin (tester60 AH9).
    public static func twins(_ webhooks: [Webhook]) -> [(webhook: Webhook, twin: Webhook)] {
        var seen: [Webhook] = []
        var pairs: [(webhook: Webhook, twin: Webhook)] = []
        let delivered = { (hook: Webhook) in WebhookEventPlan(hook).deliverable }
        for webhook in webhooks where webhook.active {
            let twin = seen.first { other in
                WebhookURL.sameReceiver(other.url, webhook.url) && other.phoneNumberID == webhook.phoneNumberID && other.kind == webhook.kind
                    && (webhook.kind == "meta" || !Set(delivered(other)).isDisjoint(with: delivered(webhook)))
            }
            if let twin { pairs.append((webhook, twin)) }
            seen.append(webhook)
        }
        return pairs
    }

    /// The fix for names that are no Kapso event, the webhook's one event update (`WebhookEventPlan.update`): remove
    /// them and add what they meant when that fits the webhook's scope (`--add-events`, `--remove-events`: the rest
    /// stays; names of the other scope go in the same line, as Kapso refuses a list that still holds any); what they meant
    /// of the other scope goes to a webhook of that scope, the one the scope rule's fix creates when there is one. A
    /// webhook left with nothing is deleted, as the scope rules say too.
    static func unknownEventsFix(_ webhook: Webhook, number: String? = nil, projectNumbers: [String]? = nil) -> String {
        let plan = WebhookEventPlan(webhook)
        var parts: [String] = []
        if plan.target.isEmpty {
            parts.append("webhooks delete \(webhook.id) (it lists no event a \(webhook.isProjectScoped ? "project" : "phone-number") webhook gets)")
        } else if isOutside(webhook, projectNumbers) {
            parts.append("webhooks delete \(webhook.id) (its number is not one of this project's: its error's fix creates it again)")
        } else if let update = plan.update(webhook.id) {
            parts.append(update)
        }
        if !plan.elsewhere.isEmpty {
            let list = plan.elsewhere.joined(separator: ",")
            if !plan.otherScope.isEmpty {
                parts.append("\(list) joins the webhook the scope fix creates")
            } else if webhook.isProjectScoped {
                let creates = createOnNumbers(webhook, events: plan.elsewhere, number: number, projectNumbers: projectNumbers)
                parts.insert("for \(list), a number webhook: \(creates.text)", at: 0)
            } else {
                parts.append(
                    "for \(list), a project webhook: webhooks create --scope project --url \(ShellWord.quoted(replacementURL(webhook))) --events \(list)"
                        + carriedFlags(webhook, events: plan.elsewhere))
            }
            if plan.otherScope.isEmpty { parts += replacementNotes(webhook) }
        }
        return parts.joined(separator: "; ")
    }

    /// An unknown event name as `check` names it: `whatsapp.mesage.received (did you mean whatsapp.message.received?)`;
    /// one that is a catalogue name with white space around it says so, quoted (tester54 V17: "subscribed to
    /// whatsapp.message.received  (did you mean whatsapp.message.received?)" never named the space).
    static func unknownEventName(_ name: String) -> String {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed != name, WebhookEvents.isKnown(trimmed) { return "'\(name)' (\(trimmed) with white space around it)" }
        if name.hasSuffix(".*"), WebhookEvents.all.contains(where: { $0.hasPrefix(name.dropLast()) }) {
            return "\(name) (a pattern stored as one name: Kapso's events are whole names)"
        }
        return suggestion(for: name).map { "\(name) (did you mean \($0)?)" } ?? name
    }

    /// The catalogue name closest to a misspelt one (`whatsapp.message.recieved` → `whatsapp.message.received`):
    /// at most 3 edits away; nil when none is that close.
    static func suggestion(for name: String) -> String? {
        if name.hasSuffix(".status") { return "whatsapp.message.sent/delivered/read/failed" }
        // Kapso's names without their `whatsapp.` prefix (`message.received`, P39-6).
        if let prefixed = WebhookEvents.prefixed(name) { return prefixed }
        let scored = WebhookEvents.all.map { ($0, distance(name, $0)) }.filter { $0.1 <= 3 }
        return scored.min { $0.1 < $1.1 }?.0
    }

    /// What replaces an unknown name in the fix: its suggestion, the four status events for `….status`, the events a
    /// stored `prefix.*` pattern matches (kops's `--events` expands one; stored, it is one name Kapso's catalogue does not
    /// hold, kapso-api.md §3.4, tester56b AA2), else nothing.
    static func replacements(for name: String) -> [String] {
        if name.hasSuffix(".status") {
            return ["whatsapp.message.sent", "whatsapp.message.delivered", "whatsapp.message.read", "whatsapp.message.failed"]
        }
        if name.hasSuffix(".*") {
            let matched = WebhookEvents.all.filter { $0.hasPrefix(name.dropLast()) }
            if !matched.isEmpty { return matched }
        }
        return suggestion(for: name).map { [$0] } ?? []
    }

    static func uniqued(_ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.filter { seen.insert($0).inserted }
    }

    /// Levenshtein distance between two short names.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a.utf8), b = Array(b.utf8)
        var row = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var previous = row[0]
            row[0] = i
            for j in 1...max(b.count, 1) where !b.isEmpty {
                let current = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = current
            }
        }
        return row[b.count]
    }
}

extension WebhookCheck {
    /// What two webhooks to one URL differ in that a receiver depends on: `events`, `secret`, `custom headers`,
    /// `payload version`, `buffering`; never the values.
    static func differences(_ one: Webhook, _ other: Webhook) -> [String] {
        var found: [String] = []
        if Set(one.events) != Set(other.events) { found.append("events") }
        if one.secretKey?.revealed != other.secretKey?.revealed { found.append("secret") }
        if one.json["headers"] != other.json["headers"] { found.append("custom headers") }
        if one.payloadVersion != other.payloadVersion { found.append("payload version") }
        if one.bufferEnabled != other.bufferEnabled || one.bufferWindowSeconds != other.bufferWindowSeconds { found.append("buffering") }
        return found
    }

    /// The one created later (`created_at`); `one` when the times are unknown or equal.
    static func newer(_ one: Webhook, _ other: Webhook) -> Webhook {
        guard let first = one.createdAt.flatMap(KapsoTime.seconds(iso:)), let second = other.createdAt.flatMap(KapsoTime.seconds(iso:)) else {
            return one
        }
        return second > first ? other : one
    }
}
