internal import Foundation

#if canImport(Glibc)
    internal import Glibc
#endif

// MARK: - The journal file

/// `$XDG_STATE_HOME/kops/own-lookups`: one note a line, `time⇥method⇥host⇥path[⇥status[⇥request]]`.
///
/// Written at every response and read only where a note is matched (`loadOnce`: `errors`, `logs`, `whois`, `bundle`,
/// `overview`, `record`), so a command that never matches pays one `write` a request: the file is opened at the first
/// note and kept open, and the notes this process makes before reading it wait in `unread` (#16, docs/performance.md
/// "Session 47"). Another process sees a note as soon as its request is answered, as before.
extension OwnLookups {
    /// The size past which a process compacts the journal when it opens it (`prune`, then `rewrite`): about twice the
    /// notes kept (`limit` + `requestLimit`) at 128 bytes a line.
    static let compactBytes = 2 * (limit + requestLimit) * 128

    /// The sixth field of a note that is no look-up.
    static let requestField = "request"

    /// Keeps `entry`: in `notes` once they are read, in `unread` before; appended to the file.
    func record(_ entry: Entry) {
        guard path != nil else {
            loaded = true
            notes.append(entry)
            if notes.count > 2 * (Self.limit + Self.requestLimit) { prune() }
            return
        }
        openOnce()
        if !loaded && unread.count >= 2 * (Self.limit + Self.requestLimit) { loadOnce() }
        if loaded { notes.append(entry) } else { unread.append(entry) }
        if loaded && notes.count > 2 * (Self.limit + Self.requestLimit) {
            prune()
            rewrite()
        } else if descriptor >= 0 {
            Self.write(Self.line(entry), to: descriptor)
        }
    }

    /// Reads the file once: the notes earlier runs (and other processes) wrote before this one opened it, then this
    /// process's (`unread`). Notes older than `horizon` and past the limits are dropped; a file written before notes
    /// were masked is written again masked.
    func loadOnce() {
        guard !loaded else { return }
        loaded = true
        guard let path, let data = FileManager.default.contents(atPath: path), Self.isPrivateFile(path) else {
            notes += unread
            unread = []
            return
        }
        var cleared = false
        // Bytes, not `Character`s: splitting 600 lines as a `String` cost 35 M instructions.
        for line in data.prefix(sizeAtOpen).split(separator: UInt8(ascii: "\n")) {
            let fields = line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
                .map { String(decoding: $0, as: UTF8.self) }
            // A fifth field, the status, was added later; lines without it are 404s. A sixth, `request`, marks a note
            // that is no look-up.
            guard (4...6).contains(fields.count), let time = Int64(fields[0]) else { continue }
            let status = fields.count >= 5 ? Int(fields[4]) ?? 404 : 404
            var entry = Entry(time: time, method: fields[1], host: Self.stored(fields[2]), path: Self.stored(fields[3]), status: status)
            entry.isLookUp = fields.count < 6 || fields[5] != Self.requestField
            cleared = cleared || entry.host != fields[2] || entry.path != fields[3]
            notes.append(entry)
        }
        if let newest = notes.map(\.time).max() { notes.removeAll { $0.time < newest - Self.horizon } }
        prune()
        // What earlier runs noted is not this session's.
        sessionStart = notes.count
        notes += unread
        unread = []
        // A file written before its notes were masked keeps no credential once read again.
        if cleared { rewrite() }
    }

    /// Keeps the newest `limit` look-ups and the newest `requestLimit` other notes, in order; this session's start moves
    /// back by the notes dropped before it.
    func prune() {
        var lookUps = notes.count(where: { $0.isLookUp }) - Self.limit
        var requests = notes.count(where: { !$0.isLookUp }) - Self.requestLimit
        guard lookUps > 0 || requests > 0 else { return }
        var kept: [Entry] = []
        var start = sessionStart
        for (index, entry) in notes.enumerated() {
            if entry.isLookUp ? lookUps > 0 : requests > 0 {
                if entry.isLookUp { lookUps -= 1 } else { requests -= 1 }
                if index < sessionStart { start -= 1 }
                continue
            }
            kept.append(entry)
        }
        notes = kept
        sessionStart = max(0, start)
    }

