/// A `--key-env` or `api_key_env` value read with what kops knows of the environment it runs in.
///
/// tester57b AC1: since names may hold lower case (tester57 AB8), a key such as `demo_key_0123456789`, the very value of
/// `KAPSO_API_KEY`, read as a name by its shape: `profile add` saved it in config.toml and every start printed it in the
/// warning about the profile's `api_key_env`. A value kops holds as a key is the key, whatever its shape. The other
/// way round, `sk_test_var` reads as a key by its shape (a credential prefix then `test`), yet a variable of that name
/// set in the environment is a name: nobody exports a variable named after the key it holds (fixD's leftover).
extension KeyEnvName {
    /// `value` as `read(_:)` reads it, but `.secret` when it is one of `knownKeys`, and `.name` when it reads as a key
    /// by its shape only while a variable of that name is set (not empty) in `environment`.
    public static func read(_ value: String, environment: [String: String], knownKeys: Set<String>) -> KeyEnvName {
        if knownKeys.contains(value) { return .secret }
        let shaped = read(value)
        guard shaped == .secret, isVariableName(value), environment[value].map({ !$0.isEmpty }) == true else { return shaped }
        return .name
    }

    /// The key values kops knows from `environment`: `KAPSO_API_KEY`'s and those of the variables the profiles name
    /// (`variables`, their `api_key_env`), when set; a key a profile's `api_key_command` prints is not run for this.
    public static func knownKeys(environment: [String: String], variables: [String]) -> Set<String> {
        Set((["KAPSO_API_KEY"] + variables).compactMap { environment[$0] }.filter { !$0.isEmpty })
    }

    /// `name`, an `api_key_env` a line names, as it is shown: `<redacted>` when it is one of `knownKeys`, as the
    /// redactor writes a known key's value in a transcript.
    public static func shown(name: String, knownKeys: Set<String>) -> String {
        knownKeys.contains(name) ? "<redacted>" : name
    }
}
