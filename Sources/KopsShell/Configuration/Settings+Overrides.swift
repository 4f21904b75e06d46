internal import KapsoClient

/// The warnings for a profile of config.toml whose own key source or base URL the environment overrides
/// (tester51 G8: `kops --profile eagle` with a stray `KAPSO_API_KEY` of another project showed "profile eagle" in the
/// prompt and `state` while every answer was the other project's, with no word that eagle's `api_key_command` never ran;
/// tester51b F6: the same for config.toml's `default_profile`, which names a profile as much as the flag does).
/// The precedence stays as documented (flags > environment > profile: README): the override is said once, at start
/// and by `profile use`.
extension Settings {
    /// One line per overridden setting (no `warning: ` prefix), empty when none: a profile of config.toml is in use
    /// (named by `--profile`, `KOPS_PROFILE`, `default_profile`, `profile use`, or the one named `default`) and defines
    /// `api_key_env`/`api_key_command` while `KAPSO_API_KEY` is set (and, for `api_key_env`, to another value), or defines
    /// `base_url` while `KAPSO_API_BASE_URL` is set to another one and no `--base-url` was typed. No value is shown, key
    /// or URL (a URL may hold a password), nor an `api_key_env` that is a key value kops knows from `environment` and the
    /// profiles' `variables` (`<redacted>`, as the transcript writes it: tester57b AC1).
    static func overrides(profile: Profile?, flags: Flags, environment: [String: String], variables: [String]) -> [String] {
        guard let profile else { return [] }
        let set = { (name: String) in environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        var lines: [String] = []
        if let key = set("KAPSO_API_KEY") {
            let own: String?
            if let name = profile.apiKeyEnv {
                let shown = KeyEnvName.misplacedKey(name, environment: environment) ? "which looks like a key, not shown"
                    : KeyEnvName.shown(name: name, knownKeys: KeyEnvName.knownKeys(environment: environment, variables: variables))
                own = set(name) == key ? nil : "api_key_env (\(shown))"
            } else {
                own = profile.apiKeyCommand.map { _ in "api_key_command" }
            }
            if let own {
                lines.append(
                    "KAPSO_API_KEY is set, and it overrides profile \(profile.name)'s \(own): every request uses the "
                        + "environment's key, so answers may be another project's; unset KAPSO_API_KEY to use \(profile.name)'s key")
            }
        }
        if flags.baseURL == nil, let base = set("KAPSO_API_BASE_URL"), let own = profile.baseURL,
            Self.trimmed(base) != Self.trimmed(own)
        {
            lines.append(
                "KAPSO_API_BASE_URL is set, and it overrides profile \(profile.name)'s base_url: requests go to the "
                    + "environment's host, not \(profile.name)'s ('state' shows the one in use); unset KAPSO_API_BASE_URL to use "
                    + "\(profile.name)'s")
        }
        return lines
    }

    /// What a 401 on the environment's `KAPSO_API_KEY` adds about `profile`'s own key, which the environment overrode:
    /// `profile acme's own key (env ACME_KEY) is set and was not used, as KAPSO_API_KEY comes first; unset
    /// KAPSO_API_KEY to use it`. Nil when the profile has no key source of its own, its variable is unset or holds the
    /// same key. No value is shown.
    static func unusedOwnKey(of profile: Profile, environment: [String: String]) -> String? {
        let set = { (name: String) in environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        let own: String
        if let name = profile.apiKeyEnv {
            guard let value = set(name), value != set("KAPSO_API_KEY") else { return nil }
            own = "profile \(profile.name)'s own key (env \(name)) is set and was not used"
        } else if profile.apiKeyCommand != nil {
            own = "profile \(profile.name)'s own api_key_command was not run"
        } else {
            return nil
        }
        return own + ", as KAPSO_API_KEY comes first; unset KAPSO_API_KEY to use it"
    }

    /// `url` as requests use it, for comparing two spellings of one base URL: without leading and trailing spaces, and
    /// cut as `KapsoClient.hostOnly` cuts it (a trailing `/`, `/platform/v1`, `/meta/whatsapp/vNN.N`: tester52b K21).
    private static func trimmed(_ url: String) -> String {
        var url = Substring(url)
        while url.first == " " { url = url.dropFirst() }
        while url.last == " " { url = url.dropLast() }
        return KapsoClient.hostOnly(String(url))
    }
}
