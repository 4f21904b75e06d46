/// What `state` and `profile show` say while config.toml could not be read (`ShellContext.configProblem`): the
/// profile and API the session holds are then kops's defaults, not what the file names, and no request is sent
/// (tester57 AB15: `state` showed `api: https://api.kapso.ai (default)` and advised `profile add`, which refuses to
/// write over the broken file). They are said to be unknown, with the file's problem and what to do.
enum BrokenConfig {
    /// The `config` row: what was wrong, where (`FILE:LINE:COLUMN: …`, as the start said it), and what to do.
    static func config(_ problem: String) -> String {
        "not read: \(problem); until it is fixed by hand the profile's settings are unknown and no request is sent "
            + "(kops never writes over the file)"
    }

    /// The `api` row: one typed or exported (`--base-url`, `KAPSO_API_BASE_URL`) as it is, unused until the file is
    /// fixed; kops's default is no API anyone chose, so unknown.
    static func api(_ session: Session) -> String {
        guard let source = session.sources["api"], source != Settings.Source.defaultValue.description else {
            return "unknown: config.toml could not be read"
        }
        return "\(session.baseURL)  (\(source)); unused until config.toml is fixed"
    }

    /// The `profile` row: the file's default profile is unread.
    static let profile = "unknown: config.toml could not be read (its default profile is in it)"

    /// The `key` row when no key is in hand: the profile's key setting is in the file.
    static let key = "unknown: the profile's key setting is in config.toml, which could not be read"

    /// `fields` (label, value) with the rows above in place of `api`, `profile` and `key`, and a `config` row after
    /// `profile`; as they are when `problem` is nil.
    static func fields(_ fields: [Field], problem: String?, session: Session, keyInHand: Bool) -> [Field] {
        guard let problem else { return fields }
        return UnknownSettings(api: api(session), profile: profile, key: key, after: Field("config", config(problem)))
            .replacing(in: fields, keyInHand: keyInHand)
    }
}

/// The rows `state` and `profile show` give for the `api`, `profile` and `key` a session holds when they are not what
/// the user chose (config.toml unread: `BrokenConfig`; the profile asked for missing: `MissingProfile`), and a row
/// that says why, after `profile`.
struct UnknownSettings {
    var api: String
    var profile: String
    var key: String
    var after: Field

    /// `fields` with these rows in place of `api`, `profile` and `key` (kept when `keyInHand`: a key given is said
    /// so), and `after` after `profile`.
    func replacing(in fields: [Field], keyInHand: Bool) -> [Field] {
        var result: [Field] = []
        for field in fields {
            switch field.label {
            case "api": result.append(Field("api", api, style: .dim))
            case "profile":
                result.append(Field("profile", profile, style: .dim))
                result.append(after)
            case "key" where !keyInHand: result.append(Field("key", key, style: .dim))
            default: result.append(field)
            }
        }
        return result
    }
}
