import KapsoClient
import KopsShell
import KopsTestSupport
import Testing

/// tester54 V18: a base URL answering 200 with JSON of another shape (`{"ok":true}`: a health endpoint, another local
/// service, a proxy's default backend) got "unexpected response (HTTP 200): list response without a 'data' array", while
/// the same host answering a web page got "this host does not serve Kapso's API … 'state' shows it". The answer was also
/// counted as one the host served, so a later 404 read as "the base URL is not the mistake".
@Suite struct V18NotAListBaseURLTests {
    @Test(arguments: ["{\"ok\":true}", "{\"data\":null}", "[]"])
    func jsonOfAnotherShapeAtTheFirstCallPointsAtTheBaseURL(body: String) throws {
        let server = try HostileServer { _ in .http(headers: ["Content-Type: application/json"], body: Array(body.utf8)) }
        defer { server.stop() }
        let (shell, output) = try BaseURLErrorTests.shell(on: server)
        #expect(shell.run(line: "numbers") == .failure)
        #expect(shell.run(line: "webhooks --scope project") == .failure)
        let lines = output.err.split(separator: "\n")
        #expect(lines.count == 2, "\(output.err)")
        for line in lines {
            #expect(line.hasPrefix("error: the API answered HTTP 200 with JSON in no shape Kapso's lists have (no 'data' array"), "\(line)")
            #expect(
                line.hasSuffix(": this host most likely does not serve Kapso's API: \(server.baseURL) (flag --base-url) (wrong host or "
                    + "port?); Kapso's is https://api.kapso.ai, kapso-sim prints its own; 'state' shows it, --base-url or 'profile' changes it"),
                "\(line)")
        }
    }

    /// From Kapso's own host the shape is Kapso's to explain, and after the host answered a list the base URL is right:
    /// both keep the plain line.
    @Test func theShapeAloneIsSaidFromKapsosHostOrAfterTheHostAnswered() {
        let shape = KapsoAPIError.badResponse(status: 200, detail: KapsoAPIError.notAList, firstBytes: "")
        #expect(BaseURLError.explaining(shape, clientBase: "https://api.kapso.ai", base: "https://api.kapso.ai", source: nil) == nil)
        let base = "http://127.0.0.1:9"
        #expect(BaseURLError.explaining(shape, clientBase: base, base: base, source: nil, served: ["/platform/v1/whatsapp/messages"]) == nil)
        #expect(BaseURLError.explaining(shape, clientBase: base, base: base, source: nil) != nil)
    }
}
