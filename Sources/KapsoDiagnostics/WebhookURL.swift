internal import KopsHTTP

/// Facts about a webhook receiver's URL that checks and tables share.
public enum WebhookURL {
    /// A URL without its `https://` or `http://` scheme, for narrow columns.
    public static func short(_ url: String) -> String {
        for scheme in ["https://", "http://"] where url.hasPrefix(scheme) { return String(url.dropFirst(scheme.count)) }
        return url
    }

    /// Why a server on the internet (Kapso's) cannot reach `url`: `localhost (this machine)` or `a private-network
    /// address (10.0.0.5)`; nil when the host is public or the URL cannot be read. Private ranges: RFC 1918
    /// (10/8, 172.16/12, 192.168/16), link-local 169.254/16, carrier NAT 100.64/10 (RFC 6598), IPv6 fc00::/7 and
    /// fe80::/10, and the `.local`/`.internal`/`.localhost` names.
    public static func unreachable(_ url: String) -> String? {
        guard let parts = URLParts(url) else { return nil }
        if parts.isLoopback || parts.host.lowercased().hasSuffix(".localhost") { return "localhost (this machine)" }
        let host = parts.host.lowercased()
        let octets = host.split(separator: ".").compactMap { UInt8($0) }
        var isPrivate = false
        if octets.count == 4, host.split(separator: ".").count == 4 {
            let (a, b) = (octets[0], octets[1])
            isPrivate = a == 10 || (a == 172 && (16...31).contains(b)) || (a == 192 && b == 168) || (a == 169 && b == 254)
                || (a == 100 && (64...127).contains(b)) || a == 0
        } else if host.contains(":") {
            isPrivate = host.hasPrefix("fc") || host.hasPrefix("fd") || host.hasPrefix("fe8") || host.hasPrefix("fe9")
                || host.hasPrefix("fea") || host.hasPrefix("feb")
        } else {
            isPrivate = host.hasSuffix(".local") || host.hasSuffix(".internal") || !host.contains(".")
        }
        return isPrivate ? "a private-network address (\(parts.host))" : nil
    }
}
