internal import Foundation
internal import KapsoClient

/// Ages that moved only because the clock did (tester61 AJ12): a transcript recorded against a real API or a simulator
/// on its own clock holds `(33 s ago)`, `closed 14 d 5 h ago`, `(3 h left)`, worked out from the recording's now; a replay
/// minutes later prints `(37 s ago)` for the same instant, and `kops check` failed on every such line. A hunk whose lines
/// are the same but for their ages, each moved the way the clock moved (an age `ago` grew, one `left` shrank) by no more
/// than the time since the recording, says the same thing read later: no change. Any other difference in the hunk, an age
/// that moved the other way or further than the clock did, is a change as before. A demo transcript pins its clock
/// (`<!-- clock: … -->`), so its ages never move. The same holds for a quiet time (`no new attempt for 21 h 35 min or
/// more`) and for the instant a live check ran (`health`'s `(checked 2026-12-06T18:00:00Z)`), which a replay runs anew:
/// each may move forward by the time since the recording, no more (tester62 AK10).
extension TranscriptChecker {
    /// `diff` without the hunks whose recorded (`-`) and replayed (`+`) lines differ only in ages that moved with the
    /// clock, `elapsed` seconds at most (the time since the header's `recorded:`, `recorded` Unix seconds; nil: unknown,
    /// no hunk is left out); `hunks` are their `@@` lines, to name the blocks.
    static func withoutMovedAges(_ diff: [String], elapsed: Int64?, recorded: Int64? = nil) -> (diff: [String], hunks: [String]) {
        guard let elapsed, elapsed >= 0 else { return (diff, []) }
        return setAside(diff) { removed, added in
            removed.count == added.count
                && zip(removed, added).allSatisfy {
                    ElapsedPhrases($0).movedTo(ElapsedPhrases($1), within: elapsed, recorded: recorded)
                }
        }
    }
}

/// A line's ages (`Elapsed.text` followed by ` ago` or ` left`, or after `for` and followed by ` or more`: `no new attempt
/// for 21 h 35 min or more`, the time since a delivery's last attempt) and the instants of live checks (`checked
/// 2026-12-06T18:00:00Z`, when a health check ran: a replay runs a new one) taken out: the rest of the line, and each as
/// the span of seconds its words allow (`2 h 45 min` is 9,900 to 9,959 s; an instant, its Unix seconds).
struct ElapsedPhrases {
    struct Age {
        var low: Int64
        var high: Int64
        /// True for `… ago`, `for … or more` and an instant (grow as time passes), false for `… left` (shrinks).
        var grows: Bool
        /// True for an instant (`checked 2026-12-06T18:00:00Z`): `low` and `high` are Unix seconds.
        var isInstant = false
        /// True for a health check's instant, which Kapso may serve from its cache (`healthCacheSeconds`).
        var cached = false
    }

    /// What stands in the compared rest of the line for an age or instant taken out, by kind: two lines read alike only
    /// when each holds the same kinds at the same places.
    static let ageMark = "\u{1}"
    static let orMoreMark = "\u{1}+"
    static let instantMark = "\u{2}"
    /// How long Kapso serves a health check from its cache, 3 min per number (kapso-api.md §2.3, "Caching & limits").
    static let healthCacheSeconds: Int64 = 180

    var rest: String
    var ages: [Age]

    static let units: [(word: String, seconds: Int64)] = [("d", 86_400), ("h", 3_600), ("min", 60), ("s", 1)]

