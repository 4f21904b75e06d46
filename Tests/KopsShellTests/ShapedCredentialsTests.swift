import KopsHTTP
@testable import KopsShell
import KopsTestSupport
import Testing

/// Credentials a server shows that kops never learned (probe27 P27-5): masked by their shape in every string the
/// redactor reads, behind a byte test that may answer true where nothing is masked, never false where something is.
@Suite struct ShapedCredentialsTests {
    static func scan(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { ShapedCredentials.mayOccur(in: $0) }
    }

    static let token = "EAAGm0PX4ZCpsBAKZAZDtestTOKENabcdefghijklmnopqrstuv"

    @Test(arguments: [
        ("GET /platform/v1/webhook_deliveries?access_token=\(token)&x-api-key=k12345",
         "GET /platform/v1/webhook_deliveries?access_token=<redacted>&x-api-key=<redacted>"),
        ("Invalid OAuth access token - Cannot parse access token: \(token)",
         "Invalid OAuth access token - Cannot parse access token: <redacted>"),
        ("key name \(token)", "key name <redacted>"),
        ("/v24.0/100200300400501/messages?appsecret_proof=ab12cd#x", "/v24.0/100200300400501/messages?appsecret_proof=<redacted>#x"),
        ("signed with whsec_55d9aa2aa98ee4074 here", "signed with <redacted> here"),
        // A query value masked already is left as it is.
        ("/x?token=<redacted>&a=1", "/x?token=<redacted>&a=1"),
        // probe29 P29-1: percent-encoded once, in an API log's endpoint.
        ("GET /platform/v1/whatsapp/phone_numbers/200300400500601?access_token%3D\(token)  404",
         "GET /platform/v1/whatsapp/phone_numbers/200300400500601?access_token%3D<redacted>  404"),
        ("/x?q=%22\(token)%22&limit=1", "/x?q=%22<redacted>%22&limit=1"),
        ("/x?redirect=https%3A%2F%2Fx.test%2Fcb%3Faccess_token%3Dnotshaped12%26y%3D1", "/x?redirect=https%3A%2F%2Fx.test%2Fcb%3Faccess_token%3D<redacted>%26y%3D1"),
        ("cut: access_token%3DEAAGm0PX4Z", "cut: access_token%3D<redacted>"),
        ("Bearer%20\(token)", "Bearer%20<redacted>"),
        // probe29 P29-16: webhook URLs that are their own key.
        ("--url https://hooks.slack.com/services/T0AB12CD3/B0EF45GH6/aBcDeFgHiJkLmNoPqRsTuVwX --events all",
         "--url https://hooks.slack.com/services/T0AB12CD3/B0EF45GH6/<redacted> --events all"),
        ("https://hook.eu1.make.com/m4kesecretpath0123456789abcdefgh", "https://hook.eu1.make.com/<redacted>"),
        ("url: https://discord.com/api/webhooks/112233445566778899/Zx9-secretTOKEN_abc?wait=true",
         "url: https://discord.com/api/webhooks/112233445566778899/<redacted>?wait=true"),
        ("https://hooks.zapier.com/hooks/catch/1234567/abc12de/", "https://hooks.zapier.com/hooks/catch/1234567/<redacted>/"),
        ("\"https://eo1a2b3c4d5e6f7.m.pipedream.net\"", "\"https://<redacted>.m.pipedream.net\""),
        // probe33 P33-6: GitHub, Slack and GitLab tokens, as a server or a log echoes them.
        ("query ghp_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789 found", "query <redacted> found"),
        ("xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOpQrStUvWx", "<redacted>"),
        ("(github_pat_11ABCDEFG0aBcDeFgHiJkL_mNoPqRsTuVwXyZ0123456789)", "(<redacted>)"),
        ("token xoxe.xoxp-1-Mi0yLTEyMzQ1Njc4OTAtMTIzNA", "token xoxe.<redacted>"),
        ("/x?q=xapp-1-A0123456789-0123456789012-abcdef0123456789&limit=20", "/x?q=<redacted>&limit=20"),
        ("GITLAB=glpat-Xy9zAbCdEf0123456789", "GITLAB=<redacted>"),
    ])
    func serverTextShowsNoShapedCredential(text: String, masked: String) {
        #expect(Self.scan(text))
        #expect(ShapedCredentials.masked(text) == masked)
        #expect(Redactor().redact(text) == masked)
    }

