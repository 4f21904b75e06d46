internal import Foundation
public import KapsoClient

/// A query on a called path that kops reads as the caller's mistake (tester51b F4): a credential in the URL
/// (`…/messages?access_token=…`: Graph's way to pass a Meta token, where Kapso takes the project key in the `X-API-Key`
/// header, or a bearer token on its WhatsApp API: docs.kapso.ai/api/introduction, kapso-api.md §1.1), or any query, empty
/// included (`…/messages?`), on a POST to a phone number's proxy route, which Kapso documents without one. Kops's route
/// readings set a path's query aside, so without this the call read as "the route and the id are right". A query on a GET
/// (list filters, Graph's `fields`) or on another write (Graph's template delete takes `?name=`; an old skill tests a
/// webhook with `?event_type=`, §0.10) is left alone.
public struct PathQuery: Sendable, Equatable {
    /// The query as called, from its `?` (or its encoded `%3F`): `?access_token=<redacted>`, `?`, `%3Faccess_token=…`.
    public let query: String
    /// The path without it: `/meta/whatsapp/v24.0/100200300400501/messages`.
    public let cleaned: String
    /// The credential parameter it names (`access_token`), nil when it holds none.
    public let credential: String?
    /// True when the `?` was percent-encoded into the path (`…/messages%3Faccess_token=…`: a client that encoded the whole
    /// URL, or a path built with its query inside), so the query is part of the path's last segment (tester52b K2).
    public let encoded: Bool

    /// Parameter names that carry a credential, lowercased: Graph's token, and a key sent as a parameter.
    static let credentials: Set<String> = ["access_token", "api_key", "apikey", "x-api-key", "x_api_key"]

    /// The query of `endpoint` when kops reads it as a mistake for `method` (see the type); nil otherwise, and for a path
    /// that is no documented route (`APIRoute.documented`) without it. A query encoded into the path (`%3F`, either case)
    /// is a mistake on any method.
    public static func read(method: String, endpoint: String) -> PathQuery? {
        let path = endpoint.firstIndex(of: "?").map { endpoint[..<$0] } ?? endpoint[...]
        if let mark = path.range(of: "%3f", options: .caseInsensitive) {
            let cleaned = String(endpoint[..<mark.lowerBound])
            guard APIRoute.documented(cleaned) != nil else { return nil }
            let rest = String(endpoint[mark.upperBound...])
            let decoded = rest.removingPercentEncoding ?? rest
            return PathQuery(
                query: String(endpoint[mark.lowerBound...]), cleaned: cleaned,
                credential: credential(in: decoded.replacingOccurrences(of: "?", with: "&")), encoded: true)
        }
        guard let mark = endpoint.firstIndex(of: "?") else { return nil }
        let cleaned = String(endpoint[..<mark])
        let query = String(endpoint[mark...])
        guard let route = APIRoute.documented(cleaned) else { return nil }
        let credential = credential(in: String(query.dropFirst()))
        let send = method.uppercased() == "POST" && route.surface == .metaProxy && route.slot == .phoneNumberID
        guard credential != nil || send else { return nil }
        return PathQuery(query: query, cleaned: cleaned, credential: credential, encoded: false)
    }

    /// The first credential parameter name (`credentials`) among `query`'s `name=value` pairs (without the `?`).
    static func credential(in query: String) -> String? {
        let names = query.split(separator: "&").map { pair in
            let name = String(pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
            return (name.removingPercentEncoding ?? name).lowercased()
        }
        return names.first { credentials.contains($0) }
    }

    /// The reading of a failed call (answered `status`) of the path; `success` is a 2xx answer to the same method on the
    /// path without the query (the API log's), which makes the query a likely cause. A credential is read so on any
    /// status: the key in the URL is the cause whatever Kapso answered (tester52b K15: a 401 read "check which key").
    public func meaning(method: String, status: Int = 404, success: APILog? = nil) -> String {
        let route = (method.isEmpty ? "" : method + " ") + cleaned
        let evidence = success.map { "; the same route without it was answered \($0.responseStatus) at \($0.createdAt), so it is a likely cause" } ?? ""
        let head = encoded
            ? "the path's last segment is '\(cleaned.split(separator: "/").last ?? "")' followed by an encoded '?' (%3F) and a "
                + "query: the query was URL-encoded into the path (a client encoding the whole URL, or a path built with the "
                + "query inside it), so Kapso's router reads it as part of the path; send '?' as is"
            : nil
        if let credential {
            let answered = switch status {
            case 404, 405: "Kapso does not document what it does with one (passed on to Meta, a token without access to the "
                + "number is answered 404)"
            case 401: "the 401 says Kapso took no key it accepts from the call (a credential in the query is not the key)"
            default: "Kapso does not document what it does with one, so the \(status) may follow from it"
            }
            return (head.map { $0 + "; " } ?? "") + "the query holds \(credential), a credential sent in the URL (Graph's style): "
                + "Kapso takes the project key in the X-API-Key header (or a bearer token on its WhatsApp API), not in the "
                + "query, so the query is the caller's mistake; \(answered)\(evidence); send \(route) without it, with the "
                + "key in X-API-Key, and treat that credential as exposed (a URL can end up in logs)"
        }
        if let head { return head + evidence + "; send \(route) with its query after a plain '?', or without it" }
        let shown = query == "?" ? "an empty query ('?')" : "a query (\(query))"
        return "the path ends in \(shown), unlike the documented route \(route), which takes none: Kapso does not document "
            + "how it treats one (passed on to Meta, or matched with the path)\(evidence); send the call without it"
    }
}
