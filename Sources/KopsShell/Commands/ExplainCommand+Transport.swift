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

    /// What curl's exit status means and what to check, with the man page it comes from.
    static func curlExit(_ curl: CurlExit) -> CommandResult {
        let answered = "curl's exit status, not an API error code: the transfer failed before an HTTP answer came, so "
            + "neither Kapso nor Meta said anything"
        var fields = [Field("curl exit", String(curl.code), style: .bold)]
        if let name = curl.name { fields.append(Field("name", name)) }
        fields += [
            Field("meaning", curl.meaning), Field("answered by", answered), Field("check", curl.check),
            Field("source", CurlExit.reference, style: .dim),
        ]
        let json: JSONValue = [
            "curl_exit": .number(String(curl.code)), "name": curl.name.map(JSONValue.string) ?? .null,
            "meaning": .string(curl.meaning), "answered_by": .string(answered), "check": .string(curl.check),
            "code": .null, "http_status": .null, "source": .string(CurlExit.reference),
        ]
        return CommandResult(blocks: [.fields(fields)], json: json)
    }
}
