@testable import KopsShell
import KopsTestSupport
import Testing

/// The byte test before URL masking: it may answer true where nothing is masked, never false where something is.
@Suite struct URLCredentialScanTests {
    static func scan(_ text: String) -> Bool {
        var text = text
        return text.withUTF8(URLCredentialScan.mayHoldCredentials)
    }

    @Test(arguments: [
        "https://hooks.acme-demo.test/kapso", "{\"url\":\"https://analytics.acme-demo.test/ingest/whatsapp\"}",
        "GET http://127.0.0.1:8080/platform/v1/whatsapp/phone_numbers?page=1&per_page=20", "no URL here: a@b",
        "https://h.test/path@v2?a=1#section-2", "mailto:user@h.test", "https://h.test/x?page=1&after=2",
        "https://h.test/x#a=1&b?token", "https://h.test/x#?",
    ])
    func urlsWithoutCredentialsAreLeftAlone(text: String) {
        #expect(!Self.scan(text))
        #expect(Redactor.maskURLCredentials(text) == text)
    }

    @Test(arguments: [
        "https://u:p4ss@h.test/x", "see https://tok3n@h.test/x?a=1 now", "https://h.test/k?Token=abc&x=1#f",
        "https://h.test/path@v2?hook_secret=s", "https://h.test/?a=1&API_KEY=2", "x,https://h.test?sig=",
        // A fragment is never sent, but OAuth's implicit flow hands a token to a page as `#access_token=…`.
        "https://h.test/path@v2?a=1#token=x", "http://127.0.0.1:1/#access_token=abc&x=1", "https://h.test/#a?b=1&key=2",
    ])
    func urlsWithCredentialsAreMasked(text: String) {
        #expect(Self.scan(text))
        #expect(Redactor.maskURLCredentials(text) != text)
    }

    /// Random texts from URL pieces, quotes, line breaks and characters that join a grapheme cluster with their
    /// neighbour (a combining accent, an Arabic prepend mark): wherever masking by `Character` changes the text,
    /// the byte test said true.
    @Test func theByteTestNeverMissesWhatMaskingChanges() {
        let pieces = [
            "https", "http", "://", ":", "/", "//", "@", "?", "&", "=", "#", "token", "Api_Key", "x_secret", "pass",
            "h.test", "u", "1", " ", "\"", "'", ",", "<", ">", "`", "\t", "\n", "\r", "\r\n", "\u{301}", "\u{600}",
            "é", "<redacted>", "KEY", "sig", "?token=", "&Pass=", "u:p@", "?a=1&", "=\u{301}",
        ]
        var generator = SplitMix(seed: 30)
        var masked = 0
        for _ in 0..<20_000 {
            // Some pieces, a URL's start, then more pieces: most texts hold a URL.
            let piece = { pieces[Int(generator.next() % UInt64(pieces.count))] }
            let text = (0..<(generator.next() % 3)).map { _ in piece() }.joined() + "https://"
                + (0..<(1 + generator.next() % 10)).map { _ in piece() }.joined()
            let changed = Redactor.maskURLCredentialsByCharacter(text) != text
            if changed { masked += 1 }
            #expect(!changed || Self.scan(text), "\(text.debugDescription)")
        }
        #expect(masked > 2_000)
    }
}
