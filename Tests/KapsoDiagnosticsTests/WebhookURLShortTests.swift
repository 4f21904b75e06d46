import KapsoDiagnostics
import Testing

/// `WebhookURL.short` reads the scheme from the bytes; it answers as the comparison of Characters always did.
@Suite struct WebhookURLShortTests {
    /// What `short` was before it read bytes: `hasPrefix` and `dropFirst` on Characters.
    static func byCharacters(_ url: String) -> String {
        for scheme in ["https://", "http://"] where url.hasPrefix(scheme) { return String(url.dropFirst(scheme.count)) }
        return url
    }

    @Test(arguments: [
        "https://hooks.acme-demo.test/kapso/whatsapp", "http://127.0.0.1:8080/x", "https://", "http://", "https:/x",
        "HTTPS://hooks.test", "ftp://files.test", "", "https://\u{301}x", "https://\u{301}", "http://\u{200D}a",
        "https://é.test/ü", "https://a\u{301}b", "https://\r\nx", "https:/\u{2215}x", "\u{FEFF}https://x",
        "https://https://x", "http:///path",
    ])
    func schemeIsDroppedAsCharactersDropIt(url: String) {
        #expect(WebhookURL.short(url) == Self.byCharacters(url))
        #expect(WebhookURL.short(url).utf8.elementsEqual(Self.byCharacters(url).utf8))
    }

    /// The redactor finds a URL's credentials by its scheme: a URL that may carry one keeps it.
    @Test(arguments: ["https://user:pw@hooks.test/in", "https://hooks.test/in?token=abc", "http://t0k3n@h.test", "https://h.test/?"])
    func aURLThatMayCarryCredentialsKeepsItsScheme(url: String) {
        #expect(WebhookURL.short(url) == url)
    }
}
