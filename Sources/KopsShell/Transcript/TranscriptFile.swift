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
            throw .unreadableTranscript(path: path, reason: "no such file; check the path")
        }
        guard !isFolder.boolValue else { throw .unreadableTranscript(path: path, reason: "it is a folder; name the transcript's file") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadableTranscript(path: path, reason: "it cannot be opened; check its permissions")
        }
        guard String(data: data, encoding: .utf8) != nil else {
            throw .unreadableTranscript(
                path: path, reason: "it is not UTF-8 text; save it as UTF-8, as kops writes transcripts")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// The file to write for `path`: `path` itself, or the end of the chain of links there.
    ///
    /// Throws `ScriptError.unwritableTranscript` for a folder, a non-regular file, a file with other hard links,
    /// or a loop of links.
    public static func target(of path: String) throws(ScriptError) -> String {
        var current = path
        for _ in 0...maxLinks {
            var info = stat()
            guard lstat(current, &info) == 0 else { return current }
            switch info.st_mode & S_IFMT {
            case S_IFLNK:
                guard let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: current) else {
                    throw .unwritableTranscript(path: path, reason: "its link cannot be read")
                }
                current = destination.hasPrefix("/")
                    ? destination : ((current as NSString).deletingLastPathComponent as NSString).appendingPathComponent(destination)
            case S_IFDIR:
                throw .unwritableTranscript(path: path, reason: "it is a folder")
            case S_IFREG:
                if info.st_nlink > 1 {
                    throw .unwritableTranscript(
                        path: path, reason: "it has \(info.st_nlink) hard links and writing it would change the other names' file too")
                }
                return current
            default:
                throw .unwritableTranscript(path: path, reason: "it is not a regular file")
            }
        }
        throw .unwritableTranscript(path: path, reason: "its links loop")
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

    /// `path (a link to TARGET)` when `path` is a link, else `path`: what `record` says it writes.
    static func described(_ path: String) -> String {
        guard let target = try? target(of: path), target != path else { return path }
        return "\(path) (a link: writing \(target))"
    }
}
