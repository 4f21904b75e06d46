extension Profile {
    /// Where this profile's API key comes from: its `api_key_env` variable, else its `api_key_command`.
    public var keyOrigin: KeyOrigin {
        if let variable = apiKeyEnv { return .variable(variable, profile: name) }
        if let command = apiKeyCommand { return .command(command, profile: name) }
        return .none(profile: name)
    }
}
