/// A write refused before its request because what it sends holds a secret (`OutgoingSecret`, tester59 AF10): `reply`
/// to a contact, `webhooks create|update` to a receiver, `logs search` into Kapso's logs. The line names what the value is
/// and where it would go, never the value.
struct SecretWouldLeave: KopsError {
    /// The command, with the flag when the value is a flag's: `reply`, `webhooks create --headers`.
    var command: String
    /// What holds the secret: `the text`, `--param 2`.
    var part: String
    var secret: OutgoingSecret
    /// Who would receive it in clear: `Contact A (14155550171)`, `the receiver at hooks.example.net with every delivery`.
    var recipient: String
    /// What to do, starting with what was not done: `nothing was sent; take it out, or --force to send it as typed`.
    var fix: String

    var message: String {
        "\(command): \(part) holds \(secret.name), shown masked on screen; \(recipient) would receive it in clear; \(fix)"
            + (secret.advice.map { "; " + $0 } ?? "")
    }

    var exitStatus: ExitStatus { .usage }
}
