/// The scheme and host of an absolute URL, e.g. `https://api.kapso.ai:443/x` → (`https`, `api.kapso.ai`).
public struct URLParts: Sendable, Equatable {
    public var scheme: String
    public var host: String
    /// The explicit port, or the scheme's default (80, 443).
    public var port: Int

    public init?(_ url: String) {
        guard let colon = url.firstIndex(of: ":"), url[colon...].hasPrefix("://") else { return nil }
        scheme = url[..<colon].lowercased()
        var rest = url[url.index(colon, offsetBy: 3)...]
        if let slash = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { rest = rest[..<slash] }
        if let at = rest.lastIndex(of: "@") { rest = rest[rest.index(after: at)...] }
        var portText: Substring?
        if rest.hasPrefix("["), let close = rest.firstIndex(of: "]") {
            host = String(rest[rest.index(after: rest.startIndex)..<close])
            let after = rest[rest.index(after: close)...]
            if after.hasPrefix(":") { portText = after.dropFirst() }
        } else if let colon = rest.lastIndex(of: ":") {
            host = String(rest[..<colon])
            portText = rest[rest.index(after: colon)...]
        } else {
            host = String(rest)
        }
        // A port is digits or nothing (`host:` is the default port, RFC 3986 §3.2.3); `18082"` (a quote pasted
        // along) is no port, and libcurl refuses the URL, so it is refused here, where it is checked (probe18 P18-10).
        if let portText, !portText.isEmpty {
            guard portText.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(portText) else { return nil }
            port = number
        } else {
            port = scheme == "https" ? 443 : 80
        }
        guard !host.isEmpty, scheme == "http" || scheme == "https", (1...65535).contains(port) else { return nil }

    }

    /// `host:port`, with brackets around IPv6 hosts.
    public var authority: String {
        (host.contains(":") ? "[\(host)]" : host) + ":\(port)"
    }

    /// True for 127.0.0.0/8, `localhost` and `::1`: the only hosts plain http is allowed to.
    public var isLoopback: Bool {
        let lower = host.lowercased()
        if lower == "localhost" || lower == "::1" { return true }
        let octets = lower.split(separator: ".")
        return octets.count == 4 && octets[0] == "127" && octets.allSatisfy { UInt8($0) != nil }
    }
}
