public import KopsHTTP
#if canImport(Glibc)
internal import Glibc
#endif

/// The Kapso Platform API (`/platform/v1`) and Meta proxy over one shared transport.
///
/// Synchronous: call it from the thread that owns the transport, never from the concurrency pool.
public final class KapsoClient {
    /// Host only, e.g. `https://api.kapso.ai`; paths are appended (`/platform/v1/...`).
    public let baseURL: String
    public var apiKey: Secret
    public let transport: any HTTPTransport
    public var metaVersion = "v24.0"
    /// The API's clock at its latest response (Unix seconds from the `Date` header), nil before one arrives;
    /// time-relative views such as the 24-hour window use it, so a skewed local clock cannot mislead them.
    public internal(set) var serverTime: Int64?
    /// The health reads the project has left this minute, from the last health answer's
    /// `X-Health-RateLimit-Minute-Remaining` (kapso-api.md §0 gotcha 5: 60 a minute per project, across keys); nil before
    /// one, or when the answer had no such header.
    public private(set) var healthReadsLeftThisMinute: Int?
    /// When this client sent its latest health reads (monotonic seconds, at most `healthReadsPerSecond`), and when an
    /// answer last said none were left this second: `paceHealthRead` keeps to Kapso's 5 a second (tester61 AJ6).
    var healthReadsSent: [Double] = []
    var healthSecondSpentAt: Double?
    /// The `Date` header `serverTime` was read from.
    var serverDate: String?
    /// Told of each GET answered 404, once as its answer arrives (`tellAnswered`): method, path (after the host, query
    /// included) and the API's clock (`serverTime`, nil without a `Date` header). Kapso logs these calls like any other;
    /// the shell keeps them so its own look-ups are not reported as the project's failures.
    public var notFound: ((_ method: String, _ path: String, _ serverTime: Int64?) -> Void)?
    /// Told of each other GET's answer (status, path with query, the API's clock): kops's own reads by id (a
    /// WABA's templates) are in the API log too, and `whois` must not count them as the project's calls.
    public var answered: ((_ status: Int, _ path: String, _ serverTime: Int64?) -> Void)?
    /// Told of every answer, whatever the method (method, status, path with query, the API's clock), after `notFound` or
    /// `answered`: each request kops makes is one more entry in the project's API log (kapso-api.md §5), and the shell
    /// notes them so `logs` and `logs search` can mark kops's own calls (docs/own-lookups.md).
    public var responded: ((_ method: String, _ status: Int, _ path: String, _ serverTime: Int64?) -> Void)?
    /// Told of each request that ended in an error, as its caller is given it (after the one wait of a short rate limit):
    /// method, path with query, the error. The caller may show it as a part not read (`not loaded: …`), or not at all; the
    /// shell notes those the API left unanswered, so a replay that lacked them is known to be partial (tester53b U2).
    public var failed: ((_ method: String, _ path: String, _ error: KapsoAPIError) -> Void)?
    /// Told of each successful response's JSON, whatever the command does with it: a recording learns the
    /// personal data in it (a contact's name from a look-up) even when the command shows it in a sentence. With it, what
    /// the JSON was read from: an answer read from the same bytes the same way is the same JSON (`AnswerSource`).
    public var received: ((JSONValue, AnswerSource) -> Void)?
    /// Told, before a list page that answered 2xx is decoded, of its next-page cursor as read from its bytes
    /// (`PagingCursor.next(in:)`), so the next page's GET can be sent while this one is decoded (`CursorPages`). Not
    /// told when the reading finds none; the decoded page's own cursor is what the list goes on with.
    public var listCursorAhead: ((String) -> Void)?
    /// The URLs of the first requests answered 2xx with JSON (`servedLimit`, a repeat of the one before left out), read
    /// as routes only when asked (`servedPaths`): reading every answer's route cost a replayed read ~54 K instructions.
    var servedURLs: [String] = []

    public init(baseURL: String, apiKey: Secret, transport: any HTTPTransport) {
        self.baseURL = KapsoClient.hostOnly(baseURL)
        self.apiKey = apiKey
        self.transport = transport
    }

    /// The host part for messages, e.g. `127.0.0.1`.
    public var host: String { URLParts(baseURL)?.host ?? baseURL }

    /// Strips a trailing `/`, `/platform/v1` or `/meta/whatsapp[/vX.Y]`, as Kapso's own scripts do.
    public static func hostOnly(_ url: String) -> String {
        var result = url
        while result.hasSuffix("/") { result.removeLast() }
        if let range = result.range(ofMetaVersionSuffix: ()) { result.removeSubrange(range) }
        for suffix in ["/platform/v1", "/meta/whatsapp", "/meta"] where result.hasSuffix(suffix) {
            result.removeLast(suffix.count)
        }
        return result
    }

