internal import Foundation

/// curl's own error line, pasted where the API's answer was meant: `curl: (6) Could not resolve host: api.kapso.ai`,
/// `curl: (28) Operation timed out after 30001 milliseconds`, `curl: (56) Recv failure: Connection reset by peer`.
///
/// The number in the parentheses is curl's exit status, libcurl's `CURLcode` (curl.se/libcurl/c/libcurl-errors.html,
/// the libcurl-errors man page; curl's man page, EXIT CODES): the transfer failed on the caller's side or on the way,
/// so no HTTP answer came and there is no Graph or Kapso error code to read. `explain` read it as Meta's code
/// (`curl: (3)` → "capability or permission", `curl: (4)` → "app rate limit"; tester59 AF1).
public struct CurlExit: Sendable, Equatable {
    /// How far the transfer got before curl gave up, which says whether the API answered and whether a send may have
    /// gone out (tester59b AG2, AG19: every exit was "failed before an HTTP answer came", a 22's 401 included).
    public enum Reach: Sendable, Equatable {
        /// Nothing reached the API (the URL, DNS, the connection, TLS or a local file failed first).
        case nothingSent
        /// The request may have reached the API and no whole answer came back (a timeout, a reset, an empty reply, an
        /// HTTP/2 stream error): a send's outcome is unknown.
        case maybeReached
        /// The answer's status line and headers came, then the connection closed before the whole body (18).
        case headOnly
        /// The server answered an HTTP error and curl's `-f` hid the body (22): `status` is the one curl's words name.
        case httpError(status: Int?)
        /// The redirects were answered, more of them than curl follows (47).
        case redirects
        /// curl finished without an error (0), or a code the table does not hold (`nil` name): its words say.
        case unknown
    }

    /// curl's exit status, as the line gives it.
    public var code: Int
    /// What libcurl's man page calls it (`CURLE_COULDNT_RESOLVE_HOST`), nil for a code the table does not hold.
    public var name: String?
    /// What failed, in the man page's sense.
    public var meaning: String
    /// What to check.
    public var check: String
    /// How far the transfer got.
    public var reach: Reach

    /// Where the table comes from.
    public static let reference = "curl.se/libcurl/c/libcurl-errors.html (libcurl-errors man page; curl's exit status is its CURLcode)"

    /// Reads `curl: (N) …` (also `curl (N)`); nil when the text holds no such line.
    public init?(_ text: String) {
        let lowered = text.lowercased()
        guard let range = lowered.range(of: "curl: (") ?? lowered.range(of: "curl (") else { return nil }
        let digits = lowered[range.upperBound...].prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 3, let code = Int(digits),
            lowered[range.upperBound...].dropFirst(digits.count).first == ")"
        else { return nil }
        self.code = code
        guard let known = Self.table[code] else {
            name = nil
            reach = .unknown
            meaning = "curl's exit status \(code), which kops's table does not hold"
            check = "read curl's words after the number; run again with -v to see where the transfer stopped"
            return
        }
        (name, meaning, check, reach) = (known.name, known.meaning, known.check, known.reach)
        // curl 22's words name the status: `The requested URL returned error: 401` (curl's tool, src/tool_operate.c).
        if reach == .httpError(status: nil), let said = lowered.range(of: "returned error:") {
            let status = lowered[said.upperBound...].drop { $0 == " " }.prefix { $0.isASCII && $0.isNumber }
            reach = .httpError(status: Int(status).flatMap { (400...599).contains($0) ? $0 : nil })
        }
    }

    /// What the answer was, as far as curl's exit says.
    public var answered: String {
        let exit = "curl's exit status, not an API error code: "
        switch reach {
        case .nothingSent: return exit + "the transfer failed before the request reached the API, so neither Kapso nor Meta said anything"
        case .maybeReached:
            return exit + "the request may have reached the API, and no whole answer came back; for a send the outcome is "
                + "unknown: look the message up ('messages', 'trace') before resending"
        case .headOnly:
            return exit + "the API did answer: its status and headers came, then the connection closed before the whole "
                + "body; a send most likely went through: look it up ('messages', 'trace') before resending"
        case .httpError(let status):
            return exit + "the API answered" + (status.map { " HTTP \($0)" } ?? " an HTTP error")
                + ", and curl's -f/--fail hid the body that says why"
        case .redirects: return exit + "the host answered with redirects, more than curl follows: the API was not reached"
        case .unknown: return exit + "curl's words after the number say what happened"
        }
    }

