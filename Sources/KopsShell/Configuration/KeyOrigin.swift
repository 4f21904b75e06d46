internal import KapsoDiagnostics
public import KopsHTTP

/// Where the session's API key comes from; looked up at the first command that sends a request, so
/// commands that need no API (`help`, `explain`, `profile add`, ...) run without a key.
public enum KeyOrigin: Sendable, Equatable {
    /// A key already in hand: `KAPSO_API_KEY` or `--demo`.
    case value(Secret, Settings.Source)
    /// A profile's `api_key_env`: the variable's value, read when needed.
    case variable(String, profile: String)
    /// A profile's `api_key_env` that looks like the key itself, and names no variable that is set
    /// (`KeyEnvName.misplacedKey`): held as a secret, never shown; a request fails with what to do.
    case keyInName(Secret, profile: String)
    /// A profile's `api_key_command`: its first line of output, run when needed.
    case command(String, profile: String)
    /// Nowhere: no `KAPSO_API_KEY` and no profile that names a key; `profile` is the one in use, if any.
    case none(profile: String?)

    /// Where the key comes from, for `state` and for errors (never the value), e.g. `env ACME_KAPSO_KEY`.
    public var source: Settings.Source? {
        switch self {
        case .value(_, let source): source
        case .variable(let name, _): .environment(name)
        case .keyInName(_, let profile): .profile("\(profile) api_key_env")
        case .command(_, let profile): .profile("\(profile) api_key_command")
        case .none: nil
        }
    }

    /// The key and where it came from; throws `CredentialError` (or `ConfigError.keyCommandFailed`/`Stopped`) naming what
    /// to do, with the profiles of config.toml in `profiles` for the message.
    public func lookUp(
        environment: [String: String], profiles: [String],
        runKeyCommand: (String) throws(KeyCommand.Failure) -> KeyCommand.Answer
    ) throws -> (key: Secret, source: Settings.Source) {
        switch self {
        case .value(let key, let source):
            try KeyOrigin.check(key.revealed, subject: "the key in \(source)")
            return (key, source)
        case .variable(let name, let profile):
            guard let value = environment[name], !value.isEmpty else {
                throw CredentialError.unsetVariable(name, profile: profile)
            }
            try KeyOrigin.check(value, subject: "the key in env \(name)")
            return (Secret(value), .environment(name))
        case .keyInName(_, let profile):
            throw CredentialError.keyInVariableName(profile: profile)
        case .command(let command, let profile):
            let result: KeyCommand.Answer
            do throws(KeyCommand.Failure) {
                result = try runKeyCommand(command)
            } catch {
                throw ConfigError.keyCommandStopped(profile: profile, failure: error)
            }
            let value = KeyOrigin.firstLine(of: result.output)
            guard result.status == 0, !value.isEmpty else {
                throw ConfigError.keyCommandFailed(profile: profile, status: result.status, errorLine: result.errorLine)
            }
            // The same check as a variable's value: a CR or other control character would go into the header. The
            // message names the profile, never the command: its words may hold a token (`echo kapso_live_…`).
            try KeyOrigin.check(value, subject: "the first line the api_key_command of profile '\(profile)' printed")
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

extension KeyOrigin {
    /// The one shape check of a key, wherever it came from (`APIKeyShape`): throws `CredentialError.malformedKey`
    /// naming `subject` and the problem, never the value.
    static func check(_ value: String, subject: String) throws(CredentialError) {
        if let problem = APIKeyShape.problem(in: value) { throw .malformedKey(subject: subject, problem: problem) }
    }
}
