public import KapsoClient
internal import KapsoDiagnostics
internal import KopsHTTP

/// The API's host name did not resolve, said with where the base URL came from: Kapso's own host (`api.kapso.ai`) not
/// resolving is this machine's network or DNS, whatever set it; another host may be misspelt where it was set.
///
/// tester57 AB10 (and tester57b's retest): with no base URL set anywhere, and with a proxy that `NO_PROXY` bypasses,
/// a DNS failure on the default host said "check the base URL (KAPSO_API_BASE_URL or --base-url)", a setting the user
/// never made, while the host was Kapso's right one. The settings are named as a way to reach another API, not as the cause.
public struct UnresolvedHostError: KopsError, APIErrorExplained {
    public var error: KapsoAPIError
    /// The host that did not resolve.
    public var host: String
    /// Where the base URL came from (`default`, `env KAPSO_API_BASE_URL`, `flag --base-url`, `profile acme`).
    public var source: String

    /// The error said so when it is a DNS failure on the host of `base` and `source` is known; nil otherwise.
    public static func explaining(_ error: KapsoAPIError, base: String, source: String?) -> UnresolvedHostError? {
        guard case .transport(.dns(let host)) = error, let source, BaseURLShape.host(of: host) == BaseURLShape.host(of: base)
        else { return nil }
        return UnresolvedHostError(error: error, host: host, source: source)
    }

    public var message: String {
        let line = "could not resolve host '\(host)'"
        guard BaseURLShape.isKapsoHost(host) else {
            return line + " (the base URL, from \(source)); check its spelling there, or this machine's network and DNS"
        }
        let network = ": this machine's network or DNS could not look up Kapso's API host; check the connection and DNS"
        guard source == Settings.Source.defaultValue.description else { return line + " (from \(source))" + network }
        return line + " (the default API: no base URL is set)" + network
            + " (to use another API, set --base-url or KAPSO_API_BASE_URL)"
    }

    public var exitStatus: ExitStatus { error.exitStatus }
}
