import KapsoClient
import KopsShell
import KopsTestSupport
import Testing

/// tester56b, V18 residual: against a host answering 200 with JSON of another shape, `message WAMID` said "unexpected
/// response (HTTP 200): message response without 'data'", and a host answering `{"data":[]}` gave "list response without
/// 'meta' or 'paging'" (numbers, overview), where `{"ok":true}` to a list already pointed at the base URL.
@Suite struct V18OtherShapesBaseURLTests {
    static let wamid = "wamid.HBgLMTQxNTU1NTAxNDIVAgASGBQzRUIwQTFDMkQzRTRGNTA2MTcyOAA="

    @Test(arguments: [
        ("{\"ok\":true}", "message \(wamid)"), ("{\"data\":[]}", "numbers"), ("{\"data\":[]}", "overview"),
        ("{\"data\":[]}", "message \(wamid)"),
    ])
    func theAnswerPointsAtTheBaseURL(body: String, line: String) throws {
        let server = try HostileServer { _ in .http(headers: ["Content-Type: application/json"], body: Array(body.utf8)) }
        defer { server.stop() }
        let (shell, output) = try BaseURLErrorTests.shell(on: server)
        #expect(shell.run(line: line) == .failure, "\(output.out)")
        #expect(output.err.contains("the API answered HTTP 200 with JSON in no shape Kapso's"), "\(output.err)")
        #expect(output.err.contains("this host most likely does not serve Kapso's API: \(server.baseURL)"), "\(output.err)")
        #expect(!output.err.contains("unexpected response"), "\(output.err)")
    }
}
