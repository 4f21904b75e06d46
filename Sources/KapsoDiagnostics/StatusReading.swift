public import KapsoClient

/// A message's status in one word or two, as `messages` (STATUS column), `message` (status field), `trace` (the note under
/// the timeline and the verdict) and `errors` (an entry's "now …") all say it: `read`, `failed 131047`,
/// `read (Kapso's status field still says sent)`, `delivered/failed 131026`.
///
/// One reading of Kapso's `kapso.status` field against the message's status history (`StatusHistory`, Meta's status
/// events as Kapso stored them). Meta orders a delivery's steps sent < delivered < read (`played` counts as read and says
/// more), and `failed` is final and read apart (Meta, WhatsApp Cloud API status messages webhook reference,
/// developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/status; `StatusWord.rank`).
/// Kapso's field can lag the history it keeps beside it: `sent` while `kapso.statuses` already holds Meta's `delivered` and
/// `read` (probe37 P37-2: `messages` said sent while `trace` said read). The history's furthest step is then the status,
/// and the field is named beside it (`Lag`), never silently dropped or silently preferred.
public struct StatusReading: Sendable, Equatable {
    /// How the reading should look: plain, a warning (both sides said, a lag, a pending send), a failure.
    public enum Tone: Sendable, Equatable {
        case plain, warning, bad
    }

    /// The history's furthest delivery step, further than Kapso's `status` field says (the field lags it).
    public struct Lag: Sendable, Equatable {
        /// Kapso's `kapso.status` as given (`sent`).
        public var kapsoStatus: String
        /// The furthest step the history records (`read`).
        public var reached: String
        /// Its time (Unix seconds), nil when it has none.
        public var time: Int64?
        /// The failure the history records beside the step (`failed 131047`), nil when it records none: the step is then
        /// the status, else both are (`read/failed 131047`), as the verdict names both (tester58 AD3).
        public var failure: String? = nil

        /// `Kapso's status field still says sent`: the brief note every view puts beside the history's word.
        public var note: String { "Kapso's status field still says \(kapsoStatus)" }

        /// `Kapso's status field (kapso.status) still says sent, behind its status history (kapso.statuses)`: the field
        /// named, for a verdict that reads the history (fixB's leftover: `message`'s conflict verdict did not say it).
        public var fieldNote: String {
            "Kapso's status field (kapso.status) still says \(kapsoStatus), behind its status history (kapso.statuses)"
        }

        /// `read`, or `read/failed 131047` beside a failure: the history's word, as the STATUS column writes it.
        public var word: String { reached + (failure.map { "/" + $0 } ?? "") }

        /// `read (Kapso's status field still says sent)`, `read/failed 131047 (Kapso's status field still says sent)`.
        public var shortText: String { "\(word) (\(note))" }

        /// The line under `trace`'s timeline: `Kapso's status field still says sent, but its status history records read at
        /// …Z: the field lags the history Meta's status webhooks filled (sent < delivered < read), so kops reads read`; beside
        /// a failure, `… records read at …Z and failed 131047: …, so kops reads read/failed 131047`.
        public var explained: String {
            "\(note), but its status history records \(reached)" + (time.map { " at \(KapsoTime.iso($0))" } ?? "")
                + (failure.map { " and \($0)" } ?? "")
                + ": the field lags the history Meta's status webhooks filled (sent < delivered < read), so kops reads \(word)"
        }
    }

    /// The status as the views show it.
    public var text: String
    public var tone: Tone
    /// Set when the history is further along than Kapso's field (`Lag`); nil otherwise.
    public var lag: Lag?

    /// Reads `message`'s Kapso status against its history. A send whose deliveries and reads all name another recipient
    /// (`StatusHistory.reachedOnlyOthers(of:)`, the verdict's rule) is marked `(other recipient)`, as `trace` and `message`
    /// hedge it (tester58 AD3: `read` in the list, "whether 14155550171 got it is unknown" in `trace`), unless every one
    /// is a business-scoped user id the message itself names as its recipient's (`MessageVerdict.contactUserIDs`).
    /// `prepended`: a `to` without `+` completed into the contact's own number is no other recipient (`PrependedRecipient`).
    public init(_ message: Message, prepended: PrependedRecipient? = nil) {
        let history = StatusHistory(message: message)
        // The failure's code as the verdict reads it (`MessageError.ofFailure`: its status's, else the message's own, P37-11).
        let failure = history.failures.isEmpty && StatusWord(message.status) != .failed
            ? nil : MessageError.ofFailure(message.json, history: history)
        self.init(
            kapsoStatus: message.status, history: history, messageErrors: MessageError.carried(by: message.json), failureErrors: failure,
            otherRecipient: history.reachedOnlyOthers(of: message, prepended: prepended).map { !$0.allSatisfy(MessageVerdict.contactUserIDs([message]).contains) } ?? false)
    }

