internal import Foundation

#if canImport(Glibc)
    internal import Glibc
#endif

/// Why a file kops writes (a transcript, its backup, config.toml, the history file) cannot be written, naming the
/// culprit and what to do: the file itself (`it is read-only (mode 0444); make it writable (chmod u+w t.md) first`),
/// its folder (missing, not writable) or the file system (read-only). Before, a read-only transcript was blamed on its
/// backup and the folder (probe22 P22-16), and a folder kops could not write in on the file.
public enum WriteProblem {
    /// Why this process may not write the file at `path` now, or nil when it may: an existing file needs write
    /// permission on itself (kops does not replace a file made read-only, as `cp` does not) and, when `replacing` it
    /// through a new file beside it (or writing a file beside it), on its folder; a new file needs its folder to exist
    /// and be writable. Root may write anything, as the kernel says.
    public static func refusal(writing path: String, replacing: Bool = true) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return folderProblem(of: path) }
        if access(path, W_OK) != 0 { return fileProblem(path, info: info, code: errno) }
        return replacing ? folderProblem(of: path) : nil
    }

    /// The culprit of `code` (an `errno`) from writing or creating `path`: what `refusal(writing:)` finds for a
    /// permission, a missing folder or a read-only file system, else the system's words ("no space left on device").
    public static func reason(writing path: String, code: Int32, replacing: Bool = true) -> String {
        if [EACCES, EPERM, ENOENT, ENOTDIR, EROFS].contains(code), let found = refusal(writing: path, replacing: replacing) {
            return found
        }
        return String(cString: strerror(code)).lowercased()
    }

    /// Why the folder `folder` (for a file kops keeps, e.g. `~/.local/state/kops`) could not be made (`mkdir`'s `code`):
    /// a file where a folder of its path should be, or the folder above it not writable; else the system's words.
    public static func reason(creatingFolder folder: String, code: Int32) -> String {
        if code == ENOTDIR, let file = fileAmongFolders(of: folder) {
            return "\(file) is a file, not a folder, so \(folder) cannot be made; move the file away"
        }
        if code == EACCES || code == EPERM || code == EROFS, let found = folderProblem(of: folder) { return found }
        return String(cString: strerror(code)).lowercased()
    }

    /// `/a/b/t.md` → `/a/b`; `t.md` → `.`.
    static func folder(of path: String) -> String { LocalPath.folder(of: path) }

    private static func mode(_ info: stat) -> String {
        let digits = String(info.st_mode & 0o777, radix: 8)
        return "0" + String(repeating: "0", count: max(0, 3 - digits.count)) + digits
    }

    /// A file whose mode withholds writing, e.g. `it is read-only (mode 0444); make it writable (chmod u+w t.md) first`.
    static func readOnly(_ path: String, info: stat) -> String {
        "it is read-only (mode \(mode(info))); make it writable (chmod u+w \(quoted(path))) first"
    }

    private static func fileProblem(_ path: String, info: stat, code: Int32) -> String {
        if code == EROFS { return "it is on a read-only file system; copy it to a folder you can write in" }
        if info.st_uid == geteuid() || info.st_mode & 0o222 == 0 { return readOnly(path, info: info) }
        return "it belongs to another user (uid \(info.st_uid), mode \(mode(info))) and you may not write it; "
            + "ask its owner, or copy it"
    }

    private static func folderProblem(of path: String) -> String? {
        let folder = folder(of: path)
        var info = stat()
        guard stat(folder, &info) == 0 else {
            // A file where a folder of its path should be (`afile/x` with `afile` a file): no folder can be made there
            // (probe29 P29-14: "does not exist; create it first", which mkdir then refused with "Not a directory").
            if errno == ENOTDIR, let file = fileAmongFolders(of: folder) {
                return "\(file) is a file, not a folder, so its folder \(folder) cannot be made; move the file away, or write elsewhere"
            }
            if errno == ENOENT || errno == ENOTDIR {
                // The nearest folder above that exists decides whether it can be made (probe27 P27-3: "create it first",
                // when creating it was what failed).
                if let above = existingAncestor(of: folder), access(above, W_OK | X_OK) != 0 {
                    var aboveInfo = stat()
                    let mode = stat(above, &aboveInfo) == 0 ? " (mode \(Self.mode(aboveInfo)))" : ""
                    return "its folder \(folder) does not exist and cannot be made: \(above) is not writable for you\(mode); "
                        + "make it writable, or write it elsewhere"
                }
                return "its folder \(folder) does not exist; create it first"
            }
            return "its folder \(folder) cannot be reached (\(String(cString: strerror(errno)).lowercased()))"
        }
        guard info.st_mode & S_IFMT == S_IFDIR else { return "\(folder) is not a folder" }
        guard access(folder, W_OK | X_OK) == 0 else {
            if errno == EROFS { return "its folder \(folder) is on a read-only file system; write it elsewhere" }
            return "its folder \(folder) is not writable for you (mode \(mode(info))); make it writable, or write it elsewhere"
        }
        return nil
    }

    /// The first path along `folder` (`afile` of `afile/x/y`, `/srv/f` of `/srv/f/x`) that exists and is not a folder,
    /// or nil when there is none.
    public static func fileAmongFolders(of folder: String) -> String? {
        var path = folder.hasPrefix("/") ? "/" : ""
        for part in folder.split(separator: "/") {
            path += (path.isEmpty || path.hasSuffix("/") ? "" : "/") + part
            var info = stat()
            if stat(path, &info) == 0, info.st_mode & S_IFMT != S_IFDIR { return path }
        }
        return nil
    }

    /// The nearest folder of `path`'s ancestors that exists (`.` for a relative path with none), or nil.
    private static func existingAncestor(of path: String) -> String? {
        var current = path
        while true {
            let above = Self.folder(of: current)
            var info = stat()
            if stat(above, &info) == 0 { return info.st_mode & S_IFMT == S_IFDIR ? above : nil }
            guard above != current, above != "/", above != "." else { return nil }
            current = above
        }
    }

    /// A path as a shell line takes it: quoted when it holds anything but letters, digits and `/._-`.
    private static func quoted(_ path: String) -> String {
        path.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "/._-~+".contains($0)) }
            ? path : "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
