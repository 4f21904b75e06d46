internal import KapsoClient

// MARK: - The calls of earlier runs of a transcript being checked (tester62 AL2)

/// While `kops check` replays a transcript, the calls that the recording and earlier checks of it made are earlier
/// runs' look-ups, left out of failure counts (not counted), though this state folder never noted them.
///
/// The journal knows only the calls made with its own state folder. A check run with a fresh one (CI, a colleague's
/// machine) against an API that has kept the log of earlier runs saw their look-ups as the project's failures: the
/// recording's `message <mistyped WAMID>` became a new `errors` row, and each check's own look-ups the next check's
/// (`9 causes of 129 failures` → `10 causes of 131`, then 133); `overview`'s call count grew by each run's calls.
///
/// Kapso's API log names the key each call was made with (`api_key_id`, kapso-api.md §5), not the client. The replay
/// learns its own key from the entries its own notes match; a call of that key stamped at or after the recording began
/// (at any time, when the API's clock is behind the recording's: a simulator's fixed clock), either a read that
/// succeeded or a call to a method and path this replay has called too, is then one of the runs of this transcript (the
/// recording, whose session left its own out, or a check), as far as the log can tell. Another client's call with kops's
/// key to the same path answered the same status since the recording, or its successful read of any path, is left out as
/// well (`assumedReads` counts the reads no call of the replay matched, which `kops check` names); its failure or write to
/// another path, or answered another status, is the project's and shows (tester63b AO1, tester65 V1). A failure counted before the replay has made its
/// call (`errors` above the look-up) still counts the earlier runs' one. A live session (no `replaySince`) does none of
/// this.
extension OwnLookups {
    /// Adds the keys of the calls that match this session's notes (any call kops made) to `replayKeys`.
    /// Also lifts `replaySince` when this session's first note is stamped before it: the API's clock is behind the
    /// recording's `recorded:` (a simulator's fixed clock, which stamps calls in sequence from one instant), so when the
    /// recording began cannot be read from it. tester64 T13: `replaySince` was moved back to this session's first note,
    /// which left out earlier runs only while every call was stamped in one second; from the third check with a fresh
    /// state folder the log's stamps had passed it, and `overview`'s "0 total" became 113, then 122.
    func learnReplayKeys(from calls: [LoggedCall], origin: String) {
        // Every note of the session tells the API's clock, the read being matched too (tester65 V6: a transcript whose
        // first command is `logs` kept the recording's instant, and the fixed-clock simulator's calls were all before it).
        let stamps = notes[sessionStart...].filter { Self.origin($0.host).origin == origin }.map(\.time)
        if let first = stamps.min(), let since = replaySince, first < since { (replaySince, replayClockBehind) = (.min, true) }
        var open = sessionNotes.filter { Self.origin($0.host).origin == origin }
        guard !open.isEmpty else { return }
        for call in calls {
            guard let key = call.keyID, !replayKeys.contains(key), let at = KapsoTime.seconds(iso: call.time),
                Self.take(call, at: at, path: Self.stored(Self.decoded(call.endpoint)), from: &open)
            else { continue }
            replayKeys.insert(key)
        }
    }

    /// The calls of `rest` (those no note matched) that earlier runs of the transcript being replayed made. The replay's
    /// key is learned first from `calls` and, when they teach none and some call of `rest` could be an earlier run's,
    /// from one read of the newest calls (`replayKeyProbe`): a failures-only list (`errors`) before the session's first
    /// look-up holds none of the session's own calls. A replay on a fresh simulator has no such call (every call
    /// since the recording is its own, matched) and asks nothing more.
    func earlierReplays(
        among rest: [(call: LoggedCall, at: Int64, path: String)], in calls: [LoggedCall], origin: String, answered: Bool,
        every: Bool
    ) -> [(call: LoggedCall, at: Int64, path: String)] {
        learnReplayKeys(from: calls, origin: origin)
        guard let since = replaySince else { return [] }
        // A failure or a write only when this replay has made the same call too (method and path): another client's new
        // failure on another path since the recording is the project's, and the check shows it (tester63b AO1: every GET
        // of the key was left out). A read that succeeded (a GET answered 2xx) to any path: kops's commands read, and
        // the calls of a command later in the transcript, which the replay has not yet made, are earlier runs' too
        // (tester64b U1: `use` / `overview` checked with a fresh state folder counted the recording's calls, 0 → 4 → 8 total).
        // Of the kind the count leaves out: a look-up answered 404 or 429, a read by id when `answered`, any call when
        // `every`.
        // The same call is the same method and path answered the same status: another client's 400 to a path this
        // replay read with a 200 is the project's new failure (tester65 V1: a check said "output unchanged" over 10 of them).
        let made = Set(
            notes[sessionStart...].filter { Self.origin($0.host).origin == origin }.map { Self.callKey($0.method, $0.status, $0.path) })
        var assumed: Set<String> = []
        var answers: Set<String> = []
        let candidates = rest.filter { call, at, path in
            guard call.keyID != nil, at >= since,
                every || call.method == "GET" && (answered || [404, 429].contains(call.status))
            else { return false }
            if made.contains(Self.callKey(call.method, call.status, path)) { return true }
            // Kapso's normal answer is a read that succeeded too: trace's marketing-preference look-up ("none recorded")
            // before `record`, which the recording left out as kops's own, showed at every check as another client's
            // failed call (tester66b X3). Another client's failures, writes and other 404s still show.
            // Only where a run of this transcript could have made it (tester67b Z4: another client's such 404s since the
            // recording were left out, and called successful reads): a line of the transcript reads a preference, or the
            // API's clock cannot tell the recording session's look-ups before `record` from later calls.
            if Self.isRead(call, path: path) {
                assumed.insert(call.id)
                return true
            }
            guard call.isNormalAnswer, replayReadsPreferences || replayClockBehind else { return false }
            answers.insert(call.id)
            return true
        }
        guard !candidates.isEmpty else { return [] }
        if replayKeys.isEmpty, let probe = replayKeyProbe {
            replayKeyProbe = nil
            let before = notes.count + unread.count
            let read = probe()
            // The probe is a read only a replay makes: a later log page leaves its row out, as it leaves the refill reads'
            // (tester67b Z5: `record` mid-session, `logs`, `logs`; the replay's first own call was the first page's read, so
            // the key was learned by this probe, whose row the second page showed as one more `(kops)` call).
            if notes.count + unread.count > before { markNewestReplayOnly() }
            learnReplayKeys(from: read.map(LoggedCall.init), origin: origin)
        }
        // Those made with the replay's own key.
        let earlier = candidates.filter { $0.call.keyID.map(replayKeys.contains) == true }
        assumedReads.formUnion(earlier.lazy.map(\.call.id).filter(assumed.contains))
        assumedNormalAnswers.formUnion(earlier.lazy.map(\.call.id).filter(answers.contains))
        return earlier
    }

