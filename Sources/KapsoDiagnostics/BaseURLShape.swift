/// What is wrong with a base URL before anything is sent: `http://127.0.0.1:8080?x=1` → `.query`,
/// `https://graph.facebook.com/v24.0` → `.metaGraphAPI`.
///
/// Kapso's base URL is the host only, e.g. `https://api.kapso.ai`; clients append `/platform/v1/...` or
/// `/meta/whatsapp/vNN.N/...` (kapso-api.md §1.1-1.2), so a query or fragment would swallow that path and the
/// answer would be blamed on the host (probe9 P9-14). A trailing `/platform/v1` or `/meta/whatsapp/vNN.N` is
/// allowed: Kapso's own scripts strip it, and so does `KapsoClient.hostOnly`. The scheme is checked by the caller.
public enum BaseURLShape {
    /// Kapso's API host (kapso-api.md §1.1).
    public static let kapsoHost = "https://api.kapso.ai"

    /// Whether `base`'s host is Kapso's API host (`kapsoHost`), whatever its scheme, port or path.
    public static func isKapsoHost(_ base: String) -> Bool {
        host(of: base) == "api.kapso.ai"
    }

    public enum Problem: Sendable, Equatable {
        /// Quotes around the URL (`"http://127.0.0.1:8080"`: a `.env` file read by `docker --env-file`, or a shell
        /// line quoted twice, keeps them) or a quote at one end only; `unquoted` is the URL without them. Before, kops
        /// named `"http` a scheme it does not speak (probe44 P44-4).
        case quoted(unquoted: String, bothEnds: Bool)
        /// A control character or a space (a CR from a CRLF `.env` line); `value` is the scalar.
        case controlCharacter(UInt32)
        case whitespace(UInt32)
        /// `?…` after the host or path.
        case query
        /// `#…`.
        case fragment
        /// `user@` or `user:password@` before the host: Kapso takes its key in `X-API-Key`, never in the URL.
        case userInfo
        /// Meta's Graph API host (`graph.facebook.com`, the host Meta's Cloud API docs use), not Kapso's.
        case metaGraphAPI(host: String)
        /// One of Kapso's websites (`app.kapso.ai`, the dashboard users copy from the browser; `kapso.ai`, `docs.kapso.ai`),
        /// not its API host: they answer web pages (probe41 P41-5). `app.kapso.ai/api/…` was Kapso's legacy API
        /// (kapso-api.md §1.1, "Legacy (not used)").
        case kapsoWebsite(host: String)
        /// A whole endpoint after the base path (`/platform/v1/whatsapp/phone_numbers`,
        /// `/meta/whatsapp/v24.0/{id}/messages`), copied from a docs example or a curl line: kops would add its own
        /// path after it. `path` is the endpoint from `/platform` or `/meta` on; `base` what to give instead (the URL
        /// before it).
        case endpointPath(path: String, base: String)
        /// A scheme kops does not speak (`htp://`, `ftp://`), lowercased: before, the first request failed as "invalid
        /// URL" of a request URL the user never typed (probe22 P22-2).
        case unknownScheme(String)
        /// A port that is none (`:99999`, `:80a`, `:` with nothing after it).
        case badPort(String)
        /// More than one `:PORT` after the host (`http://127.0.0.1:19227:1`): the transport read the host as
        /// `127.0.0.1:19227` and refused it as a non-loopback host over plain http (probe27 P27-10). `ports` as written.
        case twoPorts(String)
        /// A `[` with no `]` after it (`http://[::1`), as an IPv6 address is written without its close.
        case unclosedBracket
        /// Nothing between `://` and the port or path (`http://:19227`, `https://`, `https:///api.kapso.ai`).
        case noHost
        /// A scheme written twice (`https://https://api.kapso.ai`, `https://http//api.kapso.ai`: a whole URL pasted after
        /// a typed `https://`); `written` is both as typed (`https://https://`), `fixed` the URL with one (probe34 P34-8:
        /// "a ':' and no port", or a DNS look-up of the host `http`).
        case doubledScheme(written: String, fixed: String)
    }

