internal import KapsoClient
internal import KopsHTTP

/// Answers a flow (or the tool in front of it) sends as name/value pairs rather than under their own field names:
/// `{"name": "password", "value": "hunter2"}`, `[{"label": "PIN", "answer": "4321"}]`. The pair's name is read as a
/// field's name would be (`FlowAnswers.isSecret`), and its value masked when that name says credential (tester62 AK4:
/// these stayed in clear, the name `password` being a value, not a key).
extension FlowAnswers {
    /// Keys that hold the name of the field a pair answers (lower case).
    static let pairNameKeys: Set<String> = ["name", "label", "field", "key", "question", "title", "id", "field_name", "field_id"]
    /// Keys that hold the answer of a pair (lower case).
    static let pairValueKeys: Set<String> = ["value", "answer", "response", "text", "input", "val", "data"]

    /// The indices of `object`'s entries that hold a pair's credential: each of `pairValueKeys` that is no object or
    /// array, when an entry of `pairNameKeys` names a credential; empty for an object of more than 8 entries (a pair
    /// has a few) or one without a name. Allocates only for an object with such a name.
    static func pairedSecrets(in object: JSONObject) -> [Int] {
        guard (2...8).contains(object.entries.count),
            let name = object.entries.first(where: { isPairKey($0.key, of: pairNameKeys) })?.value.string, !name.isEmpty
        else { return [] }
        return object.entries.indices.filter { index in
            let entry = object.entries[index]
            return isPairKey(entry.key, of: pairValueKeys) && entry.value.object == nil && entry.value.array == nil
                && isSecret(key: name, value: entry.value)
        }
    }

    /// True when `key` is one of `keys` in any ASCII case (`Name`, `VALUE`).
    private static func isPairKey(_ key: String, of keys: Set<String>) -> Bool {
        guard key.utf8.count <= 10 else { return false }
        return keys.contains(key) || keys.contains(key.lowercased())
    }
}
