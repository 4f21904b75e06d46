import Foundation
@testable import KopsShell
import KopsHTTP
import KopsTestSupport
import Testing

/// Probe24 P24-6 and P24-13: a known secret echoed cut short, upper-cased or in base64, and a token quoted in an
/// error, are redacted; a word-like secret does not mask ordinary words, and kops's own masked forms stay.
@Suite struct SecretFragmentsTests {
    static let key = "sk-live-SECRET-abcdef123456"

    @Test(arguments: [
        // All but the last 4 characters, as a gateway echoes it (P24-6).
        "Invalid API key sk-live-SECRET-abcdef12",
        "Invalid API key 'sk-live-SECRET-abcdef12…'",
        // The last characters only, past a cut.
        "key …SECRET-abcdef123456 is revoked",
        "Invalid API key SK-LIVE-SECRET-ABCDEF12",
        // Base64 of the key, cut (its first 24 characters).
        "bad credentials c2stbGl2ZS1TRUNSRVQtYWJj",
        // A cut piece followed by more of the server's text glued to it.
        "key=sk-live-SECRET-abcdef12xyz; retry",
    ])
    func aKeyCutShortIsRedacted(_ text: String) {
        let redactor = Redactor(knownSecrets: [Secret(Self.key)])
        let shown = redactor.redact(text)
        #expect(shown.contains("<redacted>"), "\(shown)")
        #expect(!shown.contains("SECRET-abcdef12") && !shown.uppercased().contains("SECRET-ABCDEF12"), "\(shown)")
        #expect(!shown.contains("c2stbGl2ZS1TRUNSRVQtYWJj"))
    }

    @Test(arguments: [
        // kops's own masked forms and the key's scheme alone.
        // (`SecretMask` shows the issued scheme `sk-` only; 8 characters of the key before a `…` are a cut echo since
        // tester51b F5, which this row, `sk-live-…56`, pinned as a mask kops never printed.)
        "key sk-…56 from KAPSO_API_KEY",
        "sk-live- keys are live keys",
        // Fewer than 8 characters of the key in a row.
        "SECRET- is not it",
    ])
    func lessThanEightCharactersOrTheMaskStay(_ text: String) {
        #expect(Redactor(knownSecrets: [Secret(Self.key)]).redact(text) == text)
    }

    /// Digits a test key ends in (`0123456789`) are no piece of it inside an id.
    @Test func digitsAloneAreNoPiece() {
        let redactor = Redactor(knownSecrets: [Secret("test_key_0123456789")])
        let line = "expected a UUID such as e5a6c7d8-4f5b-4c6d-8e7f-901234567890"
        #expect(redactor.redact(line) == line)
        #expect(redactor.redact("key test_key_012345") == "key <redacted>")
    }

    /// A word-like secret (`set api_key production-key`) masks itself, never the word `production` elsewhere.
    @Test func aWordLikeSecretDoesNotMaskWords() {
        let redactor = Redactor(knownSecrets: [Secret("production-key")])
        #expect(redactor.redact("profile production uses production-key") == "profile production uses <redacted>")
    }

    /// probe46 P46-18: a header value learned as a secret (`Bearer acme-shared-webhook-passphrase`) shares words with
    /// kops's own header names; those stay, and the value, whole or cut, is still masked.
    @Test func aSecretsWordsDoNotMaskHeaderNames() {
        let redactor = Redactor(knownSecrets: [Secret("Bearer acme-shared-webhook-passphrase")])
        for line in [
            "X-Webhook-Event: whatsapp.message.received", "X-Webhook-Payload-Version: v2",
            "Meta's X-Hub-Signature-256 and Kapso's X-Webhook-Signature were mixed up", "X-WEBHOOK-BATCH: true",
        ] {
            #expect(redactor.redact(line) == line, "\(line)")
        }
        #expect(redactor.redact("Authorization: Bearer acme-shared-webhook-passphrase") == "Authorization: <redacted>")
        // A cut echo with a random run still goes: a letter and a digit, or a lower-case letter before an upper-case one.
        let keyed = Redactor(knownSecrets: [Secret("whsec_Zq81mXkP0aWebhookQq")])
        #expect(keyed.redact("bad secret whsec_Zq81mXkP0a…") == "bad secret <redacted>…")
        #expect(keyed.redact("X-Webhook-Event: x") == "X-Webhook-Event: x")
        let letters = Redactor(knownSecrets: [Secret("QmFzZTZzS2VzaGVyZQyy")])
        #expect(letters.redact("echoed qmFzZTZzS2Vz…") == "echoed <redacted>…")
    }

