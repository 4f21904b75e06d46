internal import Foundation

/// A file as the system knows it: its device and inode, which a file put in its place by rename (another kops's
/// `record --force`, an editor saving over it) does not share.
struct FileIdentity: Sendable, Equatable {
    var device: UInt64
    var inode: UInt64

    /// The identity of the file at `path` (following links); nil when there is none.
    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }
}

/// The files a recording owns, and what it does when one is no longer its own.
extension TranscriptRecorder {
    /// True when `path` names the transcript being recorded or its restore file (`FILE.md.restore`), whether that
    /// exists yet or not: a command that writes a file (`bundle --force`) must not replace either (probe24 P24-9:
    /// the restore file, the only copy of the masked lines as typed, was replaced by a bundle, or the recorder later
    /// wrote over the bundle).
    public func owns(_ path: String) -> Bool {
        guard case .file(let transcript) = destination else { return false }
        let restore = TranscriptRestore.path(besides: transcript)
        for owned in [transcript, restore] {
            if TranscriptFile.isSameFile(path, owned) { return true }
            if Self.absolute(path) == Self.absolute(owned) { return true }
        }
        return false
    }

    /// The one line for a command refused because `path` is the recording's own file.
    public func ownedFileRefusal(command: String, path: String) -> String {
        guard case .file(let transcript) = destination else { return "" }
        let what = TranscriptFile.isSameFile(path, transcript) || Self.absolute(path) == Self.absolute(transcript)
            ? "the transcript being recorded" : "the restore file of the transcript being recorded (\(transcript))"
        return "\(command): '\(path)' is \(what), which this session still writes; name another file, or 'record stop' first"
    }

    /// True while the file written is still the one this recorder made or opened; once another file took its place
    /// (probe24 P24-10: another kops's `record --force` replaced it, and this session went on writing into the new
    /// file), `replaced` is set, `writeFailure` says so, and nothing more is written. A file removed is left to the
    /// write that fails on it. False also after any earlier write failure.
    func stillOwnsFile() -> Bool {
        guard writeFailure == nil else { return false }
        guard let file, let fileIdentity else { return true }
        // Moved or deleted (`mv t.md ticket/`): said as such, not as the full disk a failed write would suggest (probe25
        // P25-11); the file, wherever it went, holds what was recorded before.
        guard let now = FileIdentity(path: file) else {
            (replaced, moved) = (true, true)
            writeFailure = "it was moved or deleted by another program"
            return false
        }
        guard now != fileIdentity else { return true }
        replaced = true
        writeFailure = "it was replaced by another program"
        return false
    }

    /// `path` made absolute against the working folder, `.` and `..` resolved (a file that does not exist yet).
    static func absolute(_ path: String) -> String {
        LocalPath.normalized(LocalPath.joined(FileManager.default.currentDirectoryPath, path))
    }
}