    init(_ line: Substring) {
        var rest = ""
        var ages: [Age] = []
        let words = line.split(separator: " ", omittingEmptySubsequences: false)
        var index = 0
        while index < words.count {
            if let (age, used) = Self.age(words, at: index) {
                ages.append(age)
                // What stands around the age (`(` before it, `),` after `ago`) stays in the line compared.
                let tail = words[index + used - 1].drop { $0.isLetter }
                let mark = words[index + used - 1].hasPrefix("more") ? Self.orMoreMark : Self.ageMark
                rest += (words[index].hasPrefix("(") ? "(" : "") + mark + tail
                index += used
                if index < words.count { rest += " " }
                continue
            }
            if let (instant, head, tail) = Self.checkedInstant(words, at: index).map({ ($0.0, Substring(""), $0.1) })
                ?? Self.windowBound(words, at: index).map({ ($0.0, Substring(""), $0.1) }) ?? Self.jsonWindowBound(words, at: index)
            {
                let cached = words[index - 1].hasSuffix("checked")
                ages.append(Age(low: instant, high: instant, grows: true, isInstant: true, cached: cached))
                rest += head + Self.instantMark + tail
                index += 1
                if index < words.count { rest += " " }
                continue
            }
            if let (bounds, shown) = Self.searchCursorWindow(words, at: index) {
                ages += bounds.map { Age(low: $0, high: $0, grows: true, isInstant: true) }
                rest += shown
                index += 1
                if index < words.count { rest += " " }
                continue
            }
            rest += words[index]
            if index + 1 < words.count { rest += " " }
            index += 1
        }
        (self.rest, self.ages) = (rest, ages)
    }

    /// The age starting at `words[index]` (its number, optionally with a leading `(`), and how many words it takes
    /// with its `ago`/`left`; nil when none starts there.
    static func age(_ words: [Substring], at index: Int) -> (Age, Int)? {
        var seconds: Int64 = 0
        var smallest: Int64 = 0
        var used = 0
        var previous = Int64.max
        while index + used + 1 < words.count, used < 4 {
            var number = words[index + used]
            if used == 0, number.hasPrefix("(") { number = number.dropFirst() }
            guard let value = Int64(number), let unit = units.first(where: { $0.word == words[index + used + 1] }),
                unit.seconds < previous
            else { break }
            seconds += value * unit.seconds
            (smallest, previous) = (unit.seconds, unit.seconds)
            used += 2
        }
        guard used > 0, index + used < words.count else { return nil }
        let tail = words[index + used]
        // `Elapsed.text` leaves out a zero minute or hour: `3 h` stands for 3 h 0 min to 3 h 0 min 59 s.
        let resolution = smallest == 3_600 && used == 2 ? 60 : smallest == 86_400 ? 3_600 : smallest
        // `for 21 h 35 min or more`: the time since something last happened, which grows as `ago` does.
        if tail == "or", index > 0, words[index - 1] == "for", index + used + 1 < words.count,
            Self.isWord(words[index + used + 1], "more")
        {
            return (Age(low: seconds, high: seconds + resolution - 1, grows: true), used + 2)
        }
        let grows: Bool
        if Self.isWord(tail, "ago") { grows = true } else if Self.isWord(tail, "left") { grows = false } else { return nil }
        return (Age(low: seconds, high: seconds + resolution - 1, grows: grows), used + 1)
    }

    /// True when `text` is `word`, then only punctuation (`ago),`): `agony` is not `ago`.
    static func isWord(_ text: Substring, _ word: String) -> Bool {
        text.hasPrefix(word) && !text.dropFirst(word.count).contains { $0.isLetter }
    }

    /// The instant at `words[index]` when the word before it is `checked` (`(checked 2026-12-06T18:00:00Z)`), as Unix
    /// seconds, and what follows it in its word (`)`, `):`); nil otherwise.
    static func checkedInstant(_ words: [Substring], at index: Int) -> (Int64, Substring)? {
        guard index > 0, words[index - 1].hasSuffix("checked"), words[index - 1].dropLast(7).allSatisfy({ !$0.isLetter }),
            let end = words[index].firstIndex(of: "Z")
        else { return nil }
        let iso = words[index][...end]
        guard iso.count >= 20, let seconds = KapsoTime.seconds(iso: String(iso)) else { return nil }
        return (seconds, words[index][words[index].index(after: end)...])
    }

