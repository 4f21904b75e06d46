public import KapsoClient

/// A called path whose `/` the client sent percent-escaped: `/meta/whatsapp/v24.0/100200300400501%2Fmessages`
/// (`%2F`, or `%252F` when encoded twice). An escaped reserved character is data, not a delimiter (RFC 3986 §2.2:
/// https://www.rfc-editor.org/rfc/rfc3986#section-2.2), so the router reads `100200300400501%2Fmessages` as one segment
/// and matches no route, whatever the id is: the client escaped the whole path (`encodeURIComponent(path)`), not only
/// the values in it. Read here once, decoded, so the verdict and the `whois` advice speak of the same id: the verdict
/// said "the id in the path is not in this project" of the project's own number, beside a `whois` that found it
/// (tester61b AK17). A WAMID's base64 may hold a `/` that must be sent escaped: a `wamid.` segment is not read here.
public struct EscapedSlash: Sendable, Equatable {
    /// The segment as logged, e.g. `100200300400501%2Fmessages`.
    public let segment: String
    /// The escape as logged, `%2F` or `%252F` (encoded twice).
    public let escape: String
    /// The path with that segment's `/` sent plain (query kept), e.g. `/meta/whatsapp/v24.0/100200300400501/messages`.
    public let path: String
    /// The id in the plain path's route slot (`APIRoute.documented`), else its first id (`APIPath.ids`); nil when none.
    public let id: String?
    /// True when the plain path is a documented route (`APIRoute.documented`).
    public let isRoute: Bool

    /// The first segment of `endpoint` (a path with an optional query) whose escapes hide a `/`; nil when there is none.
    public static func read(_ endpoint: String) -> EscapedSlash? {
        // Cheap test first: this runs on every failed call read.
        guard endpoint.utf8.contains(UInt8(ascii: "%")) else { return nil }
        let split = endpoint.firstIndex(of: "?")
        let path = split.map { String(endpoint[..<$0]) } ?? endpoint
        let query = split.map { String(endpoint[$0...]) } ?? ""
        var segments = path.split(separator: "/").map(String.init)
        guard let at = segments.firstIndex(where: { raw in
            // A part must be an id `whois` reads: a WAMID's base64 without `wamid.` in front reads as none (its `/` is data).
            raw.contains("%") && !raw.lowercased().hasPrefix("wamid.") && APIPath.decoded(raw).contains("/")
                && !APIPath.decoded(raw).lowercased().contains("wamid.")
                && APIPath.decoded(raw).split(separator: "/").contains { APIPath.whoisArgument(String($0)) != nil }
        })
        else { return nil }
        let raw = segments[at]
        segments.replaceSubrange(at...at, with: APIPath.decoded(raw).split(separator: "/").map(String.init))
        let plain = "/" + segments.joined(separator: "/") + query
        let route = APIRoute.documented(plain)
        return EscapedSlash(
            segment: raw, escape: raw.lowercased().contains("%252f") ? "%252F" : "%2F", path: plain,
            id: route?.id.flatMap { $0.isEmpty ? nil : $0 } ?? APIPath.ids(in: plain).first, isRoute: route != nil)
    }

    /// What `id` is among `numbers`: `Support Line's phone-number id`, `the WABA id of Support Line`; nil when it is
    /// none of theirs (or there is no id).
    public func projectID(_ numbers: [PhoneNumber]) -> String? {
        guard let id else { return nil }
        if let number = numbers.first(where: { $0.id == id }) { return "\(number.name ?? number.id)'s phone-number id" }
        if let number = numbers.first(where: { $0.businessAccountID == id }) { return "the WABA id of \(number.name ?? number.id)" }
        return nil
    }

    /// The reading of a failed call with this path: the escape broke it, the plain path to send, and what its id is
    /// among `numbers` (empty when they are not known): the project's own is said to be right; another is left to `whois`,
    /// never called "not in this project" (kops does not know every kind of id).
    public func meaning(method: String?, numbers: [PhoneNumber]) -> String {
        let twice = escape == "%252F" ? ", encoded twice" : ""
        var text = "the path's '/' was sent escaped (\(escape)\(twice)) in '\(segment)', so the API read it as one segment "
            + "and matched no route: the client encoded the whole path, not only the values in it"
        text += isRoute
            ? "; send it with a plain '/': \(method.map { $0 + " " } ?? "")\(path)"
            : "; with a plain '/' it is \(path), not a documented route either: check it against Kapso's API reference"
        if let own = projectID(numbers), let id {
            text += "; \(id) is \(own): the id is right, the escape is the mistake"
        } else if let id, let argument = APIPath.whoisArgument(id) {
            text += "; '\(ShellWord.command("whois", argument))' says what \(id) is"
        }
        return text
    }

    /// The group's headline after `N failed calls from key K: `, e.g. `'/' sent escaped (%2F) in 100200300400501%2Fmessages`.
    public var headline: String { "'/' sent escaped (\(escape)) in \(segment), so no route matched" }
}
