public import KapsoClient
public import KapsoDiagnostics

/// A 404 that every call would get, from an endpoint Kapso always has (`GET /platform/v1/whatsapp/phone_numbers`,
/// kapso-api.md §2.1) or as a page that is not JSON: the API host is wrong, not the thing asked for. The line names
/// the full URL asked and the base URL with where it came from (probe3 F4).
public struct BaseURLError: KopsError, Equatable {
    /// The URL that was asked, base included.
    public var url: String?
    /// What came back: `not found (404): Not found`, or the first bytes of a page that is not JSON.
    public var answer: String
    /// The base URL as configured, and where it came from (`env KAPSO_API_BASE_URL`, `profile acme`).
    public var base: String
    public var source: String?
    /// Meta's Graph error object, when the answer was one (probe9 P9-17): the host is Graph, or in front of it.
    public var graph: GraphErrorObject? = nil
    /// True when the answer's error object is in no shape Kapso's Platform API uses (Graph's or another's).
    public var foreignShape = false
    /// True when the answer was to a Meta proxy path (a send): nothing reached the contact.
    public var metaProxy = false
    /// Paths this host answered 2xx with JSON earlier in the session (`KapsoClient.servedPaths`): then one answer like this
    /// does not make the host wrong (tester51 G6: one 404 after 200s read as "this host does not serve Kapso's API").
    public var served: [String] = []
    /// True when the answer only makes a wrong host likely (JSON of another shape), not certain (a web page).
    public var likely = false

    /// `error` rewritten when it says the host is wrong; nil otherwise. `clientBase` is the base the client joins
    /// paths to (`http://127.0.0.1:8080/api`), `base` the one the user gave. `served`: the paths the same host answered
    /// with JSON in this session (`KapsoClient.servedPaths`).
    public static func explaining(
        _ error: KapsoAPIError, clientBase: String, base: String, source: String?, served: [String] = []
    ) -> BaseURLError? {
        var explained = wrongHost(error, clientBase: clientBase, base: base, source: source)
        explained?.served = served
        return explained ?? notAList(error, base: base, source: source, served: served)
    }

    /// A list answered 2xx with JSON that has no `data` array (`{"ok":true}`) before the host answered anything else, from
    /// a host that is not Kapso's: most likely another service on that host or port (a health endpoint, a proxy's
    /// default backend), said as a web page is (tester54 V18: "list response without a 'data' array" named no setting).
    /// Nil once the host answered in this session, and for Kapso's own host, where the shape is Kapso's to explain. So is a
    /// list's `data` without `meta` or `paging` (`{"data":[]}`) and an object without its `data` (`message WAMID`), which
    /// said "unexpected response (HTTP 200): message response without 'data'" (tester56b V18 residual).
    private static func notAList(_ error: KapsoAPIError, base: String, source: String?, served: [String]) -> BaseURLError? {
        guard served.isEmpty, !BaseURLShape.isKapsoHost(base), case .badResponse(let status, let detail, _) = error, (200..<300).contains(status)
        else { return nil }
        let missing: String
        if detail.hasPrefix(KapsoAPIError.notAList) {
            let shape = detail.dropFirst(KapsoAPIError.notAList.count).drop { $0 == " " }
            missing = "lists have (no 'data' array" + (shape.isEmpty ? "" : "; " + shape.dropFirst().dropLast()) + ")"
        } else if detail == KapsoAPIError.noPaging {
            missing = "lists have (a 'data' array without Kapso's 'meta' or Meta's 'paging')"
        } else if let object = detail.split(separator: " response without").first, detail == KapsoAPIError.noData(String(object)) {
            missing = "\(object) answers have (no 'data' object)"
        } else {
            return nil
        }
        return BaseURLError(url: nil, answer: "HTTP \(status) with JSON in no shape Kapso's \(missing)", base: base, source: source, likely: true)
    }

