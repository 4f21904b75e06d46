import KopsTestSupport
import Testing

@testable import KopsHTTP

/// `CurlTransfer.configure` sets only the URL of a GET configured as the GET before it (`CurlTransfer.PlainGet`):
/// whatever differs from the request before (a header's value, the options, a write in between) is sent as asked.
@Suite struct PlainGetConfigurationTests {
    @Test func eachRequestIsSentAsAskedWhateverWentBefore() async throws {
        let (seen, full) = try await offPool { () -> ([String], Int) in
            let server = try HostileServer { _ in .keptAlive(#"{"data":[]}"#) }
            defer { server.stop() }
            let transport = try CurlTransport(options: .init(connectTimeout: 5, timeout: 20, userAgent: "kops-tests"))
            let base = server.baseURL + "/platform/v1/whatsapp/"
            let accept = HTTPHeader("Accept", "application/json")
            let one = [HTTPHeader("X-API-Key", secret: Secret("key-one-0123")), accept]
            let two = [HTTPHeader("X-API-Key", secret: Secret("key-two-4567")), accept]
            _ = try transport.send(HTTPRequest(url: base + "a", headers: one))
            _ = try transport.send(HTTPRequest(url: base + "b?page=2", headers: one))
            _ = try transport.send(HTTPRequest(url: base + "c", headers: two))
            _ = try transport.send(HTTPRequest(url: base + "d", headers: [accept]))
            _ = try transport.send(HTTPRequest(method: "POST", url: base + "e", headers: two, body: Array("{}".utf8)))
            _ = try transport.send(HTTPRequest(url: base + "f", headers: two))
            transport.options.userAgent = "kops-tests-2"
            _ = try transport.send(HTTPRequest(url: base + "g", headers: two))
            _ = try transport.send(HTTPRequest(url: base + "h", headers: two))
            let seen = server.requests.map { request in
                [request.method, request.path, request.header("X-API-Key") ?? "-", request.header("User-Agent") ?? "-",
                 String(decoding: request.body, as: UTF8.self)].joined(separator: " ")
            }
            return (seen, try transport.primary().fullConfigurations)
        }
        #expect(
            seen == [
                "GET /platform/v1/whatsapp/a key-one-0123 kops-tests ",
                "GET /platform/v1/whatsapp/b?page=2 key-one-0123 kops-tests ",
                "GET /platform/v1/whatsapp/c key-two-4567 kops-tests ",
                "GET /platform/v1/whatsapp/d - kops-tests ",
                "POST /platform/v1/whatsapp/e key-two-4567 kops-tests {}",
                "GET /platform/v1/whatsapp/f key-two-4567 kops-tests ",
                "GET /platform/v1/whatsapp/g key-two-4567 kops-tests-2 ",
                "GET /platform/v1/whatsapp/h key-two-4567 kops-tests-2 ",
            ])
        // Set afresh: a, c (another key), d (a header fewer), e (a write), f (after the write), g (another User-Agent).
        #expect(full == 6, "the handle was reset \(full) times for 8 requests")
    }

    /// `isASCII(_:withOrigin:)` answers what comparing `origin(of:)` did, on URLs that share a prefix with the origin.
    @Test(arguments: [
        ("http://127.0.0.1:4000/platform/v1/x", true), ("http://127.0.0.1:4000", true), ("http://127.0.0.1:4000?a=1", true),
        ("http://127.0.0.1:4000#f", true), ("http://127.0.0.1:40001/x", false), ("http://127.0.0.1:4000@evil/x", false),
        ("http://127.0.0.1:4000/é", false), ("https://127.0.0.1:4000/x", false), ("http://127.0.0.1:400", false),
    ])
    func anOriginIsJudgedOnceForTheURLsThatShareIt(url: String, shares: Bool) {
        #expect(CurlTransport.isASCII(url, withOrigin: "http://127.0.0.1:4000") == shares)
    }
}
