internal import KapsoClient
internal import KapsoDiagnostics

/// `errors [--period] [--source message|api|webhook|meta] [--limit N] [--flat]`: everything that failed, one row per cause.
public enum ErrorsCommand: Command {
    public static let name = "errors"
    public static let summary = "what failed, one row per cause: messages, API calls, webhook deliveries"
    public static let usage = "errors [--period 24h|7d|30d] [--source message|api|webhook|meta] [--limit N] [--flat]"
    public static let details = """
        Fetches message errors (of the selected number, if any): failed messages, messages with a
        failed status anywhere in their history, and received messages with errors (e.g. 131051); API
        calls answered with an error; and failed webhook deliveries, at once, and explains each code.
        One row per cause (source, key or webhook, method and path, status and code) with its count,
        first and last time; calls whose path holds a WABA id or another id that is not a phone-number
        id are one cause, named with the id to use. --flat lists each failure, newest first.
        A list that cannot be read is named under 'not read:' and exits 1; the others still show.
        Examples:
          errors
          errors --source api --period 7d
          errors --flat --limit 50
        """
    public static let flags = [
        FlagSpec("--period", choices: ["24h", "7d", "30d"], help: "how far back (default 30d)"),
        FlagSpec("--source", choices: ErrorTriage.Source.allCases.map(\.rawValue), help: "only one kind of failure"),
        FlagSpec("--limit", value: "N", range: 1...100, help: "rows to show (1-100; default 12 causes, or 20 failures with --flat)"),
        FlagSpec("--flat", help: "one row per failure, newest first, instead of one per cause"),
    ]

    /// Contacts whose move `errors` follows to their new number at most (one round trip each); the rest hedge.
    static let followedMoves = 5

    public static func run(_ arguments: Arguments, in context: ShellContext) throws -> CommandResult {
        let period = arguments.value("--period") ?? "30d"
        let flat = arguments.has("--flat")
        let limit = arguments.integer("--limit") ?? (flat ? 20 : 12)
        let sources =
            arguments.value("--source").flatMap(ErrorTriage.Source.init(rawValue:)).map { [$0] }
            ?? ErrorTriage.Source.allCases
        // A send refused for its template (missing, miscounted, paused, disabled) or with a marketing-only code on a template
        // of no recorded category: the WABA's templates, read before the meanings are written, name the mismatch and the
        // category, as in 'trace' (P39-2, P39-3, tester49 F1). One listing per number (its WABA), for a few numbers.
        var fetch = try FailureFetch.load(sources: sources, period: period, templateNumbers: followedMoves, in: context)
        // A 131026 sent after the contact changed number: the move followed to their new number, as `trace`, `reply` and
        // `whois` read it (probe33: "they have not written from it" of a contact who had). One read per contact, a few.
        for pending in fetch.triage.pendingMoves.prefix(followedMoves) {
            fetch.triage.settle(
                pending, followed: ContactWindowLookup.follow(pending.moved, from: pending.contact, on: pending.phoneNumberID, in: context))
        }
        if !fetch.triage.listings.isEmpty { fetch.triage.readTemplates() }
        // A 131047 on a `to` without + that Meta made into another number: trace's reading of it (tester69b D12); a few.
        let refused = fetch.triage.entries.filter { ErrorCatalog.isReengagement(String($0.error.prefix { $0 != " " })) }
            .compactMap { try? Message(json: $0.json) }.filter(PrependedRecipient.isCandidate)
        if !refused.isEmpty { fetch.triage.readMadeNumbers(context.prependedRecipients(of: Array(refused.prefix(followedMoves)))) }
        // Each failure's advice beside its number's state as the session knows it, as trace says it (tester69b D2).
        fetch.triage.weighSenders { context.replies(on: $0) }
        // The command as typed but --limit, for a footer that says how to see what the limit left out.
        let typed = { (flat: Bool) in
            "errors" + (flat ? " --flat" : "") + (period == "30d" ? "" : " --period \(period)")
                + (arguments.value("--source").map { " --source \($0)" } ?? "")
        }
        // Not a list of pages: 'next' must not continue one shown before this (P15-11); the footer says how to see more.
        context.session.lastList = nil
        var result: CommandResult
        if fetch.triage.entries.isEmpty {
            // A source not read is no "nothing failed": the line says what was read (fix58D).
            let read = sources.filter { source in source != .meta && !fetch.unread.contains { $0.source == source } }
            let nothing = fetch.unread.isEmpty
                ? StyledText("nothing failed in the last \(period)", style: .good)
                : StyledText("no failure in the last \(period) among " + read.map(FailureFetch.name).joined(separator: " and "), style: .warn)
            result = CommandResult(
                blocks: [.line(nothing)] + fetch.leftOutHint,
                json: fetch.addingLeftOut(to: ["period": .string(period), "data": []]))
        } else if flat {
            result = flatResult(fetch, limit: limit, period: period, command: typed(true), in: context)
        } else {
            let groups = fetch.groups
            // Every group named, not only those shown: `--output json` carries all groups, with the same meanings.
            let named = namingTemplates(groups.groups, numbers: fetch.numbers, in: context)
            let shown = Array(named.prefix(limit))
            result = CommandResult(
                blocks: [
                    .table(FailureGroupsTable.table(shown)),
                    .hint(FailureGroupsTable.hint(
                        groups, shown: shown.count, truncated: fetch.truncated, period: period, flat: "errors --flat",
                        scope: scope(sources, in: context), all: typed(false))),
                ] + fetch.leftOutHint,
                json: fetch.addingLeftOut(
                    to: .object([
                        "period": .string(period), "failures": .number(String(groups.failures)),
                        "disputed": .number(String(groups.disputed)), "warnings": .number(String(groups.warnings)), "received_with_errors": .number(String(groups.received)),
                        "truncated": .bool(fetch.truncated),
                        "groups": FailureGroups.json(named),
                    ])))
        }
        // A time kops cannot read (no zone, no ISO-8601) is listed last and left out of FIRST/LAST: said (tester53b U14).
        let unread = fetch.triage.entries.filter { TimeOrder.instant(iso: $0.time) == nil }
        if let note = TimeOrder.unplacedNote(
            unread.map { ($0.time, "\($0.source.rawValue) \($0.subject)") }, noun: ("failure", "failures"),
            effect: flat ? "may be newer than the rows above" : "not counted in FIRST/LAST")
        {
            result.blocks.append(.hint(note))
            if case .object(var object)? = result.json {
                object["unplaced_times"] = .array(unread.map { .string($0.time) })
                result.json = .object(object)
            }
        }
        // Failed statuses stored with a message but naming another (StatusHistory.foreign): said, not counted.
        let others = fetch.triage.statusesOfOtherMessages
        if let first = others.first {
            let hosts = Set(others).count
            let text = others.count == 1
                ? "1 failed status stored with message \(first) names another message (its id), so it is not counted as that message's failure"
                : "\(others.count) failed statuses stored with \(hosts == 1 ? "message \(first)" : "\(hosts) messages") name other messages "
                    + "(their ids), so they are not counted as \(hosts == 1 ? "its" : "those messages'") failures"
            result.blocks.append(.hint(text + "; 'trace \(first)' shows \(others.count == 1 ? "it" : hosts == 1 ? "them" : "one")"))
            if case .object(var object)? = result.json {
                object["statuses_of_other_messages"] = .array(others.map(JSONValue.string))
                result.json = .object(object)
            }
        }
        if let meta = fetch.meta {
            let messagesRead = sources.contains(.message) && !fetch.unread.contains { $0.source == .message }
            result.blocks.append(.hint(metaLine(meta, period: period, messagesRead: messagesRead)))
            if case .object(var object)? = result.json {
                object["meta_events"] = metaJSON(meta)
                result.json = .object(object)
            }
        }
        fetch.sayUnread(in: &result)
        return result
    }