    /// `METHOD STATUS PATH`: what makes two calls the same call for `earlierReplays`.
    static func callKey(_ method: String, _ status: Int, _ path: String) -> String {
        method + " " + String(status) + " " + path
    }

    /// A read that succeeded: a GET, or a log search (a POST that changes nothing), answered 2xx. tester65 V3: `overview`
    /// counted the earlier runs' log searches of an `errors` or `trace` after it.
    static func isRead(_ call: LoggedCall, path: String) -> Bool {
        (200..<300).contains(call.status) && (call.method == "GET" || call.method == "POST" && path.hasSuffix("/log_search"))
    }

    /// The entries of an API-log page that earlier runs of the transcript being replayed made, of every kind (the
    /// `earlierReplays` of `ownIDs(every: true)`), and those of this state folder's notes from before the session
    /// (`leftOut`), for `logs` to leave out of its rows (tester63b AO2) while a transcript is replayed or `recording`.
    /// Empty in a live session that records nothing.
    func earlierRunIDs(in logs: [APILog], host: String, recording: Bool = false) -> Set<String> {
        guard replaySince != nil || recording else { return [] }
        return Self.leftOut(ownLogIDs(in: logs, host: host, every: true))
    }

    /// The calls of `matches` a transcript's log page leaves out: earlier runs' (a replay), and kops's own calls made
    /// before the session (`record` or the check) began. tester63 AN11: a transcript recorded mid-session (`numbers`,
    /// `use`, `messages`, then `record`) listed kops's calls from before `record` on its first `logs` page; a replay
    /// makes none of them (a fresh demo simulator never has them), and the check failed ("-81 calls" / "+65 calls").
    /// They are kops's, not the project's, and not the transcript's.
    static func leftOut(_ matches: Matches) -> Set<String> {
        matches.earlierRuns.union(matches.ids.subtracting(matches.session)).union(matches.replayOnly)
    }

    /// Marks the newest note as a read only this run makes: a log page read again with room, on with its cursor, or to
    /// its last row (`LogsCommand.page`, `LogSearchInput.refilled`). The recording made no such read, so a later page
    /// leaves its row out (`leftOut`): a replay's `logs --all` after `logs --ids` listed them ("-55 calls" / "+56 calls",
    /// tester65 a8).
    func markNewestReplayOnly() {
        markNewest(\.replayOnly)
    }

    /// Marks the newest note as the read of the log page being made (`LogsCommand.page`), or (`false`) clears that mark
    /// once the page is made: its row is newer than the page and left out of it wherever the log's order put it, and shows
    /// on later pages (the recording's read did).
    func markNewestPageRead(_ on: Bool = true) {
        guard on else {
            for index in unread.indices where unread[index].pageRead { unread[index].pageRead = false }
            for index in notes.indices.reversed() where notes[index].pageRead { notes[index].pageRead = false }
            return
        }
        markNewest(\.pageRead)
    }

    /// Sets `mark` on the newest note: the newest not yet written to the file, else the newest kept.
    private func markNewest(_ mark: WritableKeyPath<Entry, Bool>) {
        if !unread.isEmpty {
            unread[unread.count - 1][keyPath: mark] = true
        } else if !notes.isEmpty {
            notes[notes.count - 1][keyPath: mark] = true
        }
    }
}
