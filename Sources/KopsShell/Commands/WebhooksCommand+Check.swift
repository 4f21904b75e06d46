internal import KapsoClient
internal import KapsoDiagnostics
internal import KopsHTTP

// MARK: - check

extension WebhooksCommand {
    /// Lints one webhook, or every webhook of the selected number plus the project-scoped ones.
    static func check(_ id: String?, in context: ShellContext) throws -> CommandResult {
        let number = context.session.phoneNumberID
        // The project's numbers: a webhook bound to any other number never receives anything.
        let phoneNumbers = try context.client.allPhoneNumbers()
        let projectNumbers = phoneNumbers.map(\.id)
        let webhooks: [Webhook]
        // Every webhook the project lists, when read: a number's missing receiver is looked for on the other numbers.
        var projectWebhooks: [Webhook] = []
        if let id {
            webhooks = [try context.webhook(id)]
        } else if let number {
            // Every page: the first one taken for the whole list called a webhook on page 2 missing (tester53 T16).
            let own = try context.client.allWebhooks(.phoneNumber(number))
            projectWebhooks = try context.client.allWebhooks(.project)
            webhooks = own + projectWebhooks.filter { webhook in
                webhook.isProjectScoped || webhook.phoneNumberID.map { !projectNumbers.contains($0) } ?? false
            }
        } else {
            webhooks = try context.client.allWebhooks(.project)
            projectWebhooks = webhooks
        }
        if id == nil, projectNumbers.isEmpty, webhooks.isEmpty {
            // Nothing to check is no clean bill of health: the key most likely names another project (tester57 AB11).
            var result = CommandResult(
                blocks: [.line(StyledText("nothing to check: no webhooks, and " + NumbersCommand.noNumbersLine, style: .warn))],
                json: .object(["checked": .number("0"), "findings": .array([]), "deliveries_not_read": .array([])]))
            result.status = .failure
            return result
        }
        var deliveries: [String: [WebhookVerdict.Delivery]] = [:]
        var unread: [(id: String, why: String)] = []
        // Rows with a status or time kops cannot read are said, not dropped without a word (tester58 AD6 item 6).
        var leftOut = DeliveriesLeftOut()
        // A week of deliveries: enough to catch a receiver that fails only at times.
        let filter = [("period", "7d")] + (id.map { [("webhook_id", $0)] } ?? [])
        do {
            try CursorPages.forEach({ try context.client.webhookDeliveries(filter + [("limit", "100")] + $0) }) {
                for delivery in $0 {
                    if let read = leftOut.read(delivery) { deliveries[delivery.webhookID, default: []].append(read) }
                }
            }
        } catch let error as KapsoAPIError {
            try error.throwIfEnding()
            // One read of the log holds every webhook's deliveries, so none are known; the rules on each configuration
            // still run (tester56b AA12: a 503 here dropped every finding).
            deliveries = [:]
            leftOut = DeliveriesLeftOut()
            var named = Set<String>()
            unread = webhooks.filter { named.insert($0.id).inserted }.map { ($0.id, error.message) }
        }
        // Read after the deliveries: `now` is the API's clock from its `Date` header.
        let now = context.now()
        // A number's inbound messages or health that cannot be read leaves only the rules that read them unchecked, named
        // in a `not read` line as the deliveries are (AA12); fix58D: a 503 on either failed the whole check.
        var sideReads: [WebhookCheck.SideRead] = []
        let inbound = try inboundMessages(for: webhooks, deliveries: deliveries, now: now, in: context, unread: &sideReads)
        let uncovered = id == nil && number == nil ? try numbersToCover(phoneNumbers, webhooks: webhooks, in: context, unread: &sideReads) : []
        // Each number whose message events a webhook here receives: its app subscription decides whether any can fire
        // (P19-3). One request per such number, of the project's numbers; one not read is named, never passed silently.
        var health: [String: HealthTriage] = [:]
        var asked: Set<String> = []
        for webhook in webhooks where WebhookCheck.carriesMessageEvents(webhook) {
            guard let number = webhook.phoneNumberID, projectNumbers.contains(number), asked.insert(number).inserted else { continue }
            do {
                // The number's newest inbound message read above weighs the subscription's consequence (tester70 F7).
                let newest = inbound.first { $0.number == number }?.times.first
                health[number] = HealthTriage(try context.client.health(number), inbound: newest.map(HealthTriage.Inbound.newest) ?? .notRead)
            } catch {
                try error.throwIfEnding()
                sideReads.append(WebhookCheck.SideRead(part: .health, number: number, why: error.message))
            }
        }
        let check = WebhookCheck(
            webhooks: webhooks, deliveries: deliveries, period: "7d", coverageFor: id == nil ? number : nil,
            projectNumbers: projectNumbers, apiIsLocal: URLParts(context.session.baseURL)?.isLoopback ?? false, now: now,
            inbound: inbound, health: health, unread: Dictionary(unread.map { ($0.id, $0.why) }) { first, _ in first },
            numbersToCover: uncovered, projectWebhooks: projectWebhooks)
        return render(
            check, checked: check.checked, urls: Dictionary(webhooks.map { ($0.id, $0.url) }) { first, _ in first },
            redactor: context.shell?.redactor ?? Redactor(),
            unread: unread, sideReads: sideReads, leftOut: leftOut.line(command: DeliveryPeriod.command(webhookID: id, errors: false, period: "7d")),
            leftOutJSON: leftOut.isEmpty ? .none : .some(leftOut.json))
    }

