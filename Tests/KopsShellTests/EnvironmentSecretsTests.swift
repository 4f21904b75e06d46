@testable import KopsShell
import KopsTestSupport
import Testing

/// `WebhookSecretFlags.environmentSecrets` passes over the words that cannot name a variable without splitting them, and
/// still finds every value the split of each word finds.
@Suite struct EnvironmentSecretsTests {
    /// The reading without the byte test: every word split at its first `=` (empty pieces dropped, as `split` does).
    static func reference(_ words: [String], environment: [String: String]) -> [String] {
        var values: [String] = []
        for (index, word) in words.enumerated() {
            let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
            let variable: String?
            if parts.count == 2, WebhookSecretFlags.environmentFlags.contains(parts[0]) {
                variable = parts[1]
            } else if WebhookSecretFlags.environmentFlags.contains(word), index + 1 < words.count {
                variable = words[index + 1]
            } else {
                variable = nil
            }
            if let variable, let value = environment[variable], !value.isEmpty { values.append(value) }
        }
        return values
    }

    @Test func theValuesAreTheSplitWordsValues() {
        let pieces = [
            "--secret-env", "--meta-secret-env", "=", "==", "WH", "META", "EMPTY", "webhooks", "get", "-", "--", "-\u{301}",
            "\u{301}", "é", " ", "--secret", "env", "--SECRET-ENV", "3d4e5f6a-7b8c-4d9e-8f0a-2b3c4d5e6f70",
        ]
        let starts = ["", "WH", "META", "--secret-env", "--meta-secret-env", "--secret-env=", "=--secret-env=", "==--meta-secret-env="]
        let environment = ["WH": "whsec_a", "META": "meta_b", "EMPTY": "", "WH=": "c", "--": "d", "get": "e"]
        let offline = OfflineShell()
        offline.shell.context.environment = environment
        var generator = SplitMix(seed: 3606)
        var found = 0
        for _ in 0..<5_000 {
            // Each word a flag-like start (or none) and a few pieces.
            let words = (0..<(1 + generator.next() % 5)).map { _ in
                starts[Int(generator.next() % UInt64(starts.count))]
                    + (0..<(generator.next() % 3)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            }
            let expected = Self.reference(words, environment: environment)
            #expect(WebhookSecretFlags.environmentSecrets(in: words, context: offline.shell.context) == expected, "\(words)")
            if !expected.isEmpty { found += 1 }
        }
        // Lines that name a variable, leading `=`s included, are common; so are those that do not.
        #expect(found > 300, "\(found)")
        #expect(found < 4_700, "\(found)")
        #expect(WebhookSecretFlags.environmentSecrets(in: ["=--secret-env=WH"], context: offline.shell.context) == ["whsec_a"])
    }
}
