extension ReplyCommand {
    /// What a reply's text, template values or header link hold of a secret (`OutgoingSecret`, tester59 AF10), which the
    /// question and `--dry-run` show masked while the contact would get it in clear. kops's own API key is never sent; a
    /// Meta access token or a webhook signing secret is sent only with `--send-secret` (`OutgoingSecret.sendFlag`), which
    /// `--force` is not (tester59b AG17); any other value kops masks (a sign-in
    /// link's token, a Zoom `pwd`, a presigned link, a secret-named variable) is what customers are sent every day
    /// (tester59b AG4), so it is sent as typed, with a note saying what the masked text holds. Returns the notes.
    static func refuseSecrets(_ parts: [(part: String, text: String)], to target: Target, sending: Bool, in context: ShellContext) throws -> [String] {
        var notes: [String] = []
        for (part, text) in parts {
            guard let secret = context.outgoingSecret(in: text) else { continue }
            switch secret {
            case .apiKey:
                throw SecretWouldLeave(
                    command: name, part: part, secret: secret, recipient: target.label,
                    fix: "nothing was sent; take it out (kops never sends its own API key)")
            case .metaAccessToken, .webhookSecret, .signingSecret:
                guard sending else {
                    throw SecretWouldLeave(
                        command: name, part: part, secret: secret, recipient: target.label,
                        fix: "nothing was sent; take it out, or \(OutgoingSecret.sendFlag) to send it as typed")
                }
                notes.append("\(OutgoingSecret.sendFlag): \(part) holds \(secret.name), shown masked here; \(target.label) receives it as typed")
            case .known, .shaped:
                notes.append("\(part) holds \(secret.name), shown masked here; \(target.label) receives it as typed")
            }
        }
        return notes
    }
}
