import KapsoDiagnostics
import KopsShell
import Testing

/// probe34 P34-8: a scheme written twice (a whole URL pasted after a typed `https://`) was "a ':' and no port after it",
/// and `https://http//api.kapso.ai` was sent to DNS for the host `http`. Now it is named, with the URL to give.
@Suite struct DoubledSchemeTests {
    @Test(arguments: [
        ("https://https://api.kapso.ai", "https://https://", "https://api.kapso.ai"),
        ("http://http://127.0.0.1:8080", "http://http://", "http://127.0.0.1:8080"),
        ("HTTPS://Https://api.kapso.ai/", "HTTPS://Https://", "https://api.kapso.ai/"),
        ("http://https://api.kapso.ai", "http://https://", "https://api.kapso.ai"),
        ("https://http//api.kapso.ai", "https://http//", "https://api.kapso.ai"),
        ("https://https:/api.kapso.ai", "https://https:/", "https://api.kapso.ai"),
        // What is shown carries no query, fragment or credentials of the pasted URL.
        ("https://https://me:pw@api.kapso.ai/#kapso_live_abc", "https://https://", "https://api.kapso.ai/"),
    ])
    func aDoubledSchemeIsNamed(url: String, written: String, fixed: String) throws {
        #expect(BaseURLShape.problem(in: url) == .doubledScheme(written: written, fixed: fixed))
        let error = try #require(throws: BaseURLShapeError.self) { try BaseURLSchemeError.check(url, source: "flag --base-url") }
        #expect(error.message.hasSuffix("has its scheme written twice ('\(written)'); nothing was sent; give '\(fixed)'"), "\(error.message)")
        #expect(error.exitStatus == .usage)
    }

    /// One scheme, or a host that only starts with the letters of one: no such problem.
    @Test(arguments: ["https://api.kapso.ai", "http://127.0.0.1:8080", "https://httpbin.example", "http://https-proxy.local:3128"])
    func oneSchemeIsFine(url: String) {
        #expect(BaseURLShape.doubledScheme(url) == nil)
        #expect(BaseURLShape.problem(in: url) == nil)
    }
}
