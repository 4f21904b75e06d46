import KopsHTTP
import Testing

@Suite struct URLPartsTests {
    /// probe7 P7-9: a measured wait is shown to a tenth of a second, never as 9.996939265 s.
    @Test func secondsAreShownToATenth() {
        #expect(TransportError.timeout(host: "h", seconds: 9.996939265).message.hasPrefix("request to h timed out after 10 s;"))
        #expect(TransportError.timeout(host: "h", seconds: 2.5).message.hasPrefix("request to h timed out after 2.5 s;"))
        #expect(TransportError.timeout(host: "h", seconds: 5).message.hasPrefix("request to h timed out after 5 s;"))
    }

    @Test(arguments: [
        ("https://api.kapso.ai", "https", "api.kapso.ai", false),
        ("http://127.0.0.1:8080/platform/v1", "http", "127.0.0.1", true),
        ("http://127.9.9.9", "http", "127.9.9.9", true),
        ("http://localhost:1/x?y", "http", "localhost", true),
        ("http://[::1]:9/", "http", "::1", true),
        ("http://user@10.0.0.1:80/", "http", "10.0.0.1", false),
        ("http://127.0.0.1.evil.com/", "http", "127.0.0.1.evil.com", false),
    ])
    func parsesSchemeAndHost(url: String, scheme: String, host: String, loopback: Bool) throws {
        let parts = try #require(URLParts(url))
        #expect(parts.scheme == scheme)
        #expect(parts.host == host)
        #expect(parts.isLoopback == loopback)
    }

    @Test func defaultsThePortFromTheScheme() throws {
        #expect(try #require(URLParts("https://api.kapso.ai/x")).authority == "api.kapso.ai:443")
        #expect(try #require(URLParts("http://[::1]:8080")).authority == "[::1]:8080")
    }

    /// probe18 P18-10: a port that is not digits (a quote pasted along) is no URL: libcurl refuses it.
    @Test(arguments: ["api.kapso.ai", "ftp://x", "https://", "", "http://host:99999/", "http://127.0.0.1:18082\"", "http://h:+80/"])
    func rejectsNonHTTPURLs(url: String) {
        #expect(URLParts(url) == nil)
    }
}

@Suite struct SecretTests {
    @Test func neverPrintsItsValue() {
        let secret = Secret("whsec_live_abcdef0123")
        #expect("\(secret)" == "<redacted>")
        #expect(String(reflecting: secret) == "Secret(<redacted>)")
        #expect(!"\([secret])".contains("abcdef"))
    }
}

@Suite struct CurlTransportTests {
    @Test func refusesPlainHTTPToRemoteHostsBeforeConnecting() throws {
        let transport = try CurlTransport()
        #expect(throws: TransportError.insecureURL(host: "api.kapso.ai")) {
            try transport.send(HTTPRequest(url: "http://api.kapso.ai/platform/v1/whatsapp/phone_numbers"))
        }
        #expect(transport.connectionsOpened == 0)
    }

    @Test func namesTheHostWhenNothingListens() throws {
        let transport = try CurlTransport(options: .init(connectTimeout: 2, timeout: 2))
        do {
            _ = try transport.send(HTTPRequest(url: "http://127.0.0.1:1/platform/v1/x"))
            Issue.record("expected a connect error")
        } catch {
            #expect(error == .connect(authority: "127.0.0.1:1"))
            #expect(error.message == "cannot connect to 127.0.0.1:1; is the API (or kapso-sim) running and the base URL right?")
        }
    }

    @Test func rejectsMalformedURLs() throws {
        let transport = try CurlTransport()
        #expect(throws: TransportError.badURL("not a url")) { try transport.send(HTTPRequest(url: "not a url")) }
    }

    @Test func redactsSecretHeadersForObservers() {
        let header = HTTPHeader("X-API-Key", secret: Secret("sk_live_123"))
        #expect(header.redactedLine == "X-API-Key: <redacted>")
    }
}
