/// A path read against Kapso's documented routes: which route it is and what kind of id its slot takes, or which
/// documented route it is one common mistake away from (`nearMiss`). The one rule `errors`, `logs`, `overview` and
/// `whois` read for a 404's path (`FailureGroups`, `IDResolver.pathNotServed`).
///
/// `/meta/whatsapp/v24.0/100200300400501/messages` → Meta proxy, slot `phoneNumberID` = `100200300400501`, edge
/// `messages`; `/platform/v1/whatsapp/phone_numbers/100200300400501/health` → platform, slot `phoneNumberID`.
///
/// Kapso facts: the proxy's base is `https://api.kapso.ai/meta/whatsapp/v24.0` (docs.kapso.ai/api/meta/whatsapp/
/// whatsapp-api-overview; older `https://app.kapso.ai/api/meta/{graph_version}`, docs.kapso.ai/api-reference/meta-proxy);
/// with `X-API-Key` "the WhatsApp configuration is determined from the IDs in your request URL": a phone_number_id for
/// `/{phone_number_id}/messages`, `/settings`, `/media`, `/whatsapp_business_profile`, a business_account_id for
/// `/{business_account_id}/message_templates`, and `/{media_id}` (same page); so every proxy path takes Meta's ids,
/// never Kapso's `internal_id` (kapso-api.md §0.6). History reads `/{phone_number_id}/messages|conversations|contacts`
/// (§8.4). The platform routes are kapso-api.md §2–§8. Any `vNN.N` version is served; Kapso's scripts add a missing
/// `v` (§1.1). `KAPSO_API_BASE_URL` is the host only, and integrate-whatsapp's env.js strips a trailing `/platform/v1`
/// or `/meta/whatsapp[/vX.Y]` from it (§1.2): a base URL that keeps one doubles it in every path.
public struct APIRoute: Sendable, Equatable {
    public enum Surface: Sendable { case metaProxy, platform }

    /// The kind of id a route's slot takes.
    public enum Slot: Sendable {
        /// Meta's phone-number id (a number's `id` in `numbers`).
        case phoneNumberID
        /// Meta's WhatsApp Business Account id (`business_account_id`).
        case wabaID
        /// A Graph path of an id alone (`/{media_id}`, a template id): any Meta object.
        case metaObject
        /// A platform object of its collection (a webhook's or conversation's UUID, a WAMID).
        case object
    }

    public var surface: Surface
    /// The id in the route's slot (the proxy's node, or the platform's phone-number or object id), nil when none.
    public var id: String?
    public var slot: Slot?
    /// The Graph edge after the node (`messages`, `message_templates`), nil for platform routes and `/{id}` alone.
    public var edge: String?
    /// The collection and id of the object below the number, when the path names one: `/{pnid}/messages/{wamid}`,
    /// `/{pnid}/conversations/{id}`, `/{pnid}/contacts/{wa_id}` on the proxy (kapso-api.md §8.4), or
    /// `/phone_numbers/{pnid}/webhooks/{webhook_id}` on the platform (§3.2). A 404 there is first about that object:
    /// the number in `id` may be fine (probe23 P23-1). Nil for a route that ends at the number or its edge.
    public var child: (collection: String, id: String)? {
        guard let childCollection, let childID else { return nil }
        return (childCollection, childID)
    }
    var childCollection: String? = nil
    var childID: String? = nil

    /// Graph edges of a phone-number node that Kapso's proxy serves (docs.kapso.ai/api-reference/meta-proxy; Meta's
    /// Cloud API for register, deregister, request_code, verify_code, block_users; history edges, kapso-api.md §8.4).
    public static let phoneNumberEdges: Set<String> = [
        "messages", "media", "settings", "whatsapp_business_profile", "register", "deregister", "request_code",
        "verify_code", "conversations", "contacts", "calls", "block_users",
    ]

    /// Graph edges of a WABA node (kapso-api.md §14.3; Meta's WABA edges).
    public static var wabaEdges: Set<String> { APIPath.wabaEdges }