    /// An instant of a search window's bounds, `from 2026-12-06T09:17:35Z to 2026-12-07T09:17:35Z` (`logs search`'s
    /// header), at `words[index]`, as Unix seconds, and what follows it in its word; nil otherwise. Without `--since` and
    /// `--until` they are the API's now less 24 h and its now, which a replay reads anew (tester66b X5: on a running clock a
    /// check in another second than the recording failed on `10 events from … to …` alone); bounds that were given do not
    /// move, and any other move is a change as before.
    static func windowBound(_ words: [Substring], at index: Int) -> (Int64, Substring)? {
        func instant(_ word: Substring) -> (Int64, Substring)? {
            guard let end = word.firstIndex(of: "Z"), word[...end].count >= 20, let seconds = KapsoTime.seconds(iso: String(word[...end]))
            else { return nil }
            return (seconds, word[word.index(after: end)...])
        }
        guard index > 0 else { return nil }
        if words[index - 1] == "from", index + 2 < words.count, words[index + 1] == "to", instant(words[index + 2]) != nil {
            return instant(words[index])
        }
        if words[index - 1] == "to", index >= 3, words[index - 3] == "from", instant(words[index - 2]) != nil {
            return instant(words[index])
        }
        return nil
    }

    /// A search window's bound in `logs search --output json` (`"since": "2026-12-06T11:28:10.123456Z",`, in the page's
    /// `window` too) at `words[index]`: its Unix seconds, the opening quote before it and what follows it in its word; nil
    /// otherwise. tester67b Z6: on a running clock the default window is the API's now, to the microsecond, and every check
    /// failed on these two lines alone. Read as `windowBound`'s: moved forward by no more than the time since the
    /// recording is no change (given bounds do not move).
    static func jsonWindowBound(_ words: [Substring], at index: Int) -> (Int64, Substring, Substring)? {
        guard index > 0, words[index - 1] == "\"since\":" || words[index - 1] == "\"until\":", words[index].hasPrefix("\""),
            let end = words[index].firstIndex(of: "Z"), words[index][words[index].index(after: end)...].hasPrefix("\"")
        else { return nil }
        let iso = words[index][words[index].index(after: words[index].startIndex)...end]
        guard iso.count >= 20, let seconds = KapsoTime.seconds(iso: String(iso)) else { return nil }
        return (seconds, "\"", words[index][words[index].index(after: end)...])
    }

    /// The window a log search cursor carries (`"next_cursor": "eyJ2Ijox…",`: base64 of a JSON object whose `s` and `u` are
    /// the window's bounds in Unix microseconds) at `words[index]`: the two bounds as Unix seconds, and the word with the
    /// cursor read without them, so two cursors of the same page read in another second compare alike (tester67b Z6: on
    /// a running clock the cursor differed at every check). Nil for any other word, or a cursor of another shape.
    static func searchCursorWindow(_ words: [Substring], at index: Int) -> ([Int64], String)? {
        guard index > 0, words[index - 1] == "\"next_cursor\":", words[index].hasPrefix("\""),
            let close = words[index].dropFirst().firstIndex(of: "\"")
        else { return nil }
        var base64 = String(words[index][words[index].index(after: words[index].startIndex)..<close])
            .replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        guard let data = Data(base64Encoded: base64),
            let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
            let since = (object["s"] as? NSNumber)?.int64Value, let until = (object["u"] as? NSNumber)?.int64Value,
            let rest = try? JSONSerialization.data(withJSONObject: object.filter { $0.key != "s" && $0.key != "u" }, options: .sortedKeys)
        else { return nil }
        return ([since / 1_000_000, until / 1_000_000], "\"" + instantMark + String(decoding: rest, as: UTF8.self) + instantMark
            + words[index][close...])
    }

    /// True when `replayed` is this line with every age moved as the clock moves, by 0 to `elapsed` seconds (a line
    /// with none is no age change). An instant recorded before `recorded` (Unix seconds, when known) may move up to
    /// `healthCacheSeconds` further: a check Kapso served from its cache ran before the recording.
    func movedTo(_ replayed: ElapsedPhrases, within elapsed: Int64, recorded: Int64? = nil) -> Bool {
        guard rest == replayed.rest, ages.count == replayed.ages.count, !ages.isEmpty else { return false }
        return zip(ages, replayed.ages).allSatisfy { old, new in
            guard old.grows == new.grows, old.isInstant == new.isInstant else { return false }
            // The most and least the true age can have moved, given each side's span.
            let most = old.grows ? new.high - old.low : old.high - new.low
            let least = old.grows ? new.low - old.high : old.low - new.high
            let cached = recorded.map { min(max($0 - old.high, 0), Self.healthCacheSeconds) } ?? 0
            let bound = elapsed + (old.cached ? cached : 0)
            return most >= 0 && least <= bound
        }
    }
}
