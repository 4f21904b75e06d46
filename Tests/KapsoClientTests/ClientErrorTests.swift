import KapsoClient
import KopsHTTP
import KopsTestSupport
import Testing

@Suite struct ClientErrorTests {
    private func client(_ transport: StubTransport) -> KapsoClient {
        KapsoClient(baseURL: "https://api.kapso.ai/", apiKey: Secret("sk_test_abcdef"), transport: transport)
    }

    @Test(arguments: [
        (200, "<html><body>Bad gateway</body></html>",
         "unexpected response (HTTP 200): the body is a web page (HTML), not JSON; body starts: '<html><body>Bad gateway</body></html>'"),
        // A byte order mark and white space before the page change nothing (probe41 P41-5).
        (200, "\u{FEFF}\n  <!DOCTYPE html><title>Kapso</title>",
         "unexpected response (HTTP 200): the body is a web page (HTML), not JSON; body starts: '\u{FEFF}   <!DOCTYPE html><title>Kapso</title>'"),
        (200, "{\"data\": [{\"id\": \"1\"", "unexpected response (HTTP 200): the body is not valid JSON; body starts: '{\"data\": [{\"id\": \"1\"'"),
        (502, "<html>upstream\nerror</html>", "unexpected response (HTTP 502): the error body is not JSON; body starts: '<html>upstream error</html>'"),
        (200, "", "unexpected response (HTTP 200): the body is not valid JSON; body starts: (empty)"),
        // A wrong shape names what was there, with no empty "body starts:" (probe16 P16-4).
        (200, "{\"data\":null}", "unexpected response (HTTP 200): list response without a 'data' array ('data' is null)"),
        (200, "null", "unexpected response (HTTP 200): list response without a 'data' array (the body is null)"),
        (200, "{\"items\":[]}", "unexpected response (HTTP 200): list response without a 'data' array"),
        // The status that came back, not a hard-coded 200 (probe18 P18-16): a read answered 204 has no body at all.
        (204, "", "unexpected response (HTTP 204): a read answered 204 No Content, without the JSON body the API sends"),
        (206, "{\"items\":[]}", "unexpected response (HTTP 206): list response without a 'data' array"),
        (202, "{\"data\":[{\"name\":\"x\"}],\"meta\":{}}", "unexpected response (HTTP 202): phone number without an 'id'"),
        (200, String(repeating: "[", count: 600) + String(repeating: "]", count: 600),
         "unexpected response (HTTP 200): the body is JSON nested deeper than 512 levels, more than kops reads; body starts: '"
            + String(repeating: "[", count: 60) + "…'"),
        (401, "{\"error\":\"Invalid API key\"}", "the API key was rejected by api.kapso.ai (401); check KAPSO_API_KEY or the profile's key"),
        // A plain 401 page is not Kapso's JSON error (kapso-api.md §1.5): a proxy or another host answered, not a verdict on
        // the key (probe40 P40-4; it was "rejected", exit 77, since F23).
        (401, "Unauthorized",
         "unexpected response (HTTP 401): api.kapso.ai answered 401 with a body that is not JSON, not Kapso's JSON error "
            + "{\"error\": …}: a web app's sign-in, a proxy or another host answered, so it says nothing "
            + "about the Kapso key; check the base URL ('state' shows it; Kapso's is https://api.kapso.ai) and any proxy in "
            + "between; body starts: 'Unauthorized'"),
        (429, "{\"error\":\"Rate limit exceeded\",\"message\":\"slow down\"}", "rate limited (429): Rate limit exceeded; retry in a minute"),
        (500, "{\"error\":\"boom\"}", "the API failed (500): boom; retry, and check Kapso's status if it persists"),
        (422, "{\"error\":\"Validation failed\",\"errors\":{\"url\":[\"must be https\"],\"events\":[\"can't be blank\"]}}",
         "the API rejected the request (422): url: must be https; events: can't be blank"),
    ])
    func mapsBadResponsesToOneLine(status: Int, body: String, message: String) {
        #expect(throws: KapsoAPIError.self) { try client(StubTransport(status: status, body: body)).phoneNumbers() }
        do {
            _ = try client(StubTransport(status: status, body: body)).phoneNumbers()
        } catch {
            #expect(error.message == message)
        }
    }

