/// Why `logs search` (or the log search part of `trace` and `errors`) could not run; one line each.
public enum LogSearchError: KopsError, Equatable {
    /// The API answered `available: false`: search is not enabled for the project (not "no results").
    case unavailable
    /// The API has no `/log_search` (404): an older or other API than Kapso's.
    case noEndpoint(host: String)
    /// `--filter` without `KEY=VALUE`.
    case malformedFilter(String)
    /// The same filter key twice.
    case repeatedFilter(key: String)
    /// A source neither the catalogue nor the contract knows; `known` lists the ones that are.
    case unknownSource(String, known: [String])
    /// A filter key the catalogue does not list.
    case unknownFilterKey(String, known: [String], suggestion: String?)
    /// `--period` and `--around` together: `--around` sets its own window.
    case periodWithAround
    /// A flag of plain `logs` given to `logs search`, or the other way round.
    case misplacedFlag(String, search: Bool)
    /// Two flags that cannot go together, e.g. `--follow` and `--all`.
    case conflict(String, String)
    /// `--around` with an id that names no event (a number, a webhook): no moment to centre on.
    case aroundWithoutMoment(id: String, kind: String, instead: String?)
    /// The API refused the search: 422 (unknown source or filter key, bad value) or 400 (a cursor from another
    /// search), with its own words.
    case rejected(status: Int, message: String)

    public var message: String {
        switch self {
        case .unavailable:
            "log search is not enabled for this project; 'logs', 'deliveries' and 'messages' still read each log on its own"
        case .noEndpoint(let host):
            "\(host) has no log search (404 at /platform/v1/log_search); 'logs', 'deliveries' and 'messages' still read each log"
        case .malformedFilter(let text):
            "logs search: malformed filter '\(text)'; write --filter KEY=VALUE, e.g. --filter response_status=404"
        case .repeatedFilter(let key):
            "logs search: filter '\(key)' given twice; give each key once"
        case .unknownSource(let name, let known):
            "logs search: unknown source '\(name)'; use one of " + known.joined(separator: ", ")
        case .unknownFilterKey(let key, let known, let suggestion):
            "logs search: unknown filter key '\(key)'; " + Suggestion.advice(suggestion, listing: "known keys: " + known.joined(separator: ", "))
        case .periodWithAround:
            "logs search: --period and --around do not go together; --around searches an hour either side of its moment"
        case .misplacedFlag(let flag, let search):
            search
                ? "logs search: \(flag) belongs to 'logs' (API calls); with search use --filter or --problems instead"
                : "logs: \(flag) belongs to 'logs search'; write 'logs search \(flag) ...'"
        case .conflict(let first, let second):
            "logs search: \(first) and \(second) do not go together; use one of them"
        case .aroundWithoutMoment(let id, let kind, let instead):
            "logs search: --around \(id): a \(kind) names no moment; give a WAMID, delivery id, API log id, "
                + "conversation id or ISO time" + (instead.map { ", or search with \($0)" } ?? "")
        case .rejected(let status, let message):
            "logs search: the API rejected the search (\(status)): \(message)"
                + (status == 400 && !message.lowercased().contains("repeat")
                    ? "; a cursor only continues the search it came from: repeat that search, or drop --cursor" : "")
        }
    }

    public var exitStatus: ExitStatus {
        switch self {
        case .unavailable, .noEndpoint, .rejected, .aroundWithoutMoment: .failure
        default: .usage
        }
    }
}
