extension ReplyCommand {
    /// Refuses a reply whose text, template value or header link holds a secret (`OutgoingSecret`, tester59 AF10): the
    /// question and `--dry-run` show it masked while the contact would get it in clear. kops's own API key is never sent
    /// (`OutgoingSecret.neverSent`); any other secret is sent with `--force`, and the returned note says so (nil when
    /// nothing was found).
    static func refuseSecrets(_ parts: [(part: String, text: String)], to target: Target, force: Bool, in context: ShellContext) throws -> String? {
        for (part, text) in parts {
            guard let secret = context.outgoingSecret(in: text) else { continue }
            if force && !secret.neverSent {
                return "--force: \(part) holds \(secret.name), shown masked here; \(target.label) receives it as typed"
            }
            throw SecretWouldLeave(
                command: name, part: part, secret: secret, recipient: target.label,
                fix: secret.neverSent
                    ? "nothing was sent; take it out (kops never sends its own API key)"
                    : "nothing was sent; take it out, or --force to send it as typed")
        }
        return nil
    }
}
