internal import KapsoClient
internal import KapsoDiagnostics

// MARK: - logs --all

extension LogsCommand {
    /// `logs --all`: every page as it arrives, each laid out as one page of the same command is (tester63 AN14: `--ids`
    /// and `--errors --flat` lost their columns under `--all`). With `--ids` the LOG ID column, and REQUEST ID when log
    /// search named any (it is asked once, for the period's newest 100 calls: an older call's is `-`); with `--errors` or
    /// `--ids` the MEANING / NEXT of each failed call, the project's numbers and webhooks read once for the whole stream. JSON
    /// lines carry `"kops_own": true` on kops's own calls, as one page's JSON does (tester63 AN4).
    static func stream(filters: [(String, String)], _ arguments: Arguments, in context: ShellContext) throws -> CommandResult {
        let mode = context.outputMode(arguments)
        let host = context.client.baseURL
        let ids = arguments.has("--ids") && mode != .json
        // A page with a failure has their meanings; the stream has the column on every page (one header) with --errors, and
        // with --ids (what support asks for), whose calls are read for their failures.
        let explained = (arguments.has("--errors") || arguments.has("--ids")) && mode != .json
        var hints: [Block] = []
        var requestIDs: [String: String] = [:]
        // Read at the first page, as one page reads them after its list: the search is then one of the stream's own calls.
        var requestIDsRead = false
        func readRequestIDs() {
            guard ids, !requestIDsRead else { return }
            requestIDsRead = true
            let period = filters.first { $0.0 == "period" }?.1 ?? "24h"
            switch requestIDsFromLogSearch(period: period, errorsOnly: filters.contains { $0.0 == "errors_only" }, in: context) {
            case .some(let found): requestIDs = found
            case nil: hints.append(.hint("request ids come from log search, which did not answer for this project: LOG ID is the API log id"))
            }
            if requestIDs.count >= 100 {
                hints.append(.hint("REQUEST ID is log search's for the period's newest 100 calls: '-' on older calls ('logs search --filter request_id=…' finds one)"))
            }
        }
        var lists: FailureFetch?
        var pageError: (any Error)?
        let query = filters + [("limit", String(ListStream.pageSize(arguments)))]
        let count = try ListStream(context: context, mode: mode).run(
            fetch: { after, _ in try withoutEarlierRuns(context.client.apiLogs(query + after), in: context) },
            request: { context.client.apiLogsRequest(query + $0) },
            own: { context.ownLookups.kopsLogIDs(in: $0, host: host) },
            table: { logs in
                let own = context.ownLookups.kopsLogIDs(in: logs, host: host)
                var meanings: [String]?
                if explained, pageError == nil {
                    do {
                        meanings = try Self.meanings(of: logs, own: own, lists: &lists, in: context)
                    } catch {
                        pageError = error
                    }
                }
                // After the meanings' reads, as one page asks: log search's newest 100 calls hold the same ones then.
                readRequestIDs()
                // Every page has the column, so the stream keeps one header.
                if explained, meanings == nil { meanings = Array(repeating: "", count: logs.count) }
                return table(
                    logs, ids: ids, meanings: meanings, requestIDs: requestIDs, own: own,
                    requestColumn: ids && !requestIDs.isEmpty)
            })
        if let pageError { throw pageError }
        context.session.lastList = nil
        var result = CommandResult(blocks: [.hint("\(count) \(count == 1 ? "call" : "calls")")] + hints)
        if let lists {
            var read = FailureFetch()
            read.unreadLists = lists.unreadLists
            read.sayUnread(in: &result)
        }
        return result
    }

    /// The meaning of each of `logs` when one failed (nil when none did), as 'errors --flat' reads a failed call (probe19
    /// P19-1, P19-7): what the id resolver says of the ids in its path, a former number's records, a held send lock's
    /// pending send; Kapso's normal answers are said to be no failures (probe14 P14-12), and kops's own failed look-ups
    /// its own. `lists` holds the project's numbers and webhooks once read (a list not read is named in its
    /// `unreadLists`): a stream reads them for its first page with a failure only.
    static func meanings(of logs: [APILog], own: Set<String>, lists: inout FailureFetch?, in context: ShellContext) throws -> [String]? {
        guard logs.contains(where: { $0.responseStatus >= 400 }) else { return nil }
        if lists == nil {
            var read = FailureFetch()
            read.numbers = try read.listRead(Result { () throws(KapsoAPIError) in try context.client.allPhoneNumbers() }, what: "phone numbers") ?? []
            read.webhooks = try read.listRead(Result { () throws(KapsoAPIError) in try context.client.allWebhooks(.project) }, what: "webhooks") ?? []
            lists = read
        }
        var fetch = FailureFetch()
        fetch.numbers = lists?.numbers ?? []
        fetch.webhooks = lists?.webhooks ?? []
        fetch.unreadLists = lists?.unreadLists ?? []
        fetch.triage.addAPILogs(logs.filter { $0.responseStatus >= 400 && !ErrorTriage.isNormalAnswer($0) })
        fetch.readPaths(in: context)
        // The page's own successes count as a former number's calls too, as before.
        fetch.history += logs.filter { log in !fetch.history.contains { $0.id == log.id } }
        let groups = fetch.groups
        let entries = Dictionary(fetch.triage.entries.map { ($0.json["id"]?.string ?? "", $0) }, uniquingKeysWith: { first, _ in first })
        return logs.map { log in
            if ErrorTriage.isNormalAnswer(log) { return ErrorTriage.normalAnswerMeaning }
            if own.contains(log.id), log.responseStatus >= 400 { return OwnLookups.ownFailureMeaning }
            return entries[log.id].map(groups.meaning(of:)) ?? ""
        }
    }
}
