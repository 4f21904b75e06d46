import KapsoDiagnostics
import KopsShell
import Testing

/// fix59E's leftover (tester59 AF1's kind): the caller's own network errors (Node's ECONNREFUSED, ENOTFOUND, ETIMEDOUT,
/// ECONNRESET, EAI_AGAIN; Python's CERTIFICATE_VERIFY_FAILED and requests' ConnectionError, ReadTimeout) were refused as
/// "invalid error code". Each is named, with whether the request may have reached the API.
@Suite struct AF1ExplainNetworkErrorTests {
    @Test(arguments: [
        ("Error: connect ECONNREFUSED 127.0.0.1:443", "ECONNREFUSED", "no request reached the API"),
        ("Error: getaddrinfo ENOTFOUND api.kapso.ai", "ENOTFOUND", "no request reached the API"),
        ("Error: getaddrinfo EAI_AGAIN api.kapso.ai", "EAI_AGAIN", "no request reached the API"),
        ("Error: connect ETIMEDOUT 157.240.1.1:443", "ETIMEDOUT", "may have reached the API"),
        ("Error: read ECONNRESET", "ECONNRESET", "may have reached the API"),
        ("ssl.SSLCertVerificationError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed", "CERTIFICATE_VERIFY_FAILED",
         "no request reached the API"),
        ("requests.exceptions.ReadTimeout: HTTPSConnectionPool(host='api.kapso.ai', port=443): Read timed out. (read timeout=10)",
         "ReadTimeout", "may have reached the API"),
        ("requests.exceptions.ConnectionError: HTTPSConnectionPool(host='api.kapso.ai', port=443): Max retries exceeded",
         "ConnectionError", "the words do not say"),
        ("Failed to establish a new connection: [Errno 111] Connection refused", "ECONNREFUSED", "no request reached the API"),
    ])
    func aNetworkErrorIsNamed(_ text: String, name: String, outcome: String) {
        let ran = OfflineShell.run("explain", text)
        #expect(ran.status == .ok, "\(ran.err)")
        #expect(ran.out.contains("network:") && ran.out.contains(name), "\(ran.out)")
        #expect(ran.out.contains(outcome), "\(ran.out)")
        #expect(ran.out.contains("not an API error code"), "\(ran.out)")
        #expect(!ran.err.contains("invalid error code"), "\(ran.err)")
    }
}

