internal import Foundation

/// What is wrong with a URL or API path pasted to `whois` besides its id: the host or the route (probe26 P26-11: the
/// URL that 404s or 401s is what the user asks about, and the id in it may be fine).
///
/// `https://graph.facebook.com/v21.0/100200300400501/messages` → Meta's Graph host, with the same call through Kapso;
/// `https://api.kapso.ai/v24.0/100200300400501/messages` → the route meant (`APIRoute.nearMiss`: `/meta/whatsapp` missing);
/// `https://app.kapso.ai/api/v1/whatsapp_configs/{id}` → Kapso's legacy config-based API. Kapso facts: the host is
/// `https://api.kapso.ai`, the proxy `/meta/whatsapp/v24.0`, the platform `/platform/v1`; `app.kapso.ai/api/v1/...` is
/// the old config-based API and `app.kapso.ai/api/meta/{version}` the old proxy (kapso-api.md §1.1); Graph's host takes a
/// Meta access token, never a Kapso key (§1.1 auth).
public enum PastedURL {
    /// One line about the URL's host or route, nil when both are Kapso's and documented (or the text is no URL or path).
    public static func note(_ pasted: String) -> String? {
        let text = pasted.trimmingSpaces()
        guard text.contains("/") else { return nil }
        var host: String?
        var path = Substring(text)
        if let scheme = text.range(of: "://") {
            let rest = text[scheme.upperBound...]
            let end = rest.firstIndex(of: "/") ?? rest.endIndex
            host = rest[..<end].lowercased()
            path = rest[end...]
        }
        if let query = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<query] }
        let endpoint = String(path)
        let segments = APIPath.segments(of: endpoint).map(String.init)
        if let host, host == "graph.facebook.com" || host.hasSuffix(".graph.facebook.com") {
            // The Graph path after its version, as Kapso's proxy serves it.
            let rest = segments.first.map(APIPath.isGraphVersion) == true ? Array(segments.dropFirst()) : segments
            return "this URL is Meta's Graph API host (\(host)), which takes a Meta access token, not a Kapso key; through "
                + "Kapso the same call is \(BaseURLShape.kapsoHost)/meta/whatsapp/v24.0/" + rest.joined(separator: "/")
        }
        if let host, host == "app.kapso.ai", segments.first == "api" {
            return "this URL is Kapso's legacy API (app.kapso.ai/api/…; the current one is api.kapso.ai/platform/v1, https://docs.kapso.ai/api/platform/v1/platform-api-overview), which Kapso's current tools do not "
                + "use: the platform API is \(BaseURLShape.kapsoHost)/platform/v1 and the Meta proxy "
                + "\(BaseURLShape.kapsoHost)/meta/whatsapp/v24.0, and both take the phone-number id"
        }
        // A Graph path on another host than Graph's: Kapso serves it under /meta/whatsapp only.
        if let host, let first = segments.first, APIPath.isGraphVersion(first), segments.count >= 2 {
            return "the path lacks Kapso's /meta/whatsapp prefix (a Graph-style path): on \(host) the call is "
                + "/meta/whatsapp/" + segments.joined(separator: "/")
        }
        // A bare path as the API log writes it (`/v24.0/…`) reached the proxy: only a URL's path is read for that slip.
        if let miss = APIRoute.nearMiss(endpoint, graphAnswer: true) {
            return "the path is not a Kapso route: " + miss.line
        }
        if let unserved = APIRoute.unserved(method: "", endpoint: endpoint) { return unserved.line }
        return nil
    }
}