    /// A 131047 group names the approved templates that fit (issue 19 §3): the utility ones of the number's
    /// WABA, which need no marketing opt-in; marketing templates depend on each contact's preference, which
    /// `reply` checks (asking for it here would leave a 404 in the project's API log for every row).
    static func namingTemplates(_ groups: [FailureGroups.Group], numbers: [PhoneNumber], in context: ShellContext) -> [FailureGroups.Group] {
        var found: [String: [String]] = [:]
        return groups.map { group in
            // A template refused with the code is not helped by another template (ErrorCatalog.reengagementOnTemplate).
            guard group.source == .message, group.templates.isEmpty,
                ErrorCatalog.isReengagement(group.error.split(separator: " ").first.map(String.init)),
                // The contact wrote again since: the send can go again as is, no template to name (P21-19).
                !group.meaning.contains(MessageVerdict.sendAgainAsIs),
                let number = group.items.first.flatMap({ $0["kapso"]?["phone_number_id"]?.string ?? $0["phone_number_id"]?.string }),
                let waba = numbers.first(where: { $0.id == number })?.businessAccountID
            else { return group }
            let names = found[waba] ?? TemplateLookup.fitting(businessAccountID: waba, marketingStopped: true, in: context)
            found[waba] = names
            guard !names.isEmpty else { return group }
            var named = group
            named.meaning += "; approved utility templates: " + names.joined(separator: ", ")
            named.fittingTemplates = names
            return named
        }
    }

    /// With a number selected, messages and Meta's statuses are that number's while API calls and deliveries
    /// are the project's (the API logs and deliveries have no number filter): say so, nil otherwise.
    static func scope(_ sources: [ErrorTriage.Source], in context: ShellContext) -> String? {
        guard let number = context.session.phoneNumberID else { return nil }
        let own = sources.filter { $0 == .message || $0 == .meta }.map(\.rawValue)
        let project = sources.filter { $0 == .api || $0 == .webhook }.map { $0 == .api ? "API calls" : "deliveries" }
        guard !own.isEmpty, !project.isEmpty else { return nil }
        return "messages are \(number)'s only; " + project.joined(separator: " and ") + " are the whole project's"
    }

