internal import KapsoClient

/// Reads the phone-number id out of an API path, as the API log records it.
///
/// `/meta/whatsapp/v24.0/200300400500601/messages` → `200300400500601`;
/// `/platform/v1/whatsapp/phone_numbers/100200300400501/health` → `100200300400501`;
/// `/meta/whatsapp/v24.0/200300400500601/message_templates` → nil (a WABA path, kapso-api.md §14.3).
public enum APIPath {
    /// Graph edges that hang off a WABA id, not a phone-number id.
    static let wabaEdges: Set<String> = ["message_templates", "phone_numbers", "subscribed_apps", "flows", "assigned_users"]

    /// Collections every Kapso project has (kapso-api.md §2.1, §3.3, §4, §5, §7.1, §8.1): a 404 on one of them means
    /// the request went to the wrong host or prefix, not that something is missing.
    static let collections: Set<String> = [
        "/platform/v1/whatsapp/phone_numbers", "/platform/v1/whatsapp/messages", "/platform/v1/whatsapp/conversations",
        "/platform/v1/whatsapp/webhooks", "/platform/v1/webhook_deliveries", "/platform/v1/api_logs",
    ]

    /// True for a path (query ignored, trailing slash too) that always exists: a 404 there is a wrong base URL.
    public static func alwaysExists(_ endpoint: String) -> Bool {
        var path = withoutQuery(endpoint)
        while path.hasSuffix("/") { path = path.dropLast() }
        return collections.contains(String(path))
    }

    /// The id in the path's phone-number slot, nil when the path has none. On a Graph path the slot holds digits, or any
    /// id before a phone-number edge (`/{id}/messages`, `APIRoute.phoneNumberEdges`): Kapso's UUID there is the mistake.
    public static func phoneNumberID(in endpoint: String) -> String? {
        let segments = self.segments(of: endpoint).map(String.init)
        if let index = segments.firstIndex(of: "phone_numbers"), index + 1 < segments.count {
            return segments[index + 1]
        }
        // Meta proxy: /meta/whatsapp/vNN.N/{id}/edge, also logged as /vNN.N/{id}/edge.
        guard let version = segments.firstIndex(where: isGraphVersion), version + 1 < segments.count else { return nil }
        let id = segments[version + 1]
        guard !id.isEmpty else { return nil }
        let edge = version + 2 < segments.count ? segments[version + 2] : nil
        if let edge, wabaEdges.contains(edge) { return nil }
        // Kapso's internal_id or a display number before `/messages` still stands in the phone-number id's slot (P13-2).
        guard id.allSatisfy(\.isNumber) || edge.map(APIRoute.phoneNumberEdges.contains) == true else { return nil }
        return id
    }

    /// The collection and object id of a platform path: `/platform/v1/whatsapp/conversations/{id}` →
    /// `("conversations", id)`; nil when the path names no object after `whatsapp/`, and for a Graph
    /// (Meta proxy) path, whose `v24.0` is a version, not a collection (`graphObject`).
    public static func objectID(in endpoint: String) -> (collection: String, id: String)? {
        let segments = self.segments(of: endpoint).map(String.init)
        guard let index = segments.firstIndex(of: "whatsapp"), index + 2 < segments.count,
            segments[index + 1].first?.isLetter == true, !isGraphVersion(segments[index + 1])
        else { return nil }
        return (segments[index + 1], segments[index + 2])
    }

    /// What one object of a platform collection is called: `conversations` → `conversation`,
    /// `phone_numbers` → `phone number`; nil for a collection kops does not know.
    public static func objectKind(_ collection: String) -> String? {
        switch collection {
        case "phone_numbers": "phone number"
        case "conversations": "conversation"
        case "messages": "message"
        case "webhooks": "webhook"
        case "contacts": "contact"
        case "templates": "template"
        case "broadcasts": "broadcast"
        case "customers": "customer"
        default: nil
        }
    }

    /// The node id and edge of a Graph (Meta proxy) path: `/meta/whatsapp/v24.0/200300400500601/message_templates`
    /// → `("200300400500601", "message_templates")`, `/v24.0/100200300400501` → `(…, nil)`; nil for other paths.
    public static func graphObject(in endpoint: String) -> (id: String, edge: String?)? {
        let segments = self.segments(of: endpoint).map(String.init)
        guard let version = segments.firstIndex(where: isGraphVersion), version + 1 < segments.count else { return nil }
        return (segments[version + 1], version + 2 < segments.count ? segments[version + 2] : nil)
    }

    /// True when a Graph edge hangs off a WABA id (`message_templates`, `phone_numbers`, `subscribed_apps`, …),
    /// false for the edges of a phone-number id (`messages`, `register`, `whatsapp_business_profile`, …).
    public static func edgeTakesWABA(_ edge: String) -> Bool { wabaEdges.contains(edge) }

    /// The path's segments, query left out: `/platform/v1/whatsapp/phone_numbers/1002?x=1` →
    /// `["platform", "v1", "whatsapp", "phone_numbers", "1002"]`. An id is "in the path" only as a whole
    /// segment, so `1` is not in `/platform/v1/…` and a truncated id matches nothing.
    public static func segments(of endpoint: String) -> [Substring] {
        withoutQuery(endpoint).split(separator: "/")
    }

    /// The segments of a path that are ids, not names or versions (`PathSegment.isID`, the rule `KapsoClient.servedPaths`
    /// reads routes by; tester47 F4 read `/whatsapp/messages/wamid.ID` as a path with no id). `/platform/v1/whatsapp/webhook_deliveries`
    /// → `[]`; `/meta/whatsapp/v24.0/200300400500601/messages` → `["200300400500601"]`.
    public static func ids(in endpoint: String) -> [String] {
        segments(of: endpoint).filter(PathSegment.isID).map(String.init)
    }

    /// The path of `endpoint` without its query: `/platform/v1/api_logs?page=2` → `/platform/v1/api_logs`.
    public static func withoutQuery(_ endpoint: String) -> Substring {
        endpoint.firstIndex(of: "?").map { endpoint[..<$0] } ?? endpoint[...]
    }

    static func isGraphVersion(_ segment: String) -> Bool { PathSegment.isGraphVersion(segment) }
}
