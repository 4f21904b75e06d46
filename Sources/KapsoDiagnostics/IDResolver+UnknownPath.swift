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
    public static func unknownPathMeaning(endpoint: String, status: Int?, text: String?, at time: Int64? = nil) -> String? {
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