    /// The inbound messages of each number with a receiver of inbound messages (`WebhookAudience`): what says whether it
    /// missed messages (probe11 P11-5, P11-16; probe19 P19-2: deliveries that stopped a day ago), or got far fewer
    /// deliveries than messages (`WebhookCheck.checkFewer`, read even when a delivery came a minute ago). The newest page,
    /// then older ones until one reaches back to the oldest of its receivers' newest `whatsapp.message.received` delivery
    /// (the start of the period for a receiver without one), at most `inboundPages` (tester61 AJ8: one page of 100 named
    /// its oldest as the first missed message, hours late; past the bound it is "the oldest read", and the count says
    /// how many were read). A number whose first page cannot be read is added to `unread`; a later page that fails
    /// leaves the messages read before it, said as not all read.
    private static func inboundMessages(
        for webhooks: [Webhook], deliveries: [String: [WebhookVerdict.Delivery]], now: Int64, in context: ShellContext,
        unread: inout [WebhookCheck.SideRead]
    ) throws(KapsoAPIError) -> [WebhookCheck.Inbound] {
        var numbers: [String] = []
        for webhook in webhooks {
            guard let number = webhook.phoneNumberID, !numbers.contains(number) else { continue }
            guard WebhookAudience.subscribes(webhook, to: "whatsapp.message.received") else { continue }
            numbers.append(number)
        }
        var inbound: [WebhookCheck.Inbound] = []
        for number in numbers {
            // How far back to read: the oldest of the number's receivers' newest received delivery.
            let receivers = webhooks.filter {
                $0.phoneNumberID == number && WebhookAudience.subscribes($0, to: "whatsapp.message.received")
            }
            let newest = receivers.map { webhook in
                (deliveries[webhook.id] ?? []).filter { $0.event == "whatsapp.message.received" }.map(\.created).max()
            }
            let periodStart = now - 7 * 86_400  // the 7d the deliveries were read for
            let cut = newest.contains(nil) ? periodStart : newest.compactMap { $0 }.min() ?? periodStart
            var messages: [Message] = []
            var (read, complete) = (false, false)
            var after: String?
            var cursors = PageCursors()
            for round in 0..<inboundPages {
                let page: Page<Message>
                do {
                    page = try context.client.messages(
                        filters: [("phone_number_id", number), ("direction", "inbound")], limit: 100, after: after)
                } catch {
                    try error.throwIfEnding()
                    if round == 0 { unread.append(WebhookCheck.SideRead(part: .inboundMessages, number: number, why: error.message)) }
                    break
                }
                messages += page.items
                (read, complete) = (true, !page.hasMore)
                guard case .cursor(let next?) = page.position, !cursors.repeats(next) else { break }
                // Back to the cut: the messages older than it are no receiver's missed ones.
                if let oldest = page.items.compactMap(\.time).min(), oldest <= cut { break }
                after = next
            }
            guard read else { continue }
            // Only messages Kapso documents a received delivery for: not system notifications (tester49 F8).
            inbound.append(WebhookCheck.Inbound(number: number, times: WebhookAudience.receivedTimes(messages), complete: complete))
        }
        return inbound
    }