    /// Opens the journal for appending at the first note, remembering its size then (`sizeAtOpen`); compacts one
    /// grown past `compactBytes` by processes that never read it.
    private func openOnce() {
        guard !opened, let path else { return }
        opened = true
        guard let fd = Self.open(path, O_WRONLY | O_APPEND) else { return }
        descriptor = fd
        var info = stat()
        sizeAtOpen = fstat(fd, &info) == 0 ? Int(info.st_size) : 0
        if sizeAtOpen > Self.compactBytes {
            loadOnce()
            prune()
            rewrite()
        }
    }

    /// Writes every note in place of the file's lines.
    private func rewrite() {
        openOnce()
        guard descriptor >= 0, ftruncate(descriptor, 0) == 0 else { return }
        Self.write(notes.map(Self.line).joined(), to: descriptor)
    }

    /// `time TAB method TAB host TAB path [TAB status] [TAB request] LF`, the status left out for a look-up's 404.
    /// The fields' bytes are copied into one string of the line's length: the interpolation cost 6,700 instructions a
    /// request, which every request of a session pays (docs/performance.md, "Session 51").
    static func line(_ entry: Entry) -> String {
        var fields = [String(entry.time), clean(entry.method), clean(entry.host), clean(entry.path)]
        if entry.status != 404 || !entry.isLookUp { fields.append(String(entry.status)) }
        if !entry.isLookUp { fields.append(requestField) }
        var length = 0
        for field in fields { length += field.utf8.count + 1 }
        return String(unsafeUninitializedCapacity: length) { buffer in
            var count = 0
            for index in fields.indices {
                count += fields[index].withUTF8 { bytes in
                    if let source = bytes.baseAddress { (buffer.baseAddress! + count).initialize(from: source, count: bytes.count) }
                    return bytes.count
                }
                buffer[count] = index == fields.count - 1 ? UInt8(ascii: "\n") : UInt8(ascii: "\t")
                count += 1
            }
            return count
        }
    }

    /// `text` with tabs and line breaks made spaces; printable ASCII (every method, most hosts and paths) as it is.
    private static func clean(_ text: String) -> String {
        var bytes = text
        if bytes.withUTF8({ $0.allSatisfy { $0 >= 0x20 && $0 < 0x7F } }) { return text }
        return String(text.map { $0 == "\t" || $0.isNewline ? " " : $0 })
    }

    private static func write(_ text: String, to fd: Int32) {
        // Written from the string's own bytes, not an array copy of them.
        var text = text
        _ = text.withUTF8 { Glibc.write(fd, $0.baseAddress, $0.count) }
    }

    /// Creates the folder (0700) and file (0600) as needed; refuses anything but a private regular file
    /// with one link, and does not follow a link (the file holds API paths, which may carry contacts' numbers).
    private static func open(_ file: String, _ flags: Int32) -> Int32? {
        var folder = ""
        for part in file.split(separator: "/").dropLast() {
            // `String + Substring` is the generic `append(contentsOf:)` (see `Shell.loop`'s prompt); this one is not.
            folder.append("/")
            folder.append(contentsOf: part)
            if mkdir(folder, 0o700) != 0 && errno != EEXIST { return nil }
        }
        let fd = Glibc.open(file, flags | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return nil }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_nlink == 1 else {
            close(fd)
            return nil
        }
        fchmod(fd, 0o600)
        return fd
    }

    private static func isPrivateFile(_ file: String) -> Bool {
        var info = stat()
        return lstat(file, &info) == 0 && info.st_mode & S_IFMT == S_IFREG && info.st_nlink == 1
    }
}
