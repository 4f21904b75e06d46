import KopsHTTP
import KopsShell
import Testing

/// `api_key_command` and `profile add --key-command` (probe9 P9-1): a command that prints a key written into it is a
/// key in the file and is refused; the words of a key command that look like tokens never reach a transcript.
@Suite struct KeyCommandLiteralTests {
    @Test(arguments: [
        ("echo kapso_live_AAAA1111BBBB2222", true), ("echo kapso_live_AAAA1111BBBB2222 extra", true),
        ("echo -n 'a1b2c3d4e5f6g7h8'", true), ("printf '%s' \"sk_live_0123456789abcdef\"", true),
        ("echo Bearer EAAGm0PX4ZCpsBAKZBqwertyuiop", true),
        ("echo \"$ACME_KEY\"", false), ("printf %s \"$(pass show kapso/acme)\"", false), ("pass show kapso/acme", false),
        ("printf eagle-key", false), ("echo hello", false), ("op read op://vault/kapso/key", false),
        // tester52 H6: the same literal key printed by a wrapped or spelled-out echo.
        ("sh -c \"echo kp_live_abcdefghijklmnop0123\"", true), ("/bin/echo kp_live_abcdefghijklmnop0123", true),
        ("cat <<< kp_live_abcdefghijklmnop0123", true), ("printf \"kp_test_t52key\\n\\n\"", true),
        ("bash -lc 'cat creds.txt; echo kapso_live_AAAA1111BBBB2222'", true),
        // Honest commands stay: an item name, a vault path, a 1Password item id, a keychain look-up.
        ("op item get 7x4bq2kd3zqwrm5tqz2k3y6abc --fields password", false),
        ("security find-generic-password -s kapso-prod-2024 -w", false), ("sh -c 'pass show kapso/prod'", false),
    ])
    func aCommandThatPrintsALiteralKeyIsSeen(command: String, literal: Bool) {
        #expect(KeyCommand.printsLiteralKey(command) == literal)
    }

    @Test func aConfigWhoseKeyCommandEchoesAKeyIsRefusedWithoutTheKey() {
        let text = "[profiles.a]\nbase_url = \"https://api.kapso.ai\"\napi_key_command = \"echo kapso_live_AAAA1111BBBB2222\"\n"
        #expect(throws: ConfigError.literalKey(path: "config.toml", line: 3, profile: "a", key: "api_key_command")) {
            try KopsConfig.parse(text, path: "config.toml")
        }
        let message = ConfigError.literalKey(path: "config.toml", line: 3, profile: "a", key: "api_key_command").message
        #expect(!message.contains("AAAA1111"))
    }

    @Test(arguments: [
        ("profile add a --base-url https://api.kapso.ai --key-command 'echo kapso_live_AAAA1111BBBB2222'",
         "profile add a --base-url https://api.kapso.ai --key-command 'echo <redacted>'"),
        ("profile add a --base-url https://api.kapso.ai --key-command='echo kapso_live_AAAA1111BBBB2222'",
         "profile add a --base-url https://api.kapso.ai --key-command='echo <redacted>'"),
        ("profile add a --base-url https://api.kapso.ai --key-command 'pass show kapso/a'",
         "profile add a --base-url https://api.kapso.ai --key-command 'pass show kapso/a'"),
    ])
    func aKeyCommandsTokensAreMaskedInACommandLine(line: String, recorded: String) {
        #expect(Redactor().redact(commandLine: line) == recorded)
    }

    /// Every source of a key runs the same check: a CR from the environment, a variable or a command's line.
    @Test(arguments: [
        (KeyOrigin.value(Secret("kapso_test_ABCDEFGH12345\r"), .environment("KAPSO_API_KEY")), "the key in env KAPSO_API_KEY"),
        (.variable("MYK", profile: "a"), "the key in env MYK"),
        (.command("printf '%s\\r' \"$MYK\"", profile: "a"), "the first line the api_key_command of profile 'a' printed"),
    ])
    func everySourceRefusesAControlCharacter(origin: KeyOrigin, subject: String) {
        do {
            _ = try origin.lookUp(
                environment: ["MYK": "kapso_test_ABCDEFGH12345\r"], profiles: ["a"],
                runKeyCommand: { _ in (0, "kapso_test_ABCDEFGH12345\r", "") })
            Issue.record("expected an error")
        } catch {
            let message = ErrorReport(error).message
            #expect(message.hasPrefix(subject + " ends with a carriage return (U+000D); "), "\(message)")
            #expect(!message.contains("ABCDEFGH"))
            #expect(ErrorReport(error).status == .usage)
        }
    }
}
