import KopsHTTP
import KopsTestSupport
import Testing

@testable import KapsoClient

/// `KapsoClient.relativePath(of:)` cuts a URL built on the base at the base's bytes; it must give what dropping the
/// base's characters gave, for any base and URL.
@Suite struct RelativePathTests {
    @Test func givesWhatDroppingTheBasesCharactersGave() {
        let bases = ["http://127.0.0.1:49571", "https://api.kapso.ai", "https://kapso.é.example", "https://a\u{301}pi.test",
                     "http://h", ""]
        let tails = ["/platform/v1/whatsapp/webhooks?page=1&per_page=100", "?x=1", "/é", "\u{301}/x", "", "x/y", "/\u{1F1EB}\u{1F1F7}",
                     "\r\n", "/"]
        for base in bases {
            let client = KapsoClient(baseURL: base, apiKey: Secret("sk_test_abcdef"), transport: StubTransport(status: 200, body: "{}"))
            for tail in tails {
                for url in [client.baseURL + tail, "https://graph.facebook.com/v21.0" + tail, String(client.baseURL.dropLast()) + tail] {
                    #expect(client.relativePath(of: url) == String(url.dropFirst(client.baseURL.count)), "\(client.baseURL) \(url)")
                }
            }
        }
    }
}