    /// The documented route `endpoint` (query ignored) is, nil when it is none kops knows. A logged Graph path without
    /// its `/meta/whatsapp` prefix (`/v24.0/{id}/messages`) is read as the proxy route it names; so is the older
    /// `/api/meta/vNN.N/…`.
    public static func documented(_ endpoint: String) -> APIRoute? {
        let segments = APIPath.segments(of: endpoint).map(String.init)
        if let rest = graphRest(segments) { return proxyRoute(rest) }
        guard segments.count >= 3, segments[0] == "platform", segments[1] == "v1" else { return nil }
        return platformRoute(Array(segments.dropFirst(2)))
    }

    /// The segments after a proxy prefix (`meta/whatsapp/vNN.N`, `api/meta/vNN.N`, or a bare `vNN.N` first), nil for
    /// other paths.
    static func graphRest(_ segments: [String]) -> [String]? {
        if segments.count >= 3, segments[0] == "meta", segments[1] == "whatsapp", APIPath.isGraphVersion(segments[2]) {
            return Array(segments.dropFirst(3))
        }
        if segments.count >= 3, segments[0] == "api", segments[1] == "meta", APIPath.isGraphVersion(segments[2]) {
            return Array(segments.dropFirst(3))
        }
        if let first = segments.first, APIPath.isGraphVersion(first) { return Array(segments.dropFirst()) }
        return nil
    }

    private static func proxyRoute(_ rest: [String]) -> APIRoute? {
        guard let node = rest.first else { return nil }
        if rest.count == 1 { return APIRoute(surface: .metaProxy, id: node, slot: .metaObject, edge: nil) }
        let edge = rest[1]
        if wabaEdges.contains(edge), rest.count == 2 { return APIRoute(surface: .metaProxy, id: node, slot: .wabaID, edge: edge) }
        let history: Set<String> = ["messages", "conversations", "contacts"]
        // A WAMID is base64 and may hold a '/' (kapso-api.md §0.18): sent unencoded, it splits into more segments, and
        // the rest after `/messages/` is still the WAMID (probe25 P25-9: the path was read as no route at all).
        if edge == "messages", rest.count > 3, rest[2].hasPrefix("wamid.") {
            var route = APIRoute(surface: .metaProxy, id: node, slot: .phoneNumberID, edge: edge)
            (route.childCollection, route.childID) = (edge, rest[2...].joined(separator: "/"))
            return route
        }
        guard phoneNumberEdges.contains(edge), rest.count == 2 || rest.count == 3 && history.contains(edge) else { return nil }
        // An edge's name in the child's place (`/messages/messages`) is a doubled edge, not a message id (probe26 P26-18).
        if rest.count == 3, phoneNumberEdges.contains(rest[2]) { return nil }
        var route = APIRoute(surface: .metaProxy, id: node, slot: .phoneNumberID, edge: edge)
        if rest.count == 3 { (route.childCollection, route.childID) = (edge, rest[2]) }
        return route
    }

    private static func platformRoute(_ rest: [String]) -> APIRoute? {
        let platform = APIRoute(surface: .platform, id: nil, slot: nil, edge: nil)
        switch rest.count {
        case 1 where ["webhook_deliveries", "api_logs", "log_search"].contains(rest[0]): return platform
        case 2 where rest == ["log_search", "catalog"]: return platform
        default: break
        }
        guard rest.first == "whatsapp", rest.count >= 2 else { return nil }
        let collection = rest[1]
        let collections: Set<String> = ["phone_numbers", "webhooks", "messages", "conversations"]
        guard collections.contains(collection) else { return nil }
        if rest.count == 2 { return platform }
        let id = rest[2]
        let slot: Slot = collection == "phone_numbers" ? .phoneNumberID : .object
        let route = APIRoute(surface: .platform, id: id, slot: slot, edge: nil)
        switch (collection, Array(rest.dropFirst(3))) {
        case (_, []): return route
        case ("phone_numbers", ["health"]), ("phone_numbers", ["webhooks"]), ("webhooks", ["test"]): return route
        case ("phone_numbers", let tail) where tail.count == 2 && tail[0] == "webhooks":
            var below = route
            (below.childCollection, below.childID) = ("webhooks", tail[1])
            return below
        default: return nil
        }
    }
}

