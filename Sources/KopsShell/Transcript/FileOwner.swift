#if canImport(Glibc)
    internal import Glibc
#endif

/// The owner, group and mode a file keeps when kops replaces it by writing a new file and renaming it over the old one
/// (a history trim, config.toml after `profile add`, a transcript's restore file), e.g. a history file 0640 of group
/// `team` stays 0640 of `team`.
///
/// A new file belongs to whoever writes it, in their primary group, with the mode it was opened with: without this a
/// rewrite by `sudo kops` gave the user's file to root, and one by its owner moved a 0640 file into the owner's primary
/// group, whose members could then read what the chosen group was meant to. Where the group cannot be kept (its owner
/// is no member of it) its bits are dropped instead, so a rewrite never lets anyone read a file who could not before.
public struct FileOwner: Sendable, Equatable {
    /// `uid_t`, `gid_t` and `mode_t` (all `UInt32` on Linux), so that no module using this imports Glibc publicly.
    public var user: UInt32
    public var group: UInt32
    /// Permission bits, setuid/setgid/sticky included (`st_mode & 0o7777`).
    public var mode: UInt32

    public init(user: UInt32, group: UInt32, mode: UInt32) {
        self.user = user
        self.group = group
        self.mode = mode
    }

    /// The file at `path` (a link followed); nil when there is none.
    public init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        self.init(info)
    }

    /// The file open at `descriptor`; nil when `fstat` fails.
    public init?(descriptor: Int32) {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        self.init(info)
    }

    private init(_ info: stat) {
        self.init(user: info.st_uid, group: info.st_gid, mode: info.st_mode & 0o7777)
    }

    /// Gives the file open at `descriptor` this owner, group and mode, as far as the process may: the owner only as
    /// root, the group when the process is in it (otherwise the group's bits are dropped). False when the mode could
    /// not be set, in which case the caller must not rename the file into place.
    public func apply(to descriptor: Int32) -> Bool {
        var mode = self.mode
        // chown first: it clears setuid and setgid, which the chmod after it sets again.
        if fchown(descriptor, user, group) != 0, fchown(descriptor, uid_t.max, group) != 0 {
            mode &= ~mode_t(0o070)
        }
        return fchmod(descriptor, mode) == 0
    }
}