    @Test(arguments: [
        "kapso_agent.run.completed", "whatsapp.message.received", "whsec_demo1", "EAA", "Each EAAX word", "/x?page=2&after=abc",
        "wamid.HBgLMTQxNTU1NTAxNDIVAgASGBRBN0YzQzE5RTAyQjg0RDZFNUMxMQA=", "4e5f6a7b-8c9d-4e0f-9a1b-3c4d5e6f7a80",
        "GET /platform/v1/whatsapp/messages?phone_number_id=100200300400501&limit=20", "skip_this_one please",
        "100%25 sent", "/x?q=%22hello%20world%22", "https://hooks.slack.com/", "https://example.com/hook/m4kesecretpath0123",
        "https://hooks.zapier.com/hooks/standard/1234567/", "https://api.kapso.ai/platform/v1/whatsapp/messages%3Flimit%3D2",
    ])
    func ordinaryTextIsLeftAlone(text: String) {
        #expect(ShapedCredentials.masked(text) == text)
        #expect(Redactor().redact(text) == text)
    }

    /// A secret the user asked to see (`webhooks get --reveal-secret`) stays in clear, though it is token-shaped.
    @Test func aRevealedSecretIsKept() {
        let secret = "whsec_55d9aa2aa98ee407404868cf0b0fd17"
        let text = "secret_key: \(secret) (and \(Self.token))"
        #expect(ShapedCredentials.masked(text, except: secret) == "secret_key: \(secret) (and <redacted>)")
        #expect(Redactor(knownSecrets: [Secret(secret)]).revealing(secret).redact(text) == "secret_key: \(secret) (and <redacted>)")
    }

    /// Random texts from token prefixes, word characters, labels, queries and characters that join a grapheme
    /// cluster with their neighbour: wherever the masking changes the text, the byte test said true.
    @Test func theByteTestNeverMissesWhatMaskingChanges() {
        let pieces = [
            "EAA", "eaa", "whsec_", "sk_", "kapso_", "kops_", "Bearer", "G", "m0", "x", "X", "9", "_", "-", ".", " ", "=", ":",
            "?", "&", "#", "token", "access_token=", "?key=", "&Pass=", "\"", "'", ",", "<", ">", "\n", "\r\n", "\u{301}",
            "é", "<redacted>", "abcdefgh", "ABCDEFGH", "12345678", "/", "%20",
            // probe29 P29-1, P29-16: percent-escapes and webhook URLs that are their own key.
            "%3D", "%3d", "%3F", "%26", "%22", "%3A", "%2", "%", "3D", "https://", "hooks.slack.com", "/services/",
            "discord.com/api/webhooks/", "hook.eu1.make.com", "hooks.zapier.com/hooks/catch/", ".m.pipedream.net", "HOOKS.SLACK.COM",
            // probe33 P33-4, P33-6: hook paths on any host; GitHub and Slack token prefixes.
            "/hooks/", "/with/key/", "/IncomingWebhook/", "/webhook/", "xg8kq4j5tfbz7rnmy3w6p2c9de", "ghp_", "xoxb-", "github_pat_",
            // Session 33: JWTs and SendGrid keys across their dots, new prefixes, hook URLs percent-encoded.
            "eyJ", "eyJhbGciOiJIUzI1NiJ9", "eyJzdWIiOiJ4MSJ9", "SG", "SG.", "..", "sk-", "rk_", "AIza", "%3A%2F%2F", "%3a%2f%2f",
            "%2F", "%2f", "hooks.slack.com%2Fservices%2F", "%2Fwith%2Fkey%2F",
            // Session 36: Google tokens, hook URLs encoded twice, labelled keys.
            "ya29", "ya29.", "ya", "29.", "%25", "%253A%252F%252F", "%253a%252f%252f", "%252F", "%252f", "hooks.slack.com%252Fservices%252F",
            "api_key", "API key: ", "\"secret\": \"", "3f9a8b7c6d5e4f3a",
            // Session 37: strong labels before short values, hooks without a scheme, escaped `_`.
            "password: ", "token=", "hunter2", "none", "hooks.slack.com/services/T0/B0/", "whsec%5F", "%5F", "%255F",
        ]
        var generator = SplitMix(seed: 27)
        var masked = 0
        for _ in 0..<20_000 {
            let piece = { pieces[Int(generator.next() % UInt64(pieces.count))] }
            let text = (0..<(1 + generator.next() % 12)).map { _ in piece() }.joined()
            let changed = ShapedCredentials.masked(text) != text
            // The masking alone, without the byte test in front of it.
            let unguarded = ShapedCredentials.maskedWithoutByteTest(text) != text
            if unguarded { masked += 1 }
            #expect(!unguarded || Self.scan(text), "\(text.debugDescription)")
            #expect(changed == unguarded, "\(text.debugDescription)")
        }
        #expect(masked > 1_000)
    }

