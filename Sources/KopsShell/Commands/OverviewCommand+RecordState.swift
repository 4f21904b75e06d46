internal import KapsoClient
internal import KapsoDiagnostics

// MARK: - The number's state as 'numbers' states it (tester62 AK14)

extension OverviewCommand {
    /// What `overview` adds to a number's headline from its state as `numbers` reads it (`NumberStatus.listed`): `blocks`
    /// when the health report names no state and Kapso's record names one that sends nothing (`number BANNED (Kapso's
    /// record; the health report names no state)`); else a note for any other state the record names that health does not
    /// (`number RESTRICTED (Kapso's record)`, `Kapso's record says BANNED, health CONNECTED`); nil when they agree or both
    /// show nothing wrong. The report's own state is read by `HealthTriage` as before.
    static func recordState(_ number: PhoneNumber, read: SenderState.HealthRead?) -> (blocks: Bool, note: String?) {
        let listed = NumberStatus.listed(number, read: read)
        switch listed.source {
        case .record:
            guard let state = listed.state, !state.word.hasPrefix("quality") else { return (false, nil) }
            let blocks = state.severity == .critical
            return (blocks, "number \(state.word) (Kapso's record" + (blocks ? "; the health report names no state)" : ")"))
        case .health:
            let recorded = NumberStatus(status: number.status)
            guard let recorded, let health = read?.numberStatus, recorded.word != health else { return (false, nil) }
            return (false, "Kapso's record says \(recorded.word), health \(health)")
        }
    }
}
