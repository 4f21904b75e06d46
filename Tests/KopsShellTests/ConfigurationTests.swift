import Foundation
import KopsHTTP
import KopsShell
import Testing

@Suite struct ConfigurationTests {
    private let sample = """
        default_profile = "acme"

        [profiles.acme]
        base_url = "https://api.kapso.ai"
        api_key_env = "ACME_KAPSO_KEY"
        phone_number_id = "100200300400501"
        output = "json"

        [profiles.eagle]
        base_url = "http://127.0.0.1:9"
        api_key_command = "printf eagle-key"
        color = false
        """

    private func settings(_ flags: Settings.Flags = .init(), environment: [String: String] = [:], config: String? = nil)
        throws -> Settings
    {
        try Settings.resolve(flags: flags, environment: environment, config: try KopsConfig.parse(config ?? sample, path: "config.toml"))
    }

    /// The key a setting's origin yields, with the key command stubbed.
    private func key(_ settings: Settings, environment: [String: String] = [:]) throws -> String {
        try settings.key.lookUp(
            environment: environment, profiles: ["acme", "eagle"],
            runKeyCommand: { command in command == "printf eagle-key" ? (0, "eagle-key\n", "") : (1, "", "") }
        ).key.revealed
    }

    @Test func parsesProfiles() throws {
        let config = try KopsConfig.parse(sample, path: "config.toml")
        #expect(config.defaultProfile == "acme")
        #expect(config.profiles.map(\.name).sorted() == ["acme", "eagle"])
        #expect(config.profile(named: "acme")?.output == .json)
        #expect(config.profile(named: "eagle")?.color == false)
        #expect(config.warnings.isEmpty)
    }

    @Test func flagsBeatEnvironmentBeatProfileBeatDefaults() throws {
        let fromProfile = try settings(environment: ["ACME_KAPSO_KEY": "acme-key"])
        #expect(fromProfile.profile == "acme")
        #expect(fromProfile.baseURL == "https://api.kapso.ai")
        #expect(fromProfile.key == .variable("ACME_KAPSO_KEY", profile: "acme"))
        #expect(try key(fromProfile, environment: ["ACME_KAPSO_KEY": "acme-key-0123"]) == "acme-key-0123")
        #expect(fromProfile.sources["api"] == .profile("acme"))
        #expect(fromProfile.sources["key"] == .environment("ACME_KAPSO_KEY"))
        #expect(fromProfile.sources["profile"] == .configFile("default_profile"))

        let fromEnvironment = try settings(environment: [
            "KAPSO_API_BASE_URL": "http://127.0.0.1:1", "KAPSO_API_KEY": "env-key", "KOPS_PROFILE": "eagle",
        ])
        #expect(fromEnvironment.profile == "eagle")
        #expect(fromEnvironment.baseURL == "http://127.0.0.1:1")
        #expect(try key(fromEnvironment) == "env-key")
        #expect(fromEnvironment.sources["profile"] == .environment("KOPS_PROFILE"))

        let fromFlags = try settings(
            .init(profile: "eagle", baseURL: "https://flag.example", output: .expanded),
            environment: ["KAPSO_API_BASE_URL": "http://127.0.0.1:1", "KOPS_PROFILE": "acme"])
        #expect(fromFlags.profile == "eagle")
        #expect(fromFlags.baseURL == "https://flag.example")
        #expect(fromFlags.output == .expanded)
        #expect(fromFlags.key == .command("printf eagle-key", profile: "eagle"))
        #expect(try key(fromFlags) == "eagle-key")
        #expect(fromFlags.color == false)
        #expect(fromFlags.sources["key"] == .profile("eagle api_key_command"))

        let defaults = try settings(config: "")
        #expect(defaults.profile == "default")
        #expect(defaults.baseURL == "https://api.kapso.ai")
        #expect(defaults.key == .none(profile: nil))
        #expect(defaults.sources["api"] == .defaultValue)
    }

    /// no-color.org: NO_COLOR turns colour off "when present and not an empty string"; `NO_COLOR=` is unset.
    @Test(arguments: [("1", false), ("", true), ("0", false)])
    func noColorCountsOnlyWhenNotEmpty(value: String, color: Bool) throws {
        let resolved = try settings(environment: ["NO_COLOR": value], config: "")
        #expect(resolved.color == color)
        #expect(resolved.sources["color"] == (color ? .defaultValue : .environment("NO_COLOR")))
    }

