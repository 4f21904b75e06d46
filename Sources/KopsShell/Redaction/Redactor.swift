public import KapsoClient
public import KopsHTTP

/// Masks secrets on the way to every sink: by field name in JSON and by known value in text.
///
/// Fields named like `secret_key`, `api_key`, `token` or `authorization` keep only a masked form
/// (`whsec_…23`); any occurrence of a known secret's value in text becomes `<redacted>`.
public struct Redactor: Sendable {
    /// Values that must never be printed (the API key, secrets seen in responses).
    public var knownSecrets: [Secret]

    public init(knownSecrets: [Secret] = []) {
        self.knownSecrets = knownSecrets.filter { $0.revealed.count >= 4 }
    }

    static let secretFields: Set<String> = [
        "secret_key", "secret", "api_key", "apikey", "token", "access_token", "authorization", "x-api-key",
        "password",
    ]

    /// A copy of `json` with every secret-named string field masked.
    public func redact(_ json: JSONValue) -> JSONValue {
        switch json {
        case .array(let items):
            return .array(items.map(redact))
        case .object(let object):
            var copy = JSONObject()
            for entry in object.entries {
                if Redactor.secretFields.contains(entry.key.lowercased()), let value = entry.value.string {
                    copy[entry.key] = .string(Secret(value).masked)
                } else {
                    copy[entry.key] = redact(entry.value)
                }
            }
            return .object(copy)
        case .string(let text):
            return .string(redact(text))
        default:
            return json
        }
    }

    /// `text` with every known secret value replaced by `<redacted>`.
    public func redact(_ text: String) -> String {
        var result = text
        // Values under 4 characters are not secrets worth masking: a 1-letter test key would mask every 'k'.
        for secret in knownSecrets where secret.revealed.count >= 4 && ByteSearch.contains(secret.revealed, in: result) {
            result = result.split(separator: secret.revealed, omittingEmptySubsequences: false)
                .joined(separator: "<redacted>")
        }
        return Redactor.maskHeaders(result)
    }
}