    /// A body that is not UTF-8 names its first bad byte: "not valid JSON" with a preview showing U+FFFD there read as
    /// if the server had sent that text (session 33 item 4, a hostile server's page).
    @Test(arguments: [
        ([UInt8]("{\"data\":[{\"id\":\"".utf8) + [0xFF, 0xFE] + [UInt8]("1\"}],\"meta\":{}}".utf8), 16, "FF"),
        ([0x7B, 0x22, 0xC3] + [UInt8]("\":1}".utf8), 2, "C3"),
        ([UInt8]("{\"a\":\"".utf8) + [0xED, 0xA0, 0x80] + [UInt8]("\"}".utf8), 6, "ED"),
    ])
    func aBodyThatIsNotUTF8NamesItsFirstBadByte(body: [UInt8], offset: Int, hex: String) {
        let transport = StubTransport([.success(HTTPResponse(status: 200, headers: [], body: body))])
        do {
            _ = try client(transport).phoneNumbers()
            Issue.record("no error")
        } catch {
            #expect(error.message.hasPrefix(
                "unexpected response (HTTP 200): the body is not valid JSON: byte \(offset) (0x\(hex)) is not UTF-8, which JSON must be "
                    + "(RFC 8259 section 8.1); body starts: '"))
            #expect(!error.message.contains("\n"))
        }
    }

    /// probe22 P22-21: a 429 or 503 whose body is a proxy's page is a rate limit or an outage, by its status, with
    /// its Retry-After; a 502 stays unexpected (the request may have been handled).
    @Test func aProxysPageKeepsItsStatusMeaning() {
        let page = "a page that is not Kapso's JSON (a proxy or load balancer in front of the API?) starting "
        let cases: [(Int, String, [(name: String, value: String)], String)] = [
            (429, "<html><h1>429 Too Many Requests</h1></html>", [("Retry-After", "5")],
             "rate limited (429): " + page + "'<html><h1>429 Too Many Requests</h1></html>'; retry in 5 s"),
            (503, "upstream connect error or disconnect/reset before headers", [("Retry-After", "120")],
             "the API failed (503): " + page + "'upstream connect error or disconnect/reset before headers'; retry, and "
                + "check Kapso's status if it persists"),
        ]
        for (status, body, headers, message) in cases {
            do {
                _ = try client(StubTransport(status: status, body: body, headers: headers)).phoneNumbers()
                Issue.record("expected an error for \(status)")
            } catch {
                #expect(error.message == message)
            }
        }
    }

    /// Every read says the status that came back when its body is of the wrong shape (probe18 P18-16): health, one number,
    /// a number's webhooks; a write's 204 stays its answer.
    @Test func aWrongShapeSaysTheStatusThatCameBack() throws {
        let reads: [(String, (KapsoClient) throws(KapsoAPIError) -> Void)] = [
            ("health response that is not an object", { client throws(KapsoAPIError) in _ = try client.health("1") }),
            ("phone number response without 'data'", { client throws(KapsoAPIError) in _ = try client.phoneNumber("1") }),
            ("list response without a 'data' array", { client throws(KapsoAPIError) in _ = try client.webhooks(.phoneNumber("1")) }),
            ("list response without a 'data' array", { client throws(KapsoAPIError) in _ = try client.apiLogs([]) }),
        ]
        for (detail, read) in reads {
            do {
                try read(client(StubTransport(status: 203, body: "[]")))
                Issue.record("expected an error for \(detail)")
            } catch {
                #expect(error.message.hasPrefix("unexpected response (HTTP 203): \(detail)"), "\(error.message)")
            }
        }
        try client(StubTransport(status: 204, body: "")).deleteWebhook("w1")
    }

    /// A redirect names where it points (kops follows none): an http→https move or a login page in front of the API
    /// (probe16 P16-4); the header is server text, so control characters are dropped.
    @Test func aRedirectNamesItsLocation() {
        for (headers, shown) in [
            ([("Location", "https://api.kapso.ai/platform/v1/whatsapp/phone_numbers")], "https://api.kapso.ai/platform/v1/whatsapp/phone_numbers"),
            ([("Location", "http://evil.example/\u{1B}[2Jlogin")], "http://evil.example/[2Jlogin"),
            ([], "nowhere (no Location header)"),
        ] {
            do {
                _ = try client(StubTransport(status: 302, body: "", headers: headers)).phoneNumbers()
                Issue.record("expected an error")
            } catch {
                #expect(
                    error.message == "unexpected response (HTTP 302): a redirect to \(shown), which kops does not follow; "
                        + "if that is the API's address, use it as the base URL")
            }
        }
    }

    @Test func readsRetryAfterOn429() {
        let stub = StubTransport(status: 429, body: "{\"error\":\"Rate limit exceeded\"}", headers: [("Retry-After", "7")])
        do {
            _ = try client(stub).health("1")
            Issue.record("expected a rate-limit error")
        } catch {
            #expect(error.message == "rate limited (429): Rate limit exceeded; retry in 7 s")
            // probe3 F10: a long Retry-After reads as hours, not 80000 s; past a day it is the server's implausible ask
            // (tester61 AH16, RetryAfter.plausible).
            #expect(KapsoAPIError.rateLimited(retryAfter: 80_000, message: "x").message == "rate limited (429): x; retry in 22 h 13 min")
            #expect(
                KapsoAPIError.rateLimited(retryAfter: 100_000, message: "x").message
                    == "rate limited (429): x; the server asked for an implausible wait of 27 h 46 min (Retry-After: 100000); "
                    + "retry later, and check Kapso's status if it persists")
            #expect(KapsoAPIError.rateLimited(retryAfter: 200, message: "x").message == "rate limited (429): x; retry in 3 min 20 s")
        }
    }

    /// probe43 P43-19: a read answered 429 with a short `Retry-After` (at most 2 s) is sent once more after the wait;
    /// a write never is, nor a read told to wait longer (or not told).
    @Test func aReadWaitsOutAShortRateLimitOnce() throws {
        let limited = HTTPResponse(status: 429, headers: [("Retry-After", "1")], body: Array("{\"error\":\"Rate limit exceeded\"}".utf8))
        let fine = HTTPResponse(status: 200, headers: [], body: Array("{\"data\":[]}".utf8))
        let read = StubTransport([.success(limited), .success(fine)])
        let json = try client(read).perform(client(read).platformRequest("/whatsapp/phone_numbers"))
        #expect(json.object?["data"] != nil && read.requests.count == 2)
        let write = StubTransport([.success(limited), .success(fine)])
        #expect(throws: KapsoAPIError.self) {
            try client(write).perform(client(write).platformRequest("/whatsapp/webhooks", method: "POST", body: .object([:])))
        }
        #expect(write.requests.count == 1)
        let long = HTTPResponse(status: 429, headers: [("Retry-After", "3")], body: Array("{\"error\":\"Rate limit exceeded\"}".utf8))
        for answer in [long, HTTPResponse(status: 429, headers: [], body: Array("{\"error\":\"x\"}".utf8))] {
            let told = StubTransport([.success(answer), .success(fine)])
            #expect(throws: KapsoAPIError.self) { try client(told).perform(client(told).platformRequest("/whatsapp/phone_numbers")) }
            #expect(told.requests.count == 1)
        }
    }

    /// fix49b's leftover: requests side by side (`sendAll`) get the GET path's rule: a read answered 429 with a short
    /// `Retry-After` is sent once more after the wait and its second answer returned; a write never is.
    @Test func sendAllWaitsOutAShortRateLimitAsAReadDoes() throws {
        let limited = HTTPResponse(status: 429, headers: [("Retry-After", "1")], body: Array("{\"error\":\"Rate limit exceeded\"}".utf8))
        let fine = HTTPResponse(status: 200, headers: [], body: Array("{\"data\":[]}".utf8))
        let stub = StubTransport([.success(limited), .success(limited), .success(fine)])
        let kapso = client(stub)
        let answers = kapso.sendAll([
            kapso.platformRequest("/whatsapp/phone_numbers"), kapso.platformRequest("/whatsapp/webhooks", method: "POST", body: .object([:])),
        ])
        #expect(answers.map { (try? $0.get())?.status } == [200, 429])
        #expect(stub.requests.map(\.method) == ["GET", "POST", "GET"])
    }

    /// probe20 P20-3: an HTTP-date `Retry-After` printed "retry in a minute", `-5` "retry in -5 s".
    @Test(arguments: [
        ("7", nil, "retry in 7 s"),
        ("Wed, 02 Dec 2026 08:00:00 GMT", "Wed, 02 Dec 2026 06:00:00 GMT", "retry in 2 h"),
        ("Wednesday, 02-Dec-26 06:01:30 GMT", "Wed, 02 Dec 2026 06:00:00 GMT", "retry in 90 s"),
        ("Wed Dec  2 06:00:05 2026", "Wed, 02 Dec 2026 06:00:00 GMT", "retry in 5 s"),
        ("Wed, 02 Dec 2026 05:00:00 GMT", "Wed, 02 Dec 2026 06:00:00 GMT", "retry in 0 s"),
        ("-5", nil, "retry in a minute"),
        ("soon", nil, "retry in a minute"),
        // Past a day, the wait is the server's implausible ask, not a plan (tester61 AH16).
        ("99999999999999999999999", nil,
         "the server asked for an implausible wait of more than 11574 days (Retry-After: more than 999999999 s); retry later, "
            + "and check Kapso's status if it persists"),
        // A date with no clock to count from (no Date header, no earlier answer) is not guessed at.
        ("Wed, 02 Dec 2026 08:00:00 GMT", nil, "retry in a minute"),
    ] as [(String, String?, String)])
    func readsEveryRetryAfterForm(value: String, date: String?, wait: String) {
        let headers = [("Retry-After", value)] + (date.map { [("Date", $0)] } ?? [])
        let stub = StubTransport(status: 429, body: "{\"error\":\"Rate limit exceeded\"}", headers: headers)
        do {
            _ = try client(stub).health("1")
            Issue.record("expected a rate-limit error")
        } catch {
            #expect(error.message == "rate limited (429): Rate limit exceeded; \(wait)")
        }
    }

    @Test func buildsPlatformURLsFromAHostOnlyBase() throws {
        let stub = StubTransport(status: 200, body: "{\"data\":[],\"meta\":{\"page\":1,\"per_page\":20,\"total_pages\":1,\"total_count\":0}}")
        _ = try client(stub).phoneNumbers()
        #expect(stub.requests.first?.url == "https://api.kapso.ai/platform/v1/whatsapp/phone_numbers?page=1&per_page=20")
        #expect(stub.requests.first?.headers.map(\.redactedLine) == ["X-API-Key: <redacted>", "Accept: application/json"])
    }

    @Test(arguments: [
        ("https://api.kapso.ai", "https://api.kapso.ai"),
        ("https://api.kapso.ai/", "https://api.kapso.ai"),
        ("https://api.kapso.ai/platform/v1/", "https://api.kapso.ai"),
        ("https://api.kapso.ai/meta/whatsapp/v24.0", "https://api.kapso.ai"),
        ("http://127.0.0.1:8080", "http://127.0.0.1:8080"),
    ])
    func stripsAPIPathsFromTheBaseURL(input: String, expected: String) {
        #expect(KapsoClient.hostOnly(input) == expected)
    }

    @Test func percentEncodesWAMIDs() {
        #expect(percentEncode("wamid.HBgL+abc/def==") == "wamid.HBgL%2Babc%2Fdef%3D%3D")
    }

    /// Text with nothing to encode is returned as it is; the rest is encoded byte by byte as before.
    @Test func percentEncodesAsTheByteByByteEncoder() {
        let pieces = ["a", "Z", "0", "-", ".", "_", "~", "+", "/", "=", " ", "%", "é", "\u{1F600}", "\u{0}", "\u{7F}", "project"]
        var random = SplitMix(seed: 41)
        for _ in 0..<10_000 {
            let text = (0..<Int(random.next() % 5)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            let expected = text.utf8.map { byte in
                let unreserved = (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
                    || "-._~".utf8.contains(byte)
                return unreserved ? String(UnicodeScalar(byte)) : "%" + String(byte, radix: 16, uppercase: true).leftPadded
            }.joined()
            #expect(percentEncode(text) == expected, "\(text.debugDescription)")
        }
    }

    @Test func decodesBothPaginationStyles() throws {
        let numbered = StubTransport(
            status: 200,
            body: "{\"data\":[{\"id\":\"1\",\"url\":\"https://x\"}],\"meta\":{\"page\":1,\"per_page\":1,\"total_pages\":3,\"total_count\":3}}")
        let page = try client(numbered).webhooks(.project, perPage: 1)
        #expect(page.hasMore)
        #expect(page.totalCount == 3)
        #expect(page.nextPageQuery?.map { "\($0.0)=\($0.1)" } == ["page=2", "per_page=1"])
    }
}

extension String {
    /// Two hex digits: `A` → `0A`.
    fileprivate var leftPadded: String { count == 1 ? "0" + self : self }
}
