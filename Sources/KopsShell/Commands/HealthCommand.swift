internal import KapsoClient
internal import KapsoDiagnostics

/// `health [ID]`: the status headline, then the blocking check with its cause and fix, then every check.
public enum HealthCommand: Command {
    public static let name = "health"
    public static let summary = "check a number's health: what blocks it, why, and what to do"
    public static let usage = "health [phone-number-id]"
    public static let details =
        "Uses the selected number unless an id is given. Exits 1 unless the number is healthy, also when its webhooks or "
        + "an active one's deliveries could not be read.\nJSON (and what assert and "
        + "capture read): Kapso's status and checks as given, and kops's reading under .kops (status, blocking, failing, "
        + "contradicts).\nExamples:\n  health\n  health 100200300400502"
    public static let maxArguments: Int? = 1

    public static func validate(_ arguments: Arguments) throws {
        if !arguments.positionals.isEmpty { try ShellContext.numberArgument(arguments.positionals, command: name, usage: usage) }
    }

    public static func run(_ arguments: Arguments, in context: ShellContext) throws -> CommandResult {
        let id: String
        var shared: String?
        var listed: PhoneNumber?
        if let typed = arguments.positionals.first {
            // Read as `use` reads it, and refused in its words: pasted forms, display numbers, other ids named with the
            // number they lead to, and an id found nowhere with what was searched; a display number several numbers show
            // is said with all of them (P42-7).
            let choice = try context.phoneNumberChoice(for: typed, command: name, usage: usage)
            (id, shared, listed) = (choice.number.id, choice.note, choice.number)
        } else {
            id = try context.session.requirePhoneNumber()
            // Kapso's record of the number, read as `use` reads it when this session has none: the report and its JSON
            // are the same whether the number came from `use`, a profile or a transcript's header (tester68 A1, A14). A
            // failed read leaves the report without the record, as before.
            if context.ids.phoneNumbers[id] == nil, let numbers = try? context.client.allPhoneNumbers() {
                context.ids.rememberAllNumbers(numbers)
            }
        }
        let client = context.client
        let health: PhoneNumberHealth
        do throws(KapsoAPIError) {
            health = try client.health(id)
        } catch {
            // The selected id is a number this project no longer has: said as `use ID` says it (probe39 P39-4).
            if case .phoneNumberNotFound(let missing, let known) = error, let former = context.formerNumberProblem(missing, numbers: known, command: name) {
                throw former
            }
            throw error.explainingMisplacedID(command: name)
        }
        var blocks: [Block] = []
        let when = health.timestamp.map { " (checked \($0))" } ?? ""
        blocks.append(.line(StyledText("\(id): \(health.status)\(when)", style: statusStyle(health.status))))
        if health.status == "error" {
            blocks.append(.line(StyledText("the health check could not run: \(health.error ?? "no reason given")")))
            blocks.append(.line(StyledText("fix:   wait a few seconds and run 'health' again")))
        }
        if let retry = health.retryAfter {
            blocks.append(.line(StyledText("Kapso is backing off after access errors; the next live check is after \(retry)")))
        }
        let triage = triage(of: health, id: id, listed: listed, in: context)
        if let age = triage.age {
            blocks.append(.line(StyledText("not current: the report was \(age.words)", style: .warn)))
            blocks.append(.line(StyledText("  fix:   \(age.fix)")))
        }
        // Kept for the commands that show Kapso's stored record of the number (`numbers`, `whois`, `use`, P41-8).
        context.ids.rememberHealth(SenderState.HealthRead(phoneNumberID: id, health: health, triage: triage), triaged: true)
        // Kapso's record of the number as `numbers` and `overview` read it (listed this session, or read above): a state it
        // names that the report does not is said here too (tester62 AL11).
        let record = (listed ?? context.ids.phoneNumbers[id]).map { ($0, NumberStatus.RecordReading($0, read: context.ids.healthReads[id])) }
        if health.status == "healthy", !triage.contradicted.isEmpty {
            let checks = triage.contradicted.map(\.check).joined(separator: ", ")
            blocks.append(.line(StyledText(
                "but the details of \(checks) show a failure that Kapso's summary does not count: kops goes by the details "
                    + "(Kapso caches health up to 3 min; re-run 'health' shortly to compare)", style: .warn)))
        }
        // Kapso's summary says healthy while the details show the number cannot send (DELETED, BANNED, PENDING under a
        // passed check): the first line does not say healthy alone (probe35 P35-2).
        let cannotSend = health.status == "healthy" && triage.blocking.map { $0.severity == .critical && $0.contradiction != nil } == true
        if cannotSend, let blocking = triage.blocking {
            let what = blocking.state.map { "the number is \($0)" } ?? "\(blocking.check) fails"
            blocks[0] = .line(StyledText("\(id): healthy by Kapso's summary\(when), but its details say \(what) (below)", style: .bad))
        } else if let failed = triage.failureUnderHealthy(status: health.status) {
            // A check Kapso itself failed (a DISCONNECTED connection, an expired token) under a `healthy` summary: never a
            // bare "healthy" above it (HealthTriage.statusWords, probe44 P44-1).
            let style: Style = triage.blocking?.severity == .critical ? .bad : .warn
            blocks[0] = .line(StyledText("\(id): healthy by Kapso's summary\(when), but \(failed) (below)", style: style))
        }
        // Kapso's overall status that no listed check explains: said so, and what to check next, never an unexplained
        // "unhealthy" above a list of passes (HealthTriage.unexplained, probe37 P37-16; overview's HEADLINE reads it too).
        let unexplained = triage.unexplained(status: health.status)
        if let unexplained {
            blocks[0] = .line(StyledText("\(id): \(unexplained.headline)\(when) (below)", style: statusStyle(health.status)))
        } else if !HealthTriage.isDocumented(status: health.status) {
            // A word Kapso does not document is said to be unknown, not read by another status's rule (tester62 AL19).
            blocks[0] = .line(StyledText("\(id): \(HealthTriage.undocumentedWords(health.status))\(when); kops goes by the checks (below)", style: .warn))
        }
        // A `healthy` summary over a report that lacks always-listed checks, or is older than Kapso keeps one, says so on
        // its first line: what it does not say is not known (tester61 AJ2, AJ9).
        if health.status == "healthy", triage.blocking == nil, let lacks = triage.missingWords {
            blocks[0] = .line(StyledText("\(id): healthy by Kapso's summary\(when), but \(lacks): not known (below)", style: .warn))
        } else if health.status == "healthy", triage.blocking == nil, let age = triage.age {
            blocks[0] = .line(StyledText("\(id): healthy by Kapso's summary, but \(age.short): not current (below)", style: .warn))
        }
        let webhooksRead = numberWebhooks(of: id, in: context)
        let webhooks = (try? webhooksRead.get()) ?? nil
        if health.status == "healthy", triage.blocking == nil, webhooks?.blocking != nil {
            // Kapso's status stays as Kapso gave it (`.status` in JSON), said as the checks' word, not the number's.
            blocks[0] = .line(StyledText("\(id): healthy by Kapso's checks\(when), but not its webhooks (below)", style: .warn))
        }
        // Above the headline: which of the numbers that show the display number this is, and why (P42-7).
        if let shared { blocks.insert(.line(StyledText(shared, style: .warn)), at: 0) }
        if let blocking = triage.blocking {
            blocks.append(.line(StyledText("")))
            let label = blocking.severity == .critical ? "blocking" : "needs attention"
            blocks.append(.line(StyledText("\(label): \(blocking.check)", style: blocking.severity == .critical ? .bad : .warn)))
            if let cause = blocking.cause { blocks.append(.line(StyledText("  cause: \(cause)"))) }
            if let fix = blocking.fix { blocks.append(.line(StyledText("  fix:   \(fix)"))) }
            // Every other entity with errors or a limit, each with its own fix (P26-5).
            for other in blocking.also { blocks.append(.line(StyledText("  also:  \(other)"))) }
            if let contradiction = blocking.contradiction { blocks.append(.line(StyledText("  note:  \(contradiction)"))) }
        } else if let unknown = triage.unknown.first {
            // Nothing fails, but a check could not be decided: say what is not known, not "failed" (P17-2).
            blocks.append(.line(StyledText("")))
            blocks.append(.line(StyledText("not known: \(unknown.check)", style: .warn)))
            if let cause = unknown.cause { blocks.append(.line(StyledText("  cause: \(cause)"))) }
            if let fix = unknown.fix { blocks.append(.line(StyledText("  fix:   \(fix)"))) }
        } else if let blocking = webhooks?.blocking {
            // Kapso's checks end where Meta hands events to Kapso; a receiver that gets nothing is the blocking problem
            // when they found none (P15-4: "healthy" while the number's only webhook for messages was paused).
            blocks.append(.line(StyledText("")))
            blocks.append(.line(StyledText("blocking: webhooks", style: .bad)))
            blocks.append(.line(StyledText("  cause: \(blocking.problem)")))
            blocks.append(.line(StyledText("  fix:   \(blocking.fix)")))
        }
        if let unexplained {
            blocks.append(.line(StyledText("")))
            blocks.append(.line(StyledText("unexplained: Kapso's overall status is \(unexplained.status)", style: statusStyle(health.status))))
            blocks.append(.line(StyledText("  cause: \(unexplained.cause)")))
            blocks.append(.line(StyledText("  next:  \(unexplained.next)")))
        }
        if let record { blocks += recordBlocks(record.1) }
        if !triage.findings.isEmpty {
            blocks.append(.line(StyledText("")))
            let rows = triage.findings.map { finding -> [StyledText] in
                [StyledText(finding.check), result(finding), StyledText(finding.detail)]
            }
            var table = Table(
                columns: [Column("CHECK", truncation: .never), Column("RESULT", truncation: .never), Column("DETAIL")],
                rows: rows)
            // On a narrow terminal the detail goes under its check instead of being cut to `CONNEC…` (P20-5).
            table.detailBelowWhenTooWide = true
            blocks.append(.table(table))
        }
        // A check below the blocking one keeps every entity it names beside its cause, each with its fix, as it does when
        // it blocks (P26-5): not only in JSON.
        for finding in triage.findings where finding != triage.blocking {
            blocks += finding.also.map { .line(StyledText("\(finding.check) also: \($0)", style: .warn)) }
        }
        let others = triage.findings.filter { $0.severity < .passed && $0 != triage.blocking }
        let unknownBelow = triage.blocking == nil ? Array(triage.unknown.dropFirst()) : triage.unknown
        var json = health.json
        if let webhooks {
            blocks.append(.line(StyledText("")))
            blocks.append(.line(webhookLine(webhooks, detailsAbove: triage.blocking == nil && webhooks.blocking != nil)))
            if let line = webhooks.leftOut.line(of: "the webhooks' reading", command: "deliveries --period 7d") {
                blocks.append(.line(StyledText(line, style: .warn)))
            }
            json["kops_webhooks"] = webhookJSON(webhooks)
        } else if case .failure(let error) = webhooksRead {
            // Not left out: no line read as "no webhooks" (tester53 T14).
            blocks.append(.line(StyledText("")))
            blocks.append(.line(StyledText("webhooks: not read: \(error.message); run 'webhooks check' in a minute", style: .warn)))
            json["kops_webhooks"] = .object(["not_read": .string(error.message)])
        }
        // The other failing checks and those not known end the report on standard output, beside it (probe43 P43-15):
        // as hints on standard error they stood alone in a script's log, before the `FILE:LINE` line that names the
        // same checks (`failure(of:status:triage:webhooksBlock:)`), with nothing to say what they belonged to.
        // Each with its own cause and fix, as the blocking one has (tester47 F13: `numbers` sends the reader here for the
        // webhook_verified reading, which was printed only when that check led).
        for other in others {
            blocks.append(.line(StyledText("also failing: " + other.check, style: .warn)))
            if let cause = other.cause { blocks.append(.line(StyledText("  cause: \(cause)"))) }
            if let fix = other.fix { blocks.append(.line(StyledText("  fix:   \(fix)"))) }
        }
        // Quality RED or FLAGGED under a passed check: the number sends as usual, and the state is said (tester49 F7).
        if let note = triage.sendingNote {
            blocks.append(.line(StyledText("note: " + (note.word.hasPrefix("quality") ? note.word : "number \(note.word)"), style: .warn)))
            blocks.append(.line(StyledText("  cause: \(note.cause)")))
            blocks.append(.line(StyledText("  fix:   \(note.fix)")))
        }
        if !unknownBelow.isEmpty {
            blocks.append(.line(StyledText(
                "not known: " + unknownBelow.map(\.check).joined(separator: ", ") + " (run 'health' again in a few minutes)",
                style: .warn)))
        }
        // A look-up the report depends on that failed: named in `.kops.not_known` and failing `health` alike, the list or
        // the deliveries that say whether a webhook stopped getting events (tester53b U9: deliveries not read exited 0 as
        // `healthy`, `not_known: []`).
        var notRead: (part: String, line: String)?
        if case .failure(let error) = webhooksRead {
            notRead = ("webhooks", "\(id): its webhooks could not be read (\(error.message)); run 'health' again in a minute")
        } else if let webhooks, let first = webhooks.unreadActive.first {
            notRead = ("webhook deliveries", "\(id): the deliveries of \(unreadNames(webhooks)) could not be read "
                + "(\(first.why)); run 'health' again in a minute")
        }
        // kops's reading beside Kapso's summary, for scripts and monitors that read the JSON (P46-9).
        let reading = HealthReading(
            triage, status: health.status, webhooksBlocking: webhooks?.blocking != nil, notRead: notRead.map { [$0.part] } ?? [])
        json["kops"] = Self.reading(reading, record: record?.1).json
        // The first line a user reads says what the exit and the JSON say: not a plain "healthy" (tester55b Y12).
        if let notRead, health.status == "healthy", !triage.fails(status: health.status, webhooksBlocking: webhooks?.blocking != nil) {
            blocks[0] = .line(StyledText("\(id): healthy by Kapso's checks; not read: \(notRead.part)\(when)", style: .warn))
        }
        let fails = triage.fails(status: health.status, webhooksBlocking: webhooks?.blocking != nil)
        if let record {
            json["kops_record"] = record.1.json(record.0)
            // Only over a plain "healthy": any other first line already says more than the record could.
            if health.status == "healthy", !fails, notRead == nil, triage.headline(status: health.status) == nil,
                let line = recordHeadline(record.1, id: id, when: when)
            {
                blocks[shared == nil ? 0 : 1] = .line(line)
            }
        }
        var shown = CommandResult(blocks: blocks, json: .object(json))
        // A check that finds a problem exits 1, as 'webhooks check' does: scripts and CI can act on it.
        if fails {
            shown.status = .failure
            shown.failure = failure(of: id, status: health.status, triage: triage, webhooksBlock: webhooks?.blocking != nil)
        } else if let notRead {
            // Whether every receiver of its messages is paused, or a webhook stopped getting events, was not read: not a
            // pass, as `overview` exits 1 for what it could not read.
            shown.status = .failure
            shown.failure = notRead.line
        } else if let state = record?.1.blocking {
            // As `overview` counts it (tester62 AL11): a record state that sends nothing where the report names none.
            shown.status = .failure
            shown.failure = "\(id) is \(state.word) by Kapso's record (the health report names no state)"
        }
        return shown
    }

