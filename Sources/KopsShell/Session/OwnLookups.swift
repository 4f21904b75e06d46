internal import Foundation
public import KapsoClient

#if canImport(Glibc)
    internal import Glibc
#endif

/// kops's own reads that Kapso answered 404, kept so `errors`, `logs --errors`, `overview` and `whois` do
/// not present them as failures of the project (Kapso logs every call of the project's keys, kops's too).
///
/// A 404 to a GET kops made is a look-up: `trace` asking for a marketing preference (404 `Marketing
/// preference not found` is Kapso's "none recorded"), `whois` trying a UUID as a conversation, `message`
/// with a mistyped WAMID. Each is noted as `method, API host, path, server time` (the `Date` header, the
/// clock `created_at` is stamped with) in memory and in `$XDG_STATE_HOME/kops/own-lookups` (mode 0600),
/// so separate `kops -c` runs see each other's. An API-log entry matches a note with the same method,
/// host and path, a 404, and `created_at` within `window` of the note's time; each note matches one entry.
///
/// Every matched entry is left out, but only those of this session's notes are counted (`Matches.session`): the notes
/// since the shell started or `record` began (`startSession`). What kops says about its look-ups then depends only on
/// the commands of the session, not on how often kops ran against the API before, so a transcript that runs
/// `errors` after a look-up replays unchanged (probe9 P9-6: "1 of kops's own look-ups" became 2, 3… with each check).
/// See docs/own-lookups.md.
public final class OwnLookups {
    /// One noted look-up.
    public struct Entry: Sendable, Equatable {
        /// Unix seconds, the API's clock.
        public var time: Int64
        public var method: String
        /// The API's base URL, e.g. `https://api.kapso.ai`.
        public var host: String
        /// Percent-decoded, without the query: `/platform/v1/whatsapp/conversations/ffff…`.
        public var path: String
        /// The HTTP status it was answered with: 404 for a look-up of nothing; another for a read by id that
        /// answered (only `whois`'s API-call count leaves those out; failures never match them).
        public var status: Int = 404
        /// False for any other request kops made (a list, a write, a follow's poll): kept only to mark kops's own calls
        /// in `logs`, `logs search` and `bundle` (`kopsIDs`), never left out of a count of the project's calls.
        public var isLookUp: Bool = true
    }

    /// The file, nil to keep notes in memory only.
    public let path: String?
    private var loaded = false
    /// Read by `kopsIDs` (OwnLookups+Marks.swift) after `loadOnce`.
    private(set) var notes: [Entry] = []
    /// The index in `notes` of this session's first note.
    private var sessionStart = 0

    /// Look-up notes kept at most (the newest); older and more than `horizon` old ones are dropped on rewrite.
    static let limit = 500
    /// Other requests' notes kept at most (the newest): a `logs search --follow` of an hour at the default interval
    /// polls 1,800 times, and a look-up must not be pushed out by them, so the two are kept apart.
    static let requestLimit = 2_000
    /// API logs cover 30 days (kapso-api.md §4).
    static let horizon: Int64 = 31 * 86_400
    /// How far before and after a note's time its API-log entry may be stamped (the log stamps the
    /// request, the `Date` header the answer; a slow answer or a retry moves them apart).
    static let window: ClosedRange<Int64> = -120...5

    public init(path: String?) {
        self.path = path
    }

    /// `$XDG_STATE_HOME/kops/own-lookups` (default `~/.local/state/kops/own-lookups`); nil without either variable.
    public static func defaultPath(environment: [String: String]) -> String? {
        XDGFolder.state.path(environment: environment).map { $0 + "/kops/own-lookups" }
    }

    /// The notes, oldest first (read from the file once).
    public var entries: [Entry] {
        loadOnce()
        return notes
    }

    /// Starts a session: the notes so far become earlier runs' (left out, not counted). `record` calls it, so a
    /// transcript counts the look-ups of its own commands, as `kops check` does at its top and at an appended part.
    public func startSession() {
        loadOnce()
        sessionStart = notes.count
    }

    /// Notes a GET that was answered `status` (404 unless told) at `time` (the API's clock).
    ///
    /// `host` is the client's base URL; a path in it (a mistyped `--base-url http://h/platform/v1/whatsapp`) is part of
    /// the path Kapso logs, so the note keeps the origin as its host and the whole path (probe10 P10-11: kops's own call
    /// through a wrong base URL was listed by `errors` as the project's failure).
    /// `lookUp` false: any other request kops made (`noteRequest`).
    public func note(method: String, host: String, path: String, time: Int64, status: Int = 404, lookUp: Bool = true) {
        loadOnce()
        let (origin, prefix) = Self.origin(host)
        var entry = Entry(time: time, method: method, host: Self.stored(origin), path: Self.stored(Self.decoded(prefix + path)), status: status)
        entry.isLookUp = lookUp
        notes.append(entry)
        guard let file = self.path else { return }
        if notes.count > 2 * (Self.limit + Self.requestLimit) {
            prune()
            rewrite(file)
        } else {
            append(entry, to: file)
        }
    }

