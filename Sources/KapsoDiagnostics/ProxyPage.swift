internal import Foundation

/// An HTML error page pasted where an error body goes (`<html><head><title>502 Bad Gateway</title>…cloudflare…`): what a
/// proxy, CDN or load balancer in front of the API answers when it could not reach the server or refused the request
/// (RFC 9110 §15.6.3, 502: "a gateway or proxy … received an invalid response from an inbound server"). The page is no
/// error body of Kapso's (those are JSON, kapso-api.md §1.5), so no code is read from it (tester50 N3: "invalid error code").
public struct ProxyPage: Sendable, Equatable {
    /// The 4xx/5xx status the page's title (else its first heading) names.
    public var status: Int
    /// The title or heading, cut to 80 characters.
    public var title: String
    /// The proxy the page names (`cloudflare`, `nginx`, …), nil when it names none kops knows.
    public var server: String?

    /// Names of proxies and load balancers whose error pages name them, lower case.
    static let servers = ["cloudflare", "cloudfront", "nginx", "akamai", "varnish", "envoy", "haproxy", "apache", "fastly", "kapso-sim"]

    /// Reads a page that starts with `<` and names a 4xx/5xx status in its `<title>` or first `<h1>`; nil for anything else.
    public init?(_ text: String) {
        guard text.drop(while: { $0.isWhitespace }).first == "<" else { return nil }
        let heading = ["title", "h1"].lazy.compactMap { Self.element($0, in: text) }
        guard let found = heading.compactMap({ title in Self.status(in: title).map { (title, $0) } }).first else { return nil }
        (title, status) = (found.0.count > 80 ? String(found.0.prefix(80)) + "…" : found.0, found.1)
        server = Self.servers.first { text.range(of: $0, options: .caseInsensitive) != nil }
    }

    /// What the status means coming from the page's proxy rather than from Kapso's API.
    public func meaning(status: Int) -> String {
        let by = "an HTML page titled '\(title)'" + (server.map { ", from \($0)" } ?? "")
        let what = status >= 500
            ? "what sits in front of the API could not get a good answer from the server behind it; the request itself was not judged"
            : "the proxy refused or could not route the request before the API read it"
        return "HTTP \(status) from a proxy or load balancer in front of the server (\(by)), not Kapso's JSON error: \(what)"
    }

    /// What to do about it.
    public func todo(status: Int) -> String {
        status >= 500
            ? "retry later; if every call gets it, check the base URL ('state') and whether the host is up; 'health' shows the number's state"
            : "check the base URL ('state') and the path: a page instead of JSON means the host is not Kapso's API, or its firewall refused the call"
    }

    private static func element(_ name: String, in text: String) -> String? {
        guard let open = text.range(of: "<\(name)", options: .caseInsensitive),
            let end = text[open.upperBound...].firstIndex(of: ">"),
            let close = text.range(of: "</\(name)>", options: .caseInsensitive, range: end..<text.endIndex)
        else { return nil }
        let words = text[text.index(after: end)..<close.lowerBound].split { $0.isWhitespace }.joined(separator: " ")
        return words.isEmpty ? nil : words
    }

    private static func status(in title: String) -> Int? {
        let words = title.split { !($0.isASCII && $0.isNumber) }
        return words.lazy.compactMap { $0.count == 3 ? Int($0) : nil }.first { (400...599).contains($0) }
    }
}
