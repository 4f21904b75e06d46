import KapsoDiagnostics
import KopsShell
import Testing

/// tester59b AG2: `curl: (22) The requested URL returned error: 401` said "the transfer failed before an HTTP answer came,
/// so neither Kapso nor Meta said anything" and dropped the 401 (404, 429 the same). curl 22 is the API's answer with its
/// body hidden by `-f`: the status is read as `explain 'HTTP 401'` reads it, and the hidden body is said.
@Suite struct AG2ExplainCurlHTTPStatusTests {
    @Test(arguments: [
        ("curl: (22) The requested URL returned error: 401", "401", "the API key was refused"),
        ("curl: (22) The requested URL returned error: 404", "404", "HTTP 404 from Kapso"),
        ("curl: (22) The requested URL returned error: 429", "429", "rate limited"),
    ])
    func theStatusIsReadAndTheBodyIsSaidHidden(_ text: String, status: String, said: String) {
        let ran = OfflineShell.run("explain", text)
        #expect(ran.status == .ok, "\(ran.err)")
        #expect(ran.out.contains("CURLE_HTTP_RETURNED_ERROR"), "\(ran.out)")
        #expect(ran.out.contains("HTTP status: \(status)") && ran.out.contains(said), "\(ran.out)")
        #expect(ran.out.contains("the API answered HTTP \(status)") && ran.out.contains("hid the body"), "\(ran.out)")
        #expect(!ran.out.contains("neither Kapso nor Meta said anything"), "\(ran.out)")
        #expect(!ran.out.contains("before an HTTP answer came"), "\(ran.out)")
    }

    /// Exits where the server did answer (18's head, 47's redirects) or whose meaning kops does not hold (0, 99) make no
    /// claim that no answer came.
    @Test(arguments: [
        "curl: (18) transfer closed with 12 bytes remaining to read", "curl: (47) Maximum (50) redirects followed",
        "curl: (0) ok", "curl: (99) something new",
    ])
    func noFalseNoAnswer(_ text: String) {
        let ran = OfflineShell.run("explain", text)
        #expect(ran.status == .ok, "\(ran.err)")
        #expect(!ran.out.contains("neither Kapso nor Meta said anything") && !ran.out.contains("before an HTTP answer came"), "\(ran.out)")
    }

    /// A curl exit that never reached the API still says so.
    @Test func aDNSFailureStillSaysNothingWasSent() {
        let ran = OfflineShell.run("explain", "curl: (6) Could not resolve host: api.kapso.ai")
        #expect(ran.out.contains("neither Kapso nor Meta said anything"), "\(ran.out)")
    }
}
