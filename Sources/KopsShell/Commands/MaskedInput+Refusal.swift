internal import KapsoDiagnostics

extension MaskedInput {
    /// Throws `ShellError.maskedValue` when `value` holds a form kops prints in place of what it hides (`read`), before
    /// anything is sent or changed; `subject` names the flag or variable (`--secret-key`), `thing` what the value should
    /// be (`the secret`), `fix` what to do, starting with what was not done (`nothing was sent; …`).
    static func refuse(_ value: String, command: String, subject: String, thing: String, fix: String) throws(ShellError) {
        guard let masked = read(value) else { return }
        throw .maskedValue(command: command, subject: subject, masked: masked, thing: thing, fix: fix)
    }

    /// What shows a webhook's signing secret in clear: `webhooks get ID --reveal-secret`, with `id` when known.
    static func revealCommand(_ id: String? = nil) -> String {
        "webhooks get \(id ?? "ID") --reveal-secret"
    }
}
