import KapsoDiagnostics
import KopsShell
import Testing

/// tester61 AI5 (AF1's kind, other clients): Node's fetch (`TypeError: fetch failed`, undici's codes), axios's `timeout
/// of 5000ms exceeded`, `write EPIPE`, Node's TLS words and httpx's exceptions were refused as "invalid error code". Each
/// is named now, with whether the request may have reached the API: a connect failure never did; a read timeout or a
/// closed connection after the request leaves a send's outcome unknown ('messages' before sending again).
@Suite struct AI5ExplainMoreNetworkErrorsTests {
    static let never = "no request reached the API"
    static let maybe = "may have reached the API"

    @Test(arguments: [
        ("TypeError: fetch failed\n  [cause]: Error: connect ECONNREFUSED 127.0.0.1:443", "ECONNREFUSED", never),
        ("TypeError: fetch failed { cause: ConnectTimeoutError: Connect Timeout Error { code: 'UND_ERR_CONNECT_TIMEOUT' } }",
         "ConnectTimeout", never),
        ("TypeError: fetch failed { cause: SocketError: other side closed { code: 'UND_ERR_SOCKET' } }", "UND_ERR_SOCKET", maybe),
        ("TypeError: fetch failed { cause: HeadersTimeoutError: Headers Timeout Error { code: 'UND_ERR_HEADERS_TIMEOUT' } }",
         "ReadTimeout", maybe),
        ("TypeError: fetch failed", "fetch failed", "the words do not say"),
        ("AxiosError: timeout of 5000ms exceeded", "axios timeout", maybe),
        ("{ code: 'ECONNABORTED', message: 'timeout of 5000ms exceeded' }", "axios timeout", maybe),
        ("Error: write EPIPE", "EPIPE", maybe),
        ("Error: unable to verify the first certificate", "CERTIFICATE_VERIFY_FAILED", never),
        ("Error: self signed certificate in certificate chain", "CERTIFICATE_VERIFY_FAILED", never),
        ("Error: certificate has expired { code: 'CERT_HAS_EXPIRED' }", "CERTIFICATE_VERIFY_FAILED", never),
        ("Error: 40E7B1C2:error:0A00010B:SSL routines:ssl3_get_record:wrong version number", "TLS handshake", never),
        ("httpx.ConnectTimeout: timed out", "ConnectTimeout", never),
        ("httpx.ReadTimeout: The read operation timed out", "ReadTimeout", maybe),
        ("httpx.ConnectError: All connection attempts failed", "ConnectError", never),
        ("httpx.PoolTimeout", "PoolTimeout", never),
        ("httpx.WriteTimeout: The write operation timed out", "WriteTimeout", maybe),
    ])
    func aNetworkErrorIsNamed(_ text: String, name: String, outcome: String) {
        let ran = OfflineShell.run("explain", text)
        #expect(ran.status == .ok, "\(ran.err)")
        #expect(ran.out.contains("network:") && ran.out.contains(name), "\(ran.out)")
        #expect(ClientNetworkError(text)?.name == name, "\(text)")
        #expect(ran.out.contains(outcome), "\(ran.out)")
        #expect(!ran.err.contains("invalid error code"), "\(ran.err)")
    }

    @Test func aReadTimeoutOfASendSaysToLookBeforeResending() throws {
        let failure = try #require(ClientNetworkError("httpx.ReadTimeout: The read operation timed out"))
        #expect(failure.mayHaveReached == true)
        #expect(failure.outcome.contains("look for the message in 'messages'"))
    }
}