    /// One call as Kapso logged it: an `/api_logs` entry, or a log search `external_api_log` event.
    public struct LoggedCall: Sendable {
        public var id: String
        public var method: String
        public var endpoint: String
        public var status: Int
        /// ISO-8601 UTC.
        public var time: String

        init(id: String, method: String, endpoint: String, status: Int, time: String) {
            (self.id, self.method, self.endpoint, self.status, self.time) = (id, method, endpoint, status, time)
        }

        init(_ log: APILog) {
            self.init(id: log.id, method: log.httpMethod, endpoint: log.endpoint, status: log.responseStatus, time: log.createdAt)
        }

        /// Nil for an event that is no API call (`source` other than `external_api_log`) or lacks its method, path or status.
        init?(_ event: LogSearchEvent) {
            guard event.source == "external_api_log", let method = event.httpMethod, let endpoint = event.endpoint,
                let status = event.responseStatus
            else { return nil }
            self.init(id: event.id, method: method, endpoint: endpoint, status: status, time: event.time)
        }
    }

    /// The calls that are kops's own look-ups: all of them are left out; `session` are those matched to this
    /// session's notes, the ones to count (`ids` holds them too).
    public struct Matches: Sendable, Equatable {
        public var ids: Set<String> = []
        public var session: Set<String> = []

        public var isEmpty: Bool { ids.isEmpty }
        public func contains(_ id: String) -> Bool { ids.contains(id) }
    }

    /// The API-log entries that are kops's own look-ups (each note matches at most one entry).
    /// `answered`: also reads by id that answered (not 404), for counts of all calls (`whois`); failure counts
    /// leave it false.
    public func ownLogIDs(in logs: [APILog], host: String, answered: Bool = false) -> Matches {
        ownIDs(
            in: logs.map(LoggedCall.init),
            host: host, answered: answered)
    }

    /// The log search events that are kops's own look-ups (API calls only; each note matches one event).
    public func ownEventIDs(in events: [LogSearchEvent], host: String) -> Matches {
        ownIDs(
            in: events.compactMap(LoggedCall.init), host: host)
    }

    /// The calls that are kops's own look-ups: the same method, path and status within `window` of a note (each
    /// note matches at most one call). This session's notes are matched first, so each of its look-ups is counted
    /// whatever earlier runs asked for the same path at the same time (a simulator's fixed clock).
    public func ownIDs(in calls: [LoggedCall], host: String, answered: Bool = false) -> Matches {
        loadOnce()
        let origin = Self.stored(Self.origin(host).origin)
        let fits = { (entry: Entry) in
            entry.isLookUp && Self.origin(entry.host).origin == origin && (answered || entry.status == 404)
        }
        var session = notes[sessionStart...].filter(fits)
        var earlier = notes[..<sessionStart].filter(fits)
        guard !session.isEmpty || !earlier.isEmpty else { return Matches() }
        var matches = Matches()
        var rest: [(call: LoggedCall, at: Int64, path: String)] = []
        for call in calls {
            guard let at = KapsoTime.seconds(iso: call.time) else { continue }
            let path = Self.stored(Self.decoded(call.endpoint))
            if Self.take(call, at: at, path: path, from: &session) {
                matches.ids.insert(call.id)
                matches.session.insert(call.id)
            } else {
                rest.append((call, at, path))
            }
        }
        for (call, at, path) in rest where Self.take(call, at: at, path: path, from: &earlier) {
            matches.ids.insert(call.id)
        }
        return matches
    }

    /// `text` (a host or a path) as the journal keeps it: as the Redactor shows it. A mistyped base URL answers 404 to
    /// every call, and its path (`/;api_key=…`, `/kapso_live_…`) or its `user:pass@` went into the file in clear for 31
    /// days, though every line kops printed masked it (probe38 P38-11). A call matches a note on the same masked form:
    /// the log's endpoint is masked the same way before it is compared. The Redactor holds no learned secret here, so
    /// a note and a log entry are masked alike whatever the session learned in between.
    static func stored(_ text: String) -> String {
        journalRedactor.redact(text)
    }

    private static let journalRedactor = Redactor()

