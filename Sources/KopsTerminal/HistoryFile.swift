internal import KopsShell

#if canImport(Glibc)
    internal import Glibc
#endif

/// The shell's history file: one entry per line, plain text, appended after every command.
///
/// kops creates it 0600 (in a 0700 folder); the mode of a file that exists is the user's and is kept: loading it no
/// longer takes the group's and others' bits away, and a trim writes the new file with the old one's mode (session 26:
/// a 0640 history shared with a team's group came back 0600). It is never tightened, because it never holds a secret:
/// `HistoryGate` keeps lines with one out, and `forget` removes a line whose value became a secret later.
///
/// kops keeps the file itself rather than through libedit (whose `append_history` repeats entries),
/// so it alone decides which lines reach the disk. A symbolic link at `path` is followed deliberately
/// (dotfile managers link it); a file with more than one hard link, or anything but a regular file, is
/// neither read, written nor chmod-ed (`refusal` says why), since its other names may be readable by others.
public struct HistoryFile: Sendable {
    public let path: String
    /// Entries kept when the file is loaded; older ones are dropped.
    public let limit: Int
    /// Writes bytes to a descriptor as `write(2)` does (the count written, or -1 with `errno` set). The system's call;
    /// a test puts a full disk in its place (`ENOSPC` after some bytes), which no file-size limit in the test process
    /// can stage without ending it.
    public var writeBytes: @Sendable (Int32, UnsafeRawBufferPointer) -> Int = { fd, bytes in
        Glibc.write(fd, bytes.baseAddress, bytes.count)
    }

    /// True when the file is read and never written: it exists without write permission for its owner (0400), the
    /// user's "do not change this" (probe24 P24-7: kops said it was "not used", then chmod-ed it to 0600 and appended).
    public var readOnly: Bool {
        var info = stat()
        return stat(target, &info) == 0 && info.st_mode & S_IWUSR == 0
    }

    public init(path: String, limit: Int = 1000) {
        self.path = path
        self.limit = limit
    }

    /// `$XDG_STATE_HOME/kops/history` (default `~/.local/state/kops/history`) for the default profile,
    /// `history-NAME` beside it for another profile.
    public static func defaultPath(environment: [String: String], profile: String = "default") -> String? {
        XDGFolder.state.path(environment: environment).map { $0 + "/kops/history" + (profile == "default" ? "" : "-" + profile) }
    }

    /// The file written: `path`, or the file a symbolic link at `path` points to.
    public var target: String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Why the file is left alone, e.g. `it has 2 hard links`; nil when it may be used (or does not exist yet).
    public var refusal: String? {
        var info = stat()
        guard stat(target, &info) == 0 else { return nil }
        if info.st_mode & S_IFMT != S_IFREG { return "it is not a regular file" }
        if info.st_nlink > 1 { return "it has \(info.st_nlink) hard links" }
        return nil
    }

    /// Why entries would not reach the file although `refusal` has nothing against it, lowercased from `strerror`
    /// ("read-only file system", "permission denied"); nil when its folder and file can be created and appended to.
    /// Creates them, as `load` does (probe16 P16-7: a read-only state folder dropped the history without a word).
    public var writeProblem: String? {
        if readOnly { return "it is read-only" }
        if let problem = createFolders() { return problem }
        let fd = open(target, O_CREAT | O_WRONLY | O_APPEND | O_NOFOLLOW | O_CLOEXEC, 0o600)
        // The culprit by name: the file read-only, its folder not writable (probe22 P22-16's sibling).
        guard fd >= 0 else { return WriteProblem.reason(writing: target, code: errno, replacing: false) }
        close(fd)
        return nil
    }

    /// Creates the folders above the target (0700) that do not exist; nil when they all exist, else why one could not
    /// be made, lowercased from `strerror`.
    private func createFolders() -> String? {
        var folder = ""
        for part in target.split(separator: "/").dropLast() {
            folder += "/" + part
            if mkdir(folder, 0o700) != 0 && errno != EEXIST { return WriteProblem.reason(creatingFolder: folder, code: errno) }
        }
        return nil
    }

    /// Opens the target without following a link swapped in since, and only if `refusal` has nothing against it.
    private func openChecked(_ flags: Int32) -> Int32? {
        let fd = open(target, flags | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return nil }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_nlink == 1 else {
            close(fd)
            return nil
        }
        return fd
    }