    /// Why `health` fails, in one line for a script's stop (probe38 P38-17): `100200300400502 is degraded
    /// (messaging_health, webhook_verified)`, the checks that did not pass in the report's order, `webhooks` last when
    /// its own check of the number's webhooks blocks.
    static func failure(of id: String, status: String, triage: HealthTriage, webhooksBlock: Bool) -> String {
        let failing = triage.findings.filter { $0.severity < .passed }.map(\.check) + (webhooksBlock ? ["webhooks"] : [])
        let checks = failing.joined(separator: ", ")
        switch status {
        case _ where status == "healthy" || !HealthTriage.isDocumented(status: status):
            return failing.isEmpty ? "\(id) is not healthy" : "\(id) fails \(checks)"
        case "error": return "the health check of \(id) could not run"
        default: return "\(id) is \(status)" + (failing.isEmpty ? "" : " (\(checks))")
        }
    }

    /// The number's webhooks as their deliveries judge them (`NumberWebhooks`, by the rules `webhooks check` reads):
    /// Kapso's checks say whether Meta sends events to Kapso, not whether Kapso's deliveries reach the receivers. Nil
    /// when the number has no webhook; the API's error when the list cannot be read. Two requests' time: the list,
    /// then each webhook's newest deliveries of 7 days at once (a paused one's too: they say whether Kapso paused it);
    /// a webhook whose deliveries cannot be read is named as not read (`NumberWebhooks.unread`), never judged on none.
    private static func numberWebhooks(of id: String, in context: ShellContext) -> Result<NumberWebhooks?, KapsoAPIError> {
        let webhooks: [Webhook]
        do throws(KapsoAPIError) {
            webhooks = try context.client.allWebhooks(.phoneNumber(id))
        } catch {
            return .failure(error)
        }
        guard !webhooks.isEmpty else { return .success(nil) }
        let fetched = WebhookVerdictFetch.verdicts(of: webhooks, period: "7d", in: context)
        var read = NumberWebhooks(number: id, webhooks: webhooks, verdicts: fetched.verdicts, now: context.now(), unread: fetched.unread)
        read.leftOut = fetched.leftOut
        return .success(read)
    }

