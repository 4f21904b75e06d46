internal import CCurl
internal import CKopsShims

/// A transfer that failed at the proxy the environment sets (`ProxyEnvironment`), not at the API: libcurl reports the
/// proxy's answer to CONNECT (`CURLINFO_HTTP_CONNECTCODE`, e.g. 407 Proxy Authentication Required, RFC 9110 §15.5.8)
/// as "CONNECT tunnel failed, response 407", and an unresolvable proxy host as CURLE_COULDNT_RESOLVE_PROXY; kops said
/// "connection to api.kapso.ai failed: CONNECT tunnel failed, response 407", which names neither the proxy nor the step.
struct ProxyRefusal: Equatable {
    /// Where the proxy stopped the request.
    enum Failure: Equatable {
        /// Its host did not resolve (CURLE_COULDNT_RESOLVE_PROXY).
        case unresolved
        /// Nothing accepted the connection to it (CURLE_COULDNT_CONNECT while a proxy applies to the host).
        case unreachable
        /// It answered CONNECT with this status (407: it wants credentials).
        case refused(Int)
    }

    var failure: Failure
    /// The variable that sets the proxy (`https_proxy`); nil when kops cannot tell (libcurl read it, kops did not find it).
    var variable: String?
    /// Whether the proxy's URL gives a user (`http://USER:PASSWORD@HOST:PORT`), so a 407 refused those.
    var credentialsGiven = false

    /// The refusal `code` and `connectCode` (the CONNECT status, 0 for none) stand for, for a request to `host` by
    /// `scheme`; nil for a failure past the proxy or with no proxy.
    init?(
        code: CURLcode, connectCode: Int, host: String, scheme: String,
        environment: (String) -> String? = ProxyEnvironment.value(of:)
    ) {
        variable = ProxyEnvironment.variable(forScheme: scheme, environment: environment)
        if code == CURLE_COULDNT_RESOLVE_PROXY {
            failure = .unresolved
        } else if code != CURLE_OK, connectCode >= 300 {
            failure = .refused(connectCode)
        } else if code == CURLE_COULDNT_CONNECT, variable != nil, !ProxyEnvironment.exempts(host, environment: environment) {
            failure = .unreachable
        } else {
            return nil
        }
        if let variable, let url = environment(variable) {
            let authority = (url.firstRange(of: "://").map { url[$0.upperBound...] } ?? url[...]).prefix { $0 != "/" }
            credentialsGiven = authority.contains("@")
        }
    }

    /// One line: what failed, that the API was not reached, what to do. The proxy's URL is never shown (it may hold a
    /// user and password); the variable is named.
    func text(host: String) -> String {
        let proxy = variable.map { "the proxy set in \($0)" } ?? "the proxy set in the environment"
        let direct = "or, if \(host) is reachable without it, add \(host) to NO_PROXY"
        let reached = "the request never reached \(host)"
        switch failure {
        case .unresolved:
            return "could not resolve the host of \(proxy): \(reached); check its value (not shown: it may hold a "
                + "password), unset it, \(direct)"
        case .unreachable:
            return "nothing accepted the connection to \(proxy): \(reached); check that the proxy runs and its value "
                + "(not shown: it may hold a password), unset it, \(direct)"
        case .refused(407) where credentialsGiven:
            return "\(proxy) refused the user and password its URL gives (407 Proxy Authentication Required): \(reached); "
                + "check them (the value is not shown), \(direct)"
        case .refused(407):
            return "\(proxy) asks for credentials (407 Proxy Authentication Required): \(reached); put your proxy login "
                + "(user name and password, then '@') in that URL before its host, \(direct)"
        case .refused(let status):
            return "\(proxy) refused to connect to \(host) (it answered \(status) to CONNECT): \(reached); ask whoever "
                + "runs the proxy to allow \(host), \(direct)"
        }
    }
}
