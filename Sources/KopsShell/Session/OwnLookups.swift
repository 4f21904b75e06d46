internal import Foundation
public import KapsoClient
internal import KapsoDiagnostics

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
        /// A read only this run makes (`markNewestReplayOnly`), never written to the file.
        public var replayOnly = false
        /// The read of the log page being made (`markNewestPageRead`), in memory, while that page is made.
        public var pageRead = false
    }

    /// The file, nil to keep notes in memory only.
    public let path: String?
    /// Whether `notes` holds the file's notes (`loadOnce`).
    var loaded = false
    /// Read by `kopsIDs` (OwnLookups+Marks.swift) after `loadOnce`: the file's notes, then this process's.
    var notes: [Entry] = []
    /// This process's notes made before the file was read: appended to the file already, added to `notes` by `loadOnce`.
    var unread: [Entry] = []
    /// The index in `notes` of this session's first note.
    var sessionStart = 0
    /// Set by `kops check` while it replays a transcript: the recording's instant (Unix seconds, the header's
    /// `recorded:`). Calls the replay's own API key made since then are earlier runs' (OwnLookups+Replay.swift).
    public var replaySince: Int64?
    /// How many of the newest notes no log entry is matched to: set by `logs` around the matching of a page it read, the
    /// read's own note being among the newest, while its entry cannot be on the page it answered. A replay's read of the
    /// log matched the recording's read of the same path in the same second (a fixed-clock simulator) as its own, and
    /// `logs` showed the recording's call (tester64b U1).
    var newestUnmatched = 0
    /// This session's notes that log entries may be matched to (all but the `newestUnmatched` newest).
    var sessionNotes: ArraySlice<Entry> { notes[sessionStart..<max(sessionStart, notes.count - newestUnmatched)] }
    /// The ids of the calls a replay left out as earlier runs' only for being successful reads with its key since the
    /// recording, to a path or status this replay's own calls did not have (`earlierReplays`): another client's reads
    /// with the same key would be among them, which `kops check` says.
    public internal(set) var assumedReads: Set<String> = []
    /// The ids of Kapso's normal answers (404 `Marketing preference not found`) a replay left out as earlier runs' though
    /// no call of the replay matched them (`earlierReplays`); `kops check` names them apart from reads (tester67b Z4).
    public internal(set) var assumedNormalAnswers: Set<String> = []
    /// Whether the transcript being replayed reads a marketing preference (`trace`, a template `reply`): only then can the
    /// replay, or an earlier run of it, have made Kapso's normal 404 since the recording (tester67b Z4).
    public var replayReadsPreferences = false
    /// Whether the replay found the API's clock behind the recording's (`learnReplayKeys`): the calls taken for earlier
    /// runs' may then be from before the recording too (tester66b X13), which `kops check` says.
    public var replayClockBehind = false
    /// The ids of the API keys this replay's own calls were logged with (`learnReplayKeys`).
    var replayKeys: Set<String> = []
    /// Set by `kops check` with `replaySince`: one read of the API log's newest calls, asked at most once, when a count
    /// holds calls of an unknown key since the recording and the calls counted taught no key (a failures-only list).
    public var replayKeyProbe: (() -> [APILog])?
    /// The journal, opened at the first note (OwnLookups+Journal.swift); -1 before, or when it cannot be opened.
    var descriptor: Int32 = -1
    var opened = false
    /// The file's size when this process opened it: `loadOnce` reads that much, this process's own notes being in
    /// `unread`.
    var sizeAtOpen: Int = .max
    /// The last client base URL noted, with its origin as the journal keeps it and its path.
    private var storedHost: (raw: String, origin: String, prefix: String)?

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

    deinit {
        if descriptor >= 0 { close(descriptor) }
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
    ///
    /// Called after every response: the journal is not read here (only where a note is matched, `loadOnce`), and the
    /// line is appended to the file kept open (#16: reading the journal at each process's first request cost 44 M
    /// instructions at 600 lines, opening it at every note 28,000 each).
    public func note(method: String, host: String, path: String, time: Int64, status: Int = 404, lookUp: Bool = true) {
        if host != storedHost?.raw {
            let (origin, prefix) = Self.origin(host)
            storedHost = (host, Self.stored(origin), prefix)
        }
        guard let (_, origin, prefix) = storedHost else { return }
        var entry = Entry(time: time, method: method, host: origin, path: Self.stored(Self.decoded(prefix + path)), status: status)
        entry.isLookUp = lookUp
        record(entry)
    }

    /// One call as Kapso logged it: an `/api_logs` entry, or a log search `external_api_log` event.
    public struct LoggedCall: Sendable {
        public var id: String
        public var method: String
        public var endpoint: String
        public var status: Int
        /// ISO-8601 UTC.
        public var time: String
        /// The API key's id (`api_key_id`), when the log names it: read only by a replay (`replaySince`).
        public var keyID: String?
        /// Kapso's normal answer, no failure (`ErrorTriage.isNormalAnswer`: a 404 `Marketing preference not found`, "none
        /// recorded"): a replay takes it for a read that succeeded (`earlierReplays`).
        public var isNormalAnswer = false

        init(id: String, method: String, endpoint: String, status: Int, time: String, keyID: String? = nil) {
            (self.id, self.method, self.endpoint, self.status, self.time, self.keyID) = (id, method, endpoint, status, time, keyID)
        }

        init(_ log: APILog) {
            self.init(
                id: log.id, method: log.httpMethod, endpoint: log.endpoint, status: log.responseStatus, time: log.createdAt,
                keyID: log.apiKeyID)
            isNormalAnswer = ErrorTriage.isNormalAnswer(log)
        }

        /// Nil for an event that is no API call (`source` other than `external_api_log`) or lacks its method, path or status.
        init?(_ event: LogSearchEvent) {
            guard event.source == "external_api_log", let method = event.httpMethod, let endpoint = event.endpoint,
                let status = event.responseStatus
            else { return nil }
            self.init(id: event.id, method: method, endpoint: endpoint, status: status, time: event.time, keyID: event.apiKeyID)
            isNormalAnswer = ErrorTriage.isNormalAnswer(method: method, endpoint: endpoint, status: status, message: event.errorMessage)
        }
    }

    /// The calls that are kops's own look-ups: all of them are left out; `session` are those matched to this
    /// session's notes, the ones to count (`ids` holds them too).
    public struct Matches: Sendable, Equatable {
        public var ids: Set<String> = []
        public var session: Set<String> = []
        /// Those that earlier runs of the transcript being replayed made (`earlierReplays`); empty in a live session.
        public var earlierRuns: Set<String> = []
        /// Those of this session's reads only a replay or a recording makes (`markNewestReplayOnly`).
        public var replayOnly: Set<String> = []
        /// The one matched to the read of the log page being made (`markNewestPageRead`).
        public var pageRead: Set<String> = []

        public var isEmpty: Bool { ids.isEmpty }
        public func contains(_ id: String) -> Bool { ids.contains(id) }
    }

    /// The API-log entries that are kops's own look-ups (each note matches at most one entry).
    /// `answered`: also reads by id that answered (not 404), for counts of all calls (`whois`); failure counts
    /// leave it false.
    /// `every`: every call kops made (lists, writes, polls too: the notes `kopsIDs` marks), this session's first, for a
    /// count of the project's calls that kops's own must not change (tester51 G5: `overview`'s total grew with each replay).
    public func ownLogIDs(in logs: [APILog], host: String, answered: Bool = false, every: Bool = false) -> Matches {
        ownIDs(
            in: logs.map(LoggedCall.init),
            host: host, answered: answered, every: every)
    }

    /// The log search events that are kops's own look-ups (API calls only; each note matches one event).
    public func ownEventIDs(in events: [LogSearchEvent], host: String) -> Matches {
        ownIDs(
            in: events.compactMap(LoggedCall.init), host: host)
    }

    /// The calls that are kops's own look-ups: the same method, path and status within `window` of a note (each
    /// note matches at most one call). This session's notes are matched first, so each of its look-ups is counted
    /// whatever earlier runs asked for the same path at the same time (a simulator's fixed clock).
    public func ownIDs(in calls: [LoggedCall], host: String, answered: Bool = false, every: Bool = false) -> Matches {
        loadOnce()
        let origin = Self.stored(Self.origin(host).origin)
        let fits = { (entry: Entry) in
            // A 429 kops was answered is its own too (tester61 AJ6: a health read refused by Kapso's 5 a second, then
            // sent again, was counted among the project's failed calls).
            Self.origin(entry.host).origin == origin && (every || entry.isLookUp && (answered || [404, 429].contains(entry.status)))
        }
        var session = sessionNotes.filter(fits)
        var earlier = notes[..<sessionStart].filter(fits)
        guard !session.isEmpty || !earlier.isEmpty || replaySince != nil else { return Matches() }
        var matches = Matches()
        var rest: [(call: LoggedCall, at: Int64, path: String)] = []
        for call in calls {
            guard let at = KapsoTime.seconds(iso: call.time) else { continue }
            let path = Self.stored(Self.decoded(call.endpoint))
            if let note = Self.taken(call, at: at, path: path, from: &session) {
                matches.ids.insert(call.id)
                matches.session.insert(call.id)
                if note.replayOnly { matches.replayOnly.insert(call.id) }
                if note.pageRead { matches.pageRead.insert(call.id) }
            } else {
                rest.append((call, at, path))
            }
        }
        rest.removeAll { call, at, path in
            guard Self.take(call, at: at, path: path, from: &earlier) else { return false }
            matches.ids.insert(call.id)
            return true
        }
        if replaySince != nil {
            for earlier in earlierReplays(among: rest, in: calls, origin: origin, answered: answered, every: every) {
                matches.ids.insert(earlier.call.id)
                matches.earlierRuns.insert(earlier.call.id)
            }
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

    /// Removes the newest of `notes` (oldest first) that `call` matches; false when none does.
    static func take(_ call: LoggedCall, at: Int64, path: String, from notes: inout [Entry]) -> Bool {
        taken(call, at: at, path: path, from: &notes) != nil
    }

    /// `take`, giving the note removed. The calls come newest first (the log's order), so the newest fitting note goes to
    /// each, as `kopsIDs` matches: identical calls in one second (a fixed-clock simulator: trace's read of the log and a
    /// replay's refill reads) then get their own notes, not each other's. Matched oldest note first, the newest row took
    /// the oldest note, and a refill read's mark (`replayOnly`) left trace's own row out (session 66, reverted e6c43ab8).
    static func taken(_ call: LoggedCall, at: Int64, path: String, from notes: inout [Entry]) -> Entry? {
        guard let index = notes.lastIndex(where: {
            $0.method == call.method && $0.status == call.status && $0.path == path && window.contains(at - $0.time)
        }) else { return nil }
        return notes.remove(at: index)
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
        // The query cut at its `?` byte, not by `Character`s (13,000 instructions a path), and a `%` looked for on the
        // way, in one read of the bytes in place (the views' generic searches cost about 2,000 a path).
        var text = path
        var bare = path
        let percent = text.withUTF8 { bytes -> Bool in
            var percent = false
            for index in bytes.indices {
                if bytes[index] == UInt8(ascii: "?") {
                    bare = String(decoding: UnsafeBufferPointer(rebasing: bytes[..<index]), as: UTF8.self)
                    break
                }
                percent = percent || bytes[index] == UInt8(ascii: "%")
            }
            return percent
        }
        // Nothing to decode without a `%` (Foundation's decoding costs ~40,000 instructions a path).
        guard percent else { return bare }
        return bare.removingPercentEncoding ?? bare
    }
}
