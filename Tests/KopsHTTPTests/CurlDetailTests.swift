@testable import KopsHTTP
import Testing

@Suite struct CurlDetailTests {
    /// libcurl's text ends a kops sentence: its first word lower-cased, an acronym kept as written.
    @Test(arguments: [
        ("Could not resolve host: x.test", "could not resolve host: x.test"),
        ("SSL certificate problem: self-signed certificate", "SSL certificate problem: self-signed certificate"),
        ("OpenSSL/3.0.11: error:0A00010B:SSL routines::wrong version number", "OpenSSL/3.0.11: error:0A00010B:SSL routines::wrong version number"),
        ("Failed to connect\nsecond line", "failed to connect"),
    ])
    func theFirstLineLowerCasedExceptAnAcronym(detail: String, shown: String) {
        #expect(CurlDetail.short(detail) == shown)
    }
}
