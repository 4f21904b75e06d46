internal import KapsoClient
internal import KapsoDiagnostics
internal import KopsHTTP

extension FailureFetch {
    /// Failed statuses Meta sent Kapso in the period (of the selected number, if any).
    static func metaQuery(period: String, number: [(String, String)]) -> LogSearchQuery {
        LogSearchQuery(
            source: "whatsapp_webhook_event", period: period, problemsOnly: true,
            filters: number.map { (key: $0.0, value: $0.1) }, limit: 100)
    }

    /// Adds Meta's failures not already listed; a failure of log search is reported, never thrown.
    mutating func readMeta(
        _ response: Result<HTTPResponse, TransportError>, request: HTTPRequest, period: String, number: [(String, String)],
        in context: ShellContext
    ) -> MetaOutcome {
        let client = context.client
        do {
            var result = try LogSearchResult(json: try client.decode(try response.get(), for: request))
            var events: [LogSearchEvent] = []
            var pages = 0
            var cursors = PageCursors()
            while case .page(let page) = result {
                events += page.events
                pages += 1
                guard let cursor = page.nextCursor else { break }
                guard !cursors.repeats(cursor) else {
                    repeatedCursor.insert(.meta)
                    cut.insert(.meta)
                    break
                }
                guard pages < FailureFetch.maxPages else {
                    cut.insert(.meta)
                    break
                }
                var next = Self.metaQuery(period: period, number: number)
                next.cursor = cursor
                result = try client.logSearch(next)
            }
            if case .unavailable = result { return .unavailable("log search is not enabled for this project") }
            return .checked(triage.addMetaEvents(events))
        } catch let error as TransportError {
            return .failed(error.message)
        } catch KapsoAPIError.notFound {
            return .unavailable("this API has no log search")
        } catch let error as KapsoAPIError {
            return .failed(error.message)
        } catch {
            return .failed("\(error)")
        }
    }
}
