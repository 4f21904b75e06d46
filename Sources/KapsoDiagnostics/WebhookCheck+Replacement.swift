internal import KapsoClient

/// What becomes of a webhook that one rule of `webhooks check` says to delete, so that no other rule's fix contradicts
/// it (tester46 F9: a project webhook with message events was to be deleted and created per number, and the next three
/// fixes updated it, one re-activating it; the create dropped its v1 payloads and buffering).
///
/// A webhook is *replaced* when the event plan leaves it nothing it could receive (`WebhookEventPlan.target` empty, its
/// names of the other scope or no Kapso event at all), or when it is bound to a number outside the project: its fix
/// deletes it and creates it again where its events are delivered. It is a *duplicate* when an active twin alike in
/// everything the receiver depends on is older (`checkDuplicates`' "delete the newer"). The other rules keep their
/// problems, but their fixes point at that create (its settings are carried there: `carriedFlags`) or say there is
/// nothing apart to do, never `webhooks update ID` of a webhook the same check deletes.
extension WebhookCheck {
    /// Why a webhook is deleted by one of the check's fixes.
    enum Fate: Equatable {
        /// Deleted and created again where its events are delivered (the scope, unknown-event or number rule's fix).
        case replaced
        /// Deleted as the newer of two alike twins; the older one (`of`) stays.
        case duplicate(of: String)
    }

    /// The fate of each webhook some fix deletes, by id.
    static func fates(_ webhooks: [Webhook], projectNumbers: [String]?) -> [String: Fate] {
        var fates: [String: Fate] = [:]
        for webhook in webhooks where isReplaced(webhook, projectNumbers: projectNumbers) { fates[webhook.id] = .replaced }
        for (webhook, twin) in twins(webhooks.filter { fates[$0.id] == nil }) where differences(webhook, twin).isEmpty {
            let newer = newer(webhook, twin)
            fates[newer.id] = .duplicate(of: newer.id == webhook.id ? twin.id : webhook.id)
        }
        return fates
    }

    /// True when the check's fix deletes `webhook` and creates it again elsewhere: a kapso webhook whose event plan leaves
    /// it nothing (only names of the other scope, or no Kapso event), or one bound to a number outside the project.
    static func isReplaced(_ webhook: Webhook, projectNumbers: [String]?) -> Bool {
        if let number = webhook.phoneNumberID, let projectNumbers, !projectNumbers.contains(number) { return true }
        guard webhook.kind != "meta" else { return false }
        let plan = WebhookEventPlan(webhook)
        return plan.target.isEmpty && !plan.removals.isEmpty
    }

    /// The URL the replacement is created with: an http URL Kapso can reach, as https (kops's create refuses http but
    /// for a loopback receiver, and the https rule asks for it).
    static func replacementURL(_ webhook: Webhook) -> String {
        let url = webhook.url
        guard url.lowercased().hasPrefix("http://"), WebhookURL.unreachable(url) == nil else { return url }
        return "https://" + url.dropFirst(7)
    }

    /// ` --payload-version v1 --buffer-enabled --buffer-window-seconds 5`: the flags that carry `webhook`'s settings into
    /// the create of a webhook receiving `events`: `--kind meta`; `--payload-version v1` (create's default is v2,
    /// kapso-api.md §3.1); buffering when it batches `whatsapp.message.received` and the new webhook gets that event
    /// (§10.5), its window and size moved into their ranges (1–60 s, 1–100); `--inactivity-minutes` (1–1440) with
    /// `whatsapp.conversation.inactive` (§3.4). Empty when nothing is to carry.
    static func carriedFlags(_ webhook: Webhook, events: [String]) -> String {
        if webhook.kind == "meta" { return " --kind meta" }
        let shape = WebhookPayloadShape(webhook)
        guard shape.isKapso else { return "" }
        var flags = ""
        if webhook.payloadVersion == "v1" { flags += " --payload-version v1" }
        let received = "whatsapp.message.received"
        if shape.batchedEvents.contains(received), events.contains(received) {
            flags += " --buffer-enabled"
            if let seconds = webhook.bufferWindowSeconds { flags += " --buffer-window-seconds \(min(max(seconds, 1), 60))" }
            if let size = webhook.maxBufferSize { flags += " --max-buffer-size \(min(max(size, 1), 100))" }
        }
        if let minutes = webhook.inactivityMinutes, events.contains("whatsapp.conversation.inactive") {
            flags += " --inactivity-minutes \(min(max(minutes, 1), 1440))"
        }
        return flags
    }

