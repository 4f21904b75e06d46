#if canImport(Glibc)
    internal import Glibc
#endif

/// A file path as text, split on "/" and put together again, e.g. `LocalPath.folder(of: "notes/t.md")` → `notes`.
///
/// No file system access but `nameLimit`'s `pathconf`, and no Foundation: Foundation's `NSString` path helpers (`deletingLastPathComponent`,
/// `lastPathComponent`) trapped on a one-character relative path (`record x`, `record ~`, `bundle b`: probe34 P34-3,
/// exit 132), so kops's own path text goes through these few functions, tested in `LocalPathTests`
/// (docs/paths.md says why).
public enum LocalPath {
    /// The folder `path` is in: `/a/b/t.md` → `/a/b`, `t.md` → `.`, `/t.md` → `/`, `a/b/` → `a`, `/` → `/`,
    /// `` → `.`; repeated slashes count as one.
    public static func folder(of path: String) -> String {
        let rooted = isAbsolute(path)
        var parts = parts(of: path)
        guard !parts.isEmpty else { return rooted ? "/" : "." }
        parts.removeLast()
        if parts.isEmpty { return rooted ? "/" : "." }
        return (rooted ? "/" : "") + parts.joined(separator: "/")
    }

    /// The last part of `path`: `/a/b/t.md` → `t.md`, `a/b/` → `b`, `x` → `x`, `/` → `/`, `` → ``.
    public static func lastPart(of path: String) -> String {
        parts(of: path).last.map(String.init) ?? (isAbsolute(path) ? "/" : "")
    }

    /// `path` read from `folder`: `("a", "b.md")` → `a/b.md`, `("a/", "b")` → `a/b`, `("/", "b")` → `/b`; an
    /// absolute `path` as given, and `folder` itself for an empty `path`.
    public static func joined(_ folder: String, _ path: String) -> String {
        if isAbsolute(path) || folder.isEmpty { return path }
        if path.isEmpty { return folder }
        return folder.utf8.last == slash ? folder + path : folder + "/" + path
    }

    /// `path` with `.`, empty parts and `..` taken out by their text alone (links are not followed):
    /// `/a/./b/../c/` → `/a/c`, `/..` → `/`, `a/../..` → `..`, `./` → `.`.
    public static func normalized(_ path: String) -> String {
        let rooted = isAbsolute(path)
        var kept: [Substring] = []
        for part in parts(of: path) where part != "." {
            if part == "..", let last = kept.last, last != ".." {
                kept.removeLast()
            } else if part == ".." && rooted {
                continue
            } else {
                kept.append(part)
            }
        }
        if rooted { return "/" + kept.joined(separator: "/") }
        return kept.isEmpty ? "." : kept.joined(separator: "/")
    }

    /// `path` with a leading `~` read as the home folder, as `sh` reads it: `~` → `home`, `~/notes.md` →
    /// `home/notes.md`, `~//notes.md` → `home/notes.md`; any other path (`~x`, `a/~`, `./~`) as given. Nil when `path` needs the home folder and `home`
    /// is nil or empty.
    public static func expandingHome(_ path: String, home: String?) -> String? {
        guard startsAtHome(path) else { return path }
        guard let home, !home.isEmpty else { return nil }
        // `~//x` is `home//x`, which POSIX reads as `home/x`: the slashes after `~/` are dropped, not kept as a path
        // from the root (probe36 P36-8: `record ~//notes.md` wrote /notes.md).
        return joined(home, String(Substring(path.utf8.dropFirst().drop { $0 == slash })))
    }

    /// True when `path` starts with `~` as the home folder (`~`, `~/x`).
    public static func startsAtHome(_ path: String) -> Bool {
        let bytes = path.utf8
        return bytes.first == UInt8(ascii: "~") && (bytes.count == 1 || bytes.dropFirst().first == slash)
    }

    /// A hidden name for a temporary file kops writes beside a file and renames over it, e.g. `.kops-4242-9f3a0c1e.tmp`:
    /// 26 bytes at most, whatever the file's own name, so any name the folder takes has its temporary file (probe36
    /// P36-13: `.NAME.PID-RANDOM.tmp` passed the 255 bytes of a name for a 243-byte `NAME`, and `record` was refused).
    /// Unique to this process and call (the random part), and created with `O_EXCL` by its writers.
    public static func temporaryName() -> String {
        let random = String(UInt32.random(in: 0...UInt32.max), radix: 16)
        return ".kops-\(getpid())-" + String(repeating: "0", count: 8 - random.count) + random + ".tmp"
    }

    /// The most bytes a name in the folder of `path` may have (`NAME_MAX`, 255 on Linux file systems), as the file system
    /// there says (`pathconf`); 255 when it cannot say.
    public static func nameLimit(besides path: String) -> Int {
        let limit = pathconf(folder(of: path), Int32(_PC_NAME_MAX))
        return limit > 0 ? limit : 255
    }

    /// True when `path` starts with `/`.
    public static func isAbsolute(_ path: String) -> Bool { path.utf8.first == slash }

    private static let slash = UInt8(ascii: "/")

    /// The non-empty parts between slashes, split on the byte: a combining mark after a `/` makes one `Character` of
    /// the two, which a split on `Character`s would not see as a slash.
    private static func parts(of path: String) -> [Substring] {
        path.utf8.split(separator: slash, omittingEmptySubsequences: true).map { Substring($0) }
    }
}