    /// The byte test as it read before session 29: every token prefix tried at every word, each byte's kind computed.
    static func mayOccurTryingEveryPrefix(_ text: String) -> Bool {
        let prefixes = HistoryPolicy.tokenPrefixes.map { Array($0.utf8) }
        func isWordByte(_ byte: UInt8) -> Bool {
            (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == 0x5F || byte == 0x2D
        }
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if isWordByte(byte) {
                    var end = index + 1
                    while end < bytes.count, isWordByte(bytes[end]) { end += 1 }
                    let prefix = prefixes.first { prefix in
                        bytes.count - index >= prefix.count
                            && prefix.indices.allSatisfy { ByteSearch.fold(bytes[index + $0]) == prefix[$0] }
                    }
                    // Session 36: a key after a label (`API key: 3f9a…`, `SecretLabels`).
                    if end - index >= SecretLabels.minimumValueLength, SecretLabels.mayLabel(bytes, word: index) { return true }
                    // Session 38: a key after a strong label and only spaces, quotes or `(` (`apikey X`: probe38 P38-10).
                    if end - index >= SecretLabels.minimumValueLength, StrongSecretLabels.mayLabelBare(bytes, word: index) { return true }
                    // Session 37: the last label of a host without a scheme (`hooks.slack.com/…`, `SchemelessURLs`).
                    if index > 0, bytes[index - 1] == UInt8(ascii: "."), SchemelessURLs.mayEndHost(bytes, label: index, end: end) {
                        return true
                    }
                    if let prefix {
                        let length = end - index
                        let labelled = index > 0 && (bytes[index - 1] == UInt8(ascii: "=") || bytes[index - 1] == UInt8(ascii: ":"))
                            || (index >= 3 && bytes[index - 3] == UInt8(ascii: "%") && bytes[index - 2] == UInt8(ascii: "3"))
                        // Session 64: a word of lower-case hex and `-` (a UUID) is no prefix's token unless labelled.
                        if length >= TokenShapes.minimumLength || (labelled && length > prefix.count),
                            labelled || !TokenShapes.isLowercaseHex(bytes[index..<end])
                        {
                            return true
                        }
                    }
                    // Session 33: a JWT's first part or SendGrid's `SG` before a dot, in the case they are issued in.
                    let word = Array(bytes[index..<end])
                    if end < bytes.count, bytes[end] == UInt8(ascii: "."),
                        word == Array("SG".utf8) || word == Array("ya29".utf8)
                            || (word.count >= TokenShapes.minimumLength && word.starts(with: "eyJ".utf8))
                    {
                        return true
                    }
                    index = end
                    continue
                }
                if byte == UInt8(ascii: "%"), let escaped = ShapedCredentials.escape(bytes, at: index) {
                    if escaped == UInt8(ascii: "?") || escaped == UInt8(ascii: "&"),
                        ShapedCredentials.credentialNameFollows(bytes, after: index + 2)
                    {
                        return true
                    }
                    // Session 33: `%3A%2F%2F`, a URL encoded into the text (either hex case).
                    if escaped == UInt8(ascii: ":"), index + 8 < bytes.count,
                        String(decoding: bytes[(index + 3)...(index + 8)], as: UTF8.self).lowercased() == "%2f%2f"
                    {
                        return true
                    }
                    // Session 36: `%253A%252F%252F`, the same encoded twice.
                    if escaped == UInt8(ascii: "%"), index + 14 < bytes.count,
                        String(decoding: bytes[(index + 3)...(index + 14)], as: UTF8.self).lowercased() == "3a%252f%252f"
                    {
                        return true
                    }
                    // Session 37: a strong label's encoded separator; an escaped `_` or `-` joining a word.
                    if escaped == UInt8(ascii: ":") || escaped == UInt8(ascii: "="),
                        StrongSecretLabels.mayLabel(bytes, separator: index, width: 3)
                    {
                        return true
                    }
                    if ShapedCredentials.joinsWord(bytes, escapeAt: index, escaped: escaped) { return true }
                    index += 3
                    continue
                }
                if byte == UInt8(ascii: "?") || byte == UInt8(ascii: "&"),
                    ShapedCredentials.credentialNameFollows(bytes, after: index)
                {
                    return true
                }
                if byte == UInt8(ascii: ":"), CapabilityURLs.mayFollow(bytes, colon: index) { return true }
                // Session 37: a strong label before `:` or `=` and a word after it (`StrongSecretLabels`).
                if byte == UInt8(ascii: ":") || byte == UInt8(ascii: "="), StrongSecretLabels.mayLabel(bytes, separator: index, width: 1) {
                    return true
                }
                index += 1
            }
            return false
        }
    }

    /// The byte test that reads each byte's kind from a table and tries the prefixes only at a word starting with one's
    /// first letter (session 29) answers as the one that tried them all at every word, on random texts of prefixes cut
    /// short, in any case, labels, queries, word and non-word bytes, and bytes of every value; both answers common.
    @Test func theByteTestAnswersAsTryingEveryPrefixAtEveryWord() {
        let pieces = [
            "EAA", "eaa", "eAa", "EA", "whsec_", "WHSEC_", "whse", "sk_", "SK_", "s", "k", "kapso_", "kaps", "KOPS_", "kops_",
            "Bearer", "bearer", "BEAR", "G", "m0", "x", "X", "9", "_", "-", ".", " ", "=", ":", "?", "&", "#", "token",
            "access_token=", "?key=", "&Pass=", "?x.api.key=", "\"", "'", ",", "<", ">", "\n", "é", "\u{301}", "abcdefgh",
            "ABCDEFGH", "12345678", "/", "%20", "{\"id\":\"", "\",\"", "@", "[", "`", "{", "~",
            "%", "%3D", "%3d", "%3A", "%22", "%3F", "%26", "%2", "https://", "://", "hooks.slack.com/services/", "discord.com/api/webhooks/",
            // probe33 P33-6: GitHub, Slack and GitLab prefixes (`TokenPrefix.all`), cut short and in any case; P33-4's hook paths.
            "ghp_", "GHO_", "ghu_", "ghs_", "Ghr_", "gh", "github_pat_", "GITHUB_", "xoxb-", "XOXP-", "xoxa-", "xoxr-", "xoxe-", "xox",
            "xapp-", "glpat-", "GLPAT-", "gl", "/hooks/", "/with/key/", "/IncomingWebhook/", "/webhook/",
            // Session 33: dotted tokens' starts in any case, the new prefixes, encoded URLs cut short.
            "eyJ", "EYJ", "eyJhbGciOiJIUzI1NiJ9", "SG", "sg", "SG.", "sk-", "SK-", "rk_", "RK_", "AIza", "aiza", "AIz",
            "%3A%2F%2F", "%3a%2f%2F", "%3A%2F", "%2F%2F", "%2f",
            // Session 36: probe34's providers' prefixes, cut short and in any case, and JSON words starting with their letters.
            "npm_", "NPM_", "np", "pypi-", "PyPI-", "pyp", "shpat_", "SHPCA_", "shppa_", "shpss_", "shp", "hf_", "HF_", "h",
            "dop_v1_", "DOO_V1_", "dor_v1_", "dop_", "AKIA", "akia", "AK", "attempt_count", "response_status", "delivered_at",
            "phone_number_id", "a1c2e3f4-0b1d-4e2f-8a3b-5c6d7e8f9012", "n0", "p0", "a)",
            // Session 36: Google tokens' starts, encodings twice (cut short too), labels before a key.
            "ya29", "YA29", "ya2", "ya29.", "%25", "%253A%252F%252F", "%253a%252F%252f", "%253A%252F", "%252F", "api_key",
            "API key: ", "Token = '", "\"password\": \"", "id: ", "%3A%20", "3f9a8b7c6d5e4f3a",
            // Session 37: strong labels before short values, hosts without a scheme, escaped joiners.
            "password: ", "secret=", "k1", "hunter2", "hooks.slack.com/services/", "x.co/", ".com", "%5F", "%255F", "%2D",
        ]
        var generator = SplitMix(seed: 2929)
        var (yes, no) = (0, 0)
        for round in 0..<30_000 {
            var text: String
            if round % 5 == 0 {
                // Any byte value, as UTF-8 text of its scalars below 0x100 or as its own byte in the ASCII range.
                let scalars = (0..<(1 + generator.next() % 24)).map { _ in Unicode.Scalar(UInt8(truncatingIfNeeded: generator.next())) }
                text = String(String.UnicodeScalarView(scalars))
            } else {
                text = (0..<(1 + generator.next() % 10)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            }
            let expected = Self.mayOccurTryingEveryPrefix(text)
            if expected { yes += 1 } else { no += 1 }
            #expect(Self.scan(text) == expected, "\(text.debugDescription)")
        }
        #expect(yes > 3_000 && no > 3_000, "\(yes) true, \(no) false")
    }

    /// `prefixLength` with its two-byte test in front (session 36) answers as comparing every prefix at the position,
    /// at every position of random texts of the prefixes whole, cut short and in random case, a prefix's first letter
    /// before any byte value (`0` shares its low six bits with `p`), and bytes of every value; both answers common.
    @Test func thePrefixLengthAnswersAsTryingEveryPrefix() {
        let prefixes = HistoryPolicy.tokenPrefixes.map { Array($0.utf8) }
        var generator = SplitMix(seed: 3636)
        func inRandomCase(_ bytes: some Sequence<UInt8>) -> [UInt8] {
            bytes.map { generator.next() % 2 == 0 || $0 < 0x61 || $0 > 0x7A ? $0 : $0 - 32 }
        }
        var (found, none) = (0, 0)
        for _ in 0..<6_000 {
            var text: [UInt8] = []
            for _ in 0..<(1 + generator.next() % 8) {
                let prefix = prefixes[Int(generator.next() % UInt64(prefixes.count))]
                switch generator.next() % 4 {
                case 0: text += inRandomCase(prefix)
                case 1: text += inRandomCase(prefix.prefix(Int(generator.next() % UInt64(prefix.count))))
                case 2: text += inRandomCase(prefix.prefix(1)) + [UInt8(truncatingIfNeeded: generator.next())]
                default: text.append(UInt8(truncatingIfNeeded: generator.next()))
                }
            }
            text.withUnsafeBufferPointer { bytes in
                for index in bytes.indices {
                    let expected = prefixes.first { prefix in
                        bytes.count - index >= prefix.count
                            && prefix.indices.allSatisfy { ByteSearch.fold(bytes[index + $0]) == prefix[$0] }
                    }?.count
                    if expected == nil { none += 1 } else { found += 1 }
                    #expect(ShapedCredentials.prefixLength(bytes, at: index) == expected, "\(text) at \(index)")
                }
            }
        }
        #expect(found > 3_000 && none > 3_000, "\(found) found, \(none) none")
    }

    /// The header and URL tests as `printsAsIs` and `needsRedaction` asked them before session 32, in a walk of their
    /// own: whether some colon ends one of `names` or follows a URL's scheme whose authority may hold credentials.
    static func someColonEndsHeaderOrURL(_ names: HeaderNames, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.indices.contains { colon in
            bytes[colon] == UInt8(ascii: ":")
                && (ByteSearch.header(names, endsBefore: colon, in: bytes) || URLCredentialScan.mayHoldCredentials(bytes, urlAt: colon))
        }
    }

    /// The byte test with the header and URL tests asked at its colons (session 32) answers as the byte test and
    /// `someColonEndsHeaderOrURL` asked apart, for both lists of names, on random texts of token prefixes,
    /// header and field names before colons, URLs with and without credentials or a hook's host; both answers common.
    @Test func theByteTestWithTheColonTestsAnswersAsTheTwoApart() {
        let pieces = [
            "EAA", "whsec_", "sk_", "kapso_", "Bearer", "abcdefgh", "12345678", "x", "_", "-", " ", "=", ":", "\":", "\"",
            "?", "&", "%3D", "%3F", "/", "//", "://", "https://", "http://u:p@h.test/", "https://h.test/a?token=1",
            "https://h.test/a?b=1", "hooks.slack.com/services/", "authorization", "Authorization", "X-API-Key", "cookie",
            "set-cookie", "proxy-authorization", "secret_key", "api_key", "token", "password", "headers", "é", "\n", "\r\n",
            "{\"id\":\"", "\",\"", "@", "#", ",",
        ]
        var generator = SplitMix(seed: 3232)
        var (yes, no) = (0, 0)
        for round in 0..<20_000 {
            let names = round % 2 == 0 ? Redactor.credentialHeaderBytes : Redactor.headerAndFieldBytes
            var text = (0..<(1 + generator.next() % 10)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }
                .joined()
            let expected = Self.mayOccurTryingEveryPrefix(text)
                || text.withUTF8 { Self.someColonEndsHeaderOrURL(names, in: $0) }
            if expected { yes += 1 } else { no += 1 }
            let fused = text.withUTF8 { ShapedCredentials.mayOccur(in: $0, orColonEndsHeaderOrURL: names) }
            #expect(fused == expected, "\(text.debugDescription)")
        }
        #expect(yes > 3_000 && no > 3_000, "\(yes) true, \(no) false")
    }
}
