import KopsShell
import Testing

/// tester52b K4: `profile add --key-command` refused `echo KEY` and its wrapped forms, but saved a key printed by Python,
/// a here-document or a variable; one rule now reads them all, and honest secret-store commands stay accepted.
@Suite struct K4KeyCommandLiteralTests {
    @Test(arguments: [
        "python3 -c 'print(\"kp_live_abcdefghijklmnop0123\")'", "python3 -c 'print(\"a1b2c3d4e5f6g7h8i9\")'",
        "python3 -c \"import sys; sys.stdout.write('a1b2c3d4e5f6g7h8i9')\"", "node -e 'console.log(\"a1b2c3d4e5f6g7h8i9\")'",
        "ruby -e 'puts \"a1b2c3d4e5f6g7h8i9\"'", "cat <<EOF\na1b2c3d4e5f6g7h8i9\nEOF", "cat <<'EOF'\\na1b2c3d4e5f6g7h8i9\\nEOF",
        "cat <<- END\n  a1b2c3d4e5f6g7h8i9\nEND", "KEY=a1b2c3d4e5f6g7h8i9; echo $KEY", "export KEY=\"a1b2c3d4e5f6g7h8i9\"; printf %s \"${KEY}\"",
        "KEY=kapso_live_AAAA1111BBBB2222 sh -c 'true'", "python3 -c 'k = \"a1b2c3d4e5f6g7h8i9\"; print(k)'",
    ])
    func aLiteralKeyPrintedAnyWayIsRefused(command: String) {
        #expect(KeyCommand.printsLiteralKey(command), "\(command)")
    }

    @Test(arguments: [
        "pass show x", "pass show kapso/prod", "op read op://vault/kapso/key", "security find-generic-password -s kapso-prod-2024 -w",
        "security find-generic-password -w -s kapso | tr -d '\\n'", "printf %s \"$(pass show kapso2024prod)\"",
        "python3 -c 'import keyring; print(keyring.get_password(\"kapso\", \"prod2024abcdef\"))'",
        "ID=7x4bq2kd3zqwrm5tqz2k3y6abc; op item get $ID --fields password", "cat ~/.config/kapso/key2024abcdef",
        "echo \"$ACME_KEY\"", "cat <<EOF\n$KAPSO_KEY\nEOF",
    ])
    func aSecretStoreCommandIsAccepted(command: String) {
        #expect(!KeyCommand.printsLiteralKey(command), "\(command)")
    }

    @Test func theRefusalSaysToUseASecretStore() {
        let message = ConfigError.literalKey(path: "config.toml", line: nil, profile: "a", key: "api_key_command").message
        #expect(message == "config.toml: profile 'a' holds a literal secret in 'api_key_command' (the command prints a key "
            + "written into it); keys never go in this file: give a command that reads it from a secret store (pass show NAME, "
            + "op read op://VAULT/ITEM/FIELD, security find-generic-password -w -s NAME), or export it and set api_key_env = \"NAME\"")
        #expect(!message.contains("\n"))
    }
}