    /// What a create does not carry, said after the fix's commands (so they can be pasted in order): the secret (kops's
    /// create generates a new one and shows it once, so a receiver that verifies the old one refuses every delivery),
    /// and the custom headers, whose values kops does not print. Empty when the webhook has neither.
    static func replacementNotes(_ webhook: Webhook) -> [String] {
        var notes: [String] = []
        if webhook.secretKey != nil {
            notes.append(
                "to keep the receiver's secret, add --secret-key with the old one ('webhooks get \(webhook.id) --reveal-secret' "
                    + "shows it) to each create: without it each new webhook gets a new secret_key (kops shows it once)")
        }
        let headers = webhook.headerNames
        if !headers.isEmpty {
            notes.append(
                "add --headers '{...}' with its custom \(headers.count == 1 ? "header" : "headers") "
                    + "(\(headers.joined(separator: ", "))) and their values, as 'webhooks get \(webhook.id)' shows them")
        }
        return notes
    }

    /// `; NOTE; NOTE`: `replacementNotes` as the last parts of a fix.
    static func notes(_ webhook: Webhook) -> String {
        replacementNotes(webhook).map { "; " + $0 }.joined()
    }

    /// The create of a phone-number webhook with `events` for every number that should send them: with a number known
    /// (`number`, the selected one, or the project's only one) a command line for it, and the project's other numbers
    /// named after it, so a fix read with a number selected names the same numbers as one read without (tester46 F1:
    /// the fix under one number removed the events from the project webhook, and the other number never got its own);
    /// else a sentence naming the numbers to choose from, never a `PHONE_NUMBER_ID` placeholder inside a command line.
    /// `isSentence` tells which: a step after it goes in quotes then (`, then 'webhooks delete ID'`).
    static func createOnNumbers(
        _ webhook: Webhook, events: [String], number: String?, projectNumbers: [String]?
    ) -> (text: String, isSentence: Bool) {
        let create = "webhooks create --url \(ShellWord.quoted(replacementURL(webhook))) --events \(events.joined(separator: ","))"
            + carriedFlags(webhook, events: events)
        guard let chosen = number ?? projectNumbers.flatMap({ $0.count == 1 ? $0.first : nil }) else {
            return ("for each number that should send them (\(numbersChoice(projectNumbers))) run 'use <its id>; \(create)'", true)
        }
        let others = projectNumbers.map { $0.filter { $0 != chosen } }
        let first = "use \(chosen); \(create)"
        switch others {
        case let others? where others.isEmpty:
            return (first, false)
        case let others? where others.count == 1:
            return (first + "; if \(others[0]) should send them too: use \(others[0]); \(create)", false)
        case let others?:
            return (first + "; for each other number that should send them too (\(numbersChoice(others))): use <its id>; \(create)", false)
        case nil:
            return (first + "; for each other number that should send them too ('numbers' lists them): use <its id>; \(create)", false)
        }
    }

    /// What a rule other than the one that deletes a webhook says instead of its own `webhooks update`: `replaced`
    /// (the rule's words about the create that replaces it) for a replaced webhook, a pointer to the twin for a
    /// duplicate; nil when the webhook stays.
    func insteadOfUpdate(_ webhook: Webhook, replaced: String? = nil) -> String? {
        switch fates[webhook.id] {
        case nil: return nil
        case .replaced?: return replaced ?? "none apart: it is to be deleted (its error's fix)"
        case .duplicate(let twin)?:
            return "none apart: it is to be deleted as the duplicate of \(twin) (its warning's fix); \(twin)'s own fixes apply"
        }
    }

    /// `the create that replaces it (its error's fix)`, the subject of the fixes folded into that create.
    static let replacingCreate = "the webhooks create that replaces it (its error's fix)"
}