    /// `webhooks: 2 active, 1 paused; none fails now …`, or the ones that lose events now (failing, then paused); a
    /// pause said in full above (`detailsAbove`) is only named.
    /// Deliveries not read are said before any "none fails", naming each such webhook: of those nothing is known
    /// (tester53 T14, tester53b U22); a paused one among them is still said paused, which the list alone tells. When
    /// only paused ones were not read, they are named as the paused ones, and nothing is said unknown (tester55b Y9).
    private static func webhookLine(_ webhooks: NumberWebhooks, detailsAbove: Bool) -> StyledText {
        let active = webhooks.verdicts.count - webhooks.paused.count
        let counted = "\(active) active" + (webhooks.paused.isEmpty ? "" : ", \(webhooks.paused.count) paused")
        let unread = webhooks.unreadWebhooks
        // Only paused ones not read: said as theirs, and nothing of the active ones is unknown (tester55b Y9).
        let onlyPaused = webhooks.unreadActive.isEmpty
        let notRead = onlyPaused ? nil : unread.first.map { "the deliveries of \(unreadNames(webhooks)) could not be read (\($0.why))" }
        var pausedNote = ""
        if onlyPaused, let first = unread.first {
            let (whose, receive) = unread.count == 1 ? ("the paused one's", "receives") : ("the paused ones'", "receive")
            pausedNote = "the deliveries not read are only \(whose) (\(unreadNames(webhooks)); \(first.why)), which \(receive) nothing now; "
        }
        let others = webhooks.verdicts.count - unread.count
        let othersFine = others == 0 ? "" : others == 1 ? "the other one does not fail now" : "none of the other \(others) fails now"
        let failing = webhooks.failing
        if let first = failing.first {
            let named = "\(WebhookURL.short(first.webhook.url)): \(first.headline ?? "failing")"
            let more = failing.count > 1 ? " (and \(failing.count - 1) more)" : ""
            let text = "webhooks: \(counted); \(failing.count) \(failing.count == 1 ? "fails" : "fail") now: \(named)\(more); "
                + (notRead.map { "\($0); " } ?? pausedNote) + "'webhooks check' says why"
            return StyledText(text, style: .bad)
        }
        let pausedUnread = webhooks.paused.first { webhooks.unread[$0.webhook.id] != nil }
        if let paused = webhooks.paused.first(where: { $0.severity == .error }) ?? webhooks.pausedMessageReceivers.first ?? pausedUnread {
            let state = detailsAbove ? "paused: nothing is delivered to it" : paused.pauseHeadline
                ?? (webhooks.unread[paused.webhook.id] != nil ? "paused (active: false; why is not known: its deliveries were not read)" : "paused")
            let none = notRead.map { $0 + (othersFine.isEmpty ? "" : ", \(othersFine)") } ?? "none active fails now"
            let text = "webhooks: \(counted); \(none), but \(WebhookURL.short(paused.webhook.url)) is \(state); \(pausedNote)"
                + "'webhooks check' says why"
            return StyledText(text, style: .bad)
        }
        if let notRead {
            let rest = othersFine.isEmpty ? "" : "; \(othersFine) by its deliveries of the last 7d"
            return StyledText("webhooks: \(counted); \(notRead): run 'webhooks check' in a minute\(rest)", style: .warn)
        }
        return StyledText("webhooks: \(counted); none fails now by its deliveries of the last 7d ('webhooks check' lints them)")
    }

