internal import Foundation

/// A network error of the caller's own HTTP client, pasted where the API's answer was meant: Node's `Error: connect
/// ECONNREFUSED 127.0.0.1:443`, `getaddrinfo ENOTFOUND api.kapso.ai`, Python's `requests.exceptions.ReadTimeout: …`,
/// `[SSL: CERTIFICATE_VERIFY_FAILED]`, `[Errno 111] Connection refused`.
///
/// None is an answer of Kapso or Meta: the connection failed, so there is no Graph or Kapso code to read; what matters is
/// whether the request may have reached the API (a send's outcome is then unknown). `explain` refused them as "invalid
/// error code" (fix59E's leftover of tester59 AF1).
///
/// Sources: Node.js, Errors, "Common system errors" (nodejs.org/api/errors.html#common-system-errors): ECONNREFUSED "no
/// connection could be made because the target machine actively refused it", ECONNRESET "a connection was forcibly
/// closed by a peer", ENOTFOUND "indicates a DNS failure", ETIMEDOUT "a connect or send request failed because the
/// connected party did not properly respond after a period of time"; EAI_AGAIN is getaddrinfo's "temporary failure"
/// (libuv's error map). Requests, API, Exceptions (requests.readthedocs.io/en/latest/api/#exceptions): ConnectionError
/// "a Connection error occurred", ConnectTimeout "the request timed out while trying to connect to the remote server.
/// Requests that produced this error are safe to retry", ReadTimeout "the server did not send any data in the allotted
/// amount of time". Python's ssl module raises SSLCertVerificationError, whose text carries CERTIFICATE_VERIFY_FAILED.
///
/// Added for tester61 AI5 (the same kind, other clients): Node's built-in `fetch` (undici) throws `TypeError: fetch
/// failed` and puts the reason in `cause` (nodejs/undici#1140 shows `cause: Error: getaddrinfo ENOTFOUND …`), so the
/// cause's name is read first and the bare words say only that the call failed; undici's errors (undici-types
/// `errors.d.ts`, docs/api/Errors.md): ConnectTimeoutError `UND_ERR_CONNECT_TIMEOUT` "connect timeout error",
/// HeadersTimeoutError `UND_ERR_HEADERS_TIMEOUT` and BodyTimeoutError `UND_ERR_BODY_TIMEOUT` (the request was sent, the
/// answer did not come in time), SocketError `UND_ERR_SOCKET` ("other side closed": the socket closed before the
/// status came, nodejs/undici#1923). A client-side timeout whose words name the client (axios's `timeout of 5000ms
/// exceeded`, Go's, .NET's, AbortSignal's, libcurl's) is read by `ClientTimeout`, with its own sources. Node's errors page: EPIPE "a write on a pipe, socket, or FIFO for which there is no process
/// to read the data … indicative that the remote side of the stream being written to has been closed". Node's TLS page,
/// "X509 certificate error codes" (nodejs.org/api/tls.html#x509-certificate-error-codes): UNABLE_TO_VERIFY_LEAF_SIGNATURE
/// "unable to verify the first certificate", SELF_SIGNED_CERT_IN_CHAIN "self signed certificate in certificate chain",
/// DEPTH_ZERO_SELF_SIGNED_CERT, CERT_HAS_EXPIRED "certificate has expired"; `SSL routines` is OpenSSL's own error text
/// (`error:0A000086:SSL routines::certificate verify failed`, `…:wrong version number`), raised in the handshake, before
/// any byte of the request. HTTPX, Exceptions (python-httpx.org/exceptions; timeouts: python-httpx.org/advanced/timeouts):
/// ConnectError and ConnectTimeout (the connect timeout covers the socket connection, TLS included) before the request,
/// ReadTimeout "timed out while receiving data from the host", WriteTimeout while sending it, PoolTimeout while waiting
/// for a connection from the pool (nothing sent), ReadError and RemoteProtocolError after it.
public struct ClientNetworkError: Sendable, Equatable {
    /// The name as the client prints it (`ECONNREFUSED`, `ReadTimeout`).
    public var name: String
    public var meaning: String
    public var check: String
    /// True when the request may have reached the API before the failure: a send's outcome is then unknown; nil when
    /// the words do not tell (requests' ConnectionError wraps both kinds).
    public var mayHaveReached: Bool?
    /// The client and time a named client-side timeout gives (`ClientTimeout`), nil for other errors.
    public var timeout: ClientTimeout?

    /// The client the words prove (`ClientTimeout.client`, else `ClientNetworkError.clientNamed(in:)`: `Java`, `Ruby
    /// Net::HTTP`), nil when they prove none.
    public var client: String? {
        timeout?.client ?? namedClient
    }
    private var namedClient: String?

    /// Where the reading comes from: the timeout row's source, else the table's.
    public var reference: String {
        timeout?.source ?? Self.reference
    }

