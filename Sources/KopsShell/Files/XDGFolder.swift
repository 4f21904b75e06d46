/// The base folders of the XDG Base Directory spec that kops uses: `XDG_STATE_HOME` (history, own look-ups) and
/// `XDG_CONFIG_HOME` (config.toml), each read as the spec says: "All paths set in these environment variables must be
/// absolute. If an implementation encounters a relative path in any of these variables it should consider the path
/// invalid and ignore it" (specifications.freedesktop.org/basedir-spec, 0.8). A relative value was read from the
/// current folder, so the history followed the user into project folders (probe38 P38-8).
public enum XDGFolder: String, CaseIterable, Sendable {
    case state = "XDG_STATE_HOME"
    case config = "XDG_CONFIG_HOME"

    /// Where the spec's default is under the home folder.
    var underHome: String {
        switch self {
        case .state: "/.local/state"
        case .config: "/.config"
        }
    }

    /// The folder: the variable's value when it is an absolute path, else `$HOME/.local/state` (`$HOME/.config`); nil
    /// without either.
    public func path(environment: [String: String]) -> String? {
        if let value = environment[rawValue], value.hasPrefix("/") { return value }
        return environment["HOME"].map { $0 + underHome }
    }

    /// The lines to say once at start, one for each variable set to a relative path (ignored), e.g. `warning:
    /// XDG_STATE_HOME 'relstate' is not an absolute path, so kops ignores it (as the XDG spec says) and uses
    /// ~/.local/state`.
    public static func warnings(environment: [String: String]) -> [String] {
        allCases.compactMap { folder in
            guard let value = environment[folder.rawValue], !value.isEmpty, !value.hasPrefix("/") else { return nil }
            let instead = environment["HOME"] == nil ? "no folder (HOME is not set either)" : "~" + folder.underHome
            return "warning: \(folder.rawValue) '\(VisibleText.escaped(value))' is not an absolute path, so kops ignores it "
                + "(as the XDG Base Directory spec says) and uses \(instead); set it to an absolute path, or unset it"
        }
    }
}
