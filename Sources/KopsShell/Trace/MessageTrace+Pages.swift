internal import KapsoClient
internal import KapsoDiagnostics

/// How the trace reads its look-ups' pages: log search answers, newest-first listings followed back in time, the
/// contact's inbound page, and a part that could not be loaded.
extension MessageTrace {
    /// One log search answer: its events oldest first, `.unavailable` for `available: false` or an API without log search (404).
    static func search(_ json: Result<JSONValue, KapsoAPIError>) -> Part<Search> {
        switch json {
        case .failure(.notFound): return .loaded(.unavailable("this API has no log search"))
        case .failure(let error): return .failed(error.message)
        case .success(let json):
            do throws(KapsoAPIError) {
                switch try LogSearchResult(json: json) {
                case .page(let page): return .loaded(.events(page.events.reversed()))
                case .unavailable: return .loaded(.unavailable("log search is not enabled for this project"))
                }
            } catch {
                return .failed(error.message)
            }
        }
    }

    /// How far back a log search answer reaches (`LogReach`): the window it searched, from its start; its events alone do
    /// not say (tester55 X4: "Meta has not told Kapso of it" of a message older than the search could reach).
    static func searchReach(_ json: Result<JSONValue, KapsoAPIError>, since: Int64, now: Int64) -> LogReach {
        guard case .success(let json) = json, case .page(let page)? = try? LogSearchResult(json: json) else { return .reached }
        let start = page.since.flatMap(KapsoTime.seconds(iso:))
        return LogReach.of(since: since, now: now, oldest: start, rows: page.events.count, more: start != nil, keeps: nil)
    }

    /// Newest-first rows, following `next` until the page reaches back past `start` (at most `maxPages`), and whether they
    /// reach back past `since` (`LogReach`; `now` is the API's clock).
    static func following<Item>(
        _ first: Page<Item>, query: [(String, String)], until start: Int64, since: Int64, now: Int64,
        next: ([(String, String)]) throws(KapsoAPIError) -> Page<Item>
    ) throws(KapsoAPIError) -> (rows: [Item], reach: LogReach) where Item: TimedRow {
        var items = first.items
        var page = first
        var pages = 1
        // A cursor the API gave before would read the same rows again (`PageCursors`, probe27 P27-18).
        var cursors = PageCursors()
        while let after = page.nextPageQuery, pages < maxPages,
            let oldest = page.items.last.flatMap({ KapsoTime.seconds(iso: $0.createdAt) }), oldest >= start,
            !cursors.repeats(nextOf: page)
        {
            page = try next(query + after)
            items += page.items
            pages += 1
        }
        // More pages remain unless the last one read has no next cursor or repeats one given before.
        let more = page.nextPageQuery != nil && !cursors.repeats(nextOf: page)
        let oldest = items.last.flatMap { KapsoTime.seconds(iso: $0.createdAt) }
        return (items, LogReach.of(since: since, now: now, oldest: oldest, rows: items.count, more: more))
    }

    /// The contact's inbound messages as listed (newest first): the last one before the traced message, whether more
    /// pages follow, and the newest inbound time (the traced message's own included).
    struct InboundPage {
        var before: Message?
        var hasMore: Bool
        var newest: Int64?
        var newestNote: String? = nil
        /// Why a message the contact wrote has no time kops can read, nil when every one has one.
        var unreadable: String?
        var moved: ContactWindow.Moved? = nil
        /// The business-scoped user ids the contact's messages tie to them (`MessageVerdict.contactUserIDs`).
        var userIDs: [String] = []
        /// The window left unknown by the contact's action Meta documents nothing on (`WindowEvidence.unsettled`), now
        /// and at an outbound message's send.
        var unsettled: WindowEvidence.Unsettled? = nil
        var unsettledAtSend: WindowEvidence.Unsettled? = nil
    }

    /// The inbound message before the traced one; a full page of later inbound messages says nothing about before
    /// it, so that is unknown, not "none".
    static func lastInbound(_ listed: Part<InboundPage>) -> Part<Message?> {
        switch listed {
        case .loaded(let page) where page.before == nil && page.hasMore:
            .failed("the contact's newest inbound messages are all later, and older ones were not read")
        case .loaded(let page) where page.unreadable != nil:
            .failed(page.unreadable ?? "")
        case .loaded(let page): .loaded(page.before)
        case .failed(let error): .failed(error)
        }
    }

    static func part<Value>(_ json: Result<JSONValue, KapsoAPIError>, _ read: (JSONValue) throws(KapsoAPIError) -> Value)
        -> Part<Value>
    {
        switch json {
        case .success(let json):
            do throws(KapsoAPIError) { return .loaded(try read(json)) } catch { return .failed(error.message) }
        case .failure(let error): return .failed(error.message)
        }
    }
}

/// A list row with a `created_at` time.
protocol TimedRow {
    var createdAt: String { get }
}

extension WebhookDelivery: TimedRow {}
extension APILog: TimedRow {}