    /// The 23 characters an error quoted of a pasted Meta token the shell had learned (P24-13).
    @Test func aLearnedTokensQuotedPrefixIsRedacted() {
        var redactor = Redactor()
        let token = "EAAGm0PX4ZCpsBAKZCZBkZCz8ZAZBqQ7xZCQ9ZBZA4ZCpLd0ZD"
        redactor.learn(secretsTypedIn: "use \(token)")
        let line = redactor.redact(errorLine: "error: use: cannot read 'EAAGm0PX4ZCpsBAKZCZBkZC…' as an id: expected digits")
        #expect(line == "error: use: cannot read '<redacted>…' as an id: expected digits")
    }

    /// A token-shaped word in an error line is redacted even when kops never learned it (a server's echo).
    @Test(arguments: [
        ("the API said: Invalid OAuth token EAAB7xQ2mZp9KdL4", "the API said: Invalid OAuth token <redacted>"),
        ("rejected whsec_Zq81mXk2P0aa as a key", "rejected <redacted> as a key"),
        ("profile reads KAPSO_API_KEY, not set", "profile reads KAPSO_API_KEY, not set"),
        ("no event kapso_agent.run.failed", "no event kapso_agent.run.failed"),
        ("a webhook signing secret (whsec_...) signs", "a webhook signing secret (whsec_...) signs"),
    ])
    func tokenShapedWordsInErrorsAreRedacted(_ line: String, _ shown: String) {
        #expect(Redactor().redact(errorLine: line) == shown)
    }

    /// Probe25 P25-1: a token pasted with its label, quoted cut to 23 characters by the check before a script's first
    /// line: 10 characters of it are left after `access_token=`, too few for the shape alone; the label says what follows.
    @Test(arguments: [
        ("whois: cannot read 'access_token=EAAGm0PX4Z…' as an id", "whois: cannot read 'access_token=<redacted>' as an id"),
        ("use: cannot read 'token:EAAGm0PX4Z…' as an id", "use: cannot read 'token:<redacted>' as an id"),
        ("set: 'webhook_secret=whsec_9x' is no name", "set: 'webhook_secret=<redacted>' is no name"),
        // No label, or a label that names no secret, or a prefix with nothing random after it: as before.
        ("cannot read 'EAAGm0PX4Z…' as an id", "cannot read 'EAAGm0PX4Z…' as an id"),
        ("cannot read 'phone=EAAGm0PX4Z…' as an id", "cannot read 'phone=EAAGm0PX4Z…' as an id"),
        ("a token: EAA… is a Meta access token", "a token: EAA… is a Meta access token"),
        // Session 37: after a strong label and `=`, a value of any length (`StrongSecretLabels`).
        ("the token=eaa is unknown", "the token=<redacted> is unknown"),
    ])
    func aLabelledTokenCutShortIsRedacted(_ line: String, _ shown: String) {
        #expect(Redactor().redact(errorLine: line) == shown)
    }

    /// The same, end to end: the whole-script check of `kops run` and `-c` names the line and what was pasted, and quotes
    /// nothing of the token (probe25 P25-2: every id argument names a token as one, without echoing it).
    @Test(arguments: ["whois", "use"])
    func theScriptCheckQuotesNoPieceOfALabelledToken(command: String) {
        let offline = OfflineShell()
        let token = "EAAGm0PX4ZCpsBAKZCZBkZCz8ZAZBxQ1d0WZAbcdEFGhij2kLmNOpQRsTUvWXyz"
        let outcome = ScriptRunner(path: "at.kops", source: "explain 131047\n\(command) access_token=\(token)")
            .run(on: offline.shell)
        #expect(outcome.summary == "nothing ran")
        let shown = offline.output.out + offline.output.err
        #expect(shown.contains("at.kops:2: error: \(command): this is a Meta access token (EAA…), a secret, not an id"), "\(shown)")
        #expect(!shown.contains("EAAGm0PX4Z"), "\(shown)")
    }

