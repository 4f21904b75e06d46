/// A `--key-env` or `api_key_env` value read with what kops knows of the environment it runs in.
///
/// tester57b AC1: since names may hold lower case (tester57 AB8), a key such as `demo_key_0123456789`, the very value of
/// `KAPSO_API_KEY`, read as a name by its shape: `profile add` saved it in config.toml and every start printed it in the
/// warning about the profile's `api_key_env`. A value kops holds as a key is the key, whatever its shape. The other
/// way round, `sk_test_var` reads as a key by its shape (a credential prefix then `test`), yet a variable of that name
/// set in the environment is a name: nobody exports a variable named after the key it holds (fixD's leftover).
extension KeyEnvName {
    /// `value` as `read(_:)` reads it, but `.secret` when it is one of `knownKeys` or a near copy (`copiesKey`), and `.name` when it reads as a key
    /// by its shape only while a variable of that name is set (not empty) in `environment`.
    public static func read(_ value: String, environment: [String: String], knownKeys: Set<String>) -> KeyEnvName {
        if copiesKey(value, knownKeys: knownKeys) { return .secret }
        let shaped = read(value)
        guard shaped == .secret, isVariableName(value), environment[value].map({ !$0.isEmpty }) == true else { return shaped }
        return .name
    }

    /// True when `value`, an `api_key_env` read as a name by its shape, names no variable set in `environment` and looks
    /// like a key pasted where the NAME belongs (`looksLikeKey`): it is never shown, and what to do is said instead
    /// (tester67 Y6b: `api_key_env = "test_key_0123456789"` was echoed by `state` and by the unset-variable error).
    public static func misplacedKey(_ value: String, environment: [String: String]) -> Bool {
        environment[value].map(\.isEmpty) != false && looksLikeKey(value)
    }

    /// True for a name with a lower-case letter (an `UPPER_CASE_NAME` is the environment's own style) and a `_`-part
    /// holding 8 digits or more, or of 12 characters or more mixing letters and digits: a key's body, as in
    /// `test_key_0123456789`, not `kapso_key_2024` or `KAPSO_KEY_FOR_PROJECT_3f2a9c0e_8a7d_4e3f`. Weaker than `read`'s
    /// rule, so it only hides a value and hedges; it never refuses one.
    static func looksLikeKey(_ value: String) -> Bool {
        guard value.contains(where: \.isLowercase) else { return false }
        return value.split(separator: "_").contains { part in
            let digits = part.filter(\.isNumber).count
            return digits >= 8 || (part.count >= 12 && digits > 0 && part.contains(where: \.isLetter))
        }
    }

    /// The key values kops knows from `environment`: `KAPSO_API_KEY`'s and those of the variables the profiles name
    /// (`variables`, their `api_key_env`), when set; a key a profile's `api_key_command` prints is not run for this.
    public static func knownKeys(environment: [String: String], variables: [String]) -> Set<String> {
        Set((["KAPSO_API_KEY"] + variables).compactMap { environment[$0] }.filter { !$0.isEmpty })
    }

    /// `name`, an `api_key_env` a line names, as it is shown: `<redacted>` when it is one of `knownKeys`, as the
    /// redactor writes a known key's value in a transcript.
    public static func shown(name: String, knownKeys: Set<String>) -> String {
        copiesKey(name, knownKeys: knownKeys) ? "<redacted>" : name
    }

    /// The fewest characters a known key must have for a near copy of it to count (`copiesKey`): a shorter one is no
    /// key anyone was issued, and two edits would make it any word.
    static let shortestCopiedKey = 8

    /// True when `value` is one of `knownKeys`, or a copy of one, in any case, from a key of at least `shortestCopiedKey`
    /// characters:
    /// - near: one or two characters lost, added, changed or swapped (`Suggestion.alignmentDistance` at most 2 once both
    ///   are lower-cased). tester58b AE6: `demo_key_012345678` (the key with its last character lost in the copy) and
    ///   `DEMO_KEY_0123456789` (upper-cased) were saved as `--key-env` and printed in clear;
    /// - holding the whole key (`demo_key_0123456789_OLD`, tester59b AG11: saved, and printed on every start);
    /// - a piece of the key of three quarters of it or more (`demo_key_0123456`, 16 of 19 characters).
    /// A variable's name that close to a key's random text is no name anyone chose.
    public static func copiesKey(_ value: String, knownKeys: Set<String>) -> Bool {
        if knownKeys.contains(value) { return true }
        let lower = value.lowercased()
        let folded = Array(lower)
        return knownKeys.contains { key in
            guard key.count >= shortestCopiedKey else { return false }
            let keyLower = key.lowercased()
            if ByteSearch.contains(keyLower, in: lower) { return true }
            if folded.count >= shortestCopiedKey, folded.count * 4 >= key.count * 3, ByteSearch.contains(lower, in: keyLower) { return true }
            return abs(key.count - folded.count) <= 2 && Suggestion.alignmentDistance(Array(keyLower), folded) <= 2
        }
    }
}