    /// `https://https://api.kapso.ai` → (`https://https://`, `https://api.kapso.ai`): the scheme written twice, and the
    /// URL with the inner one when it is whole, else the outer one (`https://http//host` → `https://host`); no query,
    /// fragment or `user@` is carried into `fixed` (it is shown). Nil when `url` starts with one scheme.
    public static func doubledScheme(_ url: String) -> (written: String, fixed: String)? {
        guard let outer = url.firstRange(of: "://") else { return nil }
        let scheme = url[..<outer.lowerBound].lowercased()
        guard scheme == "http" || scheme == "https" else { return nil }
        let inner = String(url[outer.upperBound...])
        let lower = inner.lowercased()
        let fixed: String
        let written: Int
        if let whole = ["https://", "http://"].first(where: { lower.hasPrefix($0) }) {
            written = whole.count
            fixed = String(whole.dropLast(3)) + "://" + hostAndPath(inner.dropFirst(whole.count))
        } else if let misspelt = misspeltScheme(inner) {
            written = misspelt.written.count
            fixed = scheme + "://" + hostAndPath(inner.dropFirst(misspelt.written.count))
        } else {
            return nil
        }
        return (String(url[..<outer.upperBound]) + inner.prefix(written), fixed)
    }

    /// The host and path of what follows `scheme://`: without a `user@` before the host, a query or a fragment.
    private static func hostAndPath(_ rest: Substring) -> String {
        let cut = rest.prefix { $0 != "?" && $0 != "#" }
        let authorityEnd = cut.firstIndex(of: "/") ?? cut.endIndex
        guard let at = cut[..<authorityEnd].lastIndex(of: "@") else { return String(cut) }
        return String(cut[cut.index(after: at)...])
    }

    /// A scheme written wrongly before the host: `http:/127.0.0.1:8080`, `https//api.kapso.ai`, `http:///host`,
    /// `https:\\host` → the scheme as written (`http:/`) and the URL with `scheme://` (`http://127.0.0.1:8080`); nil
    /// otherwise. Before, kops said "no scheme; add https://, e.g. https://http:/…" (probe22 P22-1).
    public static func misspeltScheme(_ url: String) -> (written: String, fixed: String)? {
        let lower = url.lowercased()
        for scheme in ["https", "http"] where lower.hasPrefix(scheme) {
            let rest = url.dropFirst(scheme.count)
            let separator = rest.prefix { ":/;\\".contains($0) }
            guard !separator.isEmpty, separator != "://" else { return nil }
            let host = rest.dropFirst(separator.count)
            guard let first = host.first, first.isLetter || first.isNumber || first == "[" else { return nil }
            return (String(url.prefix(scheme.count + separator.count)), scheme + "://" + host)
        }
        return nil
    }

    /// A scheme that is neither https nor http written without its `://` (`htp:/127.0.0.1:8080`, `htps:/api.kapso.ai`,
    /// `ftp:\\host`, `hhtps//host`) → the scheme as written (`htp:/`) and what follows it (the host and the rest); nil
    /// otherwise, and for `localhost:8080` (a host and its port, no slash). Before, kops said "has no scheme; add
    /// https://, e.g. https://htp:/127.0.0.1:8080", a URL that is itself invalid (probe33 P33-1).
    public static func strangeScheme(_ url: String) -> (written: String, rest: String)? {
        let word = url.prefix { $0.isASCII && $0.isLetter }
        guard (2...10).contains(word.count) else { return nil }
        let separator = url.dropFirst(word.count).prefix { ":/;\\".contains($0) }
        let slashes = separator.filter { $0 == "/" || $0 == "\\" }.count
        guard separator.hasPrefix(":") ? slashes > 0 : slashes > 1 else { return nil }
        let rest = url.dropFirst(word.count + separator.count)
        guard let first = rest.first, first.isLetter || first.isNumber || first == "[" else { return nil }
        return (String(url.prefix(word.count + separator.count)), String(rest))
    }

    /// The quotes kops strips from the ends of a pasted value: ASCII `"` and `'`, and the typographic ones a chat or a
    /// word processor puts in their place.
    static let quotes: Set<Character> = ["\"", "'", "\u{201C}", "\u{201D}", "\u{2018}", "\u{2019}"]

