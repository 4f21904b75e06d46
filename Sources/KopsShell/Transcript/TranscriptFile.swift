internal import Foundation

/// Where a transcript (or its restore file) at a path is written: the one policy kops keeps for every file it
/// writes, as for config.toml and history.
///
/// A symbolic link is followed deliberately, also a dangling one: the file it points to is written, created or
/// replaced, and the link stays (dotfile managers and shared folders link files). A file with more than one hard
/// link, or anything but a regular file, is refused: writing it would change another name's file too, or split
/// the links.
public enum TranscriptFile {
    /// The most links followed in a row, as the kernel's `ELOOP` limit does.
    static let maxLinks = 40

    /// The text of the transcript at `path`, which must decode as UTF-8, decoded as is (a byte-order mark kept, which
    /// `--update` writes back; Foundation's decoding may drop it). Throws `ScriptError.unreadableTranscript` naming what is wrong: no such file, a
    /// folder, or bytes that are not UTF-8 (probe18 P18-18 said "cannot read script …: no such file or not UTF-8 text"
    /// of a transcript that was there).
    public static func read(_ path: String) throws(ScriptError) -> String {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            if path == "-" {
                throw .unreadableTranscript(
                    path: path, reason: "kops check reads a transcript file, not standard input; save it to a file first (… > t.md)")
            }
            throw .unreadableTranscript(path: path, reason: "no such file; check the path")
        }
        guard !isFolder.boolValue else { throw .unreadableTranscript(path: path, reason: "it is a folder; name the transcript's file") }
        // A pipe or FIFO (`kops check <(curl …)`) can be read once, and check reads the file more than once and may write
        // it back (--update): said as what it is, not as a permission problem (probe25 P25-14).
        var info = stat()
        if stat(path, &info) == 0, info.st_mode & S_IFMT != S_IFREG {
            let kind = info.st_mode & S_IFMT == S_IFIFO ? "a pipe" : info.st_mode & S_IFMT == S_IFSOCK ? "a socket" : "a device"
            throw .unreadableTranscript(
                path: path, reason: "it is \(kind), not a file; kops check needs the transcript as a file: save it first (… > t.md)")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadableTranscript(path: path, reason: "it cannot be opened; check its permissions")
        }
        guard String(data: data, encoding: .utf8) != nil else {
            // Where, as a script's and piped input's readers say it: a transcript pasted through a ticket system or an
            // editor is the likeliest file to pick up one Latin-1 byte (probe38 P38-12: no line, no byte).
            throw .unreadableTranscript(path: path, reason: ScriptRunner.encodingProblem(Array(data)) + ", as kops writes transcripts")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// The file to write for `path`: `path` itself, or the end of the chain of links there.
    ///
    /// Throws `ScriptError.unwritableTranscript` for a folder, a non-regular file, a file with other hard links,
    /// or a loop of links.
    public static func target(of path: String) throws(ScriptError) -> String {
        // `/dev/stdout` is a link to `/proc/self/fd/1`, which links to whatever the shell opened (`>> mylog.txt`): a
        // regular file kops did not write, replaced by `record /dev/stdout --force` (probe27 P27-22).
        if isStream(path) {
            throw .unwritableTranscript(
                path: path, reason: "it is a device or a stream of this process, not a file (with output redirected, it "
                    + "is the file the shell opened); name a file")
        }
        var current = path
        for _ in 0...maxLinks {
            var info = stat()
            guard lstat(current, &info) == 0 else { return current }
            switch info.st_mode & S_IFMT {
            case S_IFLNK:
                guard let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: current) else {
                    throw .unwritableTranscript(path: path, reason: "its link cannot be read; check the link")
                }
                current = LocalPath.joined(LocalPath.folder(of: current), destination)
                // Judged where the link leads, not by the name typed: `so.md -> /dev/stdout` is the shell's redirect
                // target as much as `/dev/stdout` is (probe29 P29-3: `record so.md --force` replaced `>> mylog.txt`).
                if isStream(current) {
                    throw .unwritableTranscript(
                        path: path, reason: "it links to \(current), a device or a stream of this process, not a file (with "
                            + "output redirected, it is the file the shell opened); name a file")
                }
            case S_IFDIR:
                throw .unwritableTranscript(path: path, reason: "it is a folder; name a file")
            case S_IFREG:
                if info.st_nlink > 1 {
                    throw .unwritableTranscript(
                        path: path, reason: "it has \(info.st_nlink) hard links and writing it would change the other names' file too; write a copy")
                }
                return current
            default:
                throw .unwritableTranscript(path: path, reason: "it is not a regular file; name one")
            }
        }
        throw .unwritableTranscript(path: path, reason: "its links loop; fix the link")
    }

