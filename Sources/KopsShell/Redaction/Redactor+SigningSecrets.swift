internal import KapsoClient
internal import KopsHTTP

// MARK: - Signing secrets: refused by a write whatever their shape

extension Redactor {
    /// Flags whose value is a signing secret: a webhook's (`webhooks create|update --secret-key`, `verify --secret`) or
    /// a Meta app's (`verify --meta-secret`; `verify --meta --secret`).
    static let signingFlags: Set<String> = ["--secret", "--secret-key", "--meta-secret"]

    /// Where kops got a signing secret, so a refusal names where to change it (tester62b AM8: a webhook's secret_key
    /// `thanks` refused every reply that said thanks, and nothing said which webhook's it was).
    struct SigningOrigin: Equatable, Sendable {
        /// `the secret_key of webhook 98f7…`, `the --secret of a verify line`.
        var label: String
        /// The webhook whose `secret_key` it is; nil for a flag's value.
        var webhookID: String?
    }

    /// Adds each of `values` that `isRemembered` takes to `signingSecrets`, once (each is a known secret already), and
    /// `origin`, when given, as where each came from (the last one given wins: a `--secret-key` typed, then the
    /// webhook the answer names).
    mutating func remember(signing values: [String], from origin: SigningOrigin? = nil) {
        var held = signingSecrets
        for value in values where Redactor.isRemembered(value) && !held.contains(value) { held.append(value) }
        if held.count != signingSecrets.count { signingSecrets = held }
        guard let origin else { return }
        for value in values where Redactor.isRemembered(value) && signingOrigins[value] != origin {
            signingOrigins[value] = origin
        }
    }

    /// Records, for each webhook object in `json` with a string `secret_key`, that webhook as the secret's origin.
    /// Called only when `json` taught a signing secret (`learn(from:)`), so other answers cost nothing.
    mutating func rememberSigningOrigins(in json: JSONValue) {
        switch json {
        case .array(let items):
            for item in items { rememberSigningOrigins(in: item) }
        case .object(let object):
            if let value = object["secret_key"]?.string, let id = object["id"]?.string, Redactor.isRemembered(value) {
                let origin = SigningOrigin(label: "the secret_key of webhook \(id)", webhookID: id)
                if signingOrigins[value] != origin { signingOrigins[value] = origin }
            }
            for entry in object.entries {
                switch entry.value {
                case .array, .object: rememberSigningOrigins(in: entry.value)
                default: break
                }
            }
        default:
            break
        }
    }

    /// True when `text` holds a value kops holds as a signing secret (`signingSecret(in:)`).
    func holdsSigningSecret(_ text: String) -> Bool {
        signingSecret(in: text) != nil
    }

    /// The first value kops holds as a signing secret (`signingSecrets`) that `text` holds in a form `redact` masks as
    /// that secret: whole, or a run the secret's own `SecretFragments` or `ShortCutEchoes` mask (another case, its
    /// base64 or percent-encoded form, a cut echo). One rule for masking and refusing (tester62b AM2: upper-cased or
    /// base64-encoded, a webhook's secret was shown `<redacted>` in the question and the dry run, kept out of history,
    /// and sent). A webhook's `secret_key` is a signing secret whatever its shape (`correcthorsebatterystaple`), and
    /// goes to a customer or a receiver only with `--send-secret` (tester62 AL17). Read only for text `redact` changes
    /// (`OutgoingSecret.find`): each secret's pieces are built here, for that one question.
    func signingSecret(in text: String) -> String? {
        signingSecrets.first { value in
            if ByteSearch.contains(value, in: text) { return true }
            let held = [Secret(value)]
            return SecretFragments(held).masked(text) != text || ShortCutEchoes(held).masked(text) != text
        }
    }
}

extension Redactor {
    /// `the --secret of a verify line`: where a signing secret typed with `flag` on the line `words` came from.
    static func flagOrigin(_ flag: String, _ words: [String]) -> SigningOrigin {
        SigningOrigin(label: "the \(flag) of \(words.first.map { "a \($0) line" } ?? "a line")", webhookID: nil)
    }
}
