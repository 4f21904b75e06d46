public import KopsHTTP

/// Why a Kapso API call failed, after the transport delivered (or failed to deliver) a response.
public enum KapsoAPIError: Error, Sendable {
    /// No HTTP response: DNS, connect, TLS, timeout, Ctrl-C.
    case transport(TransportError)
    /// 401: the API key was rejected, or so the status says. `graph` is the Graph error object the answer carried (the
    /// Meta proxy answers in Graph's shape, kapso-api.md §9.3-9.4), nil for any other body: whose credential was refused
    /// is the body's to say (`CredentialRefusal` in KapsoDiagnostics), since Meta answers a dead number token with 401 too.
    case unauthorized(host: String, graph: MetaSendError? = nil)
    /// 404 for a phone-number id; `known` lists the project's numbers (fetched with one extra request).
    case phoneNumberNotFound(id: String, known: [PhoneNumber])
    /// 404 for a webhook id; `known` lists the ids that exist in the scope asked.
    case webhookNotFound(id: String, known: [Webhook])
    /// 404 for a WAMID.
    case messageNotFound(id: String)
    /// 404 for a conversation id.
    case conversationNotFound(id: String)
    /// A send the Meta proxy refused, with Graph's or Kapso's error code.
    case sendRejected(MetaSendError)
    /// Any other 404, with the API's text.
    case notFound(path: String, message: String)
    /// 422 and other 4xx with a JSON error body; `fields` holds per-field messages when the API gave them.
    case rejected(status: Int, message: String, fields: [(field: String, messages: [String])])
    /// 429, with the server's `Retry-After` in seconds (0 or more) when given and readable (`RetryAfter`).
    case rateLimited(retryAfter: Int?, message: String)
    /// 5xx with a JSON error body.
    case server(status: Int, message: String)
    /// A body that is not the JSON the contract promises (HTML, truncated, wrong shape).
    case badResponse(status: Int, detail: String, firstBytes: String)
    /// An error answer to a Platform API path whose `error` is an object: Kapso's Platform API answers
    /// `{"error": "text"}` (kapso-api.md §1.5), Graph answers `{"error": {...}}` (§9.4), so another API answered.
    case foreignError(status: Int, path: String, body: JSONValue)

    /// One line for the user: what went wrong, then what to do.
    public var message: String {
        switch self {
        case .transport(let error):
            return error.message
        case .unauthorized(let host, _):
            return "the API key was rejected by \(host) (401); check KAPSO_API_KEY or the profile's key"
        case .phoneNumberNotFound(let id, let known):
            let list = known.isEmpty ? "the project has no phone numbers" : "ids in this project: " + known.map(\.label).joined(separator: ", ")
            return "phone number id \(id) was not found in this project; \(list)"
        case .webhookNotFound(let id, let known):
            let list = known.isEmpty ? "there are no webhooks" : "webhook ids: " + known.map(\.id).joined(separator: ", ")
            return "webhook \(id) was not found; \(list)"
        case .messageNotFound(let id):
            return "message \(id) was not found; 'messages' lists recent ones"
        case .conversationNotFound(let id):
            return "conversation \(id) was not found; 'conversations' lists recent ones"
        case .sendRejected(let error):
            let code = error.code.map { ", code \($0)" } ?? ""
            return "the send was rejected (\(error.status)\(code)): \(error.message)"
        case .notFound(let path, let message):
            return "not found (404) at \(path): \(message)"
        case .rejected(let status, let message, let fields):
            // Field errors say it all; the summary ("Validation failed: ...") would repeat them.
            let details = fields.map { "\($0.field): \($0.messages.joined(separator: ", "))" }
            return "the API rejected the request (\(status)): " + (details.isEmpty ? message : details.joined(separator: "; "))
        case .rateLimited(let retryAfter, let message):
            return "rate limited (429): \(message); \(Self.retryAdvice(retryAfter))"
        case .server(let status, let message):
            return "the API failed (\(status)): \(message); retry, and check Kapso's status if it persists"
        case .badResponse(let status, let detail, let firstBytes):
            // A body read as JSON of the wrong shape has no bytes to show; "body starts:" with nothing would read as empty.
            return "unexpected response (HTTP \(status)): \(detail)" + (firstBytes.isEmpty ? "" : "; body starts: \(firstBytes)")
        case .foreignError(let status, let path, let body):
            return "\(path) answered \(status) with an error object Kapso's Platform API never sends: "
                + (errorText(body) ?? "no error message")
        }
    }
}

extension KapsoAPIError {
    /// `badResponse`'s detail for a 2xx body that is a page (HTML or XML), not JSON: no Kapso route answers one
    /// (kapso-api.md §1.1: "Responses are JSON").
    public static let webPage = "the body is a web page (HTML), not JSON"

    /// `badResponse`'s detail (its start) for a list answered with JSON that has no `data` array: every Kapso list
    /// answers `{"data": [...]}` (kapso-api.md §1.4, §2.1).
    public static let notAList = "list response without a 'data' array"

    /// `badResponse`'s detail for a list whose `data` array comes without Kapso's `meta` or Meta's `paging` (kapso-api.md
    /// §1.4): `{"data":[]}` from a service that is not Kapso's.
    public static let noPaging = "list response without 'meta' or 'paging'"

    /// `badResponse`'s detail for an object answered without its `data` object (`message response without 'data'`): every
    /// Kapso object route answers `{"data": {...}}` (kapso-api.md §1.4).
    public static func noData(_ object: String) -> String { "\(object) response without 'data'" }

    /// What to do about a 429's `Retry-After` (seconds, nil when absent): `retry in 3 min 20 s`, `retry in a minute`; a
    /// wait past `RetryAfter.plausible` is said as the server's ask, not as a time to retry at.
    public static func retryAdvice(_ seconds: Int?) -> String {
        guard let seconds else { return "retry in a minute" }
        guard RetryAfter.isImplausible(seconds) else { return "retry in " + wait(seconds) }
        return "the server asked for \(implausibleWait(seconds)); retry later, and check Kapso's status if it persists"
    }

    /// `an implausible wait of 1157 days (Retry-After: 99999999)`, for a wait past `RetryAfter.plausible`.
    public static func implausibleWait(_ seconds: Int) -> String {
        seconds >= RetryAfter.longest
            ? "an implausible wait of more than \(wait(seconds)) (Retry-After: more than \(RetryAfter.longest) s)"
            : "an implausible wait of \(wait(seconds)) (Retry-After: \(seconds))"
    }

    /// A `Retry-After` in seconds as a person reads it: `7 s`, `3 min 20 s`, `27 h 46 min`, `3 days`.
    public static func wait(_ seconds: Int) -> String {
        guard seconds >= 120 else { return "\(seconds) s" }
        // Past two days, hours stop helping: `11574 days` for the longest `RetryAfter` reads.
        if seconds >= 172_800 { return "\(seconds / 86_400) days" }
        let (hours, minutes, rest) = (seconds / 3_600, seconds % 3_600 / 60, seconds % 60)
        if hours > 0 { return "\(hours) h" + (minutes > 0 ? " \(minutes) min" : "") }
        return "\(minutes) min" + (rest > 0 ? " \(rest) s" : "")
    }
}
