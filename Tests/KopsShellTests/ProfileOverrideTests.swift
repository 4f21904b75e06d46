import KopsShell
import Testing

/// tester51 G8: a profile chosen by name (`--profile eagle`, `KOPS_PROFILE`) whose own key source or base URL the
/// environment overrides was used silently: the prompt and `state` said eagle while every answer was the project of a
/// stray `KAPSO_API_KEY`. The precedence stays (flags > environment > profile); the override is said at start.
@Suite struct ProfileOverrideTests {
    static let config = """
        default_profile = "acme"

        [profiles.acme]
        base_url = "http://127.0.0.1:49530"
        api_key_env = "ACME_KEY"

        [profiles.eagle]
        base_url = "http://127.0.0.1:49530/"
        api_key_command = "echo eagle_key"
        phone_number_id = "100200300400502"
        """

    static func overridden(_ flags: Settings.Flags = .init(), environment: [String: String]) throws -> [String] {
        try Settings.resolve(flags: flags, environment: environment, config: try KopsConfig.parse(config, path: "config.toml")).overridden
    }

    @Test func anEnvironmentKeyOverADefinedKeySourceOfANamedProfileIsSaid() throws {
        let lines = try Self.overridden(.init(profile: "eagle"), environment: ["KAPSO_API_KEY": "acme_key_51", "ACME_KEY": "acme_key_51"])
        #expect(lines.count == 1, "\(lines)")
        #expect(lines.first?.hasPrefix("KAPSO_API_KEY is set, and it overrides profile eagle's api_key_command") == true, "\(lines)")
        #expect(lines.first?.contains("unset KAPSO_API_KEY to use eagle's key") == true)
        #expect(!lines.joined().contains("acme_key_51"), "a key is never shown")
        // KOPS_PROFILE names a profile as much as the flag does; an api_key_env that holds another key is overridden too.
        let viaEnvironment = try Self.overridden(environment: ["KOPS_PROFILE": "acme", "KAPSO_API_KEY": "k1", "ACME_KEY": "k2"])
        #expect(viaEnvironment.first?.contains("overrides profile acme's api_key_env (ACME_KEY)") == true, "\(viaEnvironment)")
    }

    @Test func anEnvironmentBaseURLOverADefinedBaseURLOfANamedProfileIsSaid() throws {
        let lines = try Self.overridden(.init(profile: "eagle"), environment: ["KAPSO_API_BASE_URL": "http://127.0.0.1:49531"])
        #expect(lines == [
            "KAPSO_API_BASE_URL is set, and it overrides profile eagle's base_url: requests go to the environment's host, not "
                + "eagle's ('state' shows the one in use); unset KAPSO_API_BASE_URL to use eagle's",
        ])
    }

    /// tester51b F6: config.toml's `default_profile` names a profile as much as `--profile` does; a stray `KAPSO_API_KEY`
    /// over its own `api_key_env` was used silently (and a key valid for another project showed that project's data).
    @Test func anEnvironmentKeyOverTheConfigsDefaultProfileIsSaid() throws {
        let lines = try Self.overridden(environment: ["KAPSO_API_KEY": "k1", "ACME_KEY": "k2", "KAPSO_API_BASE_URL": "http://x"])
        #expect(lines.count == 2, "\(lines)")
        #expect(lines.first?.hasPrefix("KAPSO_API_KEY is set, and it overrides profile acme's api_key_env (ACME_KEY)") == true)
        #expect(lines.last?.hasPrefix("KAPSO_API_BASE_URL is set, and it overrides profile acme's base_url") == true)
        #expect(!lines.joined().contains("k1") && !lines.joined().contains("k2"), "a key is never shown")
    }

    /// No word where nothing differs: the same key or host, `--base-url` typed, no profile at all.
    @Test func nothingIsSaidWhereNothingIsOverridden() throws {
        #expect(try Self.overridden(.init(profile: "acme"), environment: ["KAPSO_API_KEY": "same", "ACME_KEY": "same"]).isEmpty)
        #expect(try Self.overridden(.init(profile: "eagle"), environment: ["KAPSO_API_BASE_URL": "http://127.0.0.1:49530"]).isEmpty)
        #expect(
            try Self.overridden(.init(profile: "eagle", baseURL: "http://h"), environment: ["KAPSO_API_BASE_URL": "http://x"]).isEmpty)
        #expect(try Self.overridden(environment: ["KAPSO_API_KEY": "same", "ACME_KEY": "same"]).isEmpty)
        let noProfile = try Settings.resolve(
            flags: .init(), environment: ["KAPSO_API_KEY": "k1", "KAPSO_API_BASE_URL": "http://x"], config: KopsConfig()).overridden
        #expect(noProfile.isEmpty)
    }
}
