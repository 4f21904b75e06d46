internal import Foundation

/// curl's own error line, pasted where the API's answer was meant: `curl: (6) Could not resolve host: api.kapso.ai`,
/// `curl: (28) Operation timed out after 30001 milliseconds`, `curl: (56) Recv failure: Connection reset by peer`.
///
/// The number in the parentheses is curl's exit status, libcurl's `CURLcode` (curl.se/libcurl/c/libcurl-errors.html,
/// the libcurl-errors man page; curl's man page, EXIT CODES): the transfer failed on the caller's side or on the way,
/// so no HTTP answer came and there is no Graph or Kapso error code to read. `explain` read it as Meta's code
/// (`curl: (3)` → "capability or permission", `curl: (4)` → "app rate limit"; tester59 AF1).
public struct CurlExit: Sendable, Equatable {
    /// curl's exit status, as the line gives it.
    public var code: Int
    /// What libcurl's man page calls it (`CURLE_COULDNT_RESOLVE_HOST`), nil for a code the table does not hold.
    public var name: String?
    /// What failed, in the man page's sense.
    public var meaning: String
    /// What to check.
    public var check: String

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
        if let known = Self.table[code] {
            (name, meaning, check) = (known.name, known.meaning, known.check)
        } else {
            name = nil
            meaning = "curl's exit status \(code): the transfer failed before an HTTP answer came"
            check = "read curl's words after the number; run again with -v to see where the transfer stopped"
        }
    }

    /// The codes an API call meets most, with libcurl's name, what the man page says, and what to check.
    static let table: [Int: (name: String, meaning: String, check: String)] = [
        1: ("CURLE_UNSUPPORTED_PROTOCOL", "the URL's scheme is one this curl does not support",
            "the URL starts with https:// (no typo, no stray quote or space before it)"),
        3: ("CURLE_URL_MALFORMAT", "the URL was not properly formatted",
            "the URL as the shell passed it: quote it, and check that no variable in it was empty"),
        5: ("CURLE_COULDNT_RESOLVE_PROXY", "the proxy's host name could not be resolved",
            "the proxy settings (https_proxy, --proxy)"),
        6: ("CURLE_COULDNT_RESOLVE_HOST", "the host name could not be resolved (DNS): no request left the machine",
            "the host's spelling (api.kapso.ai) and the machine's DNS or network"),
        7: ("CURLE_COULDNT_CONNECT", "no connection to the host or proxy could be made",
            "the host and port, a firewall or proxy between, and whether the network reaches it"),
        22: ("CURLE_HTTP_RETURNED_ERROR", "the server answered an HTTP error (400 or above) and curl's -f/--fail hid its body",
            "run again with --fail-with-body or without -f, and paste the body: it says why"),
        28: ("CURLE_OPERATION_TIMEDOUT", "the transfer took longer than the time allowed (no answer, or only part of it)",
            "the network and --max-time/--connect-timeout; for a send the outcome is unknown: look the message up before resending"),
        35: ("CURLE_SSL_CONNECT_ERROR", "the TLS handshake failed",
            "a proxy or firewall that intercepts TLS, and the machine's clock and CA certificates"),
        47: ("CURLE_TOO_MANY_REDIRECTS", "the redirect limit was reached", "where the URL redirects (curl -v shows each Location)"),
        52: ("CURLE_GOT_NOTHING", "the server closed the connection without answering anything",
            "the host and port (an http:// URL on an https port?) and a proxy between"),
        55: ("CURLE_SEND_ERROR", "sending the request failed (the connection broke)",
            "the network and a proxy between; for a send the outcome is unknown: look the message up before resending"),
        56: ("CURLE_RECV_ERROR", "receiving the answer failed (the connection was reset or broke)",
            "the network and a proxy between; for a send the outcome is unknown: look the message up before resending"),
        58: ("CURLE_SSL_CERTPROBLEM", "the local client certificate could not be used", "the --cert file and its password"),
        60: ("CURLE_PEER_FAILED_VERIFICATION", "the server's TLS certificate could not be verified",
            "the machine's CA certificates and a proxy that intercepts TLS; never turn verification off (-k) against the API"),
        77: ("CURLE_SSL_CACERT_BADFILE", "the CA certificate file could not be read", "the --cacert path and the system's CA bundle"),
    ]
}
