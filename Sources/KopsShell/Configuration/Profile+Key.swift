internal import KopsHTTP

extension Profile {
    /// Where this profile's API key comes from: its `api_key_env` variable, else its `api_key_command`.
    public var keyOrigin: KeyOrigin {
        if let variable = apiKeyEnv { return .variable(variable, profile: name) }
        if let command = apiKeyCommand { return .command(command, profile: name) }
        return .none(profile: name)
    }

    /// `keyOrigin` read with the environment: an `api_key_env` that looks like the key itself and names no variable that
    /// is set is `.keyInName`, held as a secret (tester67 Y6b).
    public func keyOrigin(environment: [String: String]) -> KeyOrigin {
        guard let variable = apiKeyEnv, KeyEnvName.misplacedKey(variable, environment: environment) else { return keyOrigin }
        return .keyInName(Secret(variable), profile: name)
    }
}
