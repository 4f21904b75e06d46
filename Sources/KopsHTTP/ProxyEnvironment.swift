#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The proxy settings libcurl reads from the environment, as curl's docs give them (curl.se/libcurl/c/CURLOPT_PROXY.html,
/// CURLOPT_NOPROXY.html): `http_proxy` (lower case only) for http URLs, `https_proxy` or `HTTPS_PROXY` for https, then
/// `all_proxy` or `ALL_PROXY`; `no_proxy` or `NO_PROXY` lists hosts reached directly (a single `*`: every host).
///
/// A proxy set for the whole machine (as corporate networks do) is also asked for this machine's own 127.0.0.1, which
/// it cannot reach: `kops --demo` and every `kapso-sim` session got the proxy's answer (a 407 for credentials) while
/// kops said "API calls stay on this machine". Loopback hosts are therefore never sent through a proxy.
enum ProxyEnvironment {
    /// Loopback as libcurl's no-proxy list writes it (CIDR since curl 7.86; older versions match the names and `::1`).
    static let loopback = "localhost,127.0.0.1,127.0.0.0/8,::1"

    /// CURLOPT_NOPROXY: the environment's no-proxy list with loopback added; `*` (no proxy for any host) kept alone,
    /// as libcurl honours `*` only as the whole list.
    static let noProxy: String = noProxy(environment: value(of:))

    /// `noProxy` for an environment read through `value`.
    static func noProxy(environment value: (String) -> String?) -> String {
        let own = value("no_proxy") ?? value("NO_PROXY") ?? ""
        if own.trimmingSpaces == "*" { return "*" }
        return own.trimmingSpaces.isEmpty ? loopback : own + "," + loopback
    }

    /// The variable that sets a proxy for a URL of `scheme` (`https_proxy`), nil when none does. Its value is never
    /// shown: a proxy URL may hold a user and password.
    static func variable(forScheme scheme: String, environment value: (String) -> String? = value(of:)) -> String? {
        let names = scheme == "https" ? ["https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"] : ["http_proxy", "all_proxy", "ALL_PROXY"]
        return names.first { value($0).map { !$0.trimmingSpaces.isEmpty } ?? false }
    }

    /// Whether the environment's no-proxy list names `host` (curl's rules for names: the host itself, or a domain it
    /// is in, with or without a leading dot; `*` every host); addresses in CIDR form are not read here.
    static func exempts(_ host: String, environment value: (String) -> String? = value(of:)) -> Bool {
        let host = host.lowercased()
        let list = (value("no_proxy") ?? value("NO_PROXY") ?? "").lowercased().split(separator: ",")
        return list.contains { entry in
            let name = entry.trimmingSpaces
            if name == "*" { return true }
            let domain = name.hasPrefix(".") ? name.dropFirst() : name
            return !domain.isEmpty && (host == domain || host.hasSuffix("." + domain))
        }
    }

    /// The environment variable's value; nil when it is not set.
    static func value(of name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }
}

extension StringProtocol where SubSequence == Substring {
    fileprivate var trimmingSpaces: Substring {
        let start = drop { $0 == " " }
        return start.dropLast(start.reversed().prefix { $0 == " " }.count)
    }
}
