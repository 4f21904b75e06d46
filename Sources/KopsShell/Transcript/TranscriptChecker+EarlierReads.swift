internal import KapsoClient
internal import KapsoDiagnostics

extension TranscriptChecker {
    /// Reads again what the header says the session had read of the project's numbers when the recording started
    /// (`TranscriptHeader+EarlierReads`, tester69b D11): the records of the numbers it names (`all`: the whole list, as
    /// `use` keeps it) and each number's health, `health`'s way when `health` read it. Made now, on the API the check
    /// replays on: unchanged data gives the verdicts the recording gave, a change since shows in them. A read that fails
    /// leaves that state out, as the recording never had it; the first line that needs the API says why.
    ///
    /// A header from before these lines whose number came from `use` (`sources: phone_number_id=use`) had that number's
    /// record: `use` reads the whole list.
    static func restoreEarlierReads(_ header: TranscriptHeader, on context: ShellContext) {
        let inferred = header.sources["phone_number_id"] == "use" && header.phoneNumberID != nil
        let numbers = header.numbersRead ?? (inferred ? .all : nil)
        if let numbers, let listed = try? context.client.allPhoneNumbers() {
            switch numbers {
            case .all: context.ids.rememberAllNumbers(listed)
            case .ids(let ids): for number in listed where ids.contains(number.id) { context.ids.rememberNumber(number) }
            }
        }
        for note in header.healthRead {
            // A demo replay's simulator is at the instant of its first block; the check ran before it, at this one.
            if header.kind == .demo, let checked = note.checkedAt.flatMap(KapsoTime.seconds(iso:)) {
                context.moveSimulatorClock?(checked * 1_000_000)
            }
            guard let health = try? context.client.health(note.phoneNumberID) else { continue }
            let triage = note.byHealth
                ? HealthCommand.triage(of: health, id: note.phoneNumberID, listed: nil, in: context) : nil
            context.ids.rememberHealth(
                SenderState.HealthRead(phoneNumberID: note.phoneNumberID, health: health, triage: triage), triaged: note.byHealth)
        }
    }
}