    /// The project's numbers no active webhook receives `whatsapp.message.received` of, each with its newest inbound
    /// messages (one page of 100), for the check with no number selected (tester70 F16): one request per such number,
    /// none when every number has a receiver. A number whose messages cannot be read is added to `unread`.
    private static func numbersToCover(
        _ numbers: [PhoneNumber], webhooks: [Webhook], in context: ShellContext, unread: inout [WebhookCheck.SideRead]
    ) throws(KapsoAPIError) -> [WebhookCheck.NumberToCover] {
        var cover: [WebhookCheck.NumberToCover] = []
        for number in numbers where !WebhookCheck.receivesMessages(of: number.id, in: webhooks) {
            do {
                let page = try context.client.messages(
                    filters: [("phone_number_id", number.id), ("direction", "inbound")], limit: 100, after: nil)
                let inbound = WebhookCheck.Inbound(
                    number: number.id, times: WebhookAudience.receivedTimes(page.items), complete: !page.hasMore)
                cover.append(WebhookCheck.NumberToCover(id: number.id, name: number.name, inbound: inbound))
            } catch {
                try error.throwIfEnding()
                unread.append(WebhookCheck.SideRead(part: .inboundMessages, number: number.id, why: error.message))
            }
        }
        return cover
    }

    /// The most pages of a number's inbound messages `webhooks check` reads back (1,000 messages at 100 a page).
    static let inboundPages = 10

    /// The findings, then the webhooks whose deliveries could not be read (`unread`) and the numbers whose inbound
    /// messages or health could not be (`sideReads`): not a pass, so the command fails; then the counts.
    private static func render(
        _ check: WebhookCheck, checked: Int, urls: [String: String], redactor: Redactor, unread: [(id: String, why: String)],
        sideReads: [WebhookCheck.SideRead], leftOut: String?, leftOutJSON: JSONValue?
    ) -> CommandResult {
        var blocks: [Block] = []
        // A fix that pastes a URL holding a secret says so instead of printing it masked (tester61 AH17).
        let fix = { (finding: WebhookCheck.Finding) in PastableFix.text(finding.fix, urls: urls.values, redactor: redactor) }
        for finding in check.findings {
            let style: Style = finding.severity == .error ? .bad : finding.severity == .warning ? .warn : .dim
            // The URL says which receiver it is; ids alone mean nothing to the person who runs it.
            let subject = finding.webhookID.map { id in urls[id].map { "\(id) (\($0))" } ?? id } ?? "number"
            blocks.append(
                .line(StyledText("\(finding.severity.rawValue): \(subject): \(finding.problem)", style: style)))
            blocks.append(.fix(fix(finding)))
        }
        let counts = [WebhookCheck.Severity.error, .warning, .info].map { severity in
            let count = check.findings.filter { $0.severity == severity }.count
            return "\(count) \(severity.rawValue)\(count == 1 || severity == .info ? "" : "s")"
        }
        if let leftOut { blocks.append(.line(StyledText(leftOut, style: .warn))) }
        let notRead = WebhookCheck.unreadLine(unread, urls: urls)
        if let notRead { blocks.append(.line(StyledText("not read: " + notRead, style: .warn))) }
        let sideLines = WebhookCheck.SideRead.lines(sideReads)
        blocks += sideLines.map { .line(StyledText("not read: " + $0, style: .warn)) }
        let noun = checked == 1 ? "webhook" : "webhooks"
        let parts = (notRead == nil ? [] : ["deliveries"]) + WebhookCheck.SideRead.parts(sideReads)
        let partial = parts.isEmpty ? "" : "; " + parts.joined(separator: ", ") + " not read"
        blocks.append(.line(StyledText("checked \(checked) \(noun): " + counts.joined(separator: ", ") + partial, style: .bold)))
        var object: JSONObject = [
            "checked": .number(String(checked)),
            "findings": .array(
                check.findings.map { finding in
                    .object([
                        "severity": .string(finding.severity.rawValue),
                        "webhook_id": finding.webhookID.map(JSONValue.string) ?? .null,
                        "problem": .string(finding.problem), "fix": .string(fix(finding)),
                    ])
                }),
            "deliveries_not_read": .array(unread.map { ["webhook_id": .string($0.id), "why": .string($0.why)] }),
            "not_read": .array(sideReads.map(\.json)),
        ]
        if let leftOutJSON { object["deliveries_left_out"] = leftOutJSON }
        var result = CommandResult(blocks: blocks, json: .object(object))
        let errors = check.findings.filter { $0.severity == .error }.count
        if errors > 0 {
            result.status = .failure
            result.failure = "found \(errors) error\(errors == 1 ? "" : "s")" + partial
        } else if notRead != nil || !sideLines.isEmpty {
            result.status = .failure
            result.failure = ([notRead].compactMap { $0 } + sideLines).joined(separator: "; ")
        }
        return result
    }
}