    /// The first problem of `url`, nil when its shape is fine. Quotes come first: they hide every other reading.
    public static func problem(in url: String) -> Problem? {
        if let first = url.first, let last = url.last, quotes.contains(first) || quotes.contains(last) {
            let unquoted = String(url.drop { quotes.contains($0) }.reversed().drop { quotes.contains($0) }.reversed())
            return .quoted(unquoted: unquoted, bothEnds: url.count > 1 && quotes.contains(first) && quotes.contains(last))
        }
        for scalar in url.unicodeScalars {
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) { return .controlCharacter(scalar.value) }
            if scalar.properties.isWhitespace { return .whitespace(scalar.value) }
        }
        if let doubled = doubledScheme(url) { return .doubledScheme(written: doubled.written, fixed: doubled.fixed) }
        var rest = Substring(url)
        var hasScheme = false
        if let colon = rest.firstIndex(of: ":"), rest[colon...].hasPrefix("://") {
            hasScheme = true
            let scheme = rest[..<colon].lowercased()
            if scheme != "http", scheme != "https" { return .unknownScheme(scheme) }
            rest = rest[rest.index(colon, offsetBy: 3)...]
        }
        let authorityEnd = rest.firstIndex { "/?#".contains($0) } ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        if authority.contains("@") { return .userInfo }
        if rest.contains("?") { return .query }
        if rest.contains("#") { return .fragment }
        if hasScheme, authority.hasPrefix("["), !authority.contains("]") { return .unclosedBracket }
        let afterHost = authority.hasPrefix("[") ? authority[(authority.firstIndex(of: "]") ?? authority.startIndex)...] : authority
        if hasScheme, afterHost.filter({ $0 == ":" }).count > 1, let first = afterHost.firstIndex(of: ":") {
            return .twoPorts(String(afterHost[afterHost.index(after: first)...]))
        }
        if hasScheme, authority.isEmpty || authority.hasPrefix(":") { return .noHost }
        if hasScheme, let colon = authority.lastIndex(of: ":"), !authority.hasSuffix("]") {
            let port = authority[authority.index(after: colon)...]
            // Without `://` the text before a colon may be a misspelt scheme (`http:/host`): the caller names that.
            if !port.allSatisfy({ $0.isASCII && $0.isNumber }) || !(1...65535).contains(Int(port) ?? 0) {
                return .badPort(String(port))
            }
        }
        let host = hostName(authority)
        if host == "graph.facebook.com" || host.hasSuffix(".graph.facebook.com") || host == "graph.beta.facebook.com" {
            return .metaGraphAPI(host: host)
        }
        if ["app.kapso.ai", "kapso.ai", "www.kapso.ai", "docs.kapso.ai"].contains(host) { return .kapsoWebsite(host: host) }
        if let endpoint = endpointPath(in: rest[authorityEnd...]) {
            return .endpointPath(path: String(endpoint), base: String(url[..<endpoint.startIndex]))
        }
        return nil
    }

    /// The host of `url` as `problem(in:)` reads it: lower-cased, without a scheme, `user@`, port, path or trailing
    /// dot (`HTTPS://API.Kapso.ai.:443/x` → `api.kapso.ai`); empty when there is none.
    public static func host(of url: String) -> String {
        var rest = Substring(url)
        if let colon = rest.firstIndex(of: ":"), rest[colon...].hasPrefix("://") { rest = rest[rest.index(colon, offsetBy: 3)...] }
        var authority = rest[..<(rest.firstIndex { "/?#".contains($0) } ?? rest.endIndex)]
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        return hostName(authority)
    }

    /// `authority` (host and port, no `user@`) lower-cased, without its port and a trailing dot.
    private static func hostName(_ authority: Substring) -> String {
        var host = authority.lowercased()
        if let colon = host.lastIndex(of: ":"), !host.hasSuffix("]") { host = String(host[..<colon]) }
        if host.hasSuffix(".") { host.removeLast() }
        return host
    }

    /// The part of `path` from Kapso's base path on (`/platform/v1` or `/meta/whatsapp[/vNN.N]`, kapso-api.md §1.1)
    /// when more than slashes follows that base path; nil when there is none or it ends the URL (`KapsoClient.hostOnly`
    /// strips it, as Kapso's scripts do). A prefix before it (`https://gateway.example/kapso/platform/v1/...`) stays
    /// in the base.
    static func endpointPath(in path: Substring) -> Substring? {
        for base in ["/platform/v1", "/meta"] {
            // The base path as whole segments: `/platform/v1` followed by `/` or the end, never `/platform/v10`. Its
            // bytes first: where they are not, neither are its characters (ASCII letters, digits and `/`, which no other
            // character is canonically equivalent to), and `firstRange(of:)` costs about 196,000 instructions a call,
            // paid at every start with a base URL (docs/performance.md, "Session 38").
            guard holdsBytes(of: base, in: path) else { continue }
            guard let range = path.firstRange(of: base), path[range.upperBound...].first.map({ $0 == "/" }) ?? true else {
                continue
            }
            var rest = path[range.upperBound...].drop { $0 == "/" }
            if base == "/meta" {
                if rest.hasPrefix("whatsapp") { rest = rest.dropFirst("whatsapp".count).drop { $0 == "/" } }
                let segment = rest.prefix { $0 != "/" }
                if segment.first == "v", segment.count > 1, segment.dropFirst().allSatisfy({ $0.isNumber || $0 == "." }) {
                    rest = rest[segment.endIndex...]
                }
            }
            guard rest.contains(where: { $0 != "/" }) else { return nil }
            return path[range.lowerBound...]
        }
        return nil
    }

    /// True when `base`'s UTF-8 bytes occur in a row in `path`'s.
    static func holdsBytes(of base: String, in path: Substring) -> Bool {
        let needle = Array(base.utf8)
        let haystack = Array(path.utf8)
        guard let first = needle.first, haystack.count >= needle.count else { return false }
        for start in 0...(haystack.count - needle.count) where haystack[start] == first {
            if haystack[start..<(start + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }
}

// MARK: - Words

extension BaseURLShape.Problem {
    /// What is wrong, after the subject (`the API base URL X (flag --base-url)`).
    public var what: String {
        switch self {
        case .quoted(_, true): "is wrapped in quotes"
        case .quoted: "has a quote at one end"
        case .controlCharacter(0x0D): "ends in a carriage return (U+000D; a .env file with Windows line ends?)"
        case .controlCharacter(let value): "holds the control character \(Self.code(value))"
        case .whitespace(let value): "holds a space (\(Self.code(value)))"
        case .query: "has a query ('?...')"
        case .fragment: "has a fragment ('#...')"
        case .userInfo: "holds a user name or password before the host ('user@')"
        case .metaGraphAPI(let host): "is Meta's Graph API (\(host)), not Kapso's"
        case .kapsoWebsite(let host): "is Kapso's website (\(host)\(host == "app.kapso.ai" ? ", the dashboard" : "")), not its API"
        case .endpointPath(let path, _): "holds a whole endpoint path (\(Self.shortened(path)))"
        case .unknownScheme(let scheme): "has the scheme '\(Self.shortened(scheme))://', which is neither https nor http"
        case .twoPorts(let ports): "has more than one port (':\(Self.shortened(ports))')"
        case .unclosedBracket: "has an unclosed '[' (an IPv6 address is written [::1])"
        case .noHost: "has no host"
        case .doubledScheme(let written, _): "has its scheme written twice ('\(Self.shortened(written))')"
        case .badPort(let port): port.isEmpty ? "has a ':' and no port after it" : "has the port '\(Self.shortened(port))', which is no port (1-65535)"
        }
    }

    /// What to do; nothing was sent.
    public var fix: String {
        let hostOnly = "give the host only, e.g. \(BaseURLShape.kapsoHost) (kops adds /platform/v1)"
        switch self {
        case .quoted(let unquoted, _):
            return "the quotes are not part of the URL (docker --env-file and some .env readers keep them); nothing was sent; "
                + (unquoted.isEmpty ? hostOnly : "give '\(Self.shortened(unquoted))'")
        case .controlCharacter, .whitespace:
            return "nothing was sent; remove it and " + hostOnly
        case .query, .fragment:
            return "kops adds /platform/v1/... after the host, where it would land inside the "
                + (self == .query ? "query" : "fragment") + "; " + hostOnly
        case .userInfo:
            return "Kapso takes its project API key in the X-API-Key header, not in the URL; nothing was sent; " + hostOnly
        case .metaGraphAPI:
            return "nothing was sent (the Kapso key is not a Meta access token); Kapso's host is \(BaseURLShape.kapsoHost), "
                + "which serves its Meta proxy at /meta/whatsapp/v24.0 (kops adds the paths)"
        case .kapsoWebsite:
            return "nothing was sent; Kapso's API host is \(BaseURLShape.kapsoHost) (kops adds /platform/v1 and /meta/whatsapp/v24.0; "
                + "app.kapso.ai/api/… was Kapso's legacy API, no longer used)"
        case .endpointPath(_, let base):
            return "kops adds /platform/v1/... and /meta/whatsapp/v24.0/... to the base URL itself, so nothing was sent; "
                + "give '\(base)' instead"
        case .unknownScheme:
            return "nothing was sent; write https:// (or http:// for a loopback host such as kapso-sim), e.g. \(BaseURLShape.kapsoHost)"
        case .badPort:
            return "nothing was sent; give a port from 1 to 65535, or none (https uses 443)"
        case .twoPorts:
            return "nothing was sent; keep one port after the host, e.g. http://127.0.0.1:8080 (an IPv6 address goes in "
                + "brackets: http://[::1]:8080)"
        case .unclosedBracket:
            return "nothing was sent; close it, e.g. http://[::1]:8080, or " + hostOnly
        case .noHost:
            return "nothing was sent; " + hostOnly + ", or kapso-sim's http://127.0.0.1:PORT"
        case .doubledScheme(_, let fixed):
            return "nothing was sent; give '\(Self.shortened(fixed))'"
        }
    }

    /// `path` cut to 60 characters with `…`: a pasted curl line can be long.
    static func shortened(_ path: String) -> String {
        path.count > 60 ? String(path.prefix(59)) + "…" : path
    }

    static func code(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