    /// The codes an API call meets most, with libcurl's name, what the man page says, what to check, and how far the
    /// transfer got. The man page's words: 16 "a problem was detected in the HTTP2 framing layer", 18 "a file transfer
    /// was shorter or larger than expected … the server first reports an expected transfer size, and then delivers data
    /// that does not match", 22 "returned if CURLOPT_FAILONERROR is set TRUE and the HTTP server returns an error code that
    /// is >= 400", 52 "nothing was returned from the server", 92 "stream error in the HTTP/2 framing layer".
    static let table: [Int: (name: String, meaning: String, check: String, reach: Reach)] = [
        0: ("CURLE_OK", "curl finished without an error", "if the call still failed, paste the body it answered", .unknown),
        1: ("CURLE_UNSUPPORTED_PROTOCOL", "the URL's scheme is one this curl does not support",
            "the URL starts with https:// (no typo, no stray quote or space before it)", .nothingSent),
        3: ("CURLE_URL_MALFORMAT", "the URL was not properly formatted",
            "the URL as the shell passed it: quote it, and check that no variable in it was empty", .nothingSent),
        5: ("CURLE_COULDNT_RESOLVE_PROXY", "the proxy's host name could not be resolved",
            "the proxy settings (https_proxy, --proxy)", .nothingSent),
        6: ("CURLE_COULDNT_RESOLVE_HOST", "the host name could not be resolved (DNS): no request left the machine",
            "the host's spelling (api.kapso.ai) and the machine's DNS or network", .nothingSent),
        7: ("CURLE_COULDNT_CONNECT", "no connection to the host or proxy could be made",
            "the host and port, a firewall or proxy between, and whether the network reaches it", .nothingSent),
        16: ("CURLE_HTTP2", "a problem in the HTTP/2 framing layer (curl's words after the number say which)",
            "a proxy between that mishandles HTTP/2; retry with --http1.1 to tell", .maybeReached),
        18: ("CURLE_PARTIAL_FILE", "the answer's body was shorter or longer than its headers announced: the connection "
            + "closed mid-body", "the network and a proxy between; -v shows the status line that came", .headOnly),
        22: ("CURLE_HTTP_RETURNED_ERROR", "the server answered an HTTP error (400 or above) and curl's -f/--fail hid its body",
            "run again with --fail-with-body or without -f, and paste the body: it says why", .httpError(status: nil)),
        28: ("CURLE_OPERATION_TIMEDOUT", "the transfer took longer than the time allowed (no answer, or only part of it)",
            "the network and --max-time/--connect-timeout", .maybeReached),
        35: ("CURLE_SSL_CONNECT_ERROR", "the TLS handshake failed",
            "a proxy or firewall that intercepts TLS, and the machine's clock and CA certificates", .nothingSent),
        47: ("CURLE_TOO_MANY_REDIRECTS", "the redirect limit was reached", "where the URL redirects (curl -v shows each Location)",
            .redirects),
        52: ("CURLE_GOT_NOTHING", "the server closed the connection without answering anything",
            "the host and port (an http:// URL on an https port?) and a proxy or idle timeout between", .maybeReached),
        55: ("CURLE_SEND_ERROR", "sending the request failed (the connection broke)", "the network and a proxy between",
            .maybeReached),
        56: ("CURLE_RECV_ERROR", "receiving the answer failed (the connection was reset or broke)",
            "the network and a proxy between", .maybeReached),
        58: ("CURLE_SSL_CERTPROBLEM", "the local client certificate could not be used", "the --cert file and its password",
            .nothingSent),
        60: ("CURLE_PEER_FAILED_VERIFICATION", "the server's TLS certificate could not be verified",
            "the machine's CA certificates and a proxy that intercepts TLS; never turn verification off (-k) against the API",
            .nothingSent),
        77: ("CURLE_SSL_CACERT_BADFILE", "the CA certificate file could not be read", "the --cacert path and the system's CA bundle",
            .nothingSent),
        92: ("CURLE_HTTP2_STREAM", "a stream error in the HTTP/2 framing layer: the stream was reset or not closed cleanly",
            "a proxy between that mishandles HTTP/2; retry with --http1.1 to tell", .maybeReached),
    ]
}