    @Test(arguments: [
        ("[profiles.a]\napi_key = \"sk_live_123\"\n",
         "config.toml:2: profile 'a' holds a literal secret in 'api_key'; keys never go in this file: export it in an environment variable and set api_key_env = \"NAME\""),
        ("[profiles.a]\nbase_url = \"x\"\napi_key_env = \"kapso_live_abcdef\"\n",
         "config.toml:3: profile 'a' holds a literal secret in 'api_key_env'; keys never go in this file: export it in an environment variable and set api_key_env = \"NAME\""),
        // probe29 P29-22: the shell's `$`, `${…}`, a dash or a space around a name is named, with the line to write.
        ("[profiles.prod]\nbase_url = \"x\"\napi_key_env = \"$KAPSO_API_KEY\"\n",
         "config.toml:3: profile 'prod' has api_key_env = \"$KAPSO_API_KEY\", which is not a variable's name: it starts with "
            + "the shell's '$' (kops reads the variable itself); write api_key_env = \"KAPSO_API_KEY\""),
        ("[profiles.prod]\nbase_url = \"x\"\napi_key_env = \"${KAPSO_API_KEY}\"\n",
         "config.toml:3: profile 'prod' has api_key_env = \"${KAPSO_API_KEY}\", which is not a variable's name: it is written "
            + "${…}, the shell's way to read the variable (kops reads it itself); write api_key_env = \"KAPSO_API_KEY\""),
        ("[profiles.prod]\nbase_url = \"x\"\napi_key_env = \"KAPSO-API-KEY\"\n",
         "config.toml:3: profile 'prod' has api_key_env = \"KAPSO-API-KEY\", which is not a variable's name: a '-' cannot be "
            + "in a variable's name (letters, digits and _ only); write api_key_env = \"KAPSO_API_KEY\""),
        ("[profiles.prod]\nbase_url = \"x\"\napi_key_env = \"KAPSO_API_KEY \"\n",
         "config.toml:3: profile 'prod' has api_key_env = \"KAPSO_API_KEY \", which is not a variable's name: it has a space "
            + "at its end; write api_key_env = \"KAPSO_API_KEY\""),
        ("[profiles.a\n", "config.toml:1:12: error while parsing table header: expected ']', saw '\\n'; fix the TOML syntax"),
        // A forgotten closing quote is named as one (toml++ says "unescaped control characters", the newline: P16-11).
        ("default_profile = \"acme\"\n[profiles.acme]\nbase_url = \"http://127.0.0.1:47160\napi_key_env = \"ACME_KEY\"\n",
         "config.toml:3:12: the quoted value opened here is not closed: the line ends before its closing '\"'; fix the TOML syntax"),
        ("[profiles.a]\nbase_url = \"x\\\"y\r\n",
         "config.toml:2:12: the quoted value opened here is not closed: the line ends before its closing '\"'; fix the TOML syntax"),
        ("[profiles.a]\ncolor = \"yes\"\n", "config.toml:2: invalid value for 'color'; expected true or false"),
        ("[profiles.a]\noutput = \"wide\"\n", "config.toml:2: invalid value for 'output'; expected table, json, expanded or auto"),
    ])
    func badFilesGetOneLineNamingTheLine(text: String, message: String) {
        do {
            _ = try KopsConfig.parse(text, path: "config.toml")
            Issue.record("expected an error")
        } catch {
            #expect(error.message == message)
        }
    }

    /// probe27 P27-17: a profile's phone_number_id is read as a typed id is (`use`): a letter O for a 0 or a `/…` tail
    /// is named at its line with what to write, not blamed on the project or key by the first request.
    @Test(arguments: [
        ("1002003004005O1", "use 100200300400501"),
        ("100200300400501/../../platform/v1/api_logs?x=", ""),
    ])
    func aProfilesPhoneNumberIDIsReadAsATypedOne(id: String, advice: String) {
        let text = "[profiles.a]\nbase_url = \"http://127.0.0.1:1\"\napi_key_env = \"K\"\nphone_number_id = \"\(id)\"\n"
        #expect(throws: ConfigError.self) { try KopsConfig.parse(text, path: "config.toml") }
        do {
            _ = try KopsConfig.parse(text, path: "config.toml")
        } catch {
            #expect(error.message.hasPrefix("config.toml:4: profile 'a' has phone_number_id '"), "\(error.message)")
            #expect(error.message.contains("which cannot be read as an id: ") && (advice.isEmpty || error.message.contains(advice)), "\(error.message)")
            #expect(error.message.hasSuffix("; fix it in the file"), "\(error.message)")
        }
        #expect((try? KopsConfig.parse(text.replacingOccurrences(of: id, with: "100200300400501"), path: "config.toml")) != nil)
    }