    /// `http://h:1/platform/v1/whatsapp` → (`http://h:1`, `/platform/v1/whatsapp`); a URL without a path has an empty one.
    static func origin(_ base: String) -> (origin: String, pathPrefix: String) {
        guard let scheme = base.range(of: "://"), let slash = base[scheme.upperBound...].firstIndex(of: "/") else { return (base, "") }
        var prefix = String(base[slash...])
        while prefix.hasSuffix("/") { prefix.removeLast() }
        return (String(base[..<slash]), prefix)
    }

    /// Removes the first of `notes` that `call` matches; false when none does.
    private static func take(_ call: LoggedCall, at: Int64, path: String, from notes: inout [Entry]) -> Bool {
        guard let index = notes.firstIndex(where: {
            $0.method == call.method && $0.status == call.status && $0.path == path && window.contains(at - $0.time)
        }) else { return false }
        notes.remove(at: index)
        return true
    }

    /// Whether a path (query ignored) has a segment that is an id: 8 or more characters with a digit, such as
    /// a WABA id, a UUID or a WAMID (not `v24.0`, `platform`, `phone_numbers`).
    public static func hasID(_ path: String) -> Bool {
        // Asked after every GET: a path of printable ASCII without `%` is its own decoding, and its segments are
        // counted in bytes (one a character) without Foundation's percent decoding or `Character`s.
        if let answer = asciiHasID(path) { return answer }
        return decoded(path).split(separator: "/").contains { $0.count >= 8 && $0.contains { $0.isASCII && $0.isNumber } }
    }

    /// `hasID` for a path (query ignored) of printable ASCII without `%`; nil for any other path.
    static func asciiHasID(_ path: String) -> Bool? {
        var path = path
        return path.withUTF8 { bytes -> Bool? in
            var found = false
            var length = 0
            var digit = false
            for byte in bytes {
                if byte == UInt8(ascii: "?") { break }
                guard byte > 0x20, byte < 0x7F, byte != UInt8(ascii: "%") else { return nil }
                if byte == UInt8(ascii: "/") {
                    found = found || (length >= 8 && digit)
                    (length, digit) = (0, false)
                } else {
                    length += 1
                    digit = digit || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                }
            }
            return found || (length >= 8 && digit)
        }
    }

    /// The path of `url` after `host`, without its query, percent-decoded.
    static func decoded(_ path: String) -> String {
        let bare = path.prefix { $0 != "?" }
        // Nothing to decode without a `%` (Foundation's decoding costs ~40,000 instructions a path).
        guard bare.utf8.contains(UInt8(ascii: "%")) else { return String(bare) }
        return String(bare).removingPercentEncoding ?? String(bare)
    }

    // MARK: - The file

    func loadOnce() {
        guard !loaded else { return }
        loaded = true
        guard let path, let data = FileManager.default.contents(atPath: path), Self.isPrivateFile(path) else { return }
        var cleared = false
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
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
        // A file written before its notes were masked keeps no credential once read again.
        if cleared { rewrite(path) }
        // What earlier runs noted is not this session's.
        sessionStart = notes.count
    }

    /// The sixth field of a note that is no look-up.
    static let requestField = "request"

    /// Keeps the newest `limit` look-ups and the newest `requestLimit` other notes, in order; this session's start moves
    /// back by the notes dropped before it.
    private func prune() {
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

    private static func line(_ entry: Entry) -> String {
        let clean = { (text: String) in String(text.map { $0 == "\t" || $0.isNewline ? " " : $0 }) }
        let status = entry.status == 404 && entry.isLookUp ? "" : "\t\(entry.status)"
        let kind = entry.isLookUp ? "" : "\t" + requestField
        return "\(entry.time)\t\(clean(entry.method))\t\(clean(entry.host))\t\(clean(entry.path))\(status)\(kind)\n"
    }

    private func append(_ entry: Entry, to file: String) {
        guard let fd = Self.open(file, O_WRONLY | O_APPEND) else { return }
        defer { close(fd) }
        Self.write(Self.line(entry), to: fd)
    }

    private func rewrite(_ file: String) {
        guard let fd = Self.open(file, O_WRONLY | O_TRUNC) else { return }
        defer { close(fd) }
        Self.write(notes.map(Self.line).joined(), to: fd)
    }

    private static func write(_ text: String, to fd: Int32) {
        var bytes = Array(text.utf8)
        _ = bytes.withUnsafeMutableBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
    }

    /// Creates the folder (0700) and file (0600) as needed; refuses anything but a private regular file
    /// with one link, and does not follow a link (the file holds API paths, which may carry contacts' numbers).
    private static func open(_ file: String, _ flags: Int32) -> Int32? {
        var folder = ""
        for part in file.split(separator: "/").dropLast() {
            folder += "/" + part
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
