/// Why no HTTP response was received; each case names the host in its one-line message.
public enum TransportError: Error, Sendable, Equatable {
    /// The host name did not resolve.
    case dns(host: String)
    /// Nothing accepted the TCP connection at `authority` (`host:port`).
    case connect(authority: String)
    /// The connect or total timeout ran out.
    case timeout(host: String, seconds: Double)
    /// TLS handshake or certificate verification failed.
    case tls(host: String, detail: String)
    /// The user pressed Ctrl-C during the transfer.
    case cancelled(sent: Bool)
    /// A plain `http://` URL for a host that is not loopback.
    case insecureURL(host: String)
    /// The URL could not be parsed.
    case badURL(String)
    /// The connection broke or the response was malformed.
    case protocolError(host: String, detail: String)

    /// One line for the user: what went wrong, then what to do.
    public var message: String {
        switch self {
        case .dns(let host):
            "could not resolve host '\(host)'; check the base URL (KAPSO_API_BASE_URL or --base-url)"
        case .connect(let authority):
            "cannot connect to \(authority); is the API (or kapso-sim) running and the base URL right?"
        case .timeout(let host, let seconds):
            "request to \(host) timed out after \(formatSeconds(seconds)); try again or raise --timeout"
        case .tls(let host, let detail):
            "TLS failure talking to \(host): \(detail); check the host name and the system CA certificates"
        case .cancelled(let sent):
            sent ? "cancelled (the request had been sent; it may have taken effect)" : "cancelled"
        case .insecureURL(let host):
            "refusing plain http:// to \(host); use https:// (http is allowed only for loopback hosts)"
        case .badURL(let url):
            "invalid URL '\(url)'; expected e.g. https://api.kapso.ai"
        case .protocolError(let host, let detail):
            "connection to \(host) failed: \(detail)"
        }
    }
}

private func formatSeconds(_ seconds: Double) -> String {
    seconds == seconds.rounded() ? "\(Int(seconds)) s" : "\(seconds) s"
}
