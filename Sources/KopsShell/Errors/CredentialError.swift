public import KapsoDiagnostics

/// Why a command that talks to the API has no usable key; each names where keys come from, never a value.
public enum CredentialError: KopsError, Equatable {
    /// No `KAPSO_API_KEY` and no profile naming a key; `profiles` are those config.toml has, `defaultProfile` its
    /// default_profile; `inShell`: said in the interactive shell, where `profile use NAME` switches the session (a
    /// `kops --profile` line or `profile default` changes nothing in it; probe29 P29-8).
    case noKey(profile: String?, profiles: [String], defaultProfile: String? = nil, inShell: Bool = false)
    /// The profile's `api_key_env` variable is not set (or empty).
    case unsetVariable(String, profile: String)
    /// The profile's `api_key_env` looks like the key itself and names no variable that is set
    /// (`KeyEnvName.misplacedKey`); the value is never shown.
    case keyInVariableName(profile: String)
    /// A key whose text cannot be a key (`APIKeyShape`): a CR, quotes, `Bearer `, a path; `subject` says where it
    /// came from (`the key in env KAPSO_API_KEY`). Nothing was sent.
    case malformedKey(subject: String, problem: APIKeyShape.Problem)
    /// The API answered 401; `source` says where the rejected key came from; `unusedOwnKey` names the profile's own key
    /// that the environment's key overrode (`Settings.unusedOwnKey`; tester51b F6).
    case rejected(host: String, source: String?, unusedOwnKey: String? = nil)

    public var message: String {
        switch self {
        case .noKey(let profile, let profiles, let defaultProfile, let inShell):
            let others = profiles.filter { $0 != profile }
            // The default first: it is the one kops starts with.
            let first = others.first { $0 == defaultProfile } ?? others.first
            let switches =
                if let first, inShell {
                    "'profile use \(first)' switches this session to it"
                        + (first == defaultProfile ? "" : ", 'profile default \(first)' makes kops start with it")
                } else if let first {
                    "kops --profile \(first)" + (first == defaultProfile ? "" : ", or 'profile default \(first)'")
                } else { "" }
            let advice =
                if let name = profile {
                    "profile '\(name)' names no key: add api_key_env or api_key_command to it in config.toml, or export KAPSO_API_KEY"
                } else if first != nil {
                    "export KAPSO_API_KEY=..., or use a profile that names one: "
                        + (others.count == 1 ? "profile '\(others[0])' exists" : "profiles " + NameList.text(others) + " exist")
                        + ": " + switches
                } else {
                    "export KAPSO_API_KEY=..., or 'profile add NAME --base-url URL --key-env VAR'; or try kops --demo"
                }
            return "this command needs a Kapso project API key; " + advice
        case .unsetVariable(let variable, let profile):
            return "profile '\(profile)' reads its API key from \(variable), which is not set; "
                + "export \(variable)=..., or pick another profile with --profile"
        case .keyInVariableName(let profile):
            return "profile '\(profile)' has an api_key_env that looks like an API key (not shown), not the NAME of an environment "
                + "variable, and no variable of that name is set; put the key in a variable (export ACME_KAPSO_KEY=...) and "
                + "write api_key_env = \"ACME_KAPSO_KEY\" in config.toml; if it is a variable's name, export it"
        case .malformedKey(let subject, let problem):
            return "\(subject) \(problem.what); \(problem.fix)"
        case .rejected(let host, let source, let unusedOwnKey):
            // A key another credential's prefix names (a webhook secret, a Meta access token) is refused before it is
            // sent (`APIKeyShape.Problem`), so a rejected one is of no kind kops can tell.
            let origin = source.map { "the key from \($0)" } ?? "the API key"
            let line = "\(origin) was rejected by \(host) (401); check that it is a current Kapso project API key"
            return unusedOwnKey.map { line + "; " + $0 } ?? line
        }
    }

    public var exitStatus: ExitStatus {
        switch self {
        case .rejected: .noPermission
        default: .usage
        }
    }
}
