/// How many recorded commands a replay did not run, by why: the count `kops check` ends with.
extension TranscriptChecker.Outcome {
    /// The commands not replayed and why, as counts in the order shown: `(9, "1 write, 8 with redacted values")`; nil
    /// when every command was replayed.
    ///
    /// Each line counts once, for its first kind in this order: a write whose recorded block shows it was refused or
    /// failed (`notAcceptedWhenRecorded`), a write not sent (`writesNotReplayed`, `writesNotSent`: one with a redacted
    /// value too is a write), a line with redacted values (`redacted`), a snapshot block, the lines from a `profile use`
    /// that switched API or key, or from a second transcript pasted below the first, on (`stoppedAt`), any other line kept as recorded (`keptAsRecorded`: Ctrl-C when
    /// recorded, `bundle`, a line that reads an unreplayed result…). probe40 P40-11: nine lines were named "not
    /// replayed", and the summary counted "1 write was not sent" alone.
    public var notReplayed: (count: Int, kinds: String)? {
        var seen: Set<Int> = []
        func count(_ lines: [Int]) -> Int {
            lines.filter { seen.insert($0).inserted }.count
        }
        // A write whose answer was not seen when recorded is no refusal (tester51 N8).
        let unknown = count(unansweredWrites)
        let refused = count(notAcceptedWhenRecorded)
        let writes = count(writesNotReplayed.map(\.line) + writesNotSent.map(\.line))
        let redactedLines = count(redacted.keys.sorted())
        let other = count(keptAsRecorded.map(\.line))
        let stopped = stoppedAt.map { $0.after + 1 } ?? 0
        // What the replay stopped at, named as found (fixC's leftover: a pasted part was called "the switch").
        let pasted = stoppedAt?.reason.hasPrefix(TranscriptChecker.pastedPartReason) == true
        let stoppedFrom = "from the " + (pasted ? "second transcript pasted" : "switch") + " at line "
            + "\(stoppedAt?.line ?? 0) on"
        let kinds: [(Int, String, String)] = [
            (unknown, "write with an unknown outcome when recorded", "writes with an unknown outcome when recorded"),
            (refused, "refused or failed when recorded", "refused or failed when recorded"),
            (writes, "write", "writes"),
            (redactedLines, "with redacted values", "with redacted values"),
            (snapshots, "in a snapshot", "in a snapshot"),
            (stopped, stoppedFrom, stoppedFrom),
            (other, "for another reason", "for other reasons"),
        ]
        let shown = kinds.filter { $0.0 > 0 }.map { "\($0.0) \($0.0 == 1 ? $0.1 : $0.2)" }
        let total = unknown + refused + writes + redactedLines + snapshots + stopped + other
        return total == 0 ? nil : (total, shown.joined(separator: ", "))
    }

    /// `9 of 11 commands were not replayed (1 write, 8 with redacted values)`; nil when every command was replayed.
    public var notReplayedLine: String? {
        guard let (count, kinds) = notReplayed else { return nil }
        let verb = count == 1 ? "was" : "were"
        return "\(count) of \(commands) \(commands == 1 ? "command" : "commands") \(verb) not replayed (\(kinds))"
    }

    /// After `N commands, output unchanged`: `; 1 of them was not replayed (1 write)` (`; it was not replayed (…)` for
    /// one command), or nothing.
    public var notReplayedNote: String {
        guard let (count, kinds) = notReplayed else { return "" }
        let which = commands == 1 ? "it" : "\(count) of them"
        return "; \(which) \(count == 1 ? "was" : "were") not replayed (\(kinds))"
    }

    /// After `N commands, output unchanged`: `; only the layout of 'webhooks check' (line 25) and 'deliveries stats'
    /// (lines 47, 51) is an earlier kops's (a fix's commands on one line, no bars in deliveries stats), not what they
    /// say`, or nothing (tester59b AG18).
    public var earlierLayoutNote: String {
        guard !earlierLayout.isEmpty else { return "" }
        return "; only the layout of " + Self.blocks(earlierLayout)
            + " differs: an earlier kops wrote it (a fix's commands a line each, bars in deliveries stats), what it says is the same"
    }

    /// After `N commands, output unchanged`: `; only ages in 'webhooks check' (lines 36, 38) moved, as the clock did since
    /// the recording (… ago, … left): the same instants, read later`, or nothing (tester61 AJ12).
    public var movedAgesNote: String {
        guard !movedAges.isEmpty else { return "" }
        return "; only ages in " + Self.blocks(movedAges)
            + " moved, as the clock did since the recording (… ago, … left): the same instants, read later"
    }

    /// After `N commands, output unchanged`: `; only the ids of kops's own calls in 'logs --ids' (line 20) differ: …`, or
    /// nothing (tester64b U2).
    public var ownCallIDsNote: String {
        guard !ownCallIDs.isEmpty else { return "" }
        return "; only the ids and times of kops's own calls in " + Self.blocks(ownCallIDs)
            + " differ: each run makes them anew (API log id, request id, time)"
    }

    /// A line saying that `assumedEarlierReads` reads were taken for earlier runs' calls, or nil (tester65 V1): a check
    /// cannot tell another client's successful reads with the same key from them.
    public var assumedReadsLine: String? {
        guard assumedEarlierReads + assumedNormalAnswers > 0 else { return nil }
        // tester67b Z4: Kapso's normal 404s were counted as "successful reads".
        let answers = assumedNormalAnswers == 1
            ? "1 'Marketing preference not found' answer (Kapso's normal 404)"
            : "\(assumedNormalAnswers) 'Marketing preference not found' answers (Kapso's normal 404)"
        let successful = assumedEarlierReads == 1 ? "1 successful read" : "\(assumedEarlierReads) successful reads"
        let reads = [assumedEarlierReads > 0 ? successful : nil, assumedNormalAnswers > 0 ? answers : nil].compactMap { $0 }
            .joined(separator: " and ")
        let taken = "\(assumedEarlierReads + assumedNormalAnswers == 1 ? "was" : "were") taken for earlier runs of this transcript and left out of counts and log pages"
        let others = assumedNormalAnswers > 0 ? "another client's reads and such answers with the same key" : "another client's reads with the same key"
        // tester66b X13: on a fixed clock every call bears the same time, and reads the recording showed, made before it,
        // were said to be "since the recording".
        guard !clockBehind else {
            return "note: \(reads) with this API key, to paths this replay did not read, \(taken): the API's clock is behind "
                + "the recording's (a fixed-clock simulator), so the log cannot tell them from \(assumedNormalAnswers > 0 ? "calls" : "reads") made before the recording; "
                + "\(others) would be too, before the recording or since"
        }
        return "note: \(reads) with this API key since the recording, to paths this replay did not read, \(taken); "
            + "\(others) would be too"
    }

    /// Hunks' `@@ line N (in 'COMMAND')` lines as `'COMMAND' (lines N, M) and 'OTHER' (line K)`.
    static func blocks(_ headers: [String]) -> String {
        var order: [String] = []
        var lines: [String: [String]] = [:]
        for header in headers {
            let number = String(header.dropFirst(8).prefix { $0.isNumber })
            let command = header.firstRange(of: " (in ").map { String(header[$0.upperBound...].dropLast()) } ?? "the header"
            if lines[command] == nil { order.append(command) }
            lines[command, default: []].append(number)
        }
        return order.map { command in
            let numbers = lines[command] ?? []
            return "\(command) (\(numbers.count == 1 ? "line" : "lines") \(numbers.joined(separator: ", ")))"
        }.joined(separator: " and ")
    }
}
