@testable import KopsShell
import Testing

/// probe34 P34-5: a hex key pasted where `profile add --key-env` takes its variable's name was refused on screen as
/// "the key itself" ('…'), yet the typed line went into the transcript and the history file as typed. The value
/// `KeyEnvName` reads as a key is a secret of the line, as `--secret`'s is; a variable's name stays.
@Suite struct KeyEnvSecretLineTests {
    static let hexKey = "3f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c"

    @Test(arguments: [
        ("profile add prod2 --base-url https://api.kapso.ai --key-env \(hexKey)",
         "profile add prod2 --base-url https://api.kapso.ai --key-env <redacted>"),
        ("profile add prod2 --key-env=\(hexKey) --base-url https://api.kapso.ai",
         "profile add prod2 --key-env=<redacted> --base-url https://api.kapso.ai"),
    ])
    func aKeyGivenAsTheVariableIsMaskedAndKeptOutOfHistory(line: String, recorded: String) {
        #expect(KeyEnvName.read(Self.hexKey) == .secret)
        #expect(Redactor().redact(commandLine: line) == recorded)
        #expect(!HistoryPolicy.allows(line))
    }

    @Test(arguments: ["profile add prod2 --base-url https://api.kapso.ai --key-env ACME_KAPSO_KEY", "profile add p --key-env KAPSO_KEY_2 --base-url https://api.kapso.ai"])
    func aVariablesNameStays(line: String) {
        #expect(Redactor().redact(commandLine: line) == line)
        #expect(HistoryPolicy.allows(line))
    }
}
