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
    /// The query as called, from its `?`: `?access_token=<redacted>`, `?`.
    public let query: String
    /// The path without it: `/meta/whatsapp/v24.0/100200300400501/messages`.
    public let cleaned: String
    /// The credential parameter it names (`access_token`), nil when it holds none.
    public let credential: String?

    /// Parameter names that carry a credential, lowercased: Graph's token, and a key sent as a parameter.
    static let credentials: Set<String> = ["access_token", "api_key", "apikey", "x-api-key", "x_api_key"]

    /// The query of `endpoint` when kops reads it as a mistake for `method` (see the type); nil otherwise, and for a path
    /// that is no documented route (`APIRoute.documented`) without it.
    public static func read(method: String, endpoint: String) -> PathQuery? {
        guard let mark = endpoint.firstIndex(of: "?") else { return nil }
        let cleaned = String(endpoint[..<mark])
        let query = String(endpoint[mark...])
        guard let route = APIRoute.documented(cleaned) else { return nil }
        let names = query.dropFirst().split(separator: "&").map { pair in
            let name = String(pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
            return (name.removingPercentEncoding ?? name).lowercased()
        }
        let credential = names.first { credentials.contains($0) }
        let send = method.uppercased() == "POST" && route.surface == .metaProxy && route.slot == .phoneNumberID
        guard credential != nil || send else { return nil }
        return PathQuery(query: query, cleaned: cleaned, credential: credential)
    }

    /// The reading of a 404 (or 405) on the path; `success` is a 2xx answer to the same method on the path without the
    /// query (the API log's), which makes the query a likely cause.
    public func meaning(method: String, success: APILog? = nil) -> String {
        let route = (method.isEmpty ? "" : method + " ") + cleaned
        let evidence = success.map { "; the same route without it was answered \($0.responseStatus) at \($0.createdAt), so it is a likely cause" } ?? ""
        if let credential {
            return "the query holds \(credential), a credential sent in the URL (Graph's style): Kapso takes the project key in "
                + "the X-API-Key header (or a bearer token on its WhatsApp API), not in the query, so the query is the caller's "
                + "mistake; Kapso does not document what it does with one (passed on to Meta, a token without access to the "
                + "number is answered 404)\(evidence); send \(route) without it, with the key in X-API-Key, and treat that "
                + "credential as exposed (a URL can end up in logs)"
        }
        let shown = query == "?" ? "an empty query ('?')" : "a query (\(query))"
        return "the path ends in \(shown), unlike the documented route \(route), which takes none: Kapso does not document "
            + "how it treats one (passed on to Meta, or matched with the path)\(evidence); send the call without it"
    }
}
