public import KopsHTTP
internal import KapsoClient

// MARK: - A valid signature checked as the other sender's

extension SignatureCheck {
    /// The sender a valid HMAC-SHA256 given without `sha256=` stands for while Meta's X-Hub-Signature-256 was checked
    /// (`--meta`), and the note saying so. When the secret is a Kapso webhook secret (`whsec_`) or the body is no Meta
    /// payload (`isMetaPayload`), the inputs are a Kapso delivery, whose X-Webhook-Signature is bare hex (kapso-api.md
    /// §10.1): `header` is `X-Webhook-Signature` and the note says to check it without `--meta` (tester48 F8 and notes:
    /// "the value has no 'sha256=' prefix" read as "add the prefix"). Otherwise `header` is nil (Meta's value lost its
    /// prefix on the way) and the note names the missing prefix.
    public static func bareHexUnderMeta(body: [UInt8], secret: Secret) -> (header: String?, note: String) {
        let kapsoSecret = APIKeyShape.kind(of: secret.revealed.trimmingSpaces()) == .webhookSecret
        guard kapsoSecret || !isMetaPayload(body) else {
            return (
                nil,
                "the value has no 'sha256=' prefix: Meta's X-Hub-Signature-256 carries one (Kapso's X-Webhook-Signature "
                    + "does not); the signature itself is right"
            )
        }
        let why = kapsoSecret ? "a Kapso webhook secret (whsec_…), bare hex" : "bare hex, a body that is no Meta payload"
        return (
            Header.kapso.name,
            "this looks like a Kapso delivery (\(why)): its X-Webhook-Signature is bare hex under the webhook's "
                + "secret_key; check it without --meta"
        )
    }

    /// The header a valid `sha256=` value checked as Kapso's (no `--meta`) stands for: `X-Hub-Signature-256` when the
    /// body is Meta's payload and the secret no Kapso webhook secret (tester48 F8: Meta's body, app secret and value
    /// were reported as "X-Webhook-Signature matches"), with the note naming it; nil otherwise (Kapso's header with a
    /// `sha256=` added on the way).
    public static func metaValueWithoutFlag(body: [UInt8], secret: Secret, signature: String) -> (header: String, note: String)? {
        guard signature.lowercased().hasPrefix(WebhookSignature.metaPrefix), isMetaPayload(body),
            APIKeyShape.kind(of: secret.revealed.trimmingSpaces()) != .webhookSecret
        else { return nil }
        return (
            Header.meta.name,
            "a 'sha256=' value over Meta's own payload (\"object\": \"whatsapp_business_account\") is Meta's "
                + "X-Hub-Signature-256, keyed with the app secret: it matches as that (check Meta's deliveries with --meta)"
        )
    }
}