    /// Where the table's readings come from.
    public static let reference = "nodejs.org/api/errors.html#common-system-errors; nodejs.org/api/tls.html#x509-certificate-error-codes; "
        + "undici docs/api/Errors.md; axios-http.com/docs/handling_errors; python-httpx.org/exceptions; "
        + "requests.readthedocs.io/en/latest/api/#exceptions"

    /// Reads the first known network error in `text`; nil when it names none.
    public init?(_ text: String) {
        let lowered = text.lowercased()
        // Kapso's own words for a webhook receiver it could not reach are the receiver's failure, not the caller's.
        guard !lowered.contains("webhook"), !lowered.contains("deliver") else { return nil }
        if let timeout = ClientTimeout(text) {
            (name, meaning, check) = (timeout.name, timeout.meaning, timeout.check)
            (mayHaveReached, self.timeout) = (timeout.mayHaveReached, timeout)
            return
        }
        guard let known = Self.table.first(where: { entry in entry.said.contains { lowered.contains($0.lowercased()) } }) else {
            return nil
        }
        (name, meaning, check, mayHaveReached) = (known.name, known.meaning, known.check, known.reached)
        namedClient = Self.clientNamed(in: lowered)
    }

    /// The client words in `lowered` (lowercase) prove, by the names only it prints, most specific first; nil when none
    /// (tester63b AO11: Java's, requests' and Ruby's timeouts were told "(Node.js, Python, Go, …)"). Sources: Java's
    /// exception classes (docs.oracle.com/en/java/javase/21/docs/api/java.base/java/net/SocketTimeoutException.html,
    /// java.net.http/java/net/http/HttpTimeoutException.html); requests' exceptions wrap urllib3's, whose pool prints
    /// `HTTPSConnectionPool(host=…, port=443): Read timed out. (read timeout=10)` (requests.readthedocs.io/en/latest/api/
    /// #exceptions; urllib3.readthedocs.io/en/stable/reference/urllib3.exceptions.html); Ruby's Net::HTTP raises
    /// Net::ReadTimeout and Net::OpenTimeout (docs.ruby-lang.org/en/master/Net/HTTP.html, read_timeout 60 s by default).
    static func clientNamed(in lowered: String) -> String? {
        let markers: [(words: [String], client: String)] = [
            (["java.net.http."], "Java HttpClient (java.net.http)"),
            (["java.net.", "java.io.", "javax.net."], "Java"),
            (["requests.exceptions"], "Python requests"),
            (["connectionpool(host="], "Python urllib3 (as requests uses it)"),
            (["httpx."], "Python httpx"),
            (["aiohttp"], "Python aiohttp"),
            (["faraday::"], "Ruby Faraday"),
            (["net::readtimeout", "net::opentimeout", "net::writetimeout"], "Ruby Net::HTTP"),
        ]
        return markers.first { $0.words.contains { lowered.contains($0) } }?.client
    }

    /// What the failure leaves of the call.
    public var outcome: String {
        switch mayHaveReached {
        case false?: "no request reached the API, so neither Kapso nor Meta said anything; it is safe to send again once the cause is fixed"
        case true?:
            "the request may have reached the API before the client gave up: " + PastedCall.eitherOutcome
        case nil:
            "the words do not say whether the request left: if they say refused, not resolved or name resolution, nothing "
                + "was sent; if reset, aborted or timed out while reading, " + PastedCall.eitherOutcome
        }
    }

    private static let dns = "the host's spelling (api.kapso.ai), the base URL the caller uses, and the machine's DNS"
    private static let tls = "the machine's CA certificates (certifi, NODE_EXTRA_CA_CERTS) and a proxy or firewall that "
        + "intercepts TLS; never turn verification off against the API"

    private static let connectTimeout = "the network path to the host (a firewall or proxy dropping packets) and the client's connect timeout"
    private static let readTimeout = "the client's read timeout against how long the call takes (a send through Meta can take seconds)"
    private static let dropped = "a proxy or load balancer's idle timeout, and the client's keep-alive settings (a reused connection the "
        + "server had already closed)"

