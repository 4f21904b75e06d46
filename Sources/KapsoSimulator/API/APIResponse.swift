/// An HTTP response produced by a route: status, ordered headers and body bytes.
struct APIResponse: Sendable {
    var status: Int
    var headers: [(name: String, value: String)]
    var body: [UInt8]

    init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A JSON response with `Content-Type: application/json`.
    static func json(_ status: Int, _ value: JSONValue) -> APIResponse {
        APIResponse(status: status, headers: [("Content-Type", "application/json")], body: value.encoded)
    }

    /// `{"data": value}` with status 200 (or `status`).
    static func data(_ value: JSONValue, status: Int = 200) -> APIResponse {
        json(status, ["data": value])
    }

    /// The Platform API's error shape, `{"error": message}`.
    static func error(_ status: Int, _ message: String) -> APIResponse {
        json(status, ["error": .string(message)])
    }

    /// `204 No Content`, empty body (what `DELETE` answers).
    static let noContent = APIResponse(status: 204)

    static let notFound = error(404, "Not found")

    /// What an injected status fault answers: the Platform error shape (`platform_error.429.json` for 429), or on
    /// the Meta proxy (`graphTraceID` given) a Graph error object, as every proxy answer is (issue 20 §2).
    static func fault(status: Int, retryAfter: Int?, graphTraceID: String? = nil) -> APIResponse {
        var response: APIResponse
        if let graphTraceID {
            let wait = retryAfter.map { "; retry in \($0) s" } ?? ""
            response = json(status, GraphError.forStatus(status, details: "\(APIResponse(status: status).reason) (simulated fault)\(wait)", traceID: graphTraceID))
            if status == 429 {
                response.headers += [("X-RateLimit-Limit", String(SimulatorState.rateLimitPerMinute)), ("X-RateLimit-Remaining", "0")]
            }
        } else if status == 429 {
            let wait = retryAfter.map { "; retry in \($0) s" } ?? ""
            response = json(429, ["error": "Rate limit exceeded", "message": .string("Too many requests (simulated fault)\(wait)")])
            response.headers += [("X-RateLimit-Limit", String(SimulatorState.rateLimitPerMinute)), ("X-RateLimit-Remaining", "0")]
        } else {
            response = error(status, "\(APIResponse(status: status).reason) (simulated fault)")
        }
        if let retryAfter { response.headers.append(("Retry-After", String(retryAfter))) }
        return response
    }

    /// The `html` fault: a load balancer's 502 page instead of JSON.
    static let gatewayPage = APIResponse(
        status: 502, headers: [("Content-Type", "text/html; charset=utf-8")],
        body: Array(
            """
            <html>
            <head><title>502 Bad Gateway</title></head>
            <body>
            <center><h1>502 Bad Gateway</h1></center>
            <hr><center>kapso-sim (simulated fault)</center>
            </body>
            </html>

            """.utf8))

    /// The reason phrase for the status line.
    var reason: String {
        switch status {
        case 200: "OK"
        case 201: "Created"
        case 204: "No Content"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 402: "Payment Required"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 408: "Request Timeout"
        case 409: "Conflict"
        case 413: "Content Too Large"
        case 414: "URI Too Long"
        case 415: "Unsupported Media Type"
        case 422: "Unprocessable Entity"
        case 429: "Too Many Requests"
        case 431: "Request Header Fields Too Large"
        case 500: "Internal Server Error"
        case 501: "Not Implemented"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        case 505: "HTTP Version Not Supported"
        default: "Status \(status)"
        }
    }

    /// The value of header `name` (case-insensitive), if set.
    func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }
}

/// A route's early exit carrying the response to send (bad parameters, unknown ids, validation).
struct APIError: Error {
    var response: APIResponse

    init(_ response: APIResponse) {
        self.response = response
    }

    static func badRequest(_ message: String) -> APIError { APIError(.error(400, message)) }
    /// 422 in the Platform shape, for a body that cannot be read (the write operations document 422, not 400).
    static func unprocessable(_ message: String) -> APIError { APIError(.error(422, message)) }
    static func notFound(_ message: String) -> APIError { APIError(.error(404, message)) }

    /// 422 with the per-field shape `{"error": "...", "errors": {"field": ["msg"]}}`; `error` joins Rails-style
    /// full messages (`buffer_events` → `Buffer events must be a list of strings`), so a single unknown event
    /// reads `Events contains unsupported events: "x"` as Kapso words it (`kapso-api.md` §14.1).
    static func validation(_ errors: [(field: String, message: String)]) -> APIError {
        var fields = JSONObject()
        for (field, message) in errors {
            let previous = fields[field]?.arrayValue ?? []
            fields[field] = .array(previous + [.string(message)])
        }
        let summary = errors.map { "\(humanized($0.field)) \($0.message)" }.joined(separator: ", ")
        return APIError(.json(422, ["error": .string(summary), "errors": .object(fields)]))
    }

    /// `buffer_events` → `Buffer events`.
    private static func humanized(_ field: String) -> String {
        let words = String(field.map { $0 == "_" ? " " : $0 })
        return words.prefix(1).uppercased() + words.dropFirst()
    }
}