    /// True for a path under `/dev/` or `/proc/` (`/dev/stdout`, `/dev/fd/1`, `/proc/self/fd/1`), however it is spelt.
    static func isStream(_ path: String) -> Bool {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        // `.` and `..` taken out by hand: the link `/dev/stdout` itself is what is judged, not the file it leads to.
        var parts: [Substring] = []
        for part in absolute.split(separator: "/") where part != "." {
            if part == ".." { _ = parts.popLast() } else { parts.append(part) }
        }
        return parts.first == "dev" || parts.first == "proc"
    }

    /// True when both paths name one existing file (through links, `.` and `..`, another spelling): the same device
    /// and inode. False when either does not exist.
    public static func isSameFile(_ path: String, _ other: String) -> Bool {
        var first = stat(), second = stat()
        guard stat(path, &first) == 0, stat(other, &second) == 0 else { return false }
        return first.st_dev == second.st_dev && first.st_ino == second.st_ino
    }

    /// Appends `bytes` to the existing file at `path` (opened for each write and closed, so nothing recorded is lost if
    /// kops dies); nil once every byte is written, else why not, lowercased from `strerror` ("no space left on
    /// device", "no such file or directory" for a file removed while recording). After a failure the file may hold
    /// part of `bytes`.
    static func append(_ bytes: [UInt8], to path: String) -> String? {
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
        guard descriptor >= 0 else { return String(cString: strerror(errno)).lowercased() }
        var failure: String?
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else {
                    failure = written < 0 ? String(cString: strerror(errno)).lowercased() : "the file took no more bytes"
                    return
                }
                offset += written
            }
        }
        // A file system may only report a full disk when the file is closed (NFS).
        if close(descriptor) != 0 && failure == nil { failure = String(cString: strerror(errno)).lowercased() }
        return failure
    }

    /// The size in bytes of the file at `path` when it ends with `bytes`; nil when it does not, or cannot be read.
    static func endsWith(_ bytes: [UInt8], path: String) -> Int? {
        guard let data = FileManager.default.contents(atPath: path), data.count >= bytes.count,
            data.suffix(bytes.count).elementsEqual(bytes)
        else { return nil }
        return data.count
    }

    /// Cuts the file at `path` to its first `size` bytes; nil once done, else why not, lowercased from `strerror`.
    static func truncate(_ path: String, to size: Int) -> String? {
        Foundation.truncate(path, off_t(size)) == 0 ? nil : String(cString: strerror(errno)).lowercased()
    }

    /// `PREFIX-YYYYMMDD-HHMMSS.md` in the current folder (`kops-…` for `record`, `kops-bundle-…` for `bundle`), with `-2`,
    /// `-3`, … when a file of that second or its restore file exists: two of them without a name in one second must not
    /// refuse each other, nor offer `--force` over the first (probe18 P18-7, tester53 T17).
    static func defaultName(_ prefix: String) -> String {
        let stamp = TranscriptHeader.now.filter { $0.isNumber || $0 == "T" }.replacingOccurrences(of: "T", with: "-")
        var path = "\(prefix)-\(stamp).md"
        var counter = 1
        while FileManager.default.fileExists(atPath: path) || FileManager.default.fileExists(atPath: TranscriptRestore.path(besides: path)) {
            counter += 1
            path = "\(prefix)-\(stamp)-\(counter).md"
        }
        return path
    }

    /// The most numbered backups `backUp` tries (`FILE.md.~1~` … `FILE.md.~99~`) after `FILE.md~`.
    static let maxBackups = 99

    /// Keeps `contents` (the file at `path` before `kops check --update` rewrites it) beside it, with its mode, in a
    /// new file (`newBackup`). Returns the backup's path.
    ///
    /// Throws `ScriptError.unwritableTranscript` when none can be created (nothing is written then).
    public static func backUp(_ path: String, contents: [UInt8]) throws(ScriptError) -> String {
        var info = stat()
        let mode = stat(path, &info) == 0 ? mode_t(info.st_mode & 0o777) : 0o600
        let kept = newBackup(of: path, contents: contents, mode: mode)
        guard let backup = kept.path else { throw .unwritableTranscript(path: path, reason: kept.failure) }
        return backup
    }

    /// Writes `contents` beside `path` in a new file with `mode`: `FILE~` as editors name a backup (Emacs, Vim's
    /// `backup`), or, when that exists, the first free `FILE.~N~` as GNU `cp --backup=numbered` and Emacs's numbered
    /// backups do; an existing backup is never replaced (`kops check --update`'s transcripts; config.toml, tester53 T9: a
    /// second `profile add --force` replaced the only copy of the file before the first). The backup's path, or nil and
    /// why none could be written (`… so it was left as it was`).
    static func newBackup(of path: String, contents: [UInt8], mode: mode_t) -> (path: String?, failure: String) {
        var failure = "every name up to \(path).~\(maxBackups)~ is taken, so it was left as it was; remove old backups"
        for number in 0...maxBackups {
            let candidate = number == 0 ? path + "~" : "\(path).~\(number)~"
            switch create(candidate, contents: contents, mode: mode) {
            case nil: return (candidate, "")
            case EEXIST?: continue
            case let code?:
                // The culprit by name (its folder, the file system), not only the system's words (probe22 P22-16).
                failure = "its backup \(candidate) cannot be written (\(WriteProblem.reason(writing: candidate, code: code))), "
                    + "so it was left as it was"
            }
            break
        }
        return (nil, failure)
    }

    /// Writes `contents` to a new file at `path` with `mode` (`0o600`; never over an existing file or through a link).
    ///
    /// Throws `ScriptError.unwritableTranscript` when it cannot (it exists, the folder is not writable).
    public static func createNew(_ path: String, contents: [UInt8], mode: Int) throws(ScriptError) {
        if let code = create(path, contents: contents, mode: mode_t(mode)) {
            throw .unwritableTranscript(
                path: path, reason: code == EEXIST ? "it already exists" : WriteProblem.reason(writing: path, code: code))
        }
    }

    /// Writes `contents` over the file at `target` (`kops check --update`): into a new file beside it with `mode`,
    /// renamed over it, so a failure (a full disk) leaves the old file whole and no part-written file behind. Nil once
    /// done, else why not ("no space left on device", the folder named when it is the culprit: `WriteProblem`).
    public static func replace(_ target: String, contents: [UInt8], mode: Int) -> String? {
        // A short name whatever the transcript's (`LocalPath.temporaryName`): `.NAME.kops-update-PID` passed the 255 bytes of
        // a name for a long one (probe36 P36-13).
        let temporary = LocalPath.joined(LocalPath.folder(of: target), LocalPath.temporaryName())
        if let code = create(temporary, contents: contents, mode: mode_t(mode)) {
            return WriteProblem.reason(writing: target, code: code, replacing: true)
        }
        guard rename(temporary, target) == 0 else {
            let code = errno
            unlink(temporary)
            return WriteProblem.reason(writing: target, code: code, replacing: true)
        }
        return nil
    }

    /// Creates the file exclusively (`O_EXCL`, which also refuses a link there) and writes `contents` through the
    /// descriptor it opened; nil once done, else the `errno` (a partly written file is removed). Not reopened: a backup
    /// of a read-only transcript takes its mode 0444, and reopening it for writing failed (probe22 P22-16).
    private static func create(_ path: String, contents: [UInt8], mode: mode_t) -> Int32? {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return errno }
        var failure: Int32?
        contents.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else {
                    failure = written < 0 ? errno : ENOSPC
                    return
                }
                offset += written
            }
        }
        // The umask narrowed `mode`: set it as asked, a private transcript's backup stays private and no wider.
        if failure == nil, fchmod(descriptor, mode) != 0 { failure = errno }
        // A file system may only report a full disk when the file is closed (NFS).
        if close(descriptor) != 0 && failure == nil { failure = errno }
        if failure != nil { unlink(path) }
        return failure
    }

    /// `path (a link to TARGET)` when `path` is a link, else `path`: what `record` says it writes.
    static func described(_ path: String) -> String {
        guard let target = try? target(of: path), target != path else { return path }
        return "\(path) (a link: writing \(target))"
    }
}
