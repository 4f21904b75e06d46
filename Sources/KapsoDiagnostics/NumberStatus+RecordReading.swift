public import KapsoClient

// MARK: - Kapso's record of a number beside its health report (tester62 AK14, AL11)

extension NumberStatus {
    /// Kapso's stored record of a number (the number list's `status` and `quality_rating`, kapso-api.md §2.1) read beside
    /// its health report (§2.3: cached up to 3 min) as `numbers` reads it (`listed`), the one reading `overview` and
    /// `health` give (tester62 AL11: `numbers` said "cannot send … DISCONNECTED (Kapso's record); 'health ID' says what to
    /// do" and `health ID` then said a plain "healthy"). Kapso documents neither which one is current when they disagree
    /// nor how fast the record follows Meta, so a disagreement is named, never settled: the record may be stale, or the
    /// report cached.
    public struct RecordReading: Sendable, Equatable {
        /// The record's state when it is the one `numbers` states (the report names none) and it sends nothing
        /// (`Severity.critical`): `overview` and `health` exit 1 on it, as they do when the report names it.
        public var blocking: NumberStatus?
        /// The record's status and quality where the report names others (`DISCONNECTED`, `quality RED`); empty when none.
        public var recorded: [String] = []
        /// The report's words for the same (`CONNECTED`, `quality GREEN`), in the order of `recorded`.
        public var reported: [String] = []
        /// The record's state the report names nothing of that sends as usual or is not known (`RESTRICTED`), for a note.
        public var noted: NumberStatus?

        /// `number`'s record read against `read`, the session's health read of it (nil: none).
        public init(_ number: PhoneNumber, read: SenderState.HealthRead?) {
            let listed = NumberStatus.listed(number, read: read)
            switch listed.source {
            case .record:
                guard let state = listed.state else { break }
                if state.severity == .critical { blocking = state } else { noted = state }
            case .health:
                // A record of CONNECTED is no `NumberStatus`, yet it disagrees with a report naming another state as much
                // as the reverse does (tester63b AO10: record CONNECTED, report DISCONNECTED got no note).
                let connected = number.status?.filter { !$0.isWhitespace }.uppercased() == "CONNECTED"
                if let word = NumberStatus(status: number.status)?.word ?? (connected ? "CONNECTED" : nil), let health = read?.numberStatus,
                    word != health
                {
                    recorded.append(word)
                    reported.append(health)
                }
            }
            // Quality: RED is the one rating kops reads as a state (`NumberStatus`); the report's own RED is said by health.
            if number.qualityRating?.uppercased() == "RED", let quality = read?.quality, quality != "RED" {
                recorded.append("quality RED")
                reported.append("quality \(quality)")
            }
        }

        /// True when the record blocks: `overview` counts the number unhealthy, `health` exits 1.
        public var blocks: Bool { blocking != nil }

        /// `overview`'s headline note: `number BANNED (Kapso's record; the health report names no state)`, `number
        /// RESTRICTED (Kapso's record)`, `Kapso's record says DISCONNECTED and quality RED, health CONNECTED and quality
        /// GREEN`; nil when the record and the report agree.
        public var note: String? {
            if let blocking { return "number \(blocking.word) (Kapso's record; the health report names no state)" }
            var notes: [String] = []
            if let noted { notes.append("number \(noted.word) (Kapso's record)") }
            if !recorded.isEmpty {
                notes.append("Kapso's record says \(recorded.joined(separator: " and ")), health \(reported.joined(separator: " and "))")
            }
            return notes.isEmpty ? nil : notes.joined(separator: "; ")
        }

        /// `health`'s words for a disagreement: `Kapso's record of the number says DISCONNECTED, but this health check
        /// says CONNECTED: the record may be stale, or the check cached (Kapso keeps a report up to 3 min)`; nil when
        /// there is none (`recorded` empty).
        public var disagreement: String? {
            guard !recorded.isEmpty else { return nil }
            return "Kapso's record of the number says \(recorded.joined(separator: " and ")), but this health check says "
                + "\(reported.joined(separator: " and ")): the record may be stale, or the check cached (Kapso keeps a report up "
                + "to 3 min); which one holds is not known"
        }

        /// What to do about a disagreement: read again, then test.
        public static let next = "run 'health' again in 3 min; if the two still differ, send one test message to see "
            + "whether the number sends, and ask Kapso support which state is current ('numbers' shows the record)"

        /// What to do about a `blocking` record: the same, for a report that names no state.
        public static let blockingNext = "Kapso's record can lag Meta's state, and this report names no state of the number: "
            + "run 'health' again in 3 min; if it still names none, send one test message to see whether the number sends, "
            + "and ask Kapso support which state is current ('numbers' shows the record)"

        /// `{"status": "DISCONNECTED", "quality": "RED", "blocks": false, "note": "…"}`: the record's own words, for
        /// `health`'s JSON (`kops_record`).
        public func json(_ number: PhoneNumber) -> JSONValue {
            .object([
                "status": number.status.map(JSONValue.string) ?? .null,
                "quality": number.qualityRating.map(JSONValue.string) ?? .null,
                "blocks": .bool(blocks), "note": note.map(JSONValue.string) ?? .null,
            ])
        }
    }
}
