/// The one line the interactive shell opens with when it cannot yet reach a project, so a new user's first screen says
/// what to do (tester51 G9: `kops` with no key, and `kops --demo`, opened on a bare prompt; the way on was said only
/// after a first command failed). Said at a terminal only: a script, `-c` or piped input gets each command's own error.
public enum StartHint {
    /// The line for `key` (nil when a key is in hand, or set in a variable or command that the first request reads):
    /// `no API key: export KAPSO_API_KEY=... or try kops --demo; 'help' lists commands`. `profiles`: config.toml's
    /// profiles, `environment` to tell a profile's unset `api_key_env`.
    public static func line(key: KeyOrigin, profiles: [String], environment: [String: String]) -> String? {
        switch key {
        case .none(nil):
            let other = profiles.isEmpty ? "or try kops --demo" : "or 'profile use NAME' (\(NameList.text(profiles)))"
            return "no API key: export KAPSO_API_KEY=... \(other); 'help' lists commands"
        case .none(let profile?):
            return "profile '\(profile)' names no API key: add api_key_env or api_key_command to it, or export KAPSO_API_KEY; "
                + "'help' lists commands"
        case .keyInName(_, let profile):
            return CredentialError.keyInVariableName(profile: profile).message + "; 'help' lists commands"
        case .variable(let name, let profile) where environment[name]?.isEmpty != false:
            return "profile '\(profile)' reads its API key from \(name), which is not set: export \(name)=...; 'help' lists commands"
        default:
            return nil
        }
    }

    /// What the demo's first line adds at a terminal: the tour's first commands (README).
    public static let demo = "; try 'numbers', then 'overview'; 'help' lists commands"
}
