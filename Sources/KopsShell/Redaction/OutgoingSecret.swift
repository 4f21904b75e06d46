internal import KapsoDiagnostics
internal import KopsHTTP

/// A secret in text kops is about to send beyond the session (tester59 AF10): a reply's text reaches the contact as typed,
/// a webhook's URL and headers reach its receiver with every delivery, a log search's filters are kept in Kapso's API
/// logs (kapso-api.md §5). Every view masks such a value (`Redactor`), so the confirmation and `--dry-run`, the one look
/// a careful user takes, showed `<redacted>` where the secret would go out in clear.
enum OutgoingSecret: Equatable {
    /// The key kops authenticates with (`X-API-Key`), or a near copy of it (`KeyEnvName.copiesKey`: another case, up to two
    /// characters lost, added or changed; a run of the key's characters inside another word is no copy).
    case apiKey
    /// A Meta access token (`EAA…`, `APIKeyShape.Kind.metaAccessToken`).
    case metaAccessToken
    /// A Kapso webhook signing secret (`whsec_…`, `APIKeyShape.Kind.webhookSecret`).
    case webhookSecret
    /// A value kops holds as a signing secret whatever its shape (`Redactor.signingSecrets`): a webhook's `secret_key` it
    /// read, a secret given to `verify` or `--secret-key` (tester62 AL17), in any form the redactor masks as it
    /// (`Redactor.signingSecret(in:)`, tester62b AM2); with where kops got it, when known, and what makes it weak
    /// (`WeakSecretKey`), when it is (tester62b AM8).
    case signingSecret(Redactor.SigningOrigin?, weakness: String?)
    /// Another value kops holds as a secret: a revealed webhook secret, a secret-named variable or field it was given or
    /// read, or 8 or more characters of one.
    case known
    /// A word only shaped like a credential, one kops never learned (`sk_…`, a `Bearer` token, `?access_token=…`).
    case shaped

    /// The flag that lets a Meta access token or a webhook signing secret go where a write sends it (`reply`, `webhooks
    /// create|update`); kops's own key never goes. Apart from `--force` (tester59b AG17): scripts pass `--force` to send past
    /// a closed 24-hour window or a template check, and one flag for both sent every secret such a script was handed.
    static let sendFlag = "--send-secret"

    /// The first secret `text` holds, in the order above; nil when `redactor` would print `text` unchanged. `apiKey` is
    /// the session's key (empty: none).
    static func find(in text: String, apiKey: Secret, redactor: Redactor) -> OutgoingSecret? {
        guard redactor.redact(text) != text else { return nil }
        let key = apiKey.revealed
        let words = text.split(whereSeparator: { " \t\n\r\"'=:,;?&/<>()[]{}".contains($0) }).map(String.init)
        if key.count >= KeyEnvName.shortestCopiedKey,
            ByteSearch.contains(key, in: text) || words.contains(where: { KeyEnvName.copiesKey($0, knownKeys: [key]) })
        {
            return .apiKey
        }
        switch words.lazy.compactMap(APIKeyShape.kind(of:)).first {
        case .metaAccessToken?: return .metaAccessToken
        case .webhookSecret?: return .webhookSecret
        case nil: break
        }
        if let value = redactor.signingSecret(in: text) {
            return .signingSecret(redactor.signingOrigins[value], weakness: WeakSecretKey.weakness(of: value))
        }
        // A token-shaped word typed on the line is remembered before the command runs (`learn(secretsTypedIn:)`): what
        // kops holds for another reason is read in the text without such words.
        let rest = words.filter(HistoryPolicy.hasTokenPrefix).reduce(text) { $0.replacing($1, with: " ") }
        let held = redactor.knownSecrets.contains { $0.revealed.count >= 4 && ByteSearch.contains($0.revealed, in: rest) }
        return held || redactor.secretFragments.masked(rest) != rest ? .known : .shaped
    }

    /// What the value is, for a line that names it without showing it: `kops's API key`, `a webhook signing secret (whsec_…)`.
    var name: String {
        switch self {
        case .apiKey: "kops's own Kapso API key (the key this session sends)"
        case .metaAccessToken: "a Meta access token (EAA…)"
        case .webhookSecret: "a webhook signing secret (whsec_…)"
        case .signingSecret(let origin?, _): "a value kops holds as a signing secret (\(origin.label))"
        case .signingSecret: "a value kops holds as a signing secret (a webhook's secret_key, or a secret given to verify)"
        case .known: "a value kops holds as a secret"
        case .shaped: "what looks like a credential"
        }
    }
}

extension OutgoingSecret {
    /// For a webhook's signing secret that is short or plain (`WeakSecretKey`), how to fix it where it starts: every
    /// reply holding the word is refused until the webhook has another secret (tester62b AM8). Nil otherwise.
    var advice: String? {
        guard case .signingSecret(let origin?, let weakness?) = self, let id = origin.webhookID else { return nil }
        return "webhook \(id)'s secret_key is \(weakness), which ordinary text holds: give it a random one (\(WeakSecretKey.remedy(id)))"
    }
}
