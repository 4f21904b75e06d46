internal import KapsoClient
internal import KapsoDiagnostics

extension WebhooksCommand {
    /// `warning: …` when a create or update set a `secret_key` short or plain enough to guess (`WeakSecretKey`), said
    /// where the user can still change it: kops then refuses every reply that holds it (tester62b AM8: `--secret-key
    /// thanks` was accepted without a word, and every reply saying thanks was refused). Nil otherwise (a generated
    /// secret, none given, a blank one: the empty-secret rule's).
    static func weakSecretWarning(_ fields: JSONObject, webhookID id: String) -> Block? {
        guard let secret = fields["secret_key"]?.string, let weakness = WeakSecretKey.weakness(of: secret) else { return nil }
        // Under 6 characters a value is no secret kops masks or refuses (`Redactor.isRemembered`).
        let refused = Redactor.isRemembered(secret) ? ", and kops refuses to send a reply that holds it (without --send-secret)" : ""
        return .hint(
            "warning: this secret_key is \(weakness): easy to guess, so deliveries can be forged\(refused); give a random "
                + "one: \(WeakSecretKey.remedy(id))")
    }
}