    /// Builds the request for a Platform API path such as `/whatsapp/phone_numbers`.
    public func platformRequest(_ path: String, method: String = "GET", query: [(String, String)] = [], body: JSONValue? = nil)
        -> HTTPRequest
    {
        var url = baseURL + "/platform/v1" + path
        // Appended piece by piece: `map` and `joined` cost about 10,000 instructions a request.
        for (index, (name, value)) in query.enumerated() {
            url += index == 0 ? "?" : "&"
            url += percentEncode(name)
            url += "="
            url += percentEncode(value)
        }
        var headers = [HTTPHeader("X-API-Key", secret: apiKey), HTTPHeader("Accept", "application/json")]
        if body != nil { headers.append(HTTPHeader("Content-Type", "application/json")) }
        return HTTPRequest(method: method, url: url, headers: headers, body: body.map { Array($0.serialized().utf8) })
    }

    /// Sends a request and returns its JSON body, mapping error statuses to `KapsoAPIError`.
    public func perform(_ request: HTTPRequest) throws(KapsoAPIError) -> JSONValue {
        let response = try sendRetryingShortRateLimit(request)
        return try decode(response, for: request)
    }

    /// `perform`, then `shape` reads the JSON; a body of the wrong shape names the status that came back (a 202 or
    /// 206 is not "HTTP 200", probe18 P18-16).
    public func perform<T>(_ request: HTTPRequest, shape: (JSONValue) throws(KapsoAPIError) -> T) throws(KapsoAPIError) -> T {
        let response = try sendRetryingShortRateLimit(request)
        return try decode(response, for: request, shape: shape)
    }

    /// `decode`, then `shape` reads the JSON, as `perform(_:shape:)` does for a response fetched elsewhere (e.g. with
    /// `sendAll`).
    public func decode<T>(_ response: HTTPResponse, for request: HTTPRequest, shape: (JSONValue) throws(KapsoAPIError) -> T)
        throws(KapsoAPIError) -> T
    {
        let served = servedURLs.count
        let json = try decode(response, for: request)
        do throws(KapsoAPIError) { return try shape(json) } catch { throw unserved(error, since: served, status: response.status) }
    }

    /// Starts `request` (a GET) ahead of the `perform` that will ask for it; see `HTTPTransport.prefetch`.
    public func prefetch(_ request: HTTPRequest) {
        transport.prefetch(request)
    }

    /// `perform` for a list: the JSON and its `data` items' bytes (`ReceivedItems`), for printing them as JSON.
    ///
    /// `keys`, when given, is for a list whose items are only printed: each `data` element is then read without its
    /// tree and cut down to those keys (`JSONValue.scanList`; `ReceivedItems.keptKeys` says so), unless the body is
    /// one the scanner leaves to the parser. `received` is told of the cut-down document. With `keys`, the values of
    /// the keys `located` are located in each element without being parsed (`ReceivedItems.located`).
    public func performList(_ request: HTTPRequest, keeping keys: [String]? = nil, locating located: [String] = [])
        throws(KapsoAPIError) -> (JSONValue, ReceivedItems?)
    {
        let response = try sendRetryingShortRateLimit(request)
        announceCursor(of: response)
        return try decoded(response, for: request, keepingItems: true, keys: keys, located: located)
    }

    /// `performList`, then `shape` reads the list (usually `Page.decode`); a body of the wrong shape names the status
    /// that came back, as `perform(_:shape:)` does.
    public func performList<T>(
        _ request: HTTPRequest, keeping keys: [String]? = nil, locating located: [String] = [],
        shape: ((JSONValue, ReceivedItems?)) throws(KapsoAPIError) -> T
    ) throws(KapsoAPIError) -> T {
        let response = try sendRetryingShortRateLimit(request)
        announceCursor(of: response)
        let served = servedURLs.count
        let list = try decoded(response, for: request, keepingItems: true, keys: keys, located: located)
        do throws(KapsoAPIError) { return try shape(list) } catch { throw unserved(error, since: served, status: response.status) }
    }

    /// Tells `listCursorAhead` of a list answer's next cursor, before the answer is decoded.
    private func announceCursor(of response: HTTPResponse) {
        guard let listCursorAhead, response.isSuccess, let next = PagingCursor.next(in: response.body) else { return }
        listCursorAhead(next)
    }

    /// The longest `Retry-After` (seconds) a read waits out once before it reports the rate limit.
    public static let shortRateLimitWait = 2

