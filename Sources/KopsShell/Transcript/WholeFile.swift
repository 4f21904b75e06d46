internal import Foundation

#if canImport(Glibc)
    internal import Glibc
#endif

/// A file that appears whole or not at all: its bytes go to a hidden temporary file in the same folder
/// (`.kops-PID-RANDOM.tmp`, `LocalPath.temporaryName`), which takes the final name only once every byte is written and the file is closed; on any
/// failure the temporary file is removed. A full disk then leaves nothing behind (probe20 P20-14, P20-15): no cut
/// `.http` delivery that `replay` would send, no empty transcript that refuses the retry as "already exists", and a
/// file being replaced stays as it was.
enum WholeFile {
    /// Why the file could not be written: the `errno` of the call that failed.
    struct Failure: Error, Equatable {
        var code: Int32
        /// Lowercased from `strerror`: "no space left on device", "file too large".
        var reason: String { String(cString: strerror(code)).lowercased() }
    }

    /// Writes `bytes` as a new file at `path` with `mode` (less the umask); false, writing nothing, when `path` exists.
    /// The final name is taken with `link`, so a file another process made there meanwhile is never replaced.
    static func create(_ bytes: [UInt8], at path: String, mode: mode_t) throws(Failure) -> Bool {
        let temporary = temporaryPath(besides: path)
        try write(bytes, to: temporary, mode: mode, keeping: nil)
        defer { unlink(temporary) }
        if link(temporary, path) == 0 { return true }
        let code = errno
        if code == EEXIST { return false }
        // A file system without hard links (some FUSE and FAT mounts): a rename, once the name is seen to be free.
        if access(path, F_OK) == 0 { return false }
        guard rename(temporary, path) == 0 else { throw Failure(code: code) }
        return true
    }

    /// Writes `bytes` at `path` over the file there (keeping its mode, owner and group: `FileOwner`), or as a new file
    /// with `mode` (less the umask).
    static func replace(_ bytes: [UInt8], at path: String, mode: mode_t) throws(Failure) {
        let temporary = temporaryPath(besides: path)
        try write(bytes, to: temporary, mode: mode, keeping: FileOwner(path: path))
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw Failure(code: code)
        }
    }

    /// Writes every byte to a new file at `path`, or removes it and throws: with `mode` (less the umask), or with the
    /// mode, owner and group of the file being replaced (`kept`), past the umask.
    private static func write(_ bytes: [UInt8], to path: String, mode: mode_t, keeping kept: FileOwner?) throws(Failure) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, kept == nil ? mode : 0o600)
        guard descriptor >= 0 else { throw Failure(code: errno) }
        var failure: Int32?
        if let kept, !kept.apply(to: descriptor) { failure = errno }
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while failure == nil, offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else {
                    failure = written < 0 ? errno : ENOSPC
                    return
                }
                offset += written
            }
        }
        // A file system may only report a full disk when the file is closed (NFS).
        if close(descriptor) != 0 && failure == nil { failure = errno }
        if let failure {
            unlink(path)
            throw Failure(code: failure)
        }
    }

    /// A hidden name in the folder of `path`, unique to this process and call, short whatever `path`'s name
    /// (`LocalPath.temporaryName`).
    private static func temporaryPath(besides path: String) -> String {
        LocalPath.joined(LocalPath.folder(of: path), LocalPath.temporaryName())
    }
}
