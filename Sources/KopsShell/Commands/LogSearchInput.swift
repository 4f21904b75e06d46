internal import Foundation
internal import KapsoClient
internal import KapsoDiagnostics

/// Reading `logs search`'s input: filters, the catalogue's sources and keys, and `--around`'s moment.
enum LogSearchInput {
    /// `["response_status=404"]` → `[("response_status", "404")]`; one line for a filter without `=`, key or value.
    static func filters(_ texts: [String]) throws(LogSearchError) -> [(key: String, value: String)] {
        var filters: [(key: String, value: String)] = []
        for text in texts {
            guard let equals = text.firstIndex(of: "=") else { throw .malformedFilter(text) }
            let key = text[..<equals].trimmingCharacters(in: .whitespaces)
            let value = text[text.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            guard !key.isEmpty, !value.isEmpty else { throw .malformedFilter(text) }
            guard !filters.contains(where: { $0.key == key }) else { throw .repeatedFilter(key: key) }
            filters.append((key, value))
        }
        return filters
    }

    /// The catalogue, fetched by the first search of the session (and kept for completion); nil when the API
    /// has none to give (an older API), so the search itself judges sources and keys.
    static func catalog(in context: ShellContext) throws -> LogSearchCatalog? {
        if let cached = context.ids.logSearchCatalog { return cached }
        let catalog: LogSearchCatalog
        do {
            catalog = try context.client.logSearchCatalog()
        } catch {
            switch error {
            case .notFound, .server, .badResponse, .rejected: return nil
            default: throw error
            }
        }
        guard catalog.available else { throw LogSearchError.unavailable }
        context.ids.logSearchCatalog = catalog
        return catalog
    }

    /// Checks the source and filter keys against the catalogue (or, without one, the sources the contract names).
    static func check(_ query: LogSearchQuery, against catalog: LogSearchCatalog?) throws(LogSearchError) {
        if let source = query.source {
            let known = catalog.map { $0.sources.map(\.value) } ?? LogSearchSource.names
            let accepted = catalog?.sourceNames ?? LogSearchSource.names
            guard accepted.contains(source) else { throw .unknownSource(source, known: known) }
        }
        guard let keys = catalog?.filterKeys, !keys.isEmpty else { return }
        for filter in query.filters where !keys.contains(filter.key) {
            throw .unknownFilterKey(filter.key, known: keys, suggestion: Suggestion.closest(to: filter.key, in: keys))
        }
    }

    /// The moment `--around` names: an ISO time as typed, or the time of the event an id names (a WAMID's
    /// message, an API call, a delivery, a conversation's last activity), found as `whois` finds it.
    static func moment(of text: String, in context: ShellContext) throws -> Moment {
        let input: IDInput
        switch try LogsCommand.around(text) {
        case .time(let time): return (time, nil, nil)
        case .id(let value): input = value
        case .searched(let id): return try searched(id, in: context)
        }
        let lookups = IDResolver.lookups(for: input)
        let (facts, errors) = IDLookups.fetch(lookups, client: context.client)
        if let wrongHost = IDLookups.wrongBaseURL(in: errors) { throw wrongHost }
        let identity = IDResolver.resolve(input, typed: text, facts: facts)
        if identity.incomplete {
            let essential = facts.failed.contains(.phoneNumbers) || facts.failed.count == lookups.count
            throw ShellError.idUnchecked(
                explanation: "logs search --around: " + identity.statement + (identity.fix.map { "; " + $0 } ?? ""),
                status: essential ? errors.map(\.exitStatus).max() ?? .failure : .failure)
        }
        guard identity.kind != .unknown, !(identity.kind == .wamid && identity.moment == nil) else {
            throw ShellError.idNotFound(
                explanation: "logs search --around: " + identity.statement + (identity.fix.map { "; " + $0 } ?? ""))
        }
        guard let time = identity.moment else {
            throw LogSearchError.aroundWithoutMoment(
                id: identity.input, kind: identity.kind.title, instead: instead(for: identity))
        }
        // Conversations have no event of their own to mark; the others are an event's resource id.
        return (time, identity.kind == .conversationID ? nil : identity.input, nil)
    }

    /// Where `--around` centres and what it marks: a resource id (WAMID, API log id, delivery id) or an event id.
    typealias Moment = (time: Int64, highlight: String?, highlightEvent: String?)

    /// The moment of the newest event of the last 30 days whose id, request id or resource id is `id`.
    private static func searched(_ id: String, in context: ShellContext) throws -> Moment {
        let events = try page(LogSearchQuery(query: id, period: "30d", limit: 100), in: context).events
        let names = ["request_id", "resource_id", "whatsapp_message_id"]
        guard let event = events.first(where: { event in event.id == id || names.contains { event.text($0) == id } }),
            let time = KapsoTime.seconds(iso: event.time)
        else {
            throw ShellError.idNotFound(
                explanation: "logs search --around: \(id) is neither an id 'whois' knows nor an event, request or resource id "
                    + "in log search's last 30 days; give an ISO time, or a WAMID, delivery id, API log id or conversation id")
        }
        return (time, nil, event.id)
    }

    /// A filter that finds what an id without a moment is about, e.g. `--filter webhook_id=ID`.
    private static func instead(for identity: Identity) -> String? {
        switch identity.kind {
        case .webhookID: "--filter webhook_id=\(identity.input)"
        case .phoneNumberID: "--filter phone_number_id=\(identity.input)"
        default: nil
        }
    }

    /// One page of a search, `available: false` and the API's 400 and 422 turned into one-line errors.
    static func page(_ query: LogSearchQuery, in context: ShellContext) throws -> LogSearchPage {
        let result: LogSearchResult
        do {
            result = try context.client.logSearch(query)
        } catch {
            switch error {
            case .rejected(let status, let message, _) where status == 400 || status == 422:
                throw LogSearchError.rejected(status: status, message: message)
            case .notFound(let path, _) where path.hasSuffix("/log_search"):
                throw LogSearchError.noEndpoint(host: context.client.host)
            default: throw error
            }
        }
        switch result {
        case .page(let page): return try refilled(page, query: query, in: context)
        case .unavailable: throw LogSearchError.unavailable
        }
    }
}
