internal import KapsoClient
internal import KapsoDiagnostics
internal import KopsHTTP

/// `overview [--period]`: every number's health, API calls and deliveries, and the next command per problem.
public enum OverviewCommand: Command {
    public static let name = "overview"
    public static let summary =
        "the project at a glance: numbers' health, API errors, failed deliveries, what to run next"
    public static let usage = "overview [--period 24h|7d|30d]"
    public static let details = """
        Exits 1 when a number is not healthy by the rule 'health' exits 1 on (Kapso's status is not healthy,
        a check fails, or its webhooks lose its events), or when the key's project has no numbers. Failed
        API calls, deliveries and sends of the period are listed under 'next:' but do not change the status.
        A part the API answered 429 for (rate-limited, after one wait of up to 2 s) is named on a line of its
        own with the command that reads it; the rest is shown. Any part not read (the numbers, a number's
        health, the webhooks, the deliveries, the API calls or the messages) exits 1: overview cannot say
        all is fine.
        Examples:
          overview
          overview --period 7d
        """
    public static let flags = [FlagSpec("--period", choices: ["24h", "7d", "30d"], help: "how far back (default 24h)")]

    public static func run(_ arguments: Arguments, in context: ShellContext) throws -> CommandResult {
        let period = arguments.value("--period") ?? "24h"
        let client = context.client
        var next: [(command: String, why: String)] = []
        var rows: [[StyledText]] = []
        var numbers: [JSONValue] = []
        // Each part the API answers 429 for is left out and named (`OverviewUnreadPart`); any other error fails it.
        var unread: [OverviewUnreadPart] = []
        let numbersRead = try unlessRateLimited { try client.allPhoneNumbers() }
        if let limited = numbersRead.limited {
            unread.append(OverviewUnreadPart(what: "phone numbers", command: "numbers", error: limited))
        }
        let phoneNumbers = numbersRead.value ?? []
        var healths: [PhoneNumberHealth?] = []
        for number in phoneNumbers {
            // Past the project's 60 health reads a minute, a read is a 429 in the project's API log, which this overview
            // would then count among its failed calls (probe46 P46-17): the rest are named, not sent.
            if client.healthReadsLeftThisMinute == 0 {
                let what = "health of " + (number.name.map { "\($0) (\(number.id))" } ?? number.id)
                unread.append(OverviewUnreadPart(what: what, command: "health \(number.id)", error: nil))
                context.noteUnanswered("\(what): the project's health reads for the minute were spent")
                healths.append(nil)
                continue
            }
            let read = try unlessPartFails { try client.health(number.id) }
            if let health = read.value {
                var kept = SenderState.HealthRead(phoneNumberID: number.id, health: health)
                kept.numberName = number.name
                context.ids.rememberHealth(kept)
            }
            if let limited = read.limited {
                let what = "health of " + (number.name.map { "\($0) (\(number.id))" } ?? number.id)
                unread.append(OverviewUnreadPart(what: what, command: "health \(number.id)", error: limited))
            }
            healths.append(read.value)
        }
        var triage = ErrorTriage()
        let callsRead = try unlessPartFails { try countAPICalls(period: period, into: &triage, in: context) }
        if let limited = callsRead.limited {
            unread.append(OverviewUnreadPart(what: "API calls (\(period))", command: "logs --period \(period)", error: limited))
        }
        let calls = callsRead.value
        // kops's own calls are in neither count, and the line says so (tester51 G5); this session's look-ups keep their
        // count, which a replay does not change. Own means noted in kops's journal (`OwnLookups`, in its state folder): a
        // run with another state folder, or on another machine, is counted as the project's, so the line names the folder
        // (tester58b AE10: "kops's own calls not counted" beside a total that grew with every earlier run).
        let leftOut = calls.flatMap { calls in
            let parts = [
                calls.kopsLeftOut ? ownCallsLeftOut : nil, FailureFetch.leftOut(own: calls.ownThisSession, normal: triage.normalAnswers),
            ]
            return parts.contains { $0 != nil } ? parts.compactMap { $0 }.joined(separator: "; ") : nil
        }
        var deliveries = DeliveryStats()
        var byWebhook: [String: [WebhookVerdict.Delivery]] = [:]
        // Rows no verdict can read are counted and said, as 'webhooks check' says them (fixC's leftover of AD6).
        var deliveriesLeftOut = DeliveriesLeftOut()
        let deliveriesRead = try unlessPartFails {
            try CursorPages.forEach({ after in try client.webhookDeliveries([("period", period), ("limit", "100")] + after)
                }) {
                    for delivery in $0 {
                        deliveries.add(delivery)
                        if let read = deliveriesLeftOut.read(delivery) { byWebhook[delivery.webhookID, default: []].append(read) }
                    }
                }
        }
        if let limited = deliveriesRead.limited {
            // Pages read before the 429 are no count of the period: none is shown.
            (deliveries, byWebhook, deliveriesLeftOut) = (DeliveryStats(), [:], DeliveriesLeftOut())
            // The webhooks are judged on them: not read, no number's webhooks are known to be fine (tester53b U8).
            unread.append(
                OverviewUnreadPart(
                    what: "deliveries (\(period))", command: "deliveries stats --period \(period)", error: limited))
        }
        // Also for a quiet project: a paused webhook has no deliveries to show it (P15-4). Each number's webhooks are
        // judged as 'health' judges them (NumberWebhooks), on the period's deliveries: what blocks a number (every
        // webhook for its messages paused) needs the list alone.
        let webhooksRead = try unlessPartFails { try client.allWebhooks(.project) }
        if let limited = webhooksRead.limited {
            unread.append(OverviewUnreadPart(what: "webhooks", command: "webhooks check", error: limited))
        }
        let webhooks = webhooksRead.value ?? []
        // The webhooks are judged only when both their list and the period's deliveries were read.
        let webhooksJudged = webhooksRead.limited == nil && deliveriesRead.limited == nil
        let now = context.now()
        var verdicts: [String: WebhookVerdict] = [:]
        let project = byWebhook.values.flatMap { $0 }
        for webhook in webhooks {
            verdicts[webhook.id] = WebhookVerdict(webhook, deliveries: byWebhook[webhook.id] ?? [], now: now, project: project)
        }
        // Failed sends, read as 'errors' reads them: Kapso's checks pass while sends fail (P17-12).
        let sendsRead = failedMessages(period: period, in: context)
        if case .failure(let error) = sendsRead {
            unread.append(OverviewUnreadPart(what: "messages (\(period))", command: "errors --period \(period)", error: error))
        }
        let failedSends = try? sendsRead.get()
        // Numbers 'health' would exit 1 for: overview fails for them too, so a script or CI acts on the same verdict.
        var unhealthy: [String] = []
        for (number, health) in zip(phoneNumbers, healths) {
            let sends = failedSends.map { SendFailures($0.entries, phoneNumberID: number.id, numbers: phoneNumbers, isLowerBound: $0.cut) }
            let failing = sends.flatMap { $0.anyFailed ? $0 : nil }
            let name = number.name ?? number.id
            guard let health else {
                // Its health was answered 429, or not asked past the minute's limit: not read, so neither "ok" nor a
                // status (its line below says so).
                let part = unread.first { $0.command == "health \(number.id)" }
                let why = part.map(\.rowWords) ?? "health not read"
                rows.append([
                    StyledText(number.id), StyledText(number.name ?? "-"), StyledText("not read", style: .warn),
                    StyledText("\(why): see below", style: .warn),
                ])
                numbers.append(
                    .object([
                        "id": .string(number.id), "status": .null, "headline": .string("not read: \(why)"),
                        "failed_sends": sends.map { .number(String($0.failed)) } ?? .null,
                        "conflicting_sends": sends.map { .number(String($0.conflicting)) } ?? .null,
                    ]))
                if let failing { next.append(("use \(number.id); errors --period \(period)", "\(name): \(failing.text)")) }
                continue
            }
            let triage = HealthTriage(
                health, coexistence: number.json["is_coexistence"]?.bool, now: context.client.serverTime ?? now,
                nameStatus: number.json["name_status"]?.string)
            let blocking = triage.blocking
            let own = NumberWebhooks(number: number.id, webhooks: webhooks, verdicts: verdicts, now: now)
            // Webhooks not read block nothing they could not be seen to block (an empty list is no webhook missing).
            let ownBlocking = webhooksRead.limited == nil ? own.blocking : nil
            let webhooksBlock = health.status != "error" && blocking == nil ? ownBlocking : nil
            // One rule with 'health' (HealthTriage.headline): never "ok" for a number Kapso calls unhealthy (P17-4).
            // The number's state as 'numbers' states it (NumberStatus.listed, tester62 AK14): a report that names none
            // leaves Kapso's record's, which a BANNED number's headline must not read as "ok".
            let record = NumberStatus.RecordReading(number, read: context.ids.healthReads[number.id])
            if triage.fails(status: health.status, webhooksBlocking: ownBlocking != nil) || record.blocks {
                unhealthy.append(number.id)
            }
            let noted = (triage.sendingNote.map { "; " + ($0.word.hasPrefix("quality") ? $0.word : "number \($0.word)") } ?? "")
                + (record.blocks ? "" : record.note.map { "; " + $0 } ?? "")
            let webhooksUnread = "its webhooks not read (\(unreadStatus(webhooksRead.limited ?? deliveriesRead.limited)))"
            // A number without a webhook (its own or the project's) has none to judge (tester55b Y7).
            let judged = webhooksJudged
                || webhooksRead.limited == nil && !webhooks.contains { $0.isProjectScoped || $0.phoneNumberID == number.id }
            let okay = (judged ? "ok" : "ok by Kapso's checks; " + webhooksUnread) + noted
            var headline =
                triage.headline(status: health.status) ?? (webhooksBlock != nil ? "blocking: webhooks"
                    : failing.map { "ok by Kapso's checks, but \($0.text)" } ?? okay)
            if record.blocks, let note = record.note, triage.blocking?.severity != .critical {
                headline = "blocking: \(note)" + (headline == okay ? "" : "; " + headline)
            } else if let note = record.note, headline != okay {
                headline += "; " + note  // a record state numbers names is noted on any headline (tester62b AM5)
            }
            // Every number's webhooks not judged are said so, a number with a problem too: its webhook findings are not
            // left out without a word (tester53b U8).
            if !judged, headline != okay { headline += "; " + webhooksUnread }
            // Kapso's status with the check that fails under it: never a bare "healthy" (HealthTriage.statusWords, P44-1).
            let statusWords = triage.statusWords(status: health.status)
            rows.append([
                StyledText(number.id), StyledText(number.name ?? "-"),
                StyledText(statusWords, style: statusWords == health.status ? HealthCommand.statusStyle(health.status) : .bad),
                StyledText(headline),
            ])
            numbers.append(
                .object([
                    "id": .string(number.id), "status": .string(statusWords), "kapso_status": .string(health.status),
                    "headline": .string(headline),
                    "failed_sends": sends.map { .number(String($0.failed)) } ?? .null,
                    // Failed sends WhatsApp also reported delivered or read: not certain, as 'trace' says (P42-6).
                    "conflicting_sends": sends.map { .number(String($0.conflicting)) } ?? .null,
                ]))
            if health.status == "error" {
                next.append(("use \(number.id); health", "the health check of \(name) did not run; run it again"))
            } else if health.status != "healthy" {
                next.append(("use \(number.id); health", "\(name) is \(health.status)"))
            } else if record.blocks, let note = record.note {
                next.append(("use \(number.id); health", "\(name) is healthy per Kapso, but \(note)"))
            } else if let disputed = triage.contradicted.first {
                next.append(("use \(number.id); health", "\(name) is healthy per Kapso, but the details of \(disputed.check) show a failure"))
            } else if let failed = triage.failureUnderHealthy(status: health.status) {
                // A check Kapso itself failed under its `healthy` summary (P44-1: "nothing to fix" for two blocking numbers).
                next.append(("use \(number.id); health", "\(name) is healthy by Kapso's summary, but \(failed) (\(headline))"))
            } else if let unknown = triage.unknown.first {
                next.append(("use \(number.id); health", "\(name) is healthy per Kapso, but its \(unknown.check) is not known"))
            } else if let age = triage.age {
                next.append(("use \(number.id); health", "\(name) is healthy per Kapso, but its health \(age.short): not current"))
            } else if webhooksBlock != nil, let short = own.blockingInShort {
                next.append(("use \(number.id); health", "\(name) is healthy per Kapso, but \(short)"))
            }
            if let failing { next.append(("use \(number.id); errors --period \(period)", "\(name): \(failing.text)")) }
        }
        let failedDeliveries = deliveries.byStatus["failed"] ?? 0
        // Which webhooks fail now, read as 'webhooks check' reads them (WebhookVerdict): those with deliveries in the
        // period, only when something failed or waits.
        var webhookLine: String? = nil
        if webhooksJudged, failedDeliveries > 0 || (deliveries.byStatus["pending"] ?? 0) > 0 {
            let known = Set(webhooks.map(\.id))
            let orphans = byWebhook.filter { !known.contains($0.key) }.values.reduce(0) { sum, list in
                sum + list.filter { $0.status == "failed" }.count
            }
            webhookLine = WebhookVerdict.overview(webhooks.compactMap { byWebhook[$0.id] == nil ? nil : verdicts[$0.id] }, orphans: orphans)
        }
        // The top causes of failed calls, in words, each with the command that shows it, read as 'errors' reads them: a
        // failed id the project's keys used with success before is removed since (P13-4), one 'whois' knows is named as
        // it names it (P15-1), a webhook id in a path is named.
        var failures = FailureFetch()
        (failures.triage, failures.numbers, failures.webhooks) = (triage, phoneNumbers, webhooks)
        failures.readPaths(in: context)
        let causes = failures.groups.groups
        let named = causes.enumerated().filter { $0.offset == 0 || $0.element.misplacedID != nil || $0.element.lockHolder != nil }
            .prefix(2).map(\.element)
        for group in named {
            // A held send lock's likely holder is traced (P19-7); an id in the wrong slot is asked about.
            let command = group.lockHolder.map { ShellWord.command("trace", $0) }
                ?? group.misplacedID.flatMap(APIPath.whoisArgument).map { ShellWord.command("whois", $0) }
                ?? "logs --errors --period \(period)"
            next.append((command, group.headline))
        }
        if causes.count > named.count {
            let more = causes.count - named.count
            next.append(("logs --errors --period \(period)", "\(more) more \(more == 1 ? "cause" : "causes") of failed API calls"))
        }
        if failedDeliveries + deliveries.failing > 0 {
            let noun = { (count: Int) in count == 1 ? "delivery" : "deliveries" }
            let failed = failedDeliveries > 0 ? "\(failedDeliveries) \(noun(failedDeliveries)) failed" : nil
            let failing = deliveries.failing > 0
                ? "\(deliveries.failing) \(noun(deliveries.failing)) pending after a failed attempt" : nil
            next.append(("deliveries stats --period \(period)", [failed, failing].compactMap { $0 }.joined(separator: ", ")))
        }
        if failedDeliveries > 0 || webhookLine != nil {
            next.append(("webhooks check", webhookLine ?? "lint the webhooks behind the failures"))
        }
        // A receiver of inbound messages that got none of the period's newest ones, although nothing failed (P19-2): the
        // rule 'webhooks check' applies (WebhookVerdict.missed), on the messages read above; one step per number.
        for number in phoneNumbers where webhooksJudged {
            guard let inbound = failedSends?.inbound.first(where: { $0.number == number.id }) else { continue }
            let missing = webhooks.compactMap { webhook in
                webhook.phoneNumberID == number.id ? verdicts[webhook.id]?.missed(inbound, period: period).map { (webhook, $0) } : nil
            }
            guard let (webhook, missed) = missing.first else { continue }
            let name = number.name ?? number.id
            let why: String
            if missing.count == 1 {
                let since =
                    switch missed.since {
                    case .lastDelivery(let last): "since \(KapsoTime.iso(last))"
                    case .change(let changed): "since its last change at \(KapsoTime.iso(changed))"
                    case .period: "in \(period)"
                    }
                why = "\(name): webhook \(webhook.id) got no whatsapp.message.received delivery \(since), although "
                    + "\(missed.messages) arrived"
            } else {
                let most = missing.map(\.1).max { $0.count < $1.count } ?? missed
                why = "\(name): \(missing.count) webhooks missed up to \(most.messages) (no whatsapp.message.received delivery)"
            }
            next.append(("use \(number.id); webhooks check", why))
        }
        if webhooksJudged { next += unreceivedSteps(phoneNumbers, webhooks: webhooks, inbound: failedSends?.inbound, period: period, now: now) }
        let allSends = failedSends.map { SendFailures($0.entries, phoneNumberID: nil, numbers: phoneNumbers, isLowerBound: $0.cut) }
        var blocks: [Block] = [
            .table(
                Table(
                    columns: [
                        Column("NUMBER", truncation: .never), Column("NAME"), Column("HEALTH", truncation: .never),
                        Column("HEADLINE"),
                    ], rows: rows)),
            .line(StyledText("")),
        ]
        // No numbers were read: no table of none (its line below says so).
        if numbersRead.limited != nil { blocks.removeAll() }
        blocks += [
            .fields([
                Field(
                    "API calls (\(period))", calls.map { calls in "\(calls.total) total, \(calls.failed - triage.normalAnswers) failed"
                        + (leftOut.map { " (\($0))" } ?? "") } ?? "not read (\(unreadWords(callsRead.limited)): see below)",
                    style: calls.map { $0.failed - triage.normalAnswers > 0 } ?? true ? .warn : .plain),
                Field(
                    "deliveries (\(period))", deliveriesRead.limited != nil ? "not read (\(unreadWords(deliveriesRead.limited)): see below)"
                        : "\(deliveries.total) total, \(failedDeliveries) failed"
                        + (deliveries.failing > 0 ? ", \(deliveries.failing) pending after a failed attempt" : ""),
                    style: deliveriesRead.limited != nil || failedDeliveries + deliveries.failing > 0 ? .warn : .plain),
                Field(
                    "messages (\(period))", allSends.map(\.text) ?? "not read (the message list failed: see below)",
                    style: allSends?.anyFailed ?? true ? .warn : .plain),
            ]),
        ]
        if let line = deliveriesLeftOut.line(of: "the webhooks' reading", command: DeliveryPeriod.command(errors: false, period: period)) {
            blocks.append(.line(StyledText(line, style: .warn)))
        }
        if !unread.isEmpty {
            blocks.append(.line(StyledText("")))
            blocks += unread.map { .line(StyledText($0.line, style: .warn)) }
        }
        if phoneNumbers.isEmpty, numbersRead.limited == nil {
            // A key for the wrong project is itself the finding, not "nothing to fix" (probe3 F18).
            blocks.append(.line(StyledText(NumbersCommand.noNumbersLine, style: .warn)))
        } else if next.isEmpty, unread.isEmpty {
            blocks.append(.line(StyledText("nothing to fix", style: .good)))
        } else if !next.isEmpty {
            blocks.append(.line(StyledText("")))
            blocks.append(.line(StyledText("next:", style: .bold)))
            let width = next.map(\.command.count).max() ?? 0
            for step in next {
                blocks.append(
                    .line(
                        StyledText(
                            "  " + step.command + String(repeating: " ", count: width - step.command.count) + "  # "
                                + step.why)))
            }
        }
        var json: JSONObject = [
            "period": .string(period), "phone_numbers": numbersRead.limited == nil ? .array(numbers) : .null,
            "api_calls": calls.map { calls in
                .object([
                    "total": .number(String(calls.total)), "failed": .number(String(calls.failed - triage.normalAnswers)),
                ])
            } ?? .null,
            "deliveries": deliveriesRead.limited != nil ? .null : .object([
                "total": .number(String(deliveries.total)), "failed": .number(String(failedDeliveries)),
                "pending_after_failed_attempt": .number(String(deliveries.failing)),
            ]),
            "not_read": .array(unread.map(\.json)),
            "messages": allSends.map { sends in
                .object([
                    "failed": .number(String(sends.failed)), "conflicting": .number(String(sends.conflicting)),
                    "disputed": .number(String(sends.disputed)),
                    "causes": .number(String(sends.causes)),
                    "failed_is_lower_bound": .bool(sends.isLowerBound),
                    "received_unprocessed": .number(String(sends.receivedUnprocessed)),
                ])
            } ?? .null,
            "next": .array(next.map { .object(["command": .string($0.command), "why": .string($0.why)]) }),
        ]
        // What the text's API-calls line says was left out, as `errors --output json` carries it (tester47 L4).
        if !deliveriesLeftOut.isEmpty { json["deliveries_left_out"] = deliveriesLeftOut.json }
        json["left_out"] = calls.flatMap { FailureFetch.leftOutJSON(own: $0.ownThisSession, normal: triage.normalAnswers) }
        var result = CommandResult(blocks: blocks, json: .object(json))
        // A part not read: overview cannot say all is well, whichever part it was (tester55b Y8: deliveries not read exited
        // 1, the API log or the message list not read 0 with "nothing to fix"). The failure line names every one.
        var reasons: [String] = []
        if phoneNumbers.isEmpty, numbersRead.limited == nil { reasons.append("the project has no phone numbers") }
        if !unhealthy.isEmpty {
            reasons.append("\(unhealthy.count) of \(phoneNumbers.count) numbers not healthy (\(unhealthy.joined(separator: ", ")))")
        }
        if !unread.isEmpty {
            reasons.append("not read (\(unreadCauses(unread.map(\.error)))): " + unread.map(\.what).joined(separator: ", "))
        }
        if !reasons.isEmpty {
            result.status = .failure
            result.failure = reasons.joined(separator: "; ")
        }
        return result
    }

