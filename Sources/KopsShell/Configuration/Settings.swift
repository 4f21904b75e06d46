public import KopsHTTP

/// The connection settings in force and where each came from: flags > environment > profile > defaults.
public struct Settings: Sendable {
    /// Where a setting's value came from, shown by `state`.
    public enum Source: Sendable, Equatable, CustomStringConvertible {
        case flag(String)
        case environment(String)
        case profile(String)
        /// A top-level setting of config.toml, e.g. `default_profile`.
        case configFile(String)
        case defaultValue

        public var description: String {
            switch self {
            case .flag(let name): "flag \(name)"
            case .environment(let name): "env \(name)"
            case .profile(let name): "profile \(name)"
            case .configFile(let key): "config.toml \(key)"
            case .defaultValue: "default"
            }
        }
    }

    /// What the command line said.
    public struct Flags: Sendable {
        public var profile: String?
        public var baseURL: String?
        public var output: OutputMode?
        public var noColor = false

        public init(profile: String? = nil, baseURL: String? = nil, output: OutputMode? = nil, noColor: Bool = false) {
            self.profile = profile
            self.baseURL = baseURL
            self.output = output
            self.noColor = noColor
        }
    }

    public static let defaultBaseURL = "https://api.kapso.ai"
    /// The name of the settings of no profile (environment and defaults only), as the prompt, `state` and a transcript's
    /// header show it. Asked for by name (`--profile default`, KOPS_PROFILE, default_profile) when config.toml has no
    /// profile so named, it is those settings: tester47 L5, `kops --profile default check prof.md` of a transcript
    /// recorded on them was refused "unknown profile 'default'; no profiles are configured".
    public static let unnamedProfile = "default"

    public var profile: String
    public var baseURL: String
    /// Where the API key comes from; nothing is read or run until a command needs it.
    public var key: KeyOrigin
    public var phoneNumberID: String?
    public var output: OutputMode
    public var color: Bool
    /// Setting name (`api`, `profile`, `key`, `phone_number_id`, `output`, `color`) → its source.
    public var sources: [String: Source]
    /// What the environment overrides of a profile chosen by name, one line each, to say at start (`overrides`).
    public var overridden: [String] = []

    /// Resolves every setting but the key's value (see `KeyOrigin.lookUp`).
    public static func resolve(flags: Flags, environment: [String: String], config: KopsConfig) throws(ConfigError) -> Settings {
        var sources: [String: Source] = [:]
        let chosen: (name: String, source: Source)? =
            flags.profile.map { ($0, .flag("--profile")) }
            ?? environment["KOPS_PROFILE"].flatMap { $0.isEmpty ? nil : ($0, .environment("KOPS_PROFILE")) }
            ?? config.defaultProfile.map { ($0, .configFile("default_profile")) }
        var profile: Profile?
        if let chosen {
            if let found = config.profile(named: chosen.name) {
                profile = found
            } else if chosen.name != Self.unnamedProfile {
                throw .unknownProfile(name: chosen.name, known: config.profiles.map(\.name))
            }
            sources["profile"] = chosen.source
        } else {
            profile = config.profile(named: Self.unnamedProfile)
            sources["profile"] = .defaultValue
        }
        let profileName = profile?.name ?? Self.unnamedProfile
        let fromProfile = Source.profile(profileName)

        func pick<T>(_ key: String, _ candidates: [(T?, Source)], fallback: T) -> T {
            for (value, source) in candidates {
                if let value {
                    sources[key] = source
                    return value
                }
            }
            sources[key] = .defaultValue
            return fallback
        }
        let nonEmpty = { (name: String) in environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        let baseURL = pick(
            "api", [(flags.baseURL, .flag("--base-url")), (nonEmpty("KAPSO_API_BASE_URL"), .environment("KAPSO_API_BASE_URL")),
                (profile?.baseURL, fromProfile)], fallback: defaultBaseURL)
        let output = pick("output", [(flags.output, .flag("--output")), (profile?.output, fromProfile)], fallback: OutputMode.table)
        let color = pick(
            "color", [(flags.noColor ? false : nil, .flag("--no-color")), (nonEmpty("NO_COLOR").map { _ in false }, .environment("NO_COLOR")),
                (profile?.color, fromProfile)], fallback: true)
        // Not through `pick`: its `T?` is `String??` here, and a profile without a number (or none at all) gave `.some(nil)`,
        // so `state` said `phone_number_id: -  (profile default)` (probe22 P22-8). No number, no source.
        let phone = profile?.phoneNumberID
        if phone != nil { sources["phone_number_id"] = fromProfile }

        let key = nonEmpty("KAPSO_API_KEY").map { KeyOrigin.value(Secret($0), .environment("KAPSO_API_KEY")) }
            ?? profile?.keyOrigin(environment: environment) ?? .none(profile: nil)
        sources["key"] = key.source
        var settings = Settings(
            profile: profileName, baseURL: baseURL, key: key, phoneNumberID: phone, output: output, color: color,
            sources: sources)
        settings.overridden = overrides(
            profile: profile, flags: flags, environment: environment, variables: config.profiles.compactMap(\.apiKeyEnv))
        return settings
    }
}
