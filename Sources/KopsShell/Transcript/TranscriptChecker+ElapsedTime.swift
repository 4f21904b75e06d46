/// Ages that moved only because the clock did (tester61 AJ12): a transcript recorded against a real API or a simulator
/// on its own clock holds `(33 s ago)`, `closed 14 d 5 h ago`, `(3 h left)`, worked out from the recording's now; a replay
/// minutes later prints `(37 s ago)` for the same instant, and `kops check` failed on every such line. A hunk whose lines
/// are the same but for their ages, each moved the way the clock moved (an age `ago` grew, one `left` shrank) by no more
/// than the time since the recording, says the same thing read later: no change. Any other difference in the hunk, an age
/// that moved the other way or further than the clock did, is a change as before. A demo transcript pins its clock
/// (`<!-- clock: … -->`), so its ages never move.
extension TranscriptChecker {
    /// `diff` without the hunks whose recorded (`-`) and replayed (`+`) lines differ only in ages that moved with the
    /// clock, `elapsed` seconds at most (the time since the header's `recorded:`; nil: unknown, no hunk is left out);
    /// `hunks` are their `@@` lines, to name the blocks.
    static func withoutMovedAges(_ diff: [String], elapsed: Int64?) -> (diff: [String], hunks: [String]) {
        guard let elapsed, elapsed >= 0 else { return (diff, []) }
        var kept: [String] = []
        var agesOnly: [String] = []
        var hunk: [String] = []
        func close() {
            guard let header = hunk.first else { return }
            let removed = hunk.dropFirst().filter { $0.hasPrefix("-") }.map { ElapsedPhrases($0.dropFirst()) }
            let added = hunk.dropFirst().filter { $0.hasPrefix("+") }.map { ElapsedPhrases($0.dropFirst()) }
            if !removed.isEmpty, removed.count == added.count, zip(removed, added).allSatisfy({ $0.movedTo($1, within: elapsed) }) {
                agesOnly.append(header)
            } else {
                kept += hunk
            }
            hunk = []
        }
        for line in diff {
            if line.hasPrefix("@@ ") { close() }
            hunk.append(line)
        }
        close()
        return (kept, agesOnly)
    }
}

/// A line's ages (`Elapsed.text` followed by ` ago` or ` left`) taken out: the rest of the line, and each age as the
/// span of seconds its words allow (`2 h 45 min` is 9,900 to 9,959 s).
struct ElapsedPhrases {
    struct Age {
        var low: Int64
        var high: Int64
        /// True for `… ago` (grows as time passes), false for `… left` (shrinks).
        var grows: Bool
    }

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
                rest += (words[index].hasPrefix("(") ? "(" : "") + "\u{1}" + tail
                index += used
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
        let grows: Bool
        if tail.hasPrefix("ago") { grows = true } else if tail.hasPrefix("left") { grows = false } else { return nil }
        // `Elapsed.text` leaves out a zero minute or hour: `3 h` stands for 3 h 0 min to 3 h 0 min 59 s.
        let resolution = smallest == 3_600 && used == 2 ? 60 : smallest == 86_400 ? 3_600 : smallest
        guard words[index + used].count == (grows ? 3 : 4) || !(words[index + used].last?.isLetter ?? true) else { return nil }
        return (Age(low: seconds, high: seconds + resolution - 1, grows: grows), used + 1)
    }

    /// True when `replayed` is this line with every age moved as the clock moves, by 0 to `elapsed` seconds, and at
    /// least one age differs (a line with none is no age change).
    func movedTo(_ replayed: ElapsedPhrases, within elapsed: Int64) -> Bool {
        guard rest == replayed.rest, ages.count == replayed.ages.count, !ages.isEmpty else { return false }
        return zip(ages, replayed.ages).allSatisfy { old, new in
            guard old.grows == new.grows else { return false }
            // The most and least the true age can have moved, given each side's span.
            let most = old.grows ? new.high - old.low : old.high - new.low
            let least = old.grows ? new.low - old.high : old.low - new.high
            return most >= 0 && least <= elapsed
        }
    }
}
