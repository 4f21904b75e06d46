#if canImport(Glibc)
    internal import Glibc
#endif

/// Where the shell's history lives: `$XDG_STATE_HOME/kops/history` (default `~/.local/state/kops/history`).
public enum HistoryFile {
    public static func path(environment: [String: String]) -> String? {
        let state = environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["HOME"].map { $0 + "/.local/state" }
        return state.map { $0 + "/kops/history" }
    }

    /// Creates the folder (0700) and the file (0600) if missing and tightens an existing file to 0600.
    @discardableResult
    public static func prepare(_ path: String) -> Bool {
        var folder = ""
        for part in path.split(separator: "/").dropLast() {
            folder += "/" + part
            if mkdir(folder, 0o700) != 0 && errno != EEXIST { return false }
        }
        let fd = open(path, O_CREAT | O_WRONLY | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return false }
        fchmod(fd, 0o600)
        close(fd)
        return true
    }
}