    /// Reads `kapsoStatus` (Kapso's `kapso.status`) against `history`; `messageErrors` are Meta's errors on the message
    /// itself (`messages[].errors`, on a received message); `failureErrors`, when given, the errors the failure carries
    /// (`MessageError.ofFailure`), else the newest failed status's; `otherRecipient`: the deliveries and reads name only
    /// another recipient.
    init(kapsoStatus: String, history: StatusHistory, messageErrors: [MessageError], failureErrors: [MessageError]?, otherRecipient: Bool) {
        // The failure's code, read once from whichever errors say it: ` 131026`, empty for a failure without a code.
        let failedCode = (failureErrors ?? history.failures.last?.errors)
            .map { MessageError.primary(of: $0)?.code.map { " \($0)" } ?? "" }
        let received = MessageError.primary(of: messageErrors)
        let lag = Self.lag(kapsoStatus: kapsoStatus, history: history, failedCode: failedCode)
        self.lag = lag
        let played = history.events.contains { StatusWord($0.status) == .played } && (StatusWord(kapsoStatus).rank ?? 4) <= 3
        // A warning with an error (StatusWord): the message went out, but Meta reported a problem with it.
        let warning = history.events.last { StatusWord($0.status) == .warning && !$0.errors.isEmpty }
            .map { " " + (MessageError.primary(of: $0.errors)?.code ?? "without code") }
        // A delivery or read with errors attached: uncertain, as the verdict and `errors` say (P46-4).
        let attached = history.reachedWithError.map { MessageError.primary(of: $0.errors)?.code ?? "without code" }
        let shown = lag?.reached ?? (played ? "played" : kapsoStatus)
        // Kapso's word that only a stored status of another message has (StatusHistory.foreign) is not this message's.
        if history.kapsoStatusIsForeign(kapsoStatus) {
            (text, tone) = ("\(kapsoStatus) (other wamid)", .warning)
            return
        }
        // Kapso's status against a history that says otherwise (`read/failed 131026`, `failed/read`): one rule, the verdict's.
        if let disagreement = history.disagreement(withKapso: kapsoStatus) {
            (text, tone) = ("\(kapsoStatus)/\(disagreement.historyWord)", .warning)
            return
        }
        switch kapsoStatus {
        // A failure after a delivery or read is a conflict whichever word Kapso kept (`failed 131026/read`), as the verdict
        // reads it (StatusHistory.conflict; probe21 P21-22).
        case "failed" where history.conflict != nil:
            (text, tone) = ("failed\(failedCode ?? "")/\(history.conflict?.success.status ?? "")", .warning)
            return
        case "failed":
            (text, tone) = ("failed" + (failedCode ?? ""), .bad)
            return
        // The history's step beside the failure, Kapso's lagging field named (`read/failed 131047 (Kapso's status field still
        // says sent)`, tester58 AD3), as without a failure.
        case let other where failedCode != nil:
            (text, tone) = (lag?.shortText ?? "\(other)/failed\(failedCode ?? "")", .warning)
            return
        case _ where received != nil: (text, tone) = ("error" + (received?.code.map { " \($0)" } ?? " without code"), .warning)
        case _ where warning != nil: (text, tone) = ("\(shown)/warning\(warning ?? "")", .warning)
        case _ where attached != nil: (text, tone) = ("\(shown) (error \(attached ?? "") attached)", .warning)
        case _ where lag != nil: (text, tone) = (lag?.shortText ?? shown, .warning)
        case _ where played: (text, tone) = ("played", .plain)
        case "pending": (text, tone) = ("pending", .warning)
        case let other: (text, tone) = (other, .plain)
        }
        // Deliveries and reads about someone else are no evidence about this recipient: said beside the word they gave.
        if otherRecipient {
            text = text.hasSuffix(")") ? text.dropLast() + "; other recipient)" : text + " (other recipient)"
            tone = .warning
        }
    }

    /// The history's furthest delivery step when it is further than Kapso's field (`sent` or a waiting word while the
    /// history records `delivered`, `read` or `played`; `delivered` while it records `read`), with the failure it records
    /// beside it (`failedCode`, ` 131047`; nil for none); nil when Kapso's field is as far or further, when Kapso's field
    /// says `failed` (read apart: `disagreement`, `conflict`), or when Kapso's word is one kops cannot place
    /// (`StatusWord.rank` nil). The one reading of the field against the history, read through `StatusReading(message).lag`
    /// by the STATUS column, `message`'s status, `trace`'s note under the timeline and the verdict's note (tester58 AD3:
    /// beside a failure the field was shown instead of the history).
    static func lag(kapsoStatus: String, history: StatusHistory, failedCode: String?) -> Lag? {
        guard let kapso = StatusWord(kapsoStatus).rank, kapso < 3, let furthest = history.furthestStep,
            let reached = StatusWord(furthest.status).rank, reached > kapso
        else { return nil }
        return Lag(kapsoStatus: kapsoStatus, reached: furthest.status, time: furthest.time, failure: failedCode.map { "failed" + $0 })
    }
}