    /// The webhooks whose deliveries were not read, by URL: `hooks.acme-demo.test/kapso/whatsapp and …/conversations`,
    /// `all 3 (a, b, c)`; past three, the first three and how many more.
    private static func unreadNames(_ webhooks: NumberWebhooks) -> String {
        let urls = webhooks.unreadWebhooks.map { WebhookURL.short($0.webhook.url) }
        let shown = urls.count > 3 ? urls.prefix(3).joined(separator: ", ") + " and \(urls.count - 3) more"
            : urls.count == 1 ? urls[0] : urls.dropLast().joined(separator: ", ") + " and " + (urls.last ?? "")
        guard urls.count == webhooks.verdicts.count, urls.count > 1 else { return shown }
        return (urls.count == 2 ? "both (" : "all \(urls.count) (") + shown + ")"
    }

    /// `kops_webhooks` of the JSON result: counts, the failing and the paused webhooks with their state in words.
    private static func webhookJSON(_ webhooks: NumberWebhooks) -> JSONValue {
        let state = { (verdict: WebhookVerdict) -> JSONValue in
            .object(["id": .string(verdict.webhook.id), "url": .string(verdict.webhook.url), "state": .string(verdict.headline ?? "")])
        }
        var object: JSONObject = [
            "active": .number(String(webhooks.verdicts.count - webhooks.paused.count)),
            "paused": .number(String(webhooks.paused.count)),
            "failing": .array(webhooks.failing.map(state)),
            "paused_webhooks": .array(webhooks.paused.map(state)),
            "messages_reach_no_receiver": .bool(!webhooks.pausedMessageReceivers.isEmpty),
            "deliveries_not_read": .array(webhooks.unreadWebhooks.map { .object(["id": .string($0.webhook.id), "error": .string($0.why)]) }),
        ]
        if !webhooks.leftOut.isEmpty { object["deliveries_left_out"] = webhooks.leftOut.json }
        return .object(object)
    }

    /// `passed`, `FAILED`, `failed`, `unknown`; a failure Kapso marked passed says so.
    private static func result(_ finding: HealthTriage.Finding) -> StyledText {
        let disputed = finding.contradiction == nil ? "" : " (Kapso: passed)"
        switch finding.severity {
        case .passed: return StyledText("passed", style: .good)
        case .critical: return StyledText("FAILED" + disputed, style: .bad)
        case .attention: return StyledText("failed" + disputed, style: .warn)
        case .unknown: return StyledText("unknown", style: .dim)
        }
    }

    static func statusStyle(_ status: String) -> Style {
        switch status {
        case "healthy": .good
        case "degraded": .warn
        default: .bad
        }
    }
}