    private static func wrongHost(_ error: KapsoAPIError, clientBase: String, base: String, source: String?) -> BaseURLError? {
        switch error {
        case .notFound(let path, let message) where APIPath.alwaysExists(path):
            return BaseURLError(url: clientBase + path, answer: "not found (404): \(message)", base: base, source: source)
        case .foreignError(let status, let path, let body):
            let graph = GraphErrorObject(body)
            let answer = graph.map { "like Meta's Graph API (\($0.label): \(Shortened.text($0.message)))" }
                ?? "\(status) with an error object Kapso's API never sends"
            return BaseURLError(url: clientBase + path, answer: answer, base: base, source: source, graph: graph, foreignShape: true)
        case .sendRejected(let rejection):
            // A Meta proxy path answered by Graph itself: the host passes Kapso's paths on to Meta as they are.
            guard let graph = GraphErrorObject(rejection), graph.namesKapsoPath else { return nil }
            let answer = "like Meta's Graph API (\(graph.label): \(Shortened.text(graph.message)))"
            return BaseURLError(
                url: rejection.path ?? clientBase, answer: answer, base: base, source: source, graph: graph, foreignShape: true,
                metaProxy: true)
        case .badResponse(404, _, let firstBytes):
            return BaseURLError(url: nil, answer: "HTTP 404 with a page that is not JSON (\(firstBytes))", base: base, source: source)
        case .badResponse(let status, KapsoAPIError.webPage, let firstBytes) where (200..<300).contains(status):
            // Every Kapso route answers JSON (kapso-api.md §1.1): a web page with a 200 is a website or a single-page app
            // answering every path, as a dashboard does (probe41 P41-5: "unexpected response" named no setting).
            return BaseURLError(url: nil, answer: "HTTP \(status) with a web page, not JSON (\(firstBytes))", base: base, source: source)
        default:
            return nil
        }
    }

    public var message: String {
        let asked = url.map { "\($0), an endpoint every Kapso API has, answered \(answer)" } ?? "the API answered \(answer)"
        let origin = source.map { " (\($0))" } ?? ""
        // The same host answered other paths in this session: neither the host nor the base URL is the mistake.
        if !served.isEmpty, !metaProxy {
            let paths = served.count == 1 ? served[0] : served.dropLast().joined(separator: ", ") + " and " + served[served.count - 1]
            let asked = foreignShape ? "\(url ?? base) answered \(answer)" : asked
            return "\(asked), although this host answered \(paths) in this session, so the base URL \(base)\(origin) is not the "
                + "mistake: a transient error, or a proxy or gateway in between that passes only some paths; try again, and if it "
                + "stays, check what stands between kops and the API (HTTPS_PROXY, a gateway's routes)"
        }
        // Kapso's own host answers JSON on every route: an answer in another shape came from something in between, so
        // "this host does not serve Kapso's API" would be wrong there.
        if BaseURLShape.isKapsoHost(base) {
            return "\(asked): that is not Kapso's API answering, though the base URL \(base)\(origin) is Kapso's host: a "
                + "proxy, captive portal or firewall in between answered instead; check the network (HTTPS_PROXY, a sign-in "
                + "page) and retry"
        }
        if foreignShape {
            // Any Platform path: Kapso's own answer never has this shape, whether or not the path always exists.
            let asked = "\(url ?? base) answered \(answer)"
            guard graph != nil else {
                return "\(asked): this host does not serve Kapso's API: \(base)\(origin); Kapso's is "
                    + "\(BaseURLShape.kapsoHost), kapso-sim prints its own; 'state' shows it, --base-url or 'profile' changes it"
            }
            if metaProxy {
                return "\(asked), so Meta's Graph API got Kapso's proxy path as it was and nothing was sent to the contact: \(base)\(origin) "
                    + "passes /meta/whatsapp on to Meta instead of serving Kapso's Meta proxy; Kapso's host is "
                    + "\(BaseURLShape.kapsoHost) (it serves /meta/whatsapp/v24.0), and a Kapso key is not a Meta access token; "
                    + "'state' shows the base URL, --base-url or 'profile' changes it"
            }
            return "\(asked): \(base)\(origin) is Meta's Graph API or stands in front of it, not Kapso's API; Kapso's host is "
                + "\(BaseURLShape.kapsoHost) (kops adds /platform/v1), and a Kapso key is not a Meta access token; "
                + "'state' shows the base URL, --base-url or 'profile' changes it"
        }
        // Already the host only (probe6 P6-9): the path is not the mistake, the host is.
        if Self.isHostOnly(base) {
            return "\(asked): this host \(likely ? "most likely does" : "does") not serve Kapso's API: \(base)\(origin) (wrong host or port?); Kapso's is "
                + "https://api.kapso.ai, kapso-sim prints its own; 'state' shows it, --base-url or 'profile' changes it"
        }
        return "\(asked): the API base URL looks wrong: \(base)\(origin); it should be the host only, e.g. "
            + "https://api.kapso.ai (kops adds /platform/v1); 'state' shows it, --base-url or 'profile' changes it"
    }

    /// Whether `base` has no path after its host (`https://h`, `http://h:8080/`); a base without a scheme counts
    /// by what follows its first `/`.
    static func isHostOnly(_ base: String) -> Bool {
        var rest = Substring(base)
        if let colon = rest.firstIndex(of: ":"), rest[colon...].hasPrefix("://") { rest = rest[rest.index(colon, offsetBy: 3)...] }
        guard let slash = rest.firstIndex(of: "/") else { return true }
        return rest[slash...].allSatisfy { $0 == "/" }
    }

    public var exitStatus: ExitStatus { .failure }
}
