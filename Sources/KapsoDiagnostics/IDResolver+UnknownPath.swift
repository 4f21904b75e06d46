internal import Foundation

// MARK: - Graph's "Unknown path components" (2500)

extension IDResolver {
    /// What Graph's 2500 "Unknown path components: /…" (`ErrorCatalog` 2500: Graph could not map the path, answered with
    /// HTTP 400) means for one call, on any status (probe35 P35-5): the path's Graph version when it is not the one Kapso
    /// documents its proxy at (`v99.0`, `v2.80`: Graph answers a version it does not serve so, arsduo/koala#611), a proxy
    /// path without a version, else the part Graph named (`/extra` after `/messages`), with the edge it may have meant.
    /// The version is read from the path, else from the part Graph named (a pasted error has no path). `text` is the
    /// API log's `error_message` or Graph's `message`. Nil when the answer is no 2500.
    ///
    /// A version in the path that Meta served at the call's `time` (Unix seconds; `GraphVersion`) is no cause
    /// (probe37 P37-9): the part Graph named is read instead; a version Graph itself named is always the cause.
    ///
    /// Graph's 2635 "You are calling a deprecated version of the Graph API" is read here too: the path's version is the
    /// cause (`deprecatedVersionMeaning`, probe46 P46-2).
    public static func unknownPathMeaning(endpoint: String, status: Int?, text: String?, at time: Int64? = nil) -> String? {
        if let text, let deprecated = deprecatedVersionMeaning(endpoint: endpoint, status: status, text: text, at: time) {
            return deprecated
        }
        guard let text, let parts = unknownComponents(in: text) else { return nil }
        let answer = "Graph's 2500 \"Unknown path components\"" + (status.map { ", HTTP \($0)" } ?? "")
        let path = APIPath.segments(of: endpoint).map(String.init)
        let named = APIPath.segments(of: parts).map(String.init)
        // Graph named the version itself unknown: it did not serve it here, whatever Meta's table says of it.
        let namedVersion = named.first(where: APIPath.isGraphVersion).flatMap { $0 == documentedGraphVersion ? nil : $0 }
        if let version = namedVersion ?? path.first(where: APIPath.isGraphVersion),
            let problem = GraphVersion.problem(version, at: time)
                ?? (namedVersion == nil ? nil : "Graph \(version), which Graph named unknown; use \(documentedGraphVersion)")
        {
            return "the path asks \(problem): Graph answers a version it does not serve (or a mistyped one) with \(answer)"
        }
        if let whatsapp = path.firstIndex(of: "whatsapp"), path.first == "meta" || path.dropFirst().first == "meta",
            !path.contains(where: APIPath.isGraphVersion), whatsapp + 1 < path.count
        {
            return "the path has no Graph version after /meta/whatsapp, which Graph reads as an unknown path (\(answer)); "
                + "write /meta/whatsapp/\(documentedGraphVersion)/\(path[(whatsapp + 1)...].joined(separator: "/"))"
        }
        let unknown = parts.isEmpty ? "a part of the path" : parts
        let edges = APIRoute.phoneNumberEdges.union(APIRoute.wabaEdges)
        let meant = named.lazy.compactMap { APIRoute.closest($0, among: edges) }.first.map { "; did you mean /\($0)?" } ?? ""
        return "Graph could not read \(unknown) in the path (\(answer)): no node or edge has it\(meant); the route is the "
            + "mistake, not the payload: a send is POST /meta/whatsapp/\(documentedGraphVersion)/{phone-number id}/messages "
            + "with nothing after it"
    }

    /// `/v99.0/100200300400501/messages` from `(#2500) Unknown path components: /v99.0/100200300400501/messages` (its first
    /// word after the colon, empty when none); nil when the text is no such answer.
    static func unknownComponents(in text: String) -> String? {
        guard let range = text.range(of: "unknown path components", options: .caseInsensitive) else { return nil }
        let rest = text[range.upperBound...].drop { $0 == ":" || $0 == " " }
        return String(rest.prefix { !$0.isWhitespace && !"\"',;)}".contains($0) })
    }
}

// MARK: - Graph's "You are calling a deprecated version" (2635)

extension IDResolver {
    /// What Graph's 2635 "You are calling a deprecated version of the Graph API. Please update to the latest version:
    /// v24.0." (`ErrorCatalog` 2635) means for one call: the Graph version in its path, with when Meta retired it
    /// (`GraphVersion`, at the call's `time`, Unix seconds) and the path with the version Kapso documents its proxy at
    /// (`https://api.kapso.ai/meta/whatsapp/v24.0`, kapso-api.md §1.1, §9). A path on Kapso's own version that Graph still
    /// calls deprecated is no path fault kops can fix: said so, with Graph's latest. `text` is the API log's
    /// `error_message` or Graph's `message`; nil when it is no 2635.
    public static func deprecatedVersionMeaning(endpoint: String, status: Int?, text: String, at time: Int64? = nil) -> String? {
        let lower = text.lowercased()
        guard lower.contains("(#2635)") || lower.contains("deprecated version of the") else { return nil }
        let answer = "Graph's 2635 \"You are calling a deprecated version\"" + (status.map { ", HTTP \($0)" } ?? "")
        let latest = lower.range(of: "latest version:").map { range in
            String(lower[range.upperBound...].drop { $0 == " " }.prefix { $0.isLetter || $0.isNumber || $0 == "." })
        }.map { $0.hasSuffix(".") ? String($0.dropLast()) : $0 }.flatMap { APIPath.isGraphVersion($0) ? $0 : nil }
        let path = APIPath.segments(of: endpoint).map(String.init)
        let proxy = "/meta/whatsapp/\(documentedGraphVersion)"
        guard let at = path.firstIndex(where: APIPath.isGraphVersion) else {
            return "Graph refused the call's Graph version as deprecated (\(answer)), not its payload; Kapso documents its "
                + "proxy at \(proxy) (https://docs.kapso.ai/api-reference/meta-proxy): check the version in the caller's base URL"
        }
        let version = path[at]
        if version == documentedGraphVersion {
            return "the path asks \(version), the version Kapso documents its proxy at, and Graph still refused it as "
                + "deprecated (\(answer))" + (latest.map { "; Graph names \($0) the latest" } ?? "")
                + ": check Kapso's proxy version (docs.kapso.ai/api/meta/whatsapp/whatsapp-api-overview) or ask Kapso support"
        }
        let what: String
        switch GraphVersion.reading(version, at: time) {
        case .retired(let day): what = "a version Meta deprecated (Meta retired it on \(day), by \(GraphVersion.source))"
        case .dated(_, let until?): what = "a version Meta deprecated (available until \(until), by \(GraphVersion.source))"
        // v99.0 is no deprecated version but none at all: a typo or a template variable gone wrong (tester69 C8).
        case .neverReleased: what = "which is not a Graph version (\(GraphVersion.source) lists none such; the newest is \(GraphVersion.newest))"
        case .notYetReleased(let day): what = "which Meta released only on \(day), after this call (\(GraphVersion.source))"
        default: what = "a version Meta deprecated"
        }
        let rest = path[(at + 1)...].joined(separator: "/")
        return "the path asks Graph \(version), \(what): Graph refused it (\(answer)), not the "
            + "payload; Kapso documents its proxy at \(proxy) (https://docs.kapso.ai/api-reference/meta-proxy): send the same call to \(proxy)"
            + (rest.isEmpty ? "" : "/" + rest)
    }
}
