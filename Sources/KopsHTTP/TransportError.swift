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
    /// A write's request was sent but its answer was lost or unreadable (timeout, cut body, garbage):
    /// the change may have been made. Never retried.
    case noAnswer(host: String, detail: String)
    /// A read's response went past a `CurlTransport.Limits` limit and was dropped.
    case tooLarge(host: String, Limit)
    /// A proxy the environment names refused the connection or could not be found (`ProxyRefusal`); the request never
    /// reached `host`.
    case proxy(host: String, detail: String)
    /// A path segment (an id read from an earlier answer) longer than `HTTPRequest.maxPathSegment`: the request was not
    /// sent. `route` is the path with `{id}` in its place, `head` its first characters; both printable ASCII only.
    case longPathSegment(route: String, length: Int, head: String)
    /// The URL holds the value of one of the request's own secret headers (`header`, e.g. `X-API-Key`): the key pasted
    /// where an id goes (`trace KEY`). Not sent: the server's logs keep URLs in clear (tester70 F15: Kapso's API log).
    case secretInURL(header: String)

    /// A response limit, named in errors.
    public enum Limit: Sendable, Equatable {
        case body(bytes: Int)
        case headers(bytes: Int)
        /// libcurl refuses a single header line longer than this (`CURL_MAX_HTTP_HEADER`, 100 KiB).
        case headerLine(bytes: Int)

        /// `the body passed kops's limit of 32 MiB`.
        public var text: String {
            switch self {
            case .body(let bytes): "the response body passed kops's limit of \(byteCount(bytes)) (decoded)"
            case .headers(let bytes): "the response headers passed kops's limit of \(byteCount(bytes))"
            case .headerLine(let bytes): "a response header line passed libcurl's limit of \(byteCount(bytes))"
            }
        }
    }

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
            Self.plainHTTP(detail)
                ? "TLS failure talking to \(host): \(detail); the server speaks plain HTTP: use http:// "
                    + "(allowed for loopback hosts such as kapso-sim), or check the port"
                : "TLS failure talking to \(host): \(detail); check the host name and the system CA certificates"
        case .cancelled(let sent):
            sent ? "cancelled (the request had been sent; it may have taken effect)" : "cancelled"
        case .insecureURL(let host):
            "refusing plain http:// to \(host); use https:// (http is allowed only for loopback hosts)"
        case .badURL(let url):
            "invalid URL '\(Self.shortened(url))'; expected e.g. https://api.kapso.ai"
        case .protocolError(let host, let detail):
            "connection to \(host) failed: \(detail)"
        case .proxy(_, let detail):
            detail
        case .noAnswer(let host, let detail):
            "the request was sent to \(host) but no answer came (\(detail)): it may have taken effect; check before retrying"
        case .tooLarge(let host, let limit):
            "\(limit.text) from \(host); ask for less (a smaller --limit or a shorter period)"
        case .secretInURL(let header):
            "not sent: the request's URL holds the value of its \(header) header, the key this session authenticates with, "
                + "which the server's logs would keep in clear: an id goes there, not the key"
        case .longPathSegment(let route, let length, let head):
            "not sent: the id in \(route) is \(length) characters ('\(head)…'), longer than any id (at most "
                + "\(HTTPRequest.maxPathSegment)); the answer it was read from is damaged or not the API's"
        }
    }
}

extension TransportError {
    /// A URL as an error line shows it: whole up to 200 characters, else its first 200 and its length (a URL built with
    /// a 10 MB id once printed all of it).
    static func shortened(_ url: String) -> String {
        guard url.utf8.count > 200 else { return url }
        return String(url.prefix(200)) + "… (\(url.count) characters)"
    }

    /// Whether a TLS error's text is what a TLS client reports when the server answered in plain HTTP:
    /// OpenSSL's "wrong version number" (older: "unknown protocol", "packet length too long"),
    /// GnuTLS's "unexpected TLS packet". The first bytes of "HTTP/1.1 400" are not a TLS record.
    static func plainHTTP(_ detail: String) -> Bool {
        let text = detail.lowercased()
        return ["wrong version number", "unknown protocol", "packet length too long", "unexpected tls packet"]
            .contains { text.contains($0) }
    }
}

func formatSeconds(_ seconds: Double) -> String {
    // A measured wait (9.996939265) is shown to a tenth: `10 s`, `2.5 s`; one that rounds to 0 s (a `--timeout` of a few
    // milliseconds) in milliseconds, as "timed out after 0 s" reads as no wait at all (probe20 P20-12).
    let tenths = (seconds * 10).rounded() / 10
    if tenths == 0 { return "\(max(1, Int((seconds * 1000).rounded()))) ms" }
    return tenths == tenths.rounded() ? "\(Int(tenths)) s" : "\(tenths) s"
}

/// `32 MiB`, `256 KiB`, `512 bytes`.
func byteCount(_ bytes: Int) -> String {
    if bytes >= 1 << 20 && bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
    if bytes >= 1 << 10 && bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB" }
    return "\(bytes) bytes"
}
