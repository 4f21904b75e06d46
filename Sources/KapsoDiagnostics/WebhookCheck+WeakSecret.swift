public import KapsoClient
internal import KopsHTTP

// MARK: - A secret_key short or plain enough to guess

extension WebhookCheck {
    /// A warning for a webhook whose `secret_key` is short or plain (`WeakSecretKey`): anyone who guesses it can sign
    /// deliveries its receiver accepts, and kops refuses every reply or webhook setting that holds it (tester62b AM8).
    mutating func checkSecretStrength(_ webhook: Webhook) {
        guard let secret = webhook.secretKey?.revealed, let weakness = WeakSecretKey.weakness(of: secret) else { return }
        add(
            .warning, webhook,
            "secret_key is \(weakness): easy to guess, so deliveries can be forged; ordinary text can hold it too, and kops "
                + "then refuses to send a reply holding it",
            fix: insteadOfUpdate(webhook) ?? WeakSecretKey.remedy(webhook.id))
    }
}
