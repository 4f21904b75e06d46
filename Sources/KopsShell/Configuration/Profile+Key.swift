public import KopsHTTP

extension Profile {
    /// The profile's API key and where it came from: its `api_key_env` variable (nil when unset) or the
    /// first line its `api_key_command` prints; nil source when the profile names neither.
    public func key(
        environment: [String: String], runKeyCommand: (String) throws(KeyCommand.Failure) -> (status: Int32, output: String)
    ) throws(ConfigError) -> (key: Secret?, source: Settings.Source?) {
        if let variable = apiKeyEnv {
            return (environment[variable].flatMap { $0.isEmpty ? nil : Secret($0) }, .environment(variable))
        }
        guard let command = apiKeyCommand else { return (nil, nil) }
        let result: (status: Int32, output: String)
        do throws(KeyCommand.Failure) {
            result = try runKeyCommand(command)
        } catch {
            throw .keyCommandStopped(profile: name, failure: error)
        }
        let value = result.output.split(separator: "\n").first.map(String.init) ?? ""
        guard result.status == 0, !value.isEmpty else { throw .keyCommandFailed(profile: name, status: result.status) }
        return (Secret(value), .profile("\(name) api_key_command"))
    }
}
