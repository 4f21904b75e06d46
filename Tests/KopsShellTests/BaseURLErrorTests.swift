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

    @Test func a404ForAMissingObjectIsNotAboutTheHost() {
        let error = KapsoAPIError.notFound(path: "/platform/v1/whatsapp/conversations/x", message: "Not found")
        #expect(BaseURLError.explaining(error, clientBase: "https://api.kapso.ai", base: "https://api.kapso.ai", source: nil) == nil)
    }
}
