import KopsShell
import Testing

/// tester59b AG1, AG20, AG24 (AF1's kind): numbers that are HTTP's, not Meta's, were read as Graph codes and explained
/// with confidence: curl 92's HTTP/2 `(err 2)` as "code 2: Meta's service is down", `HTTP 200 but message not delivered`
/// and kops's own `HTTP 204 after 4 attempts` as "code 200/204: the app lacks a permission", `HTTP 000` and `status 0`
/// as "the access token expired".
@Suite struct AG1ExplainHTTPNumbersTests {
    @Test func curlsHTTP2StreamErrorIsCurlsNotMetas() {
        let ran = OfflineShell.run("explain", "curl: (92) HTTP/2 stream 1 was not closed cleanly: INTERNAL_ERROR (err 2)")
        #expect(ran.out.contains("curl exit:") && ran.out.contains("92"), "\(ran.out)\(ran.err)")
        #expect(!ran.out.contains("API service") && !ran.out.contains("Meta's service is down"), "\(ran.out)")
    }

    @Test(arguments: [
        ("HTTP/2 stream 3 was reset: INTERNAL_ERROR (err 2)", "2 is an HTTP/2 error code"),
        ("HTTP 200 but message not delivered", "200 is an HTTP success status"),
        ("status 200", "200 is an HTTP success status"),
        ("HTTP 204 after 4 attempts", "204 is an HTTP success status"),
        ("HTTP 000", "HTTP 000 is what curl and HTTP clients print when no HTTP answer came"),
        ("status 0", "HTTP 0 is what curl and HTTP clients print when no HTTP answer came"),
    ])
    func anHTTPNumberIsNoGraphCode(_ text: String, said: String) {
        let ran = OfflineShell.run("explain", text)
        #expect(ran.status == .usage, "\(ran.out)\(ran.err)")
        #expect(ran.err.contains("no Meta or Kapso error code in '") && ran.err.contains(said), "\(ran.err)")
        #expect(!ran.out.contains("permission") && !ran.out.contains("access token"), "\(ran.out)")
    }

    /// A Graph code beside a status is still read (tester57b AC2, tester58 AD2).
    @Test(arguments: ["HTTP 200: 131047", "status 400, code 131047", "(#2) Service temporarily unavailable"])
    func aGraphCodeBesideAStatusIsStillRead(_ text: String) {
        let ran = OfflineShell.run("explain", text)
        #expect(ran.status == .ok, "\(ran.err)")
    }
}
