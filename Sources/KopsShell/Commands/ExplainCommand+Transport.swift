internal import KapsoClient
internal import KapsoDiagnostics

extension ExplainCommand {
    /// curl's own error line (`curl: (6) Could not resolve host: api.kapso.ai`), unless the words hold an error code kops
    /// knows beside it (a body pasted after the line): curl's exit status is no Graph code (tester59 AF1).
    static func curlLine(_ text: String) -> CurlExit? {
        guard let curl = CurlExit(text) else { return nil }
        if let pasted = PastedError(text), ErrorCatalog.entry(for: pasted.code) != nil { return nil }
        return curl
    }

    /// What curl's exit status means and what to check, with the man page it comes from. A 22 whose words name the
    /// status (`The requested URL returned error: 401`) adds that status's reading (tester59b AG2).
    static func curlExit(_ curl: CurlExit, text: String) -> CommandResult {
        var fields = [Field("curl exit", String(curl.code), style: .bold)]
        if let name = curl.name { fields.append(Field("name", name)) }
        fields += [Field("meaning", curl.meaning), Field("answered by", curl.answered)]
        var status: Int?
        if case .httpError(let said?) = curl.reach, let reading = KapsoStatusReading(status: said, call: PastedCall(text)) {
            status = said
            fields += [Field("HTTP status", String(said), style: .bold), Field("status says", reading.meaning)]
            for (index, cause) in reading.causes.enumerated() {
                fields.append(Field("could be \(index + 1)", "\(cause.cause); check: \(cause.check)"))
            }
            fields.append(Field("what to do", reading.todo))
        }
        let limit = curl.code == 28 ? ClientTimeout(text)?.limit : nil
        if let limit { fields.append(Field("timeout", limit)) }
        fields += [Field("check", curl.check), Field("source", CurlExit.reference, style: .dim)]
        let json: JSONValue = [
            "curl_exit": .number(String(curl.code)), "name": curl.name.map(JSONValue.string) ?? .null,
            "meaning": .string(curl.meaning), "answered_by": .string(curl.answered), "check": .string(curl.check),
            "code": .null, "http_status": status.map { .number(String($0)) } ?? .null, "source": .string(CurlExit.reference),
            "timeout": limit.map(JSONValue.string) ?? .null,
        ]
        return CommandResult(blocks: [.fields(fields)], json: json)
    }

    /// The caller's network error (`Error: connect ECONNREFUSED 127.0.0.1:443`, `requests.exceptions.ReadTimeout`), unless
    /// the words hold a Meta code beside it (`(#131047)`, a six-digit code).
    static func networkLine(_ text: String) -> ClientNetworkError? {
        guard let failure = ClientNetworkError(text) else { return nil }
        if let pasted = PastedError(text), ErrorCatalog.entry(for: pasted.code) != nil,
            pasted.code.count >= 5 || PastedError.hashCode(in: text) != nil
        {
            return nil
        }
        return failure
    }

    /// What the caller's network error means, whether the request may have reached the API, and what to check.
    static func networkError(_ failure: ClientNetworkError) -> CommandResult {
        // The examples give way to the client the words name (tester62b AM9: "(Node.js, Python, …)" above "client: Go";
        // tester63b AO11: Java's, requests' and Ruby's words too), set off by commas when its name holds parentheses.
        let client = failure.client.map { $0.contains("(") ? ", \($0)," : " (\($0))," } ?? " (Node.js, Python, Go, …),"
        let answered = "the caller's own HTTP client\(client) not an API error code"
        var fields = [Field("network", failure.name, style: .bold), Field("answered by", answered)]
        if failure.timeout != nil || failure.client != nil {
            // The client is named only when the words prove it (tester62 AK6: Go's deadline was called axios's).
            fields.append(Field("client", failure.client ?? "not named by these words (a client-side timeout)"))
            if let limit = failure.timeout?.limit { fields.append(Field("timeout", limit)) }
        }
        fields += [
            Field("meaning", failure.meaning), Field("outcome", failure.outcome), Field("check", failure.check),
            Field("source", failure.reference, style: .dim),
        ]
        let json: JSONValue = [
            "network_error": .string(failure.name), "meaning": .string(failure.meaning), "outcome": .string(failure.outcome),
            "may_have_reached": failure.mayHaveReached.map(JSONValue.bool) ?? .null, "check": .string(failure.check),
            "client": failure.client.map(JSONValue.string) ?? .null,
            "timeout": failure.timeout?.limit.map(JSONValue.string) ?? .null,
            "code": .null, "http_status": .null, "source": .string(failure.reference),
        ]
        return CommandResult(blocks: [.fields(fields)], json: json)
    }
}
