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
public struct ClientNetworkError: Sendable, Equatable {
    /// The name as the client prints it (`ECONNREFUSED`, `ReadTimeout`).
    public var name: String
    public var meaning: String
    public var check: String
    /// True when the request may have reached the API before the failure: a send's outcome is then unknown; nil when
    /// the words do not tell (requests' ConnectionError wraps both kinds).
    public var mayHaveReached: Bool?

    /// Where the readings come from.
    public static let reference = "nodejs.org/api/errors.html#common-system-errors; requests.readthedocs.io/en/latest/api/#exceptions"

    /// Reads the first known network error in `text`; nil when it names none.
    public init?(_ text: String) {
        let lowered = text.lowercased()
        // Kapso's own words for a webhook receiver it could not reach are the receiver's failure, not the caller's.
        guard !lowered.contains("webhook"), !lowered.contains("deliver") else { return nil }
        guard let known = Self.table.first(where: { entry in entry.said.contains { lowered.contains($0.lowercased()) } }) else {
            return nil
        }
        (name, meaning, check, mayHaveReached) = (known.name, known.meaning, known.check, known.reached)
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

    /// Most specific first: a name, then the words a client puts after it.
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
             "unable to get local issuer certificate"],
            "the server's TLS certificate could not be verified, so the client stopped before sending the request", tls, false),
        ("ConnectTimeout", ["ConnectTimeout", "ConnectTimeoutError"],
            "no connection could be made in the time allowed",
            "the network path to the host (a firewall or proxy dropping packets) and the client's connect timeout", false),
        ("ECONNRESET", ["ECONNRESET", "Connection reset by peer", "Errno 104", "socket hang up"],
            "the connection was closed by the other end (or a proxy between) while the call was under way",
            "a proxy or load balancer's idle timeout, and the client's keep-alive settings", true),
        ("ReadTimeout", ["ReadTimeout", "Read timed out", "ReadTimeoutError"],
            "the connection was made and the request sent, but no answer came in the time allowed",
            "the client's read timeout against how long the call takes (a send through Meta can take seconds)", true),
        ("ETIMEDOUT", ["ETIMEDOUT", "Connection timed out", "Errno 110"],
            "the other end did not respond in time, while connecting or after the request was sent",
            "the network path to the host and the client's timeouts", true),
        ("RemoteDisconnected", ["RemoteDisconnected", "Remote end closed connection"],
            "the server or a proxy closed the connection without answering, after the request was sent",
            "a proxy or load balancer's idle timeout, and the client's keep-alive settings", true),
        ("ConnectionError", ["ConnectionError", "Connection aborted", "Max retries exceeded"],
            "the client's connection failed (requests' ConnectionError covers refusals, DNS failures and dropped connections)",
            "the words inside it: the cause the client names (NewConnectionError, NameResolutionError, RemoteDisconnected)", nil),
    ]
}