    /// Every 8-byte window of `text` that equals one of `secrets`' forms (the secret, its base64 and URL-safe base64),
    /// in any ASCII case, read one by one: what `SecretFragments.hits` found before it read 4-byte pieces first.
    static func windowsReadOneByOne(_ text: [UInt8], _ secrets: [String]) -> [Int] {
        func folded(_ bytes: [UInt8]) -> [UInt8] { bytes.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 } }
        var windows: Set<[UInt8]> = []
        for secret in secrets where secret.utf8.count >= 8 {
            let base64 = Data(secret.utf8).base64EncodedString()
            let urlSafe = base64.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            // Session 37: percent-encoded, every byte but a letter or a digit escaped (`whsec%5F…`).
            let encoded = secret.utf8.map { byte in
                (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
                    ? String(UnicodeScalar(byte)) : String(format: "%%%02X", byte)
            }.joined()
            // The base64 of the secret after one or two other bytes, from its fifth character (tester55b).
            let shifted = [[UInt8(0)], [0, 0]].map { String(Data($0 + Array(secret.utf8)).base64EncodedString().dropFirst(4)) }
            let shiftedURLSafe = shifted.map { $0.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_") }
            for form in ([secret, base64, urlSafe, encoded] + shifted + shiftedURLSafe).map({ folded(Array($0.utf8)) }) where form.count >= 8 {
                for start in 0...(form.count - 8) { windows.insert(Array(form[start..<(start + 8)])) }
            }
        }
        guard text.count >= 8 else { return [] }
        return (0...(text.count - 8)).filter { windows.contains(folded(Array(text[$0..<($0 + 8)]))) }.map { $0 + 8 }
    }

    /// `hits` looks at the 8-byte windows only around a 4-byte piece its filter holds, read at every fourth offset
    /// (docs/performance.md, "Session 26"): on random texts with pieces of the secrets planted at every offset, cut at
    /// either end, in any case and in base64, it finds exactly the windows read one by one, and `occurs` agrees.
    @Test func hitsAreTheWindowsReadOneByOne() {
        var generator = SplitMix(seed: 2626)
        let secretSets = [
            ["bench_key_0123456789"], [Self.key, "whsec_Zq81mXk2P0aa9T"], ["abcdefgh"],
            (0..<40).map { "whsec_\($0)_" + String(repeating: "k\($0 % 7)Q", count: 5) },
        ]
        let filler: [UInt8] = Array("{\"id\":\"e5a6c7d8-4f5b\",\"url\":\"https://x.test/a?b=1\"} \n\u{2026}é".utf8)
        var found = 0
        var texts = 0
        for secrets in secretSets {
            let fragments = SecretFragments(secrets.map { Secret($0) })
            let forms = secrets.flatMap { [$0, Data($0.utf8).base64EncodedString()] }.map { Array($0.utf8) }
            for _ in 0..<1_000 {
                var text: [UInt8] = []
                for _ in 0..<Int(generator.next() % 6) {
                    text += (0..<Int(generator.next() % 9)).map { _ in filler[Int(generator.next() % UInt64(filler.count))] }
                    let form = forms[Int(generator.next() % UInt64(forms.count))]
                    let start = Int(generator.next() % UInt64(form.count))
                    let end = min(form.count, start + Int(generator.next() % 14))
                    let upper = generator.next() % 3 == 0
                    text += form[start..<end].map { upper && $0 >= 97 && $0 <= 122 ? $0 - 32 : $0 }
                }
                let expected = Self.windowsReadOneByOne(text, secrets)
                text.withUnsafeBufferPointer { bytes in
                    #expect(fragments.hits(in: bytes, first: false) == expected, "\(text)")
                    #expect(fragments.occurs(in: bytes) == !expected.isEmpty)
                }
                texts += 1
                if !expected.isEmpty { found += 1 }
            }
        }
        // Both answers are common: the comparison is not vacuous either way.
        #expect(found > texts / 4 && found < texts * 3 / 4, "\(found) of \(texts)")
    }

    /// `SecretFragments.folded` folds a word's 8 bytes at once (docs/performance.md, "Session 32"): every byte value at
    /// every position, among neighbours where a carry or borrow would show (the bytes at and around `A`, `Z`, DEL and
    /// bit 7), is folded as `ByteSearch.fold` folds it alone.
    @Test func aWordIsFoldedAsItsBytesAre() {
        let neighbours: [UInt8] = [0x00, 0x40, 0x41, 0x5A, 0x5B, 0x7F, 0x80, 0xC1, 0xDA, 0xFF]
        var checked = 0
        for neighbour in neighbours {
            for position in 0..<8 {
                for value in 0...255 {
                    var bytes = [UInt8](repeating: neighbour, count: 8)
                    bytes[position] = UInt8(value)
                    let word = bytes.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
                    let folded = SecretFragments.folded(word)
                    let foldedBytes = (0..<8).map { UInt8(truncatingIfNeeded: folded >> (8 * UInt64($0))) }
                    #expect(foldedBytes == bytes.map(ByteSearch.fold), "\(bytes)")
                    checked += 1
                }
            }
        }
        // Every letter of both cases changed where it stood, so the fold is not the identity.
        #expect(SecretFragments.folded(0x5A41_5A41_5A41_5A41) == 0x7A61_7A61_7A61_7A61)
        #expect(checked == 10 * 8 * 256)
    }
}
