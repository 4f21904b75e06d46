#if canImport(Glibc)
    import Glibc
#endif

/// The process environment as a dictionary, read once at start-up.
enum ProcessEnvironment {
    static var variables: [String: String] {
        var result: [String: String] = [:]
        var pointer = environ
        while let entry = pointer.pointee {
            let text = String(cString: entry)
            if let equals = text.firstIndex(of: "=") {
                result[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            pointer += 1
        }
        return withHome(result, passwdHome: passwdHome())
    }

    /// `variables` with `HOME` from the user's passwd entry when it is unset or empty, as bash, ssh and git do (probe22
    /// P22-20: under cron, `env -i` or a container entrypoint history was not kept and config.toml not read, without a
    /// word).
    static func withHome(_ variables: [String: String], passwdHome: String?) -> [String: String] {
        guard variables["HOME"]?.isEmpty ?? true, let passwdHome, !passwdHome.isEmpty else { return variables }
        var variables = variables
        variables["HOME"] = passwdHome
        return variables
    }

    /// The one line to say at start when no home folder is known (nor the XDG folders that stand for it): history is
    /// then kept in memory only and no config.toml is read.
    static func homeWarning(_ variables: [String: String]) -> String? {
        let set = { (name: String) in !(variables[name]?.isEmpty ?? true) }
        // A relative XDG folder is ignored (`XDGFolder`): it stands for no home folder.
        let absolute = { (name: String) in variables[name]?.hasPrefix("/") ?? false }
        guard !set("HOME"), !(absolute("XDG_STATE_HOME") && absolute("XDG_CONFIG_HOME")) else { return nil }
        return "warning: HOME is not set and this user has no home folder: history is kept in memory only and "
            + "config.toml is not read (set HOME, or XDG_STATE_HOME and XDG_CONFIG_HOME)"
    }

    /// The home folder of this process's user in the passwd database (`getpwuid`), nil without one.
    private static func passwdHome() -> String? {
        guard let entry = getpwuid(getuid()), let directory = entry.pointee.pw_dir else { return nil }
        return String(cString: directory)
    }
}