    @Test func unknownKeysAreWarningsWithLines() throws {
        let config = try KopsConfig.parse("colour = 1\n[profiles.a]\nbase_url = \"x\"\nregion = \"eu\"\n", path: "c.toml")
        #expect(config.warnings == [
            "c.toml:1: unknown key 'colour'; ignored", "c.toml:4: unknown key 'region' in [profiles.a]; ignored",
        ])
    }

    /// TOML names a key also quoted (`"outptu"`), a table by a header (`[extras]`) and a profile
    /// by a quoted header (`[profiles."beta"]`); each warning names its line, in line order.
    @Test func unknownKeysInQuotedOrTableFormsNameTheirLines() throws {
        let text = """
            default_profile = "acme"
            zeta = true
            [extras]
            a = 1

            [ profiles . acme ]
            base_url = "http://127.0.0.1:1"
            "outptu" = "json"
            'quoted.key' = 1
            colour.dark = true

            [profiles."beta"]
            phone="1"
            """
        let config = try KopsConfig.parse(text, path: "c.toml")
        #expect(config.warnings == [
            "c.toml:2: unknown key 'zeta'; ignored",
            "c.toml:3: unknown key 'extras'; ignored",
            "c.toml:8: unknown key 'outptu' in [profiles.acme]; ignored",
            "c.toml:9: unknown key 'quoted.key' in [profiles.acme]; ignored",
            "c.toml:10: unknown key 'colour' in [profiles.acme]; ignored",
            "c.toml:13: unknown key 'phone' in [profiles.beta]; ignored",
        ])
    }

    /// A profile's name becomes part of its history file's name: one that could climb out of the state folder or make
    /// a folder there (`a/../../notes/journal.txt`, `acme/prod`, `..`) is refused where it is written, as `profile add`
    /// refuses it (probe27 P27-16: kops trimmed an unrelated file to its last 1000 lines and made it 0600).
    @Test(arguments: [#""a/../../../notes/journal.txt""#, #""acme/prod""#, "\"..\"", #""a b""#, #""""#])
    func aProfileNameThatIsNoFileNameIsRefusedWithItsLine(quoted: String) {
        let text = "default_profile = \"x\"\n\n[profiles.\(quoted)]\nbase_url = \"https://api.kapso.ai\"\n"
        let name = String(quoted.dropFirst().dropLast())
        #expect(throws: ConfigError.invalidProfileName(path: "c.toml", line: 3, name: name)) {
            try KopsConfig.parse(text, path: "c.toml")
        }
        #expect(
            ConfigError.invalidProfileName(path: "c.toml", line: 3, name: "acme/prod").message
                == "c.toml:3: invalid profile name 'acme/prod'; expected letters, digits, - and _ (it names the profile's "
                + "history file): rename the table")
        #expect(Profile.isValidName("acme-prod_2") && !Profile.isValidName(name))
    }

    @Test func unknownProfileListsTheKnownOnes() {
        #expect(throws: ConfigError.unknownProfile(name: "nope", known: ["acme", "eagle"])) {
            try settings(.init(profile: "nope"))
        }
        #expect(
            ConfigError.unknownProfile(name: "nope", known: ["acme", "eagle"]).message
                == "unknown profile 'nope'; profiles: acme, eagle")
    }

    /// tester47 L5: the settings of no profile are called `default` by the prompt, `state` and a transcript's header;
    /// asked for by that name they are taken (with no config.toml, or one without a `default` profile), not refused
    /// "unknown profile 'default'; no profiles are configured". A profile named `default` is still that profile.
    @Test func defaultNamesTheSettingsOfNoProfileWhenNoneIsSoNamed() throws {
        let environment = ["KAPSO_API_KEY": "env-key", "KAPSO_API_BASE_URL": "http://127.0.0.1:9"]
        for config in ["", sample] {
            let named = try settings(.init(profile: "default"), environment: environment, config: config)
            #expect(named.profile == "default" && named.baseURL == "http://127.0.0.1:9" && named.phoneNumberID == nil)
            #expect(named.sources["profile"] == .flag("--profile") && named.sources["api"] == .environment("KAPSO_API_BASE_URL"))
            #expect(try key(named, environment: environment) == "env-key")
            let fromEnvironment = try settings(environment: environment.merging(["KOPS_PROFILE": "default"]) { $1 }, config: config)
            #expect(fromEnvironment.profile == "default" && fromEnvironment.phoneNumberID == nil)
        }
        let own = try settings(.init(profile: "default"), config: "[profiles.default]\nphone_number_id = \"100200300400502\"\n")
        #expect(own.phoneNumberID == "100200300400502")
        #expect(throws: ConfigError.unknownProfile(name: "Default", known: [])) { try settings(.init(profile: "Default"), config: "") }
    }

    @Test func aFailingKeyCommandIsOneLineAtTheFirstRequestNotAtStartUp() throws {
        let chosen = try settings(.init(profile: "x"), config: "[profiles.x]\napi_key_command = \"false\"\n")
        #expect(throws: ConfigError.keyCommandFailed(profile: "x", status: 1, errorLine: "")) { try key(chosen) }
    }

    /// A key command's first line is checked like a variable's value: a bare CR (header injection), a space or binary
    /// bytes are refused with one line naming the command, never the value; a CRLF line end is a line end.
    @Test(arguments: [
        ("probe-key\rX-Injected: yes\n", nil), ("probe-key-123\u{0}\n", nil), ("two words-here\n", nil),
        ("\u{1B}]0;x\u{07}key-12345678\n", nil), ("probe-key-123\r\n", "probe-key-123"), ("probe-key-123", "probe-key-123"),
        ("probe-key-123\nsecond line\n", "probe-key-123"),
    ] as [(String, String?)])
    func aKeyCommandsOutputIsCheckedLikeAVariables(output: String, key: String?) throws {
        let origin = KeyOrigin.command("printf %s \"$SECRET\"", profile: "p")
        do {
            let found = try origin.lookUp(environment: [:], profiles: ["p"], runKeyCommand: { _ in (0, output, "") })
            #expect(found.key.revealed == key)
        } catch {
            #expect(key == nil, "\(error)")
            let message = ErrorReport(error).message
            #expect(message.hasPrefix("the first line the api_key_command of profile 'p' printed "), "\(message)")
            // Neither the command (its words may hold a key) nor its output is quoted.
            #expect(!message.contains("probe-key") && !message.contains("SECRET") && !message.contains("\r"), "\(message)")
        }
    }

    @Test(arguments: [
        (KeyOrigin.none(profile: nil), [:], [],
         "this command needs a Kapso project API key; export KAPSO_API_KEY=..., or 'profile add NAME --base-url URL --key-env VAR'; or try kops --demo"),
        (.none(profile: nil), [:], ["sim"],
         "this command needs a Kapso project API key; export KAPSO_API_KEY=..., or use a profile that names one: profile 'sim' exists: kops --profile sim, or 'profile default sim'"),
        (.none(profile: "bare"), [:], ["bare", "sim"],
         "this command needs a Kapso project API key; profile 'bare' names no key: add api_key_env or api_key_command to it in config.toml, or export KAPSO_API_KEY"),
        (.variable("SIMKEY", profile: "sim"), [:], ["sim"],
         "profile 'sim' reads its API key from SIMKEY, which is not set; export SIMKEY=..., or pick another profile with --profile"),
        (.variable("PATH", profile: "sim"), ["PATH": "/usr/bin:/bin"], ["sim"],
         "the key in env PATH is a path, not a key; put the key itself there, not a path (KAPSO_API_KEY=\"$(cat FILE)\" reads a file)"),
        (.variable("SIMKEY", profile: "sim"), ["SIMKEY": "two words here"], ["sim"],
         "the key in env SIMKEY holds spaces (3 words); a key is one word; give the key alone"),
    ] as [(KeyOrigin, [String: String], [String], String)])
    func aMissingKeyNamesWhereKeysComeFromAndTheProfiles(
        origin: KeyOrigin, environment: [String: String], profiles: [String], message: String
    ) {
        do {
            _ = try origin.lookUp(environment: environment, profiles: profiles, runKeyCommand: { _ in (1, "", "") })
            Issue.record("expected an error")
        } catch {
            #expect(ErrorReport(error).message == message)
            #expect(!ErrorReport(error).message.contains("/usr/bin"))
        }
    }
}
