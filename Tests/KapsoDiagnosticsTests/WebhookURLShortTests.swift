import KapsoDiagnostics
import KopsTestSupport
import Testing

/// `WebhookURL.short` reads the scheme from the bytes; it answers as the comparison of Characters always did.
@Suite struct WebhookURLShortTests {
    /// What `short` was before it read bytes: `hasPrefix` and `dropFirst` on Characters, keeping a URL whose text after
    /// the scheme could hold a key, and since tester70 F9 a plain-http URL whole (read here on Unicode scalars: a digit, an upper-case letter, `:`, `%`, `=`, or 16
    /// ASCII characters between `/` and `.`).
    static func byCharacters(_ url: String) -> String {
        for scheme in ["https://"] where url.hasPrefix(scheme) {
            let rest = String(url.dropFirst(scheme.count))
            return mayHoldKey(rest) ? url : rest
        }
        return url
    }

    static func mayHoldKey(_ rest: String) -> Bool {
        var run = 0
        for scalar in rest.unicodeScalars {
            if scalar.isASCII, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ:%=".unicodeScalars.contains(scalar) { return true }
            if scalar == "/" || scalar == "." { run = 0 } else if scalar.isASCII { run += 1 }
            if run >= 16 { return true }
        }
        return false
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

    /// `short(utf8:)` (a table row's URL read where it was received) gives what `short` gives the decoded string, or
    /// nil and leaves it to `short`: on random byte strings of URL pieces, invalid UTF-8 among them.
    @Test func theBytesReadingGivesWhatTheStringReadingGives() {
        let pieces: [[UInt8]] = [
            Array("https://".utf8), Array("http://".utf8), Array("https:/".utf8), Array("HTTPS://".utf8), Array("h".utf8),
            Array("hooks.test".utf8), Array("/in".utf8), Array("@".utf8), Array("?token=x".utf8), Array(":8080".utf8),
            Array("\u{301}".utf8), Array("é".utf8), Array("\u{200D}".utf8), Array("\r\n".utf8), Array("\u{FEFF}".utf8),
            [0xFF], [0xC3], [0x80], [0xE2, 0x82], Array(" ".utf8), Array("中".utf8),
        ]
        var generator = SplitMix(seed: 1412)
        var cut = 0
        for _ in 0..<20_000 {
            var bytes: [UInt8] = []
            // Mostly a scheme first: the case the bytes answer.
            if generator.next() % 3 != 0 { bytes += generator.next() % 2 == 0 ? Array("https://".utf8) : Array("http://".utf8) }
            for _ in 0..<(generator.next() % 5) { bytes += pieces[Int(generator.next() % UInt64(pieces.count))] }
            let text = String(decoding: bytes, as: UTF8.self)
            guard let short = bytes.withUnsafeBufferPointer({ WebhookURL.short(utf8: $0) }) else { continue }
            #expect(short.utf8.elementsEqual(WebhookURL.short(text).utf8), "\(bytes)")
            if short != text { cut += 1 }
        }
        #expect(cut > 1_500)  // fewer since P38-1 (a `:8080` piece keeps the scheme) and tester70 F9 (`http://` is kept)
    }

    /// The redactor finds a URL's credentials by its scheme: a URL that may carry one keeps it.
    @Test(arguments: ["https://user:pw@hooks.test/in", "https://hooks.test/in?token=abc", "http://t0k3n@h.test", "https://h.test/?"])
    func aURLThatMayCarryCredentialsKeepsItsScheme(url: String) {
        #expect(WebhookURL.short(url) == url)
    }

    /// probe38 P38-1: a receiver whose key is in its path or host (the redactor finds it by the scheme) keeps the
    /// scheme in a table; a receiver named by hand is shortened. Both readings agree.
    @Test(arguments: [
        "https://hooks.slack.com/services/T0AAAAAAA/B0BBBBBBB/abcdefghijklmnopqrstuvwx",
        "https://api.telegram.org/bot123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/sendMessage",
        "https://n8n.acme.test/webhook/9f8e7d6c5b4a3210abcdef", "https://hooks.zapier.com/hooks/catch/123456/abcdef1/",
        "https://discord.com/api/webhooks/123456789012345678/tokentokentokentoken", "https://abcdefghijklmnopqrst.m.pipedream.net",
        "https://maker.ifttt.com/trigger/x/with/key/dKxYz", "https://hook.eu1.make.com/abcdefghijklmnopqrstuvwxyz",
        "https://hooks.test/in/abcdefghijklmnopqrstuvwxyz", "https://hooks.test/in%2Fkey",
    ])
    func aURLThatMayHoldAKeyInItsPathKeepsItsScheme(url: String) {
        #expect(WebhookURL.short(url) == url)
        let bytes = Array(url.utf8)
        #expect(bytes.withUnsafeBufferPointer { WebhookURL.short(utf8: $0) } == url)
    }

    @Test(arguments: ["https://hooks.acme-demo.test/kapso/whatsapp", "https://legacy.acme-demo.test/meta-forward"])
    func aReceiverNamedByHandIsShortened(url: String) {
        #expect(WebhookURL.short(url) == String(url.drop { $0 != "/" }.dropFirst(2)))
    }

    /// tester70 F9: a plain-http receiver's scheme is often its cause (a 301 to https): `deliveries`, `errors` and `logs
    /// search` showed `hooks.acme.example/kapso` as if it were the https one. `http://` is kept, by both readings.
    @Test(arguments: ["http://hooks.acme.example/kapso", "http://kapso-sim/x"])
    func aPlainHTTPReceiverKeepsItsScheme(url: String) {
        #expect(WebhookURL.short(url) == url)
        #expect(Array(url.utf8).withUnsafeBufferPointer { WebhookURL.short(utf8: $0) } == url)
    }
}
