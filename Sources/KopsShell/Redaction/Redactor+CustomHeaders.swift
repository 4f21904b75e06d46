internal import KapsoClient

extension Redactor {
    /// The flag whose value is a webhook's custom headers: kops cannot know which of them authenticates the
    /// sender (a `Cookie`, an `X-Hook-Pass`), so every value is a secret.
    static let headersFlag = "--headers"

    /// `{"Cookie": "s=1", "X-Env": "prod"}` → `{"Cookie":"<redacted>","X-Env":"<redacted>"}`; text that is not a
    /// JSON object becomes `<redacted>`.
    static func redactedHeaders(_ text: String) -> String {
        guard let object = (try? JSONValue.parse(Array(text.utf8)))?.object else { return "<redacted>" }
        var copy = object
        copy.entries = object.entries.map { JSONObject.Entry(key: $0.key, value: .string("<redacted>")) }
        return JSONValue.object(copy).serialized()
    }

    /// The values of a `headers` object (a webhook's custom headers), each a secret: shown masked.
    static func customHeaderValues(_ json: JSONValue) -> [String] {
        (json.object?.entries ?? []).compactMap(\.value.string)
    }
}
