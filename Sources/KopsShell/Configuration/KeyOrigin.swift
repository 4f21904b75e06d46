public import KopsHTTP

/// Where the session's API key comes from; looked up at the first command that sends a request, so
/// commands that need no API (`help`, `explain`, `profile add`, ...) run without a key.
public enum KeyOrigin: Sendable, Equatable {
    /// A key already in hand: `KAPSO_API_KEY` or `--demo`.
    case value(Secret, Settings.Source)
    /// A profile's `api_key_env`: the variable's value, read when needed.
    case variable(String, profile: String)
    /// A profile's `api_key_command`: its first line of output, run when needed.
    case command(String, profile: String)
    /// Nowhere: no `KAPSO_API_KEY` and no profile that names a key; `profile` is the one in use, if any.
    case none(profile: String?)

    /// Where the key comes from, for `state` and for errors (never the value), e.g. `env ACME_KAPSO_KEY`.
    public var source: Settings.Source? {
        switch self {
        case .value(_, let source): source
        case .variable(let name, _): .environment(name)
        case .command(_, let profile): .profile("\(profile) api_key_command")
        case .none: nil
        }
    }

    /// The key and where it came from; throws `CredentialError` (or `ConfigError.keyCommandFailed`/`Stopped`) naming what
    /// to do, with the profiles of config.toml in `profiles` for the message.
    public func lookUp(
        environment: [String: String], profiles: [String],
        runKeyCommand: (String) throws(KeyCommand.Failure) -> (status: Int32, output: String)
    ) throws -> (key: Secret, source: Settings.Source) {
        switch self {
        case .value(let key, let source):
            return (key, source)
        case .variable(let name, let profile):
            guard let value = environment[name], !value.isEmpty else {
                throw CredentialError.unsetVariable(name, profile: profile)
            }
            guard KeyShape.looksLikeKey(value) else { throw CredentialError.notAKey(variable: name) }
            return (Secret(value), .environment(name))
        case .command(let command, let profile):
            let result: (status: Int32, output: String)
            do throws(KeyCommand.Failure) {
                result = try runKeyCommand(command)
            } catch {
                throw ConfigError.keyCommandStopped(profile: profile, failure: error)
            }
            let value = KeyOrigin.firstLine(of: result.output)
            guard result.status == 0, !value.isEmpty else {
                throw ConfigError.keyCommandFailed(profile: profile, status: result.status)
            }
            // The same check as a variable's value: a CR or other control character would go into the header.
            guard KeyShape.looksLikeKey(value) else { throw ConfigError.keyCommandNotAKey(profile: profile, command: command) }
            return (Secret(value), .profile("\(profile) api_key_command"))
        case .none(let profile):
            throw CredentialError.noKey(profile: profile, profiles: profiles)
        }
    }
}

extension KeyOrigin {
    /// A command's first line without its line end (`\n` or `\r\n`); a lone CR stays, so the key check refuses it.
    static func firstLine(of output: String) -> String {
        var line = String.UnicodeScalarView(output.unicodeScalars.prefix { $0 != "\n" })
        if line.count < output.unicodeScalars.count, line.last == "\r" { line.removeLast() }
        return String(line)
    }
}

/// What an API key can look like: one printable ASCII word, 8 to 512 characters, not a path or a list
/// (so `--key-env PATH` is caught before a request).
public enum KeyShape {
    public static func looksLikeKey(_ value: String) -> Bool {
        (8...512).contains(value.utf8.count) && value.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F }
            && !value.hasPrefix("/") && !value.contains(":")
    }
}