    /// Sends `request`; a GET answered 429 with a `Retry-After` of 1 to `shortRateLimitWait` seconds is sent once more
    /// after that wait, and the second answer is the one read (a `Retry-After: 0` is left to the caller: a follow loop
    /// paces its own polls, at least its interval apart). A shared limit (a number's health reads, 5 a second per
    /// project, kapso-api.md §2.3) met by another client made a whole `overview` fail for a wait of one second (probe43
    /// P43-19). A write is never sent twice; a longer or absent `Retry-After` (Kapso's own says 60, §1.5) is reported.
    private func sendRetryingShortRateLimit(_ request: HTTPRequest) throws(KapsoAPIError) -> HTTPResponse {
        let response: HTTPResponse
        let health = isHealthRead(request)
        if health { paceHealthRead() }
        do { response = try transport.send(request) } catch { throw told(.transport(error), request) }
        tellAnswered(request, response)
        guard let wait = shortRateLimitWait(request, response) else { return response }
        usleep(UInt32(wait) * 1_000_000)
        if health { paceHealthRead() }
        let again: HTTPResponse
        do { again = try transport.send(request) } catch { throw told(.transport(error), request) }
        tellAnswered(request, again)
        return again
    }

    /// `error`, once `failed` is told of it for `request`.
    func told(_ error: KapsoAPIError, _ request: HTTPRequest) -> KapsoAPIError {
        failed?(request.method, failed == nil ? "" : relativePath(of: request.url), error)
        return error
    }

    /// The wait (1 to `shortRateLimitWait` seconds) before `request` goes once more: a GET answered 429 with such a
    /// `Retry-After`; nil for any other exchange (a write, another status, a longer, absent or zero wait).
    func shortRateLimitWait(_ request: HTTPRequest, _ response: HTTPResponse) -> Int? {
        guard request.method == "GET", response.status == 429,
            let wait = RetryAfter.seconds(response.header("Retry-After"), date: response.header("Date"), serverTime: serverTime),
            (1...Self.shortRateLimitWait).contains(wait)
        else { return nil }
        return wait
    }

    /// Maps one response to its JSON or a typed error (shared by `perform` and concurrent calls).
    public func decode(_ response: HTTPResponse, for request: HTTPRequest) throws(KapsoAPIError) -> JSONValue {
        try decoded(response, for: request, keepingItems: false).0
    }

    /// `decode`, with the `data` items' bytes when `keepingItems` (nil otherwise, and for a 204).
    private func decoded(
        _ response: HTTPResponse, for request: HTTPRequest, keepingItems: Bool, keys: [String]? = nil,
        located: [String] = []
    ) throws(KapsoAPIError) -> (JSONValue, ReceivedItems?)
    {
        do throws(KapsoAPIError) {
            return try read(response, for: request, keepingItems: keepingItems, keys: keys, located: located)
        } catch { throw told(error, request) }
    }

    /// `decoded`, before `failed` is told of an error.
    private func read(
        _ response: HTTPResponse, for request: HTTPRequest, keepingItems: Bool, keys: [String]?, located: [String]
    ) throws(KapsoAPIError) -> (JSONValue, ReceivedItems?)
    {
        readServerTime(of: response)
        if request.url.hasSuffix("/health") {
            healthReadsLeftThisMinute = response.header("X-Health-RateLimit-Minute-Remaining").flatMap { Int($0) }
            if response.header("X-Health-RateLimit-Second-Remaining").flatMap({ Int($0) }) == 0 {
                healthSecondSpentAt = Self.monotonicSeconds()
            }
        }
        if response.status == 204 {
            // A write's 204 is its answer (`DELETE`, kapso-api.md §1.3); every read answers JSON, so a 204 to one is no
            // answer, said with its own status, not as "HTTP 200 … the body is null" (probe18 P18-16).
            guard request.isWrite else {
                throw .badResponse(status: 204, detail: "a read answered 204 No Content, without the JSON body the API sends", firstBytes: "")
            }
            return (.null, nil)
        }
        var items: ReceivedItems?
        let json: JSONValue?
        var reading = AnswerSource.Reading.whole
        if keepingItems, response.isSuccess, let keys, let list = JSONValue.scanList(response.body, keeping: keys, locating: located) {
            (json, items, reading) = (list.0, list.1, .kept(keys: keys, located: located))
        } else if keepingItems, response.isSuccess, let list = try? JSONValue.parseList(response.body) {
            (json, items, reading) = (list.0, list.1, .list)
        } else {
            json = try? JSONValue.parse(response.body)
        }
        guard response.isSuccess else { throw error(for: response, json: json, request: request) }
        guard let json else {
            // A write the server accepted but whose answer cannot be read may still have happened.
            if request.isWrite {
                throw .transport(.noAnswer(host: host, detail: "the \(response.status) answer's body is not valid JSON"))
            }
            throw .badResponse(status: response.status, detail: unreadable(response.body), firstBytes: preview(response))
        }
        if servedURLs.count < Self.servedLimit, servedURLs.last != request.url { servedURLs.append(request.url) }
        received?(json, AnswerSource(body: response.body, reading: reading))
        return (json, items)
    }

