import KapsoClient
import KopsHTTP
import KopsTestSupport
import Testing

@testable import KopsShell

/// The byte tests in front of the redactor's readings of typed lines and arguments (docs/performance.md, "Session 8:
/// per command") learn exactly what the full readings learn, on random lines made of the pieces that could tell them
/// apart: token prefixes in any case and cut short, `=`, secret-looking names, flags and their near-misses, quotes,
/// `;`, `\r\n`, controls, the Kelvin sign (which lower-cases to `k`) and combining marks.
@Suite struct TypedSecretBytesTests {
    static let pieces = [
        " ", " ", "\t", "\r\n", "\u{0B}", "\u{1F}", "\"", "'", ";", "=", "-", "--", "numbers", "webhooks", "get",
        "3d4e5f6a-7b8c-4d9e-8f0a-2b3c4d5e6f70", "whsec_", "WHSEC_", "sk_", "Sk_", "kapso_", "kops_", "EAA", "eaa",
        "bearer", "BEARER", "abcd", "ab", "1234", "api_key", "secret", "TOKEN", "pw", "x", "\u{212A}apso_", "\u{212A}ey",
        "e\u{301}", "é", "\u{3000}", "--secret", "--secret-key", "--sec", "--secert", "--scope", "--to", "--headers",
        "{\"Cookie\":\"s=123456\"}", "set", "export", "…",
    ]

    static func randomLine(_ random: inout SplitMix, pieces: Int) -> String {
        (0..<Int(random.next() % UInt64(pieces))).map { _ in
            Self.pieces[Int(random.next() % UInt64(Self.pieces.count))]
        }.joined()
    }

    @Test func typedLinesTeachWhatTheFullReadingTeaches() {
        var random = SplitMix(seed: 23)
        var skipped = 0
        for _ in 0..<30_000 {
            let line = Self.randomLine(&random, pieces: 9)
            var tested = Redactor(knownSecrets: [Secret("kapso_known_123456")])
            var full = tested
            tested.learn(secretsTypedIn: line)
            full.learnEveryPiece(secretsTypedIn: line)
            #expect(tested.knownSecrets.map(\.revealed) == full.knownSecrets.map(\.revealed), "\(line.debugDescription)")
            if !Redactor.mayShowSecret(typedLine: line) {
                skipped += 1
                #expect(full.knownSecrets.count == 1, "skipped a line that teaches: \(line.debugDescription)")
            }
        }
        // The test lets most lines through unread (a test that never skipped would prove nothing).
        #expect(skipped > 3_000)
        #expect(!Redactor.mayShowSecret(typedLine: "webhooks get 3d4e5f6a-7b8c-4d9e-8f0a-2b3c4d5e6f70"))
        #expect(Redactor.mayShowSecret(typedLine: "verify 'WHSEC_abcdefgh'"))
        #expect(Redactor.mayShowSecret(typedLine: "\u{212A}APSO_live_1234"))
    }

    @Test func argumentsTeachWhatTheFullReadingTeaches() {
        var random = SplitMix(seed: 29)
        for _ in 0..<30_000 {
            let words = (0..<Int(random.next() % 6)).map { _ in Self.randomLine(&random, pieces: 3) }
            var tested = Redactor(knownSecrets: [Secret("kapso_known_123456")])
            var full = tested
            tested.learn(arguments: words, testingBytesFirst: true)
            full.learn(arguments: words, testingBytesFirst: false)
            #expect(tested.knownSecrets.map(\.revealed) == full.knownSecrets.map(\.revealed), "\(words.debugDescription)")
        }
        #expect(!Redactor.mayNameSecret(argument: "3d4e5f6a-7b8c-4d9e-8f0a-2b3c4d5e6f70"))
        #expect(Redactor.mayNameSecret(argument: "--secret"))
        #expect(Redactor.mayNameSecret(argument: "api_key=abcdefgh"))
        #expect(Redactor.mayNameSecret(argument: "\u{2010}\u{2010}secret"))
    }

    @Test func ellipsisAsTheCharacterSearch() {
        let pieces = ["…", "…", "\u{301}", "\u{200D}", "a", "whsec_", ".", "\u{2025}", "\u{2027}", "\u{E2}", "\r", "\n"]
        var random = SplitMix(seed: 37)
        for _ in 0..<20_000 {
            let value = (0..<Int(random.next() % 5)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            #expect(Redactor.holdsEllipsis(value) == value.contains("…"), "\(value.debugDescription)")
        }
        #expect(!Redactor.holdsEllipsis("whsec_…\u{301}23"))
        #expect(Redactor.holdsEllipsis("whsec_…23"))
    }
}
