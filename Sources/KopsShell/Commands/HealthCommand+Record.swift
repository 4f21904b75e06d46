internal import KapsoClient
internal import KapsoDiagnostics

// MARK: - Kapso's record of the number beside the report (tester62 AL11)

extension HealthCommand {
    /// What `health` says of Kapso's record of the number (`NumberStatus.RecordReading`, the reading `numbers` and
    /// `overview` give): a record state that sends nothing where the report names none blocks, with its cause and fix;
    /// a record that disagrees with the report is a note. Both say the record may be stale or the report cached. Empty
    /// when they agree (tester62 AL11: `numbers` said "cannot send … DISCONNECTED (Kapso's record)", `health` "healthy").
    static func recordBlocks(_ reading: NumberStatus.RecordReading) -> [Block] {
        if let state = reading.blocking {
            return [
                .line(StyledText("")),
                .line(StyledText("blocking: number \(state.word) (Kapso's record; the health report names no state)", style: .bad)),
                .line(StyledText("  cause: \(state.cause)")), .line(StyledText("  fix:   \(state.fix)")),
                .line(StyledText("  note:  " + NumberStatus.RecordReading.blockingNext)),
            ]
        }
        var blocks: [Block] = []
        if let noted = reading.noted {
            blocks += [
                .line(StyledText("")),
                .line(StyledText("note: number \(noted.word) (Kapso's record; the health report names no state)", style: .warn)),
                .line(StyledText("  cause: \(noted.cause)")), .line(StyledText("  fix:   \(noted.fix)")),
            ]
        }
        if let disagreement = reading.disagreement {
            blocks += [
                .line(StyledText("")), .line(StyledText("note: \(disagreement)", style: .warn)),
                .line(StyledText("  next:  \(NumberStatus.RecordReading.next)")),
            ]
        }
        return blocks
    }

    /// `reading` as the exit says it when the record blocks and nothing else fails (`.kops.status` `unhealthy`, blocking
    /// and failing `kops_record`, the JSON's object of the record): not `healthy` beside an exit 1. Else `reading`.
    static func reading(_ reading: HealthReading, record: NumberStatus.RecordReading?) -> HealthReading {
        guard let state = record?.blocking, ["healthy", "not_known"].contains(reading.status) else { return reading }
        var read = reading
        read.status = "unhealthy"
        read.blocking = "kops_record"
        read.severity = "critical"
        read.failing.append("kops_record")
        read.summary = "healthy by Kapso's checks, but Kapso's record says \(state.word) (the health report names no state)"
        return read
    }

    /// The first line when the report alone reads healthy and the record says otherwise: `100200300400700: healthy by
    /// Kapso's checks (checked …), but Kapso's record says DISCONNECTED (below)`; nil when the record adds nothing.
    static func recordHeadline(_ reading: NumberStatus.RecordReading, id: String, when: String) -> StyledText? {
        if let state = reading.blocking {
            return StyledText("\(id): healthy by Kapso's checks\(when), but Kapso's record says \(state.word) (below)", style: .bad)
        }
        let said = reading.recorded.isEmpty ? reading.noted.map { [$0.word] } ?? [] : reading.recorded
        guard !said.isEmpty else { return nil }
        return StyledText(
            "\(id): healthy by Kapso's checks\(when), but Kapso's record says \(said.joined(separator: " and ")) (below)", style: .warn)
    }
}
