#if canImport(Glibc)
    import Glibc
#endif

/// The process environment as a dictionary, read once at start-up.
enum ProcessEnvironment {
    static var variables: [String: String] {
        var count = 0
        while environ[count] != nil { count += 1 }
        // Sized once, not moved and rehashed at each doubling (docs/performance.md, "Session 38").
        var result: [String: String] = Dictionary(minimumCapacity: count)
        for index in 0..<count {
            guard let entry = environ[index], let parts = parts(of: entry) else { continue }
            result[parts.name] = parts.value
        }
        return withHome(result, passwdHome: passwdHome())
    }

    /// One environment entry (`NAME=value`) split at its first `=` character, nil without one. An ASCII entry's
    /// characters are its bytes, so it is split at its first `=` byte without walking it character by character
    /// (`firstIndex(of:)` on a `String`: about 5,600 instructions an entry); any other entry is read as characters, as
    /// before (a `=` followed by a combining mark is no `=` character).
    static func parts(of entry: UnsafePointer<CChar>) -> (name: String, value: String)? {
        let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(entry).assumingMemoryBound(to: UInt8.self), count: strlen(entry))
        if bytes.allSatisfy({ $0 < 0x80 }) {
            guard let equals = bytes.firstIndex(of: UInt8(ascii: "=")) else { return nil }
            return (
                String(decoding: UnsafeBufferPointer(rebasing: bytes[..<equals]), as: UTF8.self),
                String(decoding: UnsafeBufferPointer(rebasing: bytes[(equals + 1)...]), as: UTF8.self)
            )
        }
        let text = String(cString: entry)
        guard let equals = text.firstIndex(of: "=") else { return nil }
        return (String(text[..<equals]), String(text[text.index(after: equals)...]))
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