    /// What the API calls line leaves out as kops's: the calls its journal holds, those of runs sharing its state folder.
    static let ownCallsLeftOut = "kops's own calls noted in its state folder not counted"

    /// The period's API calls the project made: how many and how many failed, without kops's own (every call its journal
    /// matches, this session's and earlier runs': tester51 G5, a transcript's `overview` counted the calls of its own replay
    /// and never passed `kops check`); `ownThisSession`, this session's look-ups among them (`OwnLookups`, for `left_out`);
    /// `kopsLeftOut`, whether any call was left out as kops's.
    private static func countAPICalls(period: String, into triage: inout ErrorTriage, in context: ShellContext) throws
        -> (total: Int, failed: Int, ownThisSession: Int, kopsLeftOut: Bool)
    {
        var logs: [APILog] = []
        try CursorPages.forEach({ after in try context.client.apiLogs([("period", period), ("limit", "100")] + after) })
        {
            logs += $0
        }
        // kops's own look-ups (a `trace`, a `whois`) are not failures of the project. Matched once over every page: a
        // note matched per page could take one entry on each page (probe9: on a simulator's fixed clock the count
        // doubled once the log passed a page).
        let mine = context.ownLookups.ownLogIDs(in: logs, host: context.client.baseURL)
        let kops = mine.ids.union(context.ownLookups.ownLogIDs(in: logs, host: context.client.baseURL, every: true).ids)
        triage.addAPILogs(mine.isEmpty ? logs : logs.filter { !mine.contains($0.id) })
        let project = kops.isEmpty ? logs : logs.filter { !kops.contains($0.id) }
        return (project.count, project.filter { $0.responseStatus >= 400 }.count, mine.session.count, !kops.isEmpty)
    }
}
