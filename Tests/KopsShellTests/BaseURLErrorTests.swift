import KapsoClient
import KopsHTTP
import KopsShell
import KopsTestSupport
import Testing

/// A wrong base URL makes every call 404 (probe3 F4): the error names the full URL asked and points at the base URL
/// and where it came from, instead of a path that looks as if Kapso itself had no such endpoint.
@Suite struct BaseURLErrorTests {
    @Test func a404OnAnEndpointEveryProjectHasPointsAtTheBaseURL() async throws {
        let lines = try await withSimulator { fixture in
            let transport = try CurlTransport(options: .init(connectTimeout: 2, timeout: 5, userAgent: "kops-tests"))
            let base = fixture.baseURL + "/api"
            let client = KapsoClient(baseURL: base, apiKey: Secret(fixture.apiKey), transport: transport)
            var session = Session(baseURL: base)
            session.sources["api"] = "env KAPSO_API_BASE_URL"
            let context = ShellContext(session: session, client: client, registry: .standard)
            let output = BufferOutput()
            let shell = Shell(context: context, renderer: Renderer(), output: output)
            _ = shell.run(line: "numbers")
            return (output.err, base)
        }
        #expect(
            lines.0 == "error: \(lines.1)/platform/v1/whatsapp/phone_numbers, an endpoint every Kapso API has, answered not found (404): "
                + "Not found: the API base URL looks wrong: \(lines.1) (env KAPSO_API_BASE_URL); it should be the host only, e.g. "
                + "https://api.kapso.ai (kops adds /platform/v1); 'state' shows it, --base-url or 'profile' changes it\n")
    }

    /// probe5 P5-1: the id commands read every look-up's 404 as "none" and answered "not in this project", "was not
    /// found", "there are no webhooks" (whois of a WAMID even exited 0) about ids that exist; they say the base URL.
    @Test func idCommandsSayTheBaseURLIsWrongWhenEveryCallIs404() async throws {
        let wamid = "wamid.HBgLMTQxNTU1NTAxNDIVAgASGBRBN0YzQzE5RTAyQjg0RDZFNUMxMQA="
        let lines = [
            "whois 100200300400501", "whois 200300400500601", "whois +14155550142", "whois d4f5b6c7-3e4a-4b5c-9d6e-8f9012345678",
            "whois \(wamid)", "message \(wamid)", "trace \(wamid)", "conversation d4f5b6c7-3e4a-4b5c-9d6e-8f9012345678",
            "webhooks get 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "message 100200300400501",
        ]
        let runs = try await withSimulator { fixture in
            let transport = try CurlTransport(options: .init(connectTimeout: 2, timeout: 5, userAgent: "kops-tests"))
            let base = fixture.baseURL + "/api"
            let client = KapsoClient(baseURL: base, apiKey: Secret(fixture.apiKey), transport: transport)
            let context = ShellContext(session: Session(baseURL: base), client: client, registry: .standard)
            let output = BufferOutput()
            let shell = Shell(context: context, renderer: Renderer(), output: output)
            return lines.map { line in
                let mark = output.err.count
                let status = shell.run(line: line)
                return (line, status.rawValue, String(output.err.dropFirst(mark)))
            }
        }
        for (line, status, err) in runs {
            #expect(status == 1, "\(line)")
            #expect(err.contains("an endpoint every Kapso API has, answered not found (404)"), "\(line): \(err)")
            #expect(err.contains("the API base URL looks wrong"), "\(line): \(err)")
            for claim in ["not in this project", "was not found", "no webhooks", "wrong project", "searched 0"] {
                #expect(!err.contains(claim), "\(line) concludes from calls that all failed: \(err)")
            }
        }
    }

    /// probe6 P6-9: a base URL that already is the host only is not told to be the host only: the host is wrong.
    @Test(arguments: ["http://127.0.0.1:39569", "https://example.test/"])
    func aHostOnlyBaseThatAnswers404IsAWrongHost(base: String) throws {
        let error = KapsoAPIError.notFound(path: "/platform/v1/whatsapp/phone_numbers", message: "Not found")
        let line = try #require(BaseURLError.explaining(error, clientBase: base, base: base, source: nil)).message
        #expect(line.contains("this host does not serve Kapso's API: \(base) (wrong host or port?)"), "\(line)")
        #expect(!line.contains("host only"), "\(line)")
        let withPath = try #require(BaseURLError.explaining(error, clientBase: base + "/api", base: base + "/api", source: nil))
        #expect(withPath.message.contains("it should be the host only"), "\(withPath.message)")
    }

    /// probe6 P6-8: https:// to a plain-HTTP server (kapso-sim) names the scheme, not the CA certificates.
    @Test func httpsToAPlainHTTPServerSaysUseHTTP() async throws {
        let err = try await withSimulator { fixture in
            let transport = try CurlTransport(options: .init(connectTimeout: 2, timeout: 5, userAgent: "kops-tests"))
            let base = "https://" + fixture.baseURL.dropFirst("http://".count)
            let client = KapsoClient(baseURL: base, apiKey: Secret(fixture.apiKey), transport: transport)
            let context = ShellContext(session: Session(baseURL: base), client: client, registry: .standard)
            let output = BufferOutput()
            _ = Shell(context: context, renderer: Renderer(), output: output).run(line: "numbers")
            return output.err
        }
        #expect(err.contains("TLS failure talking to 127.0.0.1"), "\(err)")
        #expect(err.contains("the server speaks plain HTTP: use http://"), "\(err)")
        #expect(!err.contains("CA certificates"), "\(err)")
    }

    /// A shell whose base URL is `server`'s, given with `--base-url`, and its output.
    static func shell(on server: HostileServer) throws -> (Shell, BufferOutput) {
        let transport = try CurlTransport(options: .init(connectTimeout: 2, timeout: 5, userAgent: "kops-tests"))
        let client = KapsoClient(baseURL: server.baseURL, apiKey: Secret("kapso_test_0123456789"), transport: transport)
        var session = Session(baseURL: server.baseURL)
        session.sources["api"] = "flag --base-url"
        let output = BufferOutput()
        return (Shell(context: ShellContext(session: session, client: client, registry: .standard), renderer: Renderer(), output: output), output)
    }

    /// probe41 P41-5: a host answering every path with a web page and 200 (a dashboard, a single-page app) is a website,
    /// not Kapso's API: before, "unexpected response (HTTP 200): the body is not valid JSON" named no setting.
    @Test(arguments: [
        "<!DOCTYPE html><html><head><title>Kapso</title></head><body>app</body></html>",
        "\n  <html><body>sign in</body></html>",
    ])
    func aWebPageWith200IsAWebsiteNotTheAPI(page: String) throws {
        let server = try HostileServer { _ in .http(headers: ["Content-Type: text/html"], body: Array(page.utf8)) }
        defer { server.stop() }
        let (shell, output) = try Self.shell(on: server)
        let status = shell.run(line: "numbers")
        #expect(status == .failure)
        #expect(output.err.hasPrefix("error: the API answered HTTP 200 with a web page, not JSON ('"), "\(output.err)")
        #expect(
            output.err.hasSuffix("'): this host does not serve Kapso's API: \(server.baseURL) (flag --base-url) (wrong host or port?); "
                + "Kapso's is https://api.kapso.ai, kapso-sim prints its own; 'state' shows it, --base-url or 'profile' changes it\n"),
            "\(output.err)")
    }

    /// Kapso's own host answers JSON on every route: a page or a bare 404 there came from a proxy or portal in between,
    /// so "this host does not serve Kapso's API: https://api.kapso.ai" would be false (probe41 P41-5's other side).
    @Test(arguments: ["https://api.kapso.ai", "https://API.kapso.ai:443/"])
    func anAnswerThatIsNotKapsosFromKapsosHostNamesWhatIsInBetween(base: String) throws {
        let error = KapsoAPIError.badResponse(status: 200, detail: KapsoAPIError.webPage, firstBytes: "'<html>'")
        let line = try #require(BaseURLError.explaining(error, clientBase: base, base: base, source: nil)).message
        #expect(
            line == "the API answered HTTP 200 with a web page, not JSON ('<html>'): that is not Kapso's API answering, though the "
                + "base URL \(base) is Kapso's host: a proxy, captive portal or firewall in between answered instead; check the "
                + "network (HTTPS_PROXY, a sign-in page) and retry")
        // A JSON body of the wrong shape is no web page: not the host's fault.
        let shape = KapsoAPIError.badResponse(status: 200, detail: "list response without a 'data' array", firstBytes: "")
        #expect(BaseURLError.explaining(shape, clientBase: base, base: base, source: nil) == nil)
    }

    @Test func a404ForAMissingObjectIsNotAboutTheHost() {
        let error = KapsoAPIError.notFound(path: "/platform/v1/whatsapp/conversations/x", message: "Not found")
        #expect(BaseURLError.explaining(error, clientBase: "https://api.kapso.ai", base: "https://api.kapso.ai", source: nil) == nil)
    }

    /// tester51 G6: one 404 from a list every Kapso API has, after the same host answered other paths in the session, is
    /// no wrong host: it was "this host does not serve Kapso's API (wrong host or port?)", and the on-call person changed a
    /// base URL that was right. The line names what the host answered and says retry; a whois whose one look-up got the
    /// 404 says the same.
    @Test(arguments: ["conversations", "whois 100200300400501"])
    func one404AfterTheHostAnsweredIsNotAWrongHost(line: String) async throws {
        let (status, err) = try await withSimulator { fixture in
            let (shell, output) = try fixture.shell()
            shell.context.session.sources["api"] = "env KAPSO_API_BASE_URL"
            _ = shell.run(line: "use 100200300400501")
            _ = shell.run(line: "messages --limit 2")
            let mark = output.err.count
            try fixture.setFaults("404:times=1")
            return (shell.run(line: line), String(output.err.dropFirst(mark)))
        }
        #expect(status == .failure)
        #expect(err.contains("answered not found (404)"), "\(err)")
        #expect(err.contains("although this host answered /platform/v1/whatsapp/phone_numbers"), "\(err)")
        #expect(err.contains("/platform/v1/whatsapp/messages"), "\(err)")
        #expect(err.contains("is not the mistake: a transient error, or a proxy or gateway in between"), "\(err)")
        for claim in ["does not serve Kapso's API", "wrong host or port", "base URL looks wrong", "host only"] {
            #expect(!err.contains(claim), "one 404 after 200s read as a wrong host: \(err)")
        }
    }

    /// The same rule on its own: a host that served nothing still gets the wrong-host reading; a served route is named
    /// with its ids as `{id}`; a send answered by Graph itself keeps its own reading.
    @Test func theServedRoutesDecideTheReading() throws {
        let error = KapsoAPIError.notFound(path: "/platform/v1/whatsapp/conversations", message: "Not found")
        let base = "http://127.0.0.1:39569"
        let unserved = try #require(BaseURLError.explaining(error, clientBase: base, base: base, source: nil))
        #expect(unserved.message.contains("this host does not serve Kapso's API"))
        let served = try #require(
            BaseURLError.explaining(
                error, clientBase: base, base: base, source: nil, served: ["/platform/v1/whatsapp/phone_numbers/{id}/health"]))
        #expect(served.message.contains("although this host answered /platform/v1/whatsapp/phone_numbers/{id}/health in this session"))
        #expect(!served.message.contains("does not serve"))
    }

    /// tester51 G6, its sibling: one 404 to `GET /messages/{wamid}` of a message the contact's list holds was "no message
    /// with WAMID … exists in this project"; the list kops reads right after shows it, so the line says the message is
    /// there and to try again. A WAMID the list does not hold keeps the "no message" reading.
    @Test func aMessageThe404dReadMissedButTheListHoldsIsNotMissing() async throws {
        let wamid = "wamid.HBgLMTQxNTU1NTAxNDIVAgASGBQzRUIwQTFDMkQzRTRGNTA2MTcyOAA="
        let missing = "wamid.HBgLMTQxNTU1NTAxNDIVAgASGBRBN0YzQzE5RTAyQjg0RDZFNUMxMgA="
        let (found, notFound) = try await withSimulator { fixture in
            let (shell, output) = try fixture.shell()
            try fixture.setFaults("404:times=1")
            var mark = output.err.count
            let first = (shell.run(line: "message \(wamid)"), String(output.err.dropFirst(mark)))
            mark = output.err.count
            let second = (shell.run(line: "message \(missing)"), String(output.err.dropFirst(mark)))
            return (first, second)
        }
        #expect(found.0 == .failure)
        #expect(found.1.contains("answered 404, yet the message is in this project"), "\(found.1)")
        // The demo's message was recorded 21 h before the call: no read-after-write race (tester51b F7).
        #expect(found.1.contains("it existed when called, which the 404 does not explain"), "\(found.1)")
        #expect(!found.1.contains("before Kapso had recorded it"), "\(found.1)")
        #expect(!found.1.contains("no message with WAMID"), "\(found.1)")
        #expect(notFound.1.contains("no message with WAMID \(missing) exists in this project"), "\(notFound.1)")
    }
}
