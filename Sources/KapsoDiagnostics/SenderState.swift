public import KapsoClient

/// The sending number's own state, as `reply` (text or template, dry run included) says it before a send: `Support Line is
/// DISCONNECTED now (health: the number is disconnected from the WhatsApp Cloud API): a reply from it fails until it is
/// back; reconnect or re-register the number in Kapso; …`.
///
/// Read from the best source kops has: the number's health (Meta's state now, `phone_number_access` /
/// `phone_number_connection` details, kapso-api.md §2.3), else Kapso's record of the number (`PhoneNumber.status`, §2.1),
/// which can lag it (probe39 P39-8: the record said CONNECTED while health said DISCONNECTED, and `trace` named the state
/// while `message` and `reply` did not). A critical state (`NumberStatus`: DISCONNECTED, BANNED, OFFLINE, DELETED,
/// MIGRATED, UNVERIFIED, PENDING) sends nothing, so a reply from it fails: `cannotSend`, which `reply` refuses without
/// `--force`. FLAGGED, RATE_LIMITED, RESTRICTED and a RED quality rating still send (RESTRICTED refuses only
/// business-initiated templates; replies in an open window go out: `NumberStatus`'s sources): said, never refused.
public struct SenderState: Sendable, Equatable {
    /// The one line a reply shows or refuses with.
    public var line: String
    /// True when the state sends nothing: a reply from the number fails (`reply` refuses it without `--force`).
    public var cannotSend: Bool
    /// True when whether a send fails is not certain, and the line says so: Kapso's record alone names the state (health
    /// not read, or read and naming none of it: the record can lag Meta's state), or a messaging block whose reach only a
    /// secondary source describes (141006). A verdict then says "may fail", never "fails now" (tester69b D7, D3).
    public var hedged: Bool

    public init(line: String, cannotSend: Bool, hedged: Bool = false) {
        self.line = line
        self.cannotSend = cannotSend
        self.hedged = hedged
    }

    /// The state of the number `id` (named `name` when known) from its `health` (nil: not read, or the read failed) and
    /// Kapso's `record` of it (nil: not read); nil when neither shows a state to report. Health speaks for Meta's state
    /// now, so a record that disagrees with a health read is named beside it, never refused on.
    public static func of(id: String, name: String?, record: PhoneNumber?, health: HealthTriage?) -> SenderState? {
        let label = name ?? record?.name ?? id
        let recordState = record.flatMap { NumberStatus(status: $0.status, quality: $0.qualityRating) }
        if let finding = health.flatMap(reported) {
            let state = finding.state ?? "not CONNECTED"
            let critical = finding.severity == .critical
            let cause = finding.cause.map { " (health: \($0))" } ?? " (health)"
            let what = state.hasPrefix("quality") ? "\(label)'s \(state)" : "\(label) is \(state) now"
            let outcome = critical ? ": a reply from it fails until it is back" : ""
            return SenderState(
                line: "\(what)\(cause)\(outcome); \(finding.fix ?? "'health \(id)' says what to do")", cannotSend: critical)
        }
        // A state the number sends as usual in (quality RED, FLAGGED: `HealthTriage.sendingNote`, tester49 F7): said.
        if let note = health?.sendingNote {
            let what = note.word.hasPrefix("quality") ? "\(label)'s \(note.word)" : "\(label) is \(note.word) now"
            return SenderState(line: "\(what) (health: \(note.cause)); \(note.fix)", cannotSend: false)
        }
        guard let recordState, let record, let line = NumberStatus.sendingLine(record) else { return nil }
        // Health was read and shows none of the record's state: the record may lag, or the report be cached; said as
        // `health` says it (its `RecordReading.blockingNext`), with what follows if the record holds, not refused on
        // (tester69b D7: "the send may go" here while `trace` said "fails now" and `health` "blocking").
        if health != nil {
            let critical = recordState.severity == .critical
            return SenderState(
                line: "Kapso's record says \(label) is \(recordState.word), but its health shows no such state (the record can lag "
                    + "Meta's state, or the report be cached up to 3 min)"
                    + (critical ? ": if the record holds, a send from it fails; one test message shows whether it sends" : "")
                    + "; 'health \(id)' says more",
                cannotSend: false, hedged: critical)
        }
        guard recordState.severity == .critical else { return SenderState(line: line, cannotSend: false) }
        // The record alone: said as `use` says it ("if so"), refused on by `reply` (nothing newer was read).
        return SenderState(
            line: "Kapso's record says \(label) is \(recordState.word) (health not read): if so, \(recordState.ifSo): a send from it "
                + "fails until it is back; \(recordState.fix); 'health \(id)' checks the live state",
            cannotSend: true, hedged: true)
    }

    /// The failed access or connection check that names the number's own state (`NumberStatus`), the most severe first.
    private static func reported(_ triage: HealthTriage) -> HealthTriage.Finding? {
        triage.findings
            .filter { ["phone_number_access", "phone_number_connection"].contains($0.check) && $0.state != nil && $0.severity < .passed }
            .min { $0.severity < $1.severity }
    }
}
