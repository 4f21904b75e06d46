/// Whether a 401 is Kapso's verdict on the API key, or an answer of something else at the base URL.
///
/// Kapso's Platform API takes the project key in `X-API-Key` and answers a missing or invalid one with its JSON error
/// `{"error": "…"}` (kapso-api.md §1.5, SPEC `ErrorResponse`); the Meta proxy answers in Graph's shape `{"error": {…}}`
/// (§9.3-9.4). A 401 that asks for HTTP Basic, Digest, Negotiate or NTLM credentials (`WWW-Authenticate`, RFC 9110
/// §11.6.1, §15.5.2: the challenge names the scheme *that server* wants) comes from a proxy or web server in front, and a
/// 401 whose body is an HTML sign-in page, plain text or JSON without `error` comes from a web application, a proxy or
/// another host: neither judged the Kapso key (probe40 P40-4: both were "the key was rejected", exit 77, which sends the
/// on-call engineer to rotate a key that may be fine). Graph's own challenge (`OAuth "Facebook Platform" …`) and a
/// `Bearer` one leave the body to decide.
enum UnauthorizedAnswer {
    /// Schemes a proxy or web server asks for; Kapso's key is none of them.
    static let foreignSchemes: Set<String> = ["basic", "digest", "negotiate", "ntlm"]

    /// What a 401 at `host` that is not Kapso's says, for `KapsoAPIError.badResponse`'s detail; nil when it may be
    /// Kapso's (a JSON object with `error`, and no challenge of a foreign scheme). `challenge` is the `WWW-Authenticate`
    /// header, `json` the body read as JSON (nil when it is not), `body` its bytes.
    static func foreign(host: String, challenge: String?, json: JSONValue?, body: [UInt8]) -> String? {
        let check = "check the base URL ('state' shows it; Kapso's is https://api.kapso.ai) and any proxy in between"
        let scheme = challenge.flatMap { $0.split(separator: " ").first }.map(String.init)
        if let scheme, foreignSchemes.contains(scheme.lowercased()) {
            let shown = scheme.prefix(20).filter { $0.isLetter || $0.isNumber || $0 == "-" }
            return "\(host) asked for HTTP \(shown) credentials (WWW-Authenticate: \(shown)), which Kapso's API never does "
                + "(it takes the project key in X-API-Key and answers a bad one with JSON {\"error\": …}): "
                + "a proxy or web server in front, or another host, refused the request, and the Kapso key was not judged; "
                + check
        }
        if let json, json.object != nil, json["error"] != nil { return nil }
        let what: String
        let text = body.drop { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
        if body.isEmpty {
            what = "an empty body"
        } else if text.first == UInt8(ascii: "<") {
            what = "an HTML page (a sign-in page or a proxy's)"
        } else if json?.object != nil {
            what = "JSON without an 'error'"
        } else {
            what = "a body that is not JSON"
        }
        return "\(host) answered 401 with \(what), not Kapso's JSON error {\"error\": …}: a web app's "
            + "sign-in, a proxy or another host answered, so it says nothing about the Kapso key; " + check
    }
}
