import ArgumentParser
import Foundation
import KopsShell
import Testing

@testable import kops

/// probe38 P38-13: the "run it with kops … -c '…'" line, written to standard error (a CI or cron log), reprinted
/// `--secret`, `--secret-key` and `set api_key` values in clear; it masks them as every other sink does and says how to
/// give the secret instead.
@Suite struct Probe38SuggestionTests {
    @Test(arguments: [
        (["--demo", "webhooks", "fire", "message-lifecycle", "--to", "http://127.0.0.1:9/x", "--secret", "whsec_abcdefghijklmnop1234"], "whsec_abcdefghijklmnop1234"),
        (["--demo", "set", "api_key", "kapso_live_Zx81kQ2mP0sLw9TrAb12Cd34"], "Zx81kQ2mP0sLw9TrAb12Cd34"),
        (["--demo", "set", "api_key", "plainkeyvalue2026"], "plainkeyvalue2026"),
        (["--demo", "verify", "--secret", "plainsecretvalue2026", "--signature", "00", "--body", "x"], "plainsecretvalue2026"),
        (
            ["--demo", "webhooks", "create", "--url", "https://h.test/x", "--events", "whatsapp.message.received", "--secret-key", "plainsecretvalue2026"],
            "plainsecretvalue2026"
        ),
    ])
    func theSuggestedLineMasksTheSecretsTyped(arguments: [String], secret: String) {
        let line = refusal(arguments)
        #expect(line.contains("is a shell command"), "\(line)")
        #expect(!line.contains(secret), "\(line)")
        #expect(line.contains("<redacted>") && line.contains("${env:NAME}"), "\(line)")
    }

    /// A line without a secret is suggested as before, without the note.
    @Test func aLineWithoutASecretHasNoNote() {
        let line = refusal(["--demo", "explain", "131047"])
        #expect(line.contains("run it with kops --demo -c 'explain 131047'"), "\(line)")
        #expect(!line.contains("<redacted>"), "\(line)")
    }
}