// MARK: - Near misses: a path one common mistake away from a documented route

extension APIRoute {
    /// A path one common mistake away from a documented route, with the route it meant.
    public struct NearMiss: Sendable, Equatable {
        /// The path meant, e.g. `/meta/whatsapp/v24.0/100200300400501/messages`.
        public var meant: String
        /// What was wrong, e.g. `the version segment needs a leading v`.
        public var mistake: String

        /// `did you mean /meta/whatsapp/v24.0/…/messages? the version segment needs a leading v`.
        public var line: String { "did you mean \(meant)? \(mistake)" }
    }

    /// The documented route `endpoint` meant, for the mistakes callers make: a version without its `v` (`24.0`) or no
    /// version at all after `/meta/whatsapp`; a Graph path (`/v24.0/{id}/…`, graph.facebook.com style) without Kapso's
    /// `/meta/whatsapp` prefix (only when `graphAnswer` is false: Graph's or the proxy's own words say the call reached it
    /// and the log only shortened its path); `/platform/v1` or `/meta/whatsapp/vNN.N` twice, or one base under the
    /// other (a base URL that already ends in it, kapso-api.md §1.2); an edge or collection spelt one or two letters off
    /// (`/message`, `/phone_number`), or `/whatsapp` missing or extra. Nil for a documented route and for any other
    /// path (then kops does not guess).
    ///
    /// Kapso's legacy proxy path `/api/meta/{version}/…` (it lived on `app.kapso.ai`; kapso-api.md §1.1 "Legacy (not
    /// used)") answered with a bare Not Found is read as the prefix it is, not as its version (probe32 P32-1: "send the
    /// same call with v24.0 first", which 404s the same); a `POST` of a number's `messages` on the platform API means the
    /// proxy's send (kapso-api.md §9: `POST /meta/whatsapp/v24.0/{phone_number_id}/messages`; `method`, when known).
    public static func nearMiss(_ endpoint: String, graphAnswer: Bool = false, method: String = "") -> NearMiss? {
        let segments = APIPath.segments(of: endpoint).map(String.init)
        let query = endpoint.firstIndex(of: "?").map { String(endpoint[$0...]) } ?? ""
        func path(_ parts: [String]) -> String { "/" + parts.joined(separator: "/") + query }
        func found(_ parts: [String], _ mistake: String) -> NearMiss? {
            documented(path(parts)) == nil ? nil : NearMiss(meant: path(parts), mistake: mistake)
        }
        if !graphAnswer, segments.count >= 3, segments[0] == "api", segments[1] == "meta" {
            // `/api/meta/whatsapp/v24.0/…` too: today's prefix under the legacy `/api` (tester48 F7).
            let prefix = segments.count >= 4 && segments[2] == "whatsapp" ? 3 : 2
            let versioned = APIPath.isGraphVersion(segments[prefix])
            let legacy = "/" + segments.prefix(prefix + (versioned ? 1 : 0)).joined(separator: "/")
            if let nearby = found(
                ["meta", "whatsapp", "v24.0"] + segments.dropFirst(prefix + (versioned ? 1 : 0)),
                "\(legacy) is Kapso's legacy proxy path (it lived on app.kapso.ai); Kapso's Meta proxy is /meta/whatsapp/v24.0 "
                    + "on https://api.kapso.ai, and the answer was a bare Not Found, so the call did not reach the proxy")
            {
                return nearby
            }
        }
        // A Graph path sent to Kapso's host without the proxy's prefix (the log's short form of a proxy call would
        // have been answered by Graph).
        if !graphAnswer, let first = segments.first, APIPath.isGraphVersion(first), segments.count >= 2,
            let nearby = found(["meta", "whatsapp"] + segments,
                "a Graph path (graph.facebook.com style) needs Kapso's /meta/whatsapp prefix on Kapso's host; the answer "
                    + "was a bare Not Found, so the call did not reach the proxy")
        {
            return nearby
        }
        // A send POSTed to the platform's message list (`/platform/v1/whatsapp/messages`, or without /whatsapp): the list
        // is read with GET (kapso-api.md §7); sends go through the proxy's `POST /{phone_number_id}/messages` (§9;
        // docs.kapso.ai/api/meta/whatsapp/whatsapp-api-overview; probe37 P37-12).
        if method.uppercased() == "POST", segments.count >= 3, segments[0] == "platform", segments[1] == "v1",
            segments.dropFirst(2).filter({ $0 != "whatsapp" }) == ["messages"]
        {
            return NearMiss(
                meant: "/meta/whatsapp/v24.0/{phone_number_id}/messages",
                mistake: "/platform/v1/whatsapp/messages is Kapso's message list, read with GET; messages are sent through "
                    + "Kapso's Meta proxy on https://api.kapso.ai, with the sending number's phone-number id in the path "
                    + "('numbers' lists them)")
        }
        guard documented(endpoint) == nil else { return nil }
        let base = "the caller's base URL already ends in it; set KAPSO_API_BASE_URL (or the client's base URL) to the host only"
        // A segment twice in a row (`/messages/messages`, `/v24.0/v24.0`, `/health/health`): the client adds to a URL that
        // already ends in it (probe26 P26-18).
        if let twice = segments.indices.dropFirst().first(where: { segments[$0] == segments[$0 - 1] }) {
            var parts = segments
            parts.remove(at: twice)
            let what = APIPath.isGraphVersion(segments[twice]) ? "the version segment (\(segments[twice]))" : "/\(segments[twice])"
            if let nearby = found(parts, "\(what) is in the path twice: the caller adds it to a URL that already ends in it") {
                return nearby
            }
        }
        // The platform API is /platform/v1 only (kapso-api.md §1.1): `/platform/v2`, `/platform/v1.0`, no version.
        if segments.first == "platform", segments.count >= 2, segments[1] != "v1" {
            let versioned = segments[1].first == "v" || segments[1].first?.isNumber == true
            let rest = versioned ? Array(segments.dropFirst(2)) : Array(segments.dropFirst())
            let mistake = versioned ? "the platform API is /platform/v1 only, not /platform/\(segments[1])" : "the version segment v1 is missing after /platform"
            if let nearby = found(["platform", "v1"] + rest, mistake) {
                return nearby
            }
        }
        // A base repeated, or one API's base under the other's.
        let proxyBase = segments.count >= 3 && segments[0] == "meta" && segments[1] == "whatsapp" && APIPath.isGraphVersion(segments[2])
        let platformBase = segments.count >= 2 && segments[0] == "platform" && segments[1] == "v1"
        if platformBase, segments.count >= 4, segments[2] == "platform", segments[3] == "v1" {
            return found(Array(segments.dropFirst(2)), "/platform/v1 is in the path twice: " + base)
        }
        if platformBase, segments.count >= 3, segments[2] == "meta" || APIPath.isGraphVersion(segments[2]) {
            return found(Array(segments.dropFirst(2)), "a Meta-proxy path under /platform/v1: " + base)
        }
        if proxyBase, segments.count >= 4, segments[3] == "meta" || segments[3] == "platform" {
            let twice = segments[3] == "meta" ? "/meta/whatsapp is in the path twice: " : "a platform path under /meta/whatsapp: "
            return found(Array(segments.dropFirst(3)), twice + base)
        }
        // The version: `24.0` for `v24.0`, or none.
        if segments.count >= 3, segments[0] == "meta", segments[1] == "whatsapp", !APIPath.isGraphVersion(segments[2]) {
            let version = segments[2]
            if version.first?.isNumber == true, version.allSatisfy({ $0.isNumber || $0 == "." }), version.contains(".") {
                return found(["meta", "whatsapp", "v" + version] + segments.dropFirst(3), "the version segment needs a leading v (v\(version))")
            }
            // `latest`: Graph has no such version (versions are `vNN.N`); Kapso documents v24.0 (kapso-api.md §1.1).
            if version.lowercased() == "latest" {
                return found(["meta", "whatsapp", "v24.0"] + segments.dropFirst(3), "latest is not a Graph version: use v24.0")
            }
            // `v240`: v24.0 without its dot, not a version v240.0 Graph never had.
            let digits = version.drop { $0 == "v" || $0 == "V" }
            if digits.count == 3, digits.allSatisfy(\.isNumber), digits.count < version.count {
                let meant = "v" + digits.prefix(2) + "." + digits.suffix(1)
                return found(["meta", "whatsapp", meant] + segments.dropFirst(3), "\(version) looks like \(meant) without its dot")
            }
            // `v24`, `V24.0`: Graph versions are `vNN.N`, lowercase.
            if digits.count < version.count, !digits.isEmpty, digits.allSatisfy({ $0.isNumber || $0 == "." }) {
                let meant = "v" + digits + (digits.contains(".") ? "" : ".0")
                return found(["meta", "whatsapp", meant] + segments.dropFirst(3), "a Graph version is written \(meant), not \(version)")
            }
            if let nearby = found(["meta", "whatsapp", "v24.0"] + segments.dropFirst(2), "the version segment (v24.0) is missing after /meta/whatsapp") {
                return nearby
            }
        }
        // Half of the proxy's prefix: `/meta/v24.0/…` or `/whatsapp/v24.0/…`.
        if segments.count >= 3, segments[0] == "meta" || segments[0] == "whatsapp", APIPath.isGraphVersion(segments[1]) {
            let missing = segments[0] == "meta" ? "/whatsapp" : "/meta"
            if let nearby = found(["meta", "whatsapp"] + segments.dropFirst(), "\(missing) is missing from the proxy's prefix /meta/whatsapp") {
                return nearby
            }
        }
        // An edge of the proxy spelt off.
        if let rest = graphRest(segments), rest.count >= 2 {
            let prefix = Array(segments.prefix(segments.count - rest.count))
            let edge = rest[1]
            if let meant = aliases[edge] ?? closest(edge, among: phoneNumberEdges.union(wabaEdges)) {
                return found(prefix + [rest[0], meant] + rest.dropFirst(2), "/\(edge) is no edge of Kapso's proxy")
            }
            return nil
        }
        guard platformBase, segments.count >= 3 else { return nil }
        var rest = Array(segments.dropFirst(2))
        // A send on the platform API: messages are sent through the proxy, which the platform API only lists.
        let numberPath = rest.first == "whatsapp" ? Array(rest.dropFirst()) : rest
        if method.uppercased() == "POST", numberPath.count == 3, numberPath[0] == "phone_numbers", numberPath[2] == "messages" {
            return NearMiss(
                meant: "/meta/whatsapp/v24.0/\(numberPath[1])/messages",
                mistake: "messages are sent through Kapso's Meta proxy on https://api.kapso.ai; the platform API (/platform/v1) "
                    + "only lists them")
        }
        // A WAMID with a '/' in it, not percent-encoded: the API reads its tail as another segment (kapso-api.md §0.18).
        if rest.count > 3, rest[0] == "whatsapp", rest[1] == "messages", rest[2].hasPrefix("wamid.") {
            // A space (or `%20`) in it is a '+' that a URL's query decoding turned into one: the path meant has `%2B`, or
            // it 404s again (probe41 P41-7).
            // The id is read from the path as written: its segments drop the empty one between two '/' (`…sP//AAAA…`),
            // which made the path meant a different id (tester48 F2). Each '/' is %2F, each '+' %2B (kapso-api.md §0.18).
            let bare = APIPath.withoutQuery(endpoint)
            let written = bare.firstRange(of: "/messages/wamid.").map { String(bare[bare.index($0.upperBound, offsetBy: -6)...]) }
                ?? rest.dropFirst(2).joined(separator: "/")
            let id = written.replacing("/", with: "%2F")
            let meant = id.replacing("+", with: "%2B").replacing(" ", with: "%2B").replacing("%20", with: "%2B")
            return NearMiss(
                meant: "/platform/v1/whatsapp/messages/" + meant + query,
                mistake: "a WAMID may contain '/', which must be percent-encoded (%2F) in a path, else the API reads "
                    + "the rest as another segment"
                    + (id.contains(" ") || id.contains("%20")
                        ? "; its '+' became a space (a URL's query decoding turns '+' into one): %2B in a path"
                        : meant == id ? "" : "; '+' is encoded too (%2B)"))
        }
        // A number's messages or conversations as a sub-path of the number: the platform lists them with the
        // `phone_number_id` filter (kapso-api.md §7.1, §8.1); the proxy's history reads `/{id}/messages` (§8.4).
        if rest.count == 4, rest[0] == "whatsapp", rest[1] == "phone_numbers", ["messages", "conversations"].contains(rest[3]),
            query.isEmpty
        {
            return NearMiss(
                meant: "/platform/v1/whatsapp/\(rest[3])?phone_number_id=\(rest[2])",
                mistake: "the platform API lists a number's \(rest[3]) with the phone_number_id filter, not under the number "
                    + "(the Meta proxy's history has /meta/whatsapp/v24.0/\(rest[2])/\(rest[3]))")
        }
        // `/whatsapp` missing or extra.
        if rest[0] != "whatsapp", let nearby = found(["platform", "v1", "whatsapp"] + rest, "/whatsapp is missing after /platform/v1") {
            return nearby
        }
        if rest[0] == "whatsapp", rest.count >= 2, let nearby = found(["platform", "v1"] + rest.dropFirst(), "/\(rest[1]) is not under /whatsapp") {
            return nearby
        }
        // A collection spelt off: `phone_number`, `webhook`, `conversation`.
        let index = rest[0] == "whatsapp" ? 1 : 0
        guard index < rest.count else { return nil }
        let names: Set<String> = index == 1 ? ["phone_numbers", "webhooks", "messages", "conversations"] : ["webhook_deliveries", "api_logs", "log_search"]
        if let meant = aliases[rest[index]].flatMap({ names.contains($0) ? $0 : nil }) ?? closest(rest[index], among: names) {
            let typed = rest[index]
            rest[index] = meant
            return found(["platform", "v1"] + rest, "/\(typed) is no collection of the platform API")
        }
        return nil
    }

    /// Words callers write for a route's name that are more than two edits from it (`templates` for `message_templates`).
    static let aliases: [String: String] = [
        "templates": "message_templates", "template": "message_templates", "numbers": "phone_numbers",
        "phones": "phone_numbers", "deliveries": "webhook_deliveries", "logs": "api_logs", "message": "messages",
        "profile": "whatsapp_business_profile", "business_profile": "whatsapp_business_profile",
    ]

    /// The one name of `names` within two edits of `word` (insert, delete, replace), nil when none or more than one.
    static func closest(_ word: String, among names: Set<String>) -> String? {
        let near = names.filter { $0 != word && editDistance(word, $0, limit: 2) <= 2 }
        return near.count == 1 ? near.first : nil
    }

    /// Levenshtein distance of `a` and `b`, or `limit + 1` once it exceeds `limit`.
    static func editDistance(_ a: String, _ b: String, limit: Int) -> Int {
        let a = Array(a)
        let b = Array(b)
        guard abs(a.count - b.count) <= limit else { return limit + 1 }
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, y) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1))
            }
            if current.min() ?? 0 > limit { return limit + 1 }
            previous = current
        }
        return previous[b.count]
    }
}