    private func error(for response: HTTPResponse, json: JSONValue?, request: HTTPRequest) -> KapsoAPIError {
        // A 401 Kapso did not give (a Basic challenge, a sign-in page) is no verdict on the key (`UnauthorizedAnswer`, P40-4).
        if response.status == 401,
            let foreign = UnauthorizedAnswer.foreign(host: host, challenge: response.header("WWW-Authenticate"), json: json, body: response.body)
        {
            return .badResponse(status: 401, detail: foreign, firstBytes: preview(response))
        }
        // Before the 401 rule: Graph answers a Kapso key with its own object, and that says more than "rejected".
        if let json, json["error"]?.object != nil, pathOf(request.url).hasPrefix("/platform/") {
            return .foreignError(status: response.status, path: pathOf(request.url), body: json)
        }
        // A 401 in Kapso's or Graph's JSON is a refused credential; a Graph error object goes with it, for the reader to
        // tell the project key from the number's Meta token (P26-2).
        if response.status == 401 {
            let graph = json.flatMap { $0["error"]?.object == nil ? nil : MetaSendError(status: 401, json: $0) }
            return .unauthorized(host: host, graph: graph.map { var error = $0; error.path = pathOf(request.url); return error })
        }
        // kops follows no redirect (a write must not be re-sent elsewhere): where it points is the diagnosis, an http→https
        // move or a login page in front of the API (probe16 P16-4).
        if (300..<400).contains(response.status) {
            let location = response.header("Location").map(visibleLocation) ?? "nowhere (no Location header)"
            return .badResponse(
                status: response.status,
                detail: "a redirect to \(location), which kops does not follow; if that is the API's address, use it as the base URL",
                firstBytes: "")
        }
        // A rate limit or an outage is the status's to say, whatever the body: a proxy or load balancer in front of the
        // API answers with its own page (probe22 P22-21: "unexpected response", its Retry-After ignored). A 503 was not
        // handled (RFC 9110 §15.6.4); a 502 or 504 may have been, so a write's fate stays unknown below.
        if json?.object == nil, response.status == 429 || response.status == 503 {
            let page = "a page that is not Kapso's JSON (a proxy or load balancer in front of the API?) starting " + preview(response)
            guard response.status == 429 else { return .server(status: 503, message: page) }
            let wait = RetryAfter.seconds(response.header("Retry-After"), date: response.header("Date"), serverTime: serverTime)
            return .rateLimited(retryAfter: wait, message: page)
        }
        guard let json, json.object != nil else {
            return .badResponse(
                status: response.status, detail: "the error body is not JSON", firstBytes: preview(response))
        }
        let message = errorText(json) ?? "no error message"
        switch response.status {
        case 401: return .unauthorized(host: host, graph: nil)
        case 404: return .notFound(path: pathOf(request.url), message: message)
        case 429:
            let wait = RetryAfter.seconds(response.header("Retry-After"), date: response.header("Date"), serverTime: serverTime)
            return .rateLimited(retryAfter: wait, message: message)
        case 500...: return .server(status: response.status, message: message)
        default: return .rejected(status: response.status, message: message, fields: fieldErrors(json))
        }
    }

    func pathOf(_ url: String) -> String {
        var path = url.dropFirst(baseURL.count)
        if let query = path.firstIndex(of: "?") { path = path[..<query] }
        return String(path)
    }
}

/// Percent-encodes everything but unreserved characters (RFC 3986), so WAMIDs survive in paths.
public func percentEncode(_ text: String) -> String {
    // Most query values (`1`, `20`, `project`) have nothing to encode.
    if text.utf8.allSatisfy(isUnreserved) { return text }
    var result = ""
    for byte in text.utf8 {
        switch byte {
        case _ where isUnreserved(byte):
            result.append(Character(Unicode.Scalar(byte)))
        default:
            let hex = Array("0123456789ABCDEF")
            result += "%" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 0xF)])
        }
    }
    return result
}

/// RFC 3986's unreserved bytes: letters, digits, `-`, `.`, `_` and `~`.
private func isUnreserved(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
        UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
        true
    default: false
    }
}

extension String {
    /// The range of a trailing `/vNN.N` Graph version segment, if any.
    fileprivate func range(ofMetaVersionSuffix: Void) -> Range<String.Index>? {
        guard let slash = lastIndex(of: "/") else { return nil }
        let segment = self[index(after: slash)...]
        guard segment.hasPrefix("v"), segment.count > 1,
            segment.dropFirst().allSatisfy({ $0.isNumber || $0 == "." })
        else { return nil }
        let before = self[..<slash]
        guard before.hasSuffix("/meta/whatsapp") || before.hasSuffix("/meta") else { return nil }
        return slash..<endIndex
    }
}
