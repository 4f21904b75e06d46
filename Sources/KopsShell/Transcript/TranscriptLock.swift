internal import Foundation

/// An advisory lock (`flock(2)`, exclusive) on a transcript file, held while a session records to it: a second kops
/// that would record to the same file (`record FILE --append`, `--force`) is refused in one line instead of
/// interleaving its blocks with the first one's (probe38 P38-7: two sessions appending to `team.md` at once wrote their
/// blocks in turn, the file no longer replayed, and `kops check` advised an `--update` over the evidence).
///
/// `flock` locks belong to the open file description, so the transcript's own writes (each opens, appends and closes)
/// do not release it, as they would a POSIX `fcntl` lock. The descriptor is close-on-exec: a child (`listen`'s receiver)
/// does not keep it. Advisory only: an editor or another program is not stopped; a file system without `flock` records
/// unlocked, as before.
final class TranscriptLock {
    private var descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit { release() }

    /// Takes the lock on the file at `target` (written for the transcript `path`); nil when there is no file there or
    /// the file system takes no lock. Throws `ScriptError.recording` when another session holds it.
    static func take(_ target: String, path: String) throws(ScriptError) -> TranscriptLock? {
        let descriptor = open(target, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        guard descriptor >= 0 else { return nil }
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            if code == EINTR { continue }
            close(descriptor)
            guard code == EWOULDBLOCK else { return nil }
            throw .recording(
                "cannot record to '\(path)': another kops session is recording to it now, and blocks of the two would "
                    + "interleave; record to another file, or run 'record stop' in the other session first")
        }
        return TranscriptLock(descriptor: descriptor)
    }

    /// Lets another session record to the file (`record stop`, a recording that ended); a second call does nothing.
    func release() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
    }
}
