public import KopsHTTP

extension KapsoClient {
    /// The request for one page of `GET /api_logs` (cursor style, newest first).
    ///
    /// `query` uses the API's names: `endpoint`, `status_code`, `errors_only`, `period`, `limit`, `after`.
    public func apiLogsRequest(_ query: [(String, String)]) -> HTTPRequest {
        platformRequest("/api_logs", query: query)
    }

    /// One page of API logs.
    public func apiLogs(_ query: [(String, String)]) throws(KapsoAPIError) -> Page<APILog> {
        try performList(apiLogsRequest(query)) { list throws(KapsoAPIError) in try Page.decode(list, item: APILog.init(json:)) }
    }

    /// Decodes an API logs page fetched elsewhere (e.g. with `sendAll`).
    public func apiLogs(from json: JSONValue) throws(KapsoAPIError) -> Page<APILog> {
        try Page.decode(json, item: APILog.init(json:))
    }
}
