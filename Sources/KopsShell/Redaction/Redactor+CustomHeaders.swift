internal import KapsoClient

extension Redactor {
    /// The flag whose value is a webhook's custom headers: kops cannot know which of them authenticates the
    /// sender (a `Cookie`, an `X-Hook-Pass`), so every value is masked where it shows as a header's value (the
    /// command line, a webhook's JSON); only the ones `isSecretHeader` reads as secrets are masked everywhere.
    static let headersFlag = "--headers"

    /// `{"Cookie": "s=1", "X-Env": "prod"}` → `{"Cookie":"<redacted>","X-Env":"<redacted>"}`; text that is not a
    /// JSON object becomes `<redacted>`.
    static func redactedHeaders(_ text: String) -> String {
        guard let object = (try? JSONValue.parse(Array(text.utf8)))?.object else { return "<redacted>" }
        var copy = object
        copy.entries = object.entries.map { JSONObject.Entry(key: $0.key, value: .string("<redacted>")) }
        return JSONValue.object(copy).serialized()
    }

    /// False when a `--headers` value holds no value to hide: a JSON object with no header (`{}`, which removes them
    /// all) or only empty values. Such a line is no secret source, so the history file keeps it (tester46 L6: `webhooks
    /// update ID --events … --headers {}` was kept out as "looks like a secret"). Anything else, JSON or not, holds one.
    static func holdsHeaderValue(_ text: String) -> Bool {
        guard let object = (try? JSONValue.parse(Array(text.utf8)))?.object else { return true }
        return object.entries.contains { $0.value.string?.isEmpty != true }
    }

    /// The values of a `headers` object (a webhook's custom headers) that are secrets wherever they appear
    /// (`isSecretHeader`); the others are masked only as header values (`redact(_:)` of a webhook, `redactedHeaders`).
    static func secretHeaderValues(_ json: JSONValue) -> [String] {
        // Most webhooks have none (`"headers": {}`): answered without the copy and the closure (about 1,700
        // instructions each, 180 calls in the 50-line replay).
        guard case .object(let headers) = json, !headers.entries.isEmpty else { return [] }
        return headers.entries.compactMap { entry in
            entry.value.string.flatMap { isSecretHeader(name: entry.key, value: $0) ? $0 : nil }
        }
    }

    /// True for a custom header whose value is a secret of the session, masked in every sink: its name reads as a
    /// credential's (`Authorization`, `X-Api-Key`, `X-Hook-Token`, `X-Signature`, `Cookie`: `CredentialParameters`),
    /// or its value is token-shaped (`HistoryPolicy.isTokenShaped`: a prefix, a long random mix) or a long key
    /// (`SecretLabels.isKeyLike`, 32 characters or more: a hex key). `X-Tenant: acme-demo` or `X-Env: production` is
    /// none: learned as a secret, every later `acme-demo` in a host name or a number's name showed as `<redacted>`, and
    /// a transcript rewritten after the fact no longer showed what the user saw (probe34 P34-6).
    static func isSecretHeader(name: String, value: String) -> Bool {
        CredentialParameters.isCredential(name: name) || HistoryPolicy.isTokenShaped(value)
            || (value.utf8.count >= 32 && SecretLabels.isKeyLike(value))
    }
}