    /// Creates the folder (0700) and file (0600) if needed and returns the last `limit` entries; an existing file's
    /// mode is left as it is.
    public func load() -> [String] {
        guard createFolders() == nil, let fd = openChecked(O_CREAT | O_RDONLY) else { return [] }
        defer { close(fd) }
        let bytes = Self.readAll(fd)
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init)
        return Array(lines.suffix(limit))
    }

    /// Every byte left to read from `fd` (reads retried after EINTR; stops at the end or an error).
    private static func readAll(_ fd: Int32) -> [UInt8] {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            bytes += buffer[0..<count]
        }
        return bytes
    }

    /// Drops every entry that holds one of `secrets` or a piece of one (`Redactor.holdsSecretOrPiece`; values learned as secrets after their line was appended, such
    /// as `set ms VALUE` before `verify --secret ${ms}`); the file is rewritten only when one does, as `trim` rewrites
    /// it (a new file renamed over the old): on a full disk the old file stays whole (it was cut to nothing first).
    public func forget(_ secrets: [String]) {
        let secrets = secrets.filter { $0.count >= 4 }
        guard !secrets.isEmpty, !readOnly, let fd = openChecked(O_RDONLY) else { return }
        let bytes = Self.readAll(fd)
        let owner = FileOwner(descriptor: fd)
        close(fd)
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        // A piece of a secret too (probe33 P33-2: `set body Zx81…` kept, then `--secret ${pre}${body}` learned).
        let holds = Redactor.holdsSecretOrPiece(of: secrets)
        let kept = lines.filter { !holds(String($0)) }
        guard kept.count != lines.count else { return }
        _ = replace(with: Array(kept.joined(separator: "\n").utf8), keeping: owner)
    }

    /// Drops the newest entry that is `line` (as `append` wrote it), if any: a line refused for the secret it holds
    /// after it was appended (tester62 AK3).
    public func forgetLast(_ line: String) {
        guard !readOnly, let fd = openChecked(O_RDONLY) else { return }
        let bytes = Self.readAll(fd)
        let owner = FileOwner(descriptor: fd)
        close(fd)
        var lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let entry = line.replacingNewlines()
        guard let last = lines.lastIndex(where: { $0 == entry }) else { return }
        lines.remove(at: last)
        _ = replace(with: Array(lines.joined(separator: "\n").utf8), keeping: owner)
    }

    /// Appends one entry (newlines in it become spaces), then keeps the newest `limit` entries (`trim`). Nil once the
    /// entry is in the file, else why not, lowercased from `strerror` ("no space left on device"): the file is then
    /// cut back to what it held, so a part of the entry never runs into the next one. Nil too for a read-only or
    /// refused file (`readOnly`, `refusal`), which adds nothing by design.
    @discardableResult
    public func append(_ line: String) -> String? {
        // Said once at start (`kops` names a read-only or refused file), not again for each line.
        guard !readOnly, refusal == nil else { return nil }
        guard let fd = openChecked(O_CREAT | O_WRONLY | O_APPEND) else {
            return WriteProblem.reason(writing: target, code: errno, replacing: false)
        }
        defer { close(fd) }
        var info = stat()
        let size = fstat(fd, &info) == 0 ? info.st_size : -1
        let bytes = Array((line.replacingNewlines() + "\n").utf8)
        var done = 0
        while done < bytes.count {
            let count = bytes[done...].withUnsafeBytes { writeBytes(fd, $0) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else {
                let code = count < 0 ? errno : ENOSPC
                if done > 0, size >= 0 { _ = ftruncate(fd, size) }
                return String(cString: strerror(code)).lowercased()
            }
            done += count
        }
        trim()
        return nil
    }

    /// Rewrites the file with its newest `limit` entries when it holds more, as bash does with `HISTFILESIZE` (probe22
    /// P22-25: `KOPS_HISTORY_SIZE` limited what ↑ reached while the file grew without bound, so lowering it to keep
    /// fewer typed ids and numbers on a shared machine did the opposite). The new file is written beside the old one
    /// with the old one's mode and renamed over it, so a crash leaves one or the other whole; a link at `path` stays a
    /// link.
    public func trim() {
        guard !readOnly, let fd = openChecked(O_RDONLY) else { return }
        let bytes = Self.readAll(fd)
        let owner = FileOwner(descriptor: fd)
        close(fd)
        let newlines = bytes.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        guard newlines > limit else { return }
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n")
        guard lines.count > limit else { return }
        _ = replace(with: Array(lines.suffix(limit).map { $0 + "\n" }.joined().utf8), keeping: owner)
    }

    /// Writes `bytes` to a new file beside the target with the old one's mode, owner and group (`FileOwner`; 0600 when
    /// they could not be read) and renames it over the target, so a failure (a full disk) or a crash leaves the old file
    /// whole; true once renamed. The new file is removed when anything failed.
    private func replace(with bytes: [UInt8], keeping owner: FileOwner?) -> Bool {
        // A short name beside it whatever the history file's (`LocalPath.temporaryName`, probe36 P36-13).
        let temporary = LocalPath.joined(LocalPath.folder(of: target), LocalPath.temporaryName())
        let out = open(temporary, O_CREAT | O_EXCL | O_WRONLY | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard out >= 0 else { return false }
        var done = 0
        while done < bytes.count {
            let count = bytes[done...].withUnsafeBytes { writeBytes(out, $0) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            done += count
        }
        // Opened 0600 (and less under a umask), owned by this process: given the old file's mode, owner and group,
        // which the rename would otherwise drop (a 0640 file of a team's group went to the writer's own group).
        let moded = owner?.apply(to: out) ?? (fchmod(out, 0o600) == 0)
        let synced = fsync(out) == 0
        close(out)
        guard done == bytes.count, moded, synced, rename(temporary, target) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }

    /// The number of entries `KOPS_HISTORY_SIZE` asks for (default 1000), and the one line to show when its value is
    /// not a whole number of 0 or more (probe22 P22-25: `abc` and `-1` were ignored without a word).
    public static func limit(environment: [String: String]) -> (limit: Int, warning: String?) {
        guard let text = environment["KOPS_HISTORY_SIZE"], !text.isEmpty else { return (1000, nil) }
        if let limit = Int(text.filter { $0 != " " }), limit >= 0 { return (limit, nil) }
        let visible = String(text.map { $0.isASCII && ($0.asciiValue ?? 0) < 0x20 || $0 == "\u{7F}" ? "?" : $0 })
        let shown = visible.count > 24 ? String(visible.prefix(23)) + "…" : visible
        return (
            1000,
            "warning: KOPS_HISTORY_SIZE '\(shown)' is not a number of entries; keeping 1000 (set a whole number of 0 or "
                + "more, e.g. KOPS_HISTORY_SIZE=500)"
        )
    }
}

extension String {
    fileprivate func replacingNewlines() -> String {
        String(map { $0.isNewline ? " " : $0 })
    }
}