    /// One line on what Meta's own webhooks (log search) added, or why they could not be read.
    static func metaLine(_ meta: FailureFetch.MetaOutcome, period: String, messagesRead: Bool) -> String {
        switch meta {
        case .unavailable(let reason): return "Meta's webhooks not searched: \(reason)"
        case .failed(let error): return "Meta's webhooks not searched: \(error)"
        case .checked(let check) where check.problems == 0:
            return "Meta's webhooks (log search): no failed status in the last \(period)"
        case .checked(let check):
            let statuses = check.counted
            guard messagesRead else { return "Meta's webhooks (log search): \(statuses) in the last \(period)" }
            if check.added == 0 { return "Meta's webhooks (log search): \(statuses), \(check.problems == 1 ? "the same failure as a message" : "all for messages") above" }
            let messages = check.added == 1 ? "1 message" : "\(check.added) messages"
            return "Meta's webhooks (log search): \(statuses), \(messages) not among those above (source meta)"
        }
    }

    private static func metaJSON(_ meta: FailureFetch.MetaOutcome) -> JSONValue {
        switch meta {
        case .unavailable(let reason): ["available": false, "reason": .string(reason)]
        case .failed(let error): ["available": .null, "error": .string(error)]
        case .checked(let check):
            ["available": true, "problems": .number(String(check.problems)), "matched": .number(String(check.matched))]
        }
    }

    /// One row per failure, newest first (`--flat`): each failure once, as the grouped view counts it (a send Meta
    /// refused at once is its failed message, not again its API call).
    /// A cut list says how to see the rest (`command`, the flags typed but `--limit`): `next` does not page it, as it
    /// is merged from several sources (P15-11).
    private static func flatResult(
        _ fetch: FailureFetch, limit: Int, period: String, command: String, in context: ShellContext
    ) -> CommandResult {
        let groups = fetch.groups
        let (all, joined) = FailureGroups.withoutSameSends(fetch.triage.entries)
        let entries = Array(TimeOrder.newestFirst(all, iso: \.time).prefix(limit))
        let warnings = all.filter { $0.statusWord != nil }.count
        // What the contact sent that came with errors (131051) is shown, not counted as a failure (P21-13).
        let received = all.filter(\.isReceived).count
        let json: JSONValue = .object([
            "period": .string(period), "failures": .number(String(FailureGroups.failureCount(all))),
            "disputed": .number(String(FailureGroups.disputedCount(all))), "warnings": .number(String(warnings)),
            "received_with_errors": .number(String(received)),
            "same_sends_joined": .number(String(joined)),
            "data": .array(
                entries.map { groups.json(of: $0) }),
        ])
        let rows = entries.map { entry -> [StyledText] in
            [
                StyledText(TimeText.short(entry.time)), StyledText(entry.source.rawValue), StyledText(entry.subject),
                StyledText(entry.error, style: .bad), StyledText(groups.meaning(of: entry)),
            ]
        }
        // As the grouped view: on a narrow terminal the meaning, then the path and the error, go whole under the row.
        var what = Column("WHAT", truncation: .middle)
        what.movesBelowWhenNarrow = true
        var error = Column("ERROR")
        error.movesBelowWhenNarrow = true
        var meaning = Column("MEANING / NEXT")
        meaning.shrinksLast = true
        var table = Table(
            columns: [Column("TIME", truncation: .never), Column("SOURCE", truncation: .never), what, error, meaning], rows: rows)
        table.detailBelowWhenTooWide = true
        // A message's, a delivery's or a Meta event's number; an API call is the key's (its path may name an id of any kind).
        table = NumberColumn.adding(
            to: table, numbers: entries.map { $0.json["kapso"]?["phone_number_id"]?.string ?? $0.json["phone_number_id"]?.string },
            in: context)
        let more = fetch.truncated
        let failures = FailureGroups.failureCount(all)
        let found = "\(failures)\(more ? "+" : "")"
        let noun = failures == 1 && !more ? "failure" : "failures"
        let counted = "\(found) \(noun)\(FailureGroupsTable.warningsNote(warnings, received: received))"
        let shown = entries.count == all.count && !more ? counted : "newest \(entries.count) of \(counted)"
        var hint = "\(shown) in the last \(period)" + (FailureGroupsTable.joinedNote(joined, verb: "listed").map { "; " + $0 } ?? "")
        // --limit takes 1-100: past that, narrowing is the way.
        let wanted = min(all.count, 100)
        if wanted > entries.count {
            hint += "; '\(command) --limit \(wanted)' lists " + (wanted == all.count && !more ? "them all" : "the newest \(wanted)")
            if wanted < all.count || more { hint += " (--source or --period narrows them)" }
        } else if entries.count < all.count || more {
            hint += "; --limit takes at most 100: --source or --period narrows them"
        }
        return CommandResult(blocks: [.table(table), .hint(hint)] + fetch.leftOutHint, json: fetch.addingLeftOut(to: json))
    }
}
