// MARK: - Signing secrets: refused by a write whatever their shape

extension Redactor {
    /// Flags whose value is a signing secret: a webhook's (`webhooks create|update --secret-key`, `verify --secret`) or
    /// a Meta app's (`verify --meta-secret`; `verify --meta --secret`).
    static let signingFlags: Set<String> = ["--secret", "--secret-key", "--meta-secret"]

    /// Adds each of `values` that `isRemembered` takes to `signingSecrets`, once (each is a known secret already).
    mutating func remember(signing values: [String]) {
        var held = signingSecrets
        for value in values where Redactor.isRemembered(value) && !held.contains(value) { held.append(value) }
        if held.count != signingSecrets.count { signingSecrets = held }
    }

    /// True when `text` holds a value kops holds as a signing secret (`signingSecrets`): a webhook's `secret_key` is a
    /// signing secret whatever its shape (`correcthorsebatterystaple`), and goes to a customer or a receiver only with
    /// `--send-secret`, as a `whsec_…` one does (tester62 AL17: it was sent with a note).
    func holdsSigningSecret(_ text: String) -> Bool {
        signingSecrets.contains { ByteSearch.contains($0, in: text) }
    }
}
