/// Environment variables spelt like the API key's that kops does not read (probe27 P27-11: `KOPS_API_KEY`, spelt like
/// `KOPS_PROFILE`, was ignored without a word, and the first request said no key was set).
public enum KeyLookalike {
    /// The names tried by people who meant `KAPSO_API_KEY`.
    public static let names = ["KOPS_API_KEY", "KOPS_KEY", "KAPSO_KEY", "KAPSO_TOKEN", "KAPSO_API_TOKEN"]

    /// The one warning to say at start for the first look-alike set (not empty) in `environment` that no profile of
    /// `config` reads (`api_key_env`), while `KAPSO_API_KEY` is not set; nil when there is none.
    public static func warning(environment: [String: String], config: KopsConfig) -> String? {
        guard environment["KAPSO_API_KEY"]?.isEmpty != false else { return nil }
        let read = Set(config.profiles.compactMap(\.apiKeyEnv))
        guard let name = names.first(where: { environment[$0]?.isEmpty == false && !read.contains($0) }) else { return nil }
        return "warning: \(name) is set, but kops reads the API key from KAPSO_API_KEY (or a profile's api_key_env); "
            + "export KAPSO_API_KEY instead"
    }
}