    /// Most specific first: a name, then the words a client puts after it. A wrapper's words (undici's `fetch failed`,
    /// requests' ConnectionError) come last, so the cause printed inside them decides.
    static let table: [(name: String, said: [String], meaning: String, check: String, reached: Bool?)] = [
        ("ECONNREFUSED", ["ECONNREFUSED", "Connection refused", "Errno 111"],
            "the connection was refused: nothing listens at that host and port, or a firewall refused it",
            "the host and port the caller uses, a proxy setting (HTTPS_PROXY), and whether the network reaches it", false),
        ("ENOTFOUND", ["ENOTFOUND", "Name or service not known", "nodename nor servname", "Failed to resolve", "Errno -2"],
            "the host name could not be resolved (DNS)", dns, false),
        ("EAI_AGAIN", ["EAI_AGAIN", "Temporary failure in name resolution", "Errno -3"],
            "name resolution failed for a while (the DNS server did not answer)", dns + "; then retry", false),
        ("CERTIFICATE_VERIFY_FAILED",
            ["CERTIFICATE_VERIFY_FAILED", "SELF_SIGNED_CERT_IN_CHAIN", "UNABLE_TO_VERIFY_LEAF_SIGNATURE", "CERT_HAS_EXPIRED",
             "DEPTH_ZERO_SELF_SIGNED_CERT", "unable to get local issuer certificate", "unable to verify the first certificate",
             "self signed certificate", "self-signed certificate", "certificate has expired", "certificate verify failed"],
            "the server's TLS certificate could not be verified, so the client stopped before sending the request", tls, false),
        ("TLS handshake", ["SSL routines", "wrong version number", "handshake failure", "SSLError", "ERR_SSL_"],
            "the TLS handshake failed (OpenSSL's words), so the client stopped before sending the request",
            tls + "; 'wrong version number' is https spoken to a plain-http port (or a proxy that answers in plain http)", false),
        ("ConnectTimeout", ["UND_ERR_CONNECT_TIMEOUT", "ConnectTimeout", "ConnectTimeoutError", "Connect Timeout Error"],
            "no connection could be made in the time allowed, so no request was sent", connectTimeout, false),
        ("PoolTimeout", ["PoolTimeout"],
            "the client waited too long for a free connection from its own pool, so no request was sent",
            "how many calls the client runs at once against its pool limits (httpx's max_connections)", false),
        ("ConnectError", ["httpx.ConnectError", "ConnectError:"],
            "no connection could be made (httpx's ConnectError: refused, not resolved or unreachable), so no request was sent",
            "the words after it (the cause it names), the host and port the caller uses, and a proxy setting (HTTPS_PROXY)",
            false),
        ("ECONNRESET", ["ECONNRESET", "Connection reset by peer", "Errno 104", "socket hang up"],
            "the connection was closed by the other end (or a proxy between) while the call was under way", dropped, true),
        ("EPIPE", ["EPIPE", "Broken pipe", "Errno 32"],
            "the client wrote the request into a connection the other end had already closed; part of it may have been sent",
            dropped, true),
        ("UND_ERR_SOCKET", ["UND_ERR_SOCKET", "other side closed", "SocketError"],
            "the connection closed before the answer's status came (undici's SocketError), after the request was sent",
            dropped, true),
        ("ReadTimeout",
            ["ReadTimeout", "Read timed out", "ReadTimeoutError", "UND_ERR_HEADERS_TIMEOUT", "Headers Timeout Error",
             "HeadersTimeoutError", "UND_ERR_BODY_TIMEOUT", "Body Timeout Error", "BodyTimeoutError"],
            "the connection was made and the request sent, but no answer came in the time allowed", readTimeout, true),
        ("WriteTimeout", ["WriteTimeout"],
            "the request could not be sent in full in the time allowed; part of it may have reached the server",
            "the network path to the host and the client's write timeout", true),
        ("ReadError", ["httpx.ReadError", "RemoteProtocolError", "Server disconnected without sending a response"],
            "the connection failed while the client waited for the answer, after the request was sent", dropped, true),
        ("ETIMEDOUT", ["ETIMEDOUT", "Connection timed out", "Errno 110"],
            "the other end did not respond in time, while connecting or after the request was sent",
            "the network path to the host and the client's timeouts", true),
        // Words that say a timeout of the caller's client ran out without naming the client (axios's `timeout exceeded`
        // when no timeout is set, its ECONNABORTED code, Python's builtin TimeoutError); named ones are `ClientTimeout`.
        // Java 11+ HttpClient's HttpTimeoutException ("request timed out"; its connect-time subclass is ConnectTimeout's):
        // docs.oracle.com/en/java/javase/21/docs/api/java.net.http/java/net/http/HttpTimeoutException.html (tester64b U12).
        ("client-side timeout", ["ECONNABORTED", "timeout exceeded", "TimeoutError", "HttpTimeoutException"],
            "a timeout of the caller's own HTTP client ran out (the words do not name the client): while connecting or "
                + "after the request was sent, they do not say which",
            "the client's timeout against how long the call takes (a send through Meta can take seconds)", true),
        ("RemoteDisconnected", ["RemoteDisconnected", "Remote end closed connection"],
            "the server or a proxy closed the connection without answering, after the request was sent",
            "a proxy or load balancer's idle timeout, and the client's keep-alive settings", true),
        ("ConnectionError", ["ConnectionError", "Connection aborted", "Max retries exceeded"],
            "the client's connection failed (requests' ConnectionError covers refusals, DNS failures and dropped connections)",
            "the words inside it: the cause the client names (NewConnectionError, NameResolutionError, RemoteDisconnected)", nil),
        ("fetch failed", ["fetch failed"],
            "Node's fetch (undici) failed without an answer; the reason is in the error's cause, which these words do not hold",
            "the error's cause (console.error(err.cause), or err.cause.code): ECONNREFUSED, ENOTFOUND and "
                + "UND_ERR_CONNECT_TIMEOUT mean nothing was sent; UND_ERR_SOCKET, UND_ERR_HEADERS_TIMEOUT or ECONNRESET mean "
                + "it may have been", nil),
    ]
}
