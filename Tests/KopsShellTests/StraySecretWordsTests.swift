import KopsShell
import Testing

/// probe45 P45-2: a `--headers` JSON typed without its outer quotes, or a `--secret-key` with a blank in it, left the
/// rest of the secret as "unexpected argument 'Bearer Xk9mQ2zpLq77}'", in the error line and in the transcript's
/// command line. The words after a secret flag's value are never echoed in that error, and the command line masks a
/// `--headers` JSON split at its blanks up to the next flag.
@Suite struct StraySecretWordsTests {
    @Test(arguments: [
        (["webhooks", "update", "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "--headers", "{Authorization:", "Bearer Xk9mQ2zpLq77}"], "--headers"),
        (["webhooks", "create", "https://example.com/hook", "--secret-key", "a77", "b77788899"], "--secret-key"),
    ])
    func aWordAfterASecretValueIsNotEchoed(words: [String], flag: String) {
        let run = OfflineShell.run(words)
        #expect(run.status != .ok)
        #expect(!run.err.contains("Xk9mQ2zpLq77") && !run.err.contains("b77788899"), "\(run.err)")
        #expect(run.err.contains("webhooks: \(flag) was followed by more words (its value is not shown: it may hold secrets)"), "\(run.err)")
        #expect(run.requests == 0)
    }

    @Test func anExtraWordAfterNoSecretIsStillNamed() {
        let run = OfflineShell.run(["webhooks", "get", "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "extra"])
        #expect(run.err.contains("unexpected argument 'extra'"), "\(run.err)")
    }

    @Test(arguments: [
        (#"webhooks update 0a1b --headers {"Authorization": "Bearer Xk9mQ2zpLq77"} --active"#,
         "webhooks update 0a1b --headers '<redacted>' --active"),
        (#"webhooks update 0a1b --headers '{"Authorization":"Bearer Xk9mQ2zpLq77"}' extra"#,
         #"webhooks update 0a1b --headers '{"Authorization":"<redacted>"}' extra"#),
    ])
    func theCommandLineMasksHeadersSplitAtBlanks(line: String, masked: String) {
        #expect(Redactor().redact(commandLine: line) == masked)
    }
}

/// probe45 P45-2 (recorded line): `webhooks update ID --secret-key A B` no longer echoed `B` in its error, but the
/// transcript's command line kept it, and `B` may be the secret's second half pasted with a blank. The recorded line
/// masks the words past the command's positionals that follow a secret flag's value; a positional it takes stays.
@Suite struct StraySecretWordsRecordedTests {
    static let id = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"

    @Test(arguments: [
        ("webhooks update \(id) --secret-key a77 b77788899", "webhooks update \(id) --secret-key <redacted>"),
        ("webhooks update \(id) --secret-key=a77 b77788899 c999", "webhooks update \(id) --secret-key=<redacted>"),
        ("webhooks update \(id) --secret-key a77 b77788899 --active", "webhooks update \(id) --secret-key <redacted> --active"),
        ("webhooks create --url https://example.com/hook --secret-key a77 b77788899", "webhooks create --url https://example.com/hook --secret-key <redacted>"),
        ("replay t.md --secret s3cr3t tail99", "replay t.md --secret <redacted>"),
    ])
    func aWordThatMayBeTheSecretsRestIsMasked(line: String, masked: String) {
        #expect(Redactor().redact(commandLine: line) == masked)
    }

    @Test(arguments: [
        "webhooks update --secret-key a77 \(id)",
        "webhooks update \(id) --active extra",
        "replay --secret s3cr3t t.md",
        "webhooks update \(id) --secret-key a77 --active extra",
    ])
    func aPositionalTheCommandTakesStays(line: String) {
        let masked = Redactor().redact(commandLine: line)
        let kept = line.split(separator: " ").filter { $0 != "a77" && $0 != "s3cr3t" }
        #expect(kept.allSatisfy { masked.split(separator: " ").contains($0) }, "\(masked)")
    }
}
