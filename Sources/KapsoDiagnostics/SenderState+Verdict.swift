public import KapsoClient

// MARK: - The sending number's state beside a verdict's advice (tester69 C1, tester69b D2, D6, D7, D8)

extension SenderState {
    /// What the session knows of whether a message's number can send now, read from what it already holds (the number's
    /// health read this session, else Kapso's record of it: `of(id:name:record:health:send:)`), for the advice a verdict
    /// gives (`MessageVerdict.Advice`): a send it advises ("free-form replies go through", "reply with an approved
    /// template", "retry", "resend it free-form to …") is said beside the state that refuses it, whatever its wording.
    ///
    /// tester69 C1: `trace` of a received message ended "the 24-hour window is open …: free-form replies go through" on a
    /// number whose health, read a line before, said messaging BLOCKED (141010), DISCONNECTED or a refused token, and
    /// `reply` then refused. tester69b D7: the state is read as `reply` reads it, so one session gives one answer whatever
    /// the order of its commands: Kapso's record alone, or a record a health read does not confirm, "may" refuse a send.
    public struct Replies: Sendable, Equatable {
        /// The state a free-form send (a reply, a retry) meets, when it refuses or may refuse it; nil when none is known to.
        public var freeForm: SenderState?
        /// The state a business-initiated template (the contact's window closed) meets, when it refuses or may refuse it.
        public var template: SenderState?
        /// `health not read (HTTP 503): 'health ID' says whether the number can send`: the number's health was asked for and
        /// could not be read, and nothing else known refuses a send; a send is then never said to go through plainly
        /// (tester70b G7). Nil otherwise.
        public var unread: String?

        /// The number `id`'s state from `record` (Kapso's, nil: not read) and `health` (this session's read, nil: none);
        /// `unreadBecause`: why a read of its health just asked for gave nothing (nil: none was asked for, or it was read).
        public init(id: String, name: String?, record: PhoneNumber?, health: HealthRead?, unreadBecause: String? = nil) {
            let free = SenderState.of(id: id, name: name, record: record, health: health, send: .freeForm)
            // Only a messaging block reads a template apart from a free-form send, and only when it does not refuse both.
            let template = health?.messaging == nil || free?.cannotSend == true
                ? free : SenderState.of(id: id, name: name, record: record, health: health, send: .template(windowClosed: true))
            freeForm = free.flatMap { $0.cannotSend || $0.hedged ? $0 : nil }
            self.template = template.flatMap { $0.cannotSend || $0.hedged ? $0 : nil }
            if health == nil, freeForm == nil, let reason = unreadBecause {
                unread = "health not read (\(reason)): 'health \(id)' says whether the number can send"
            }
        }

        /// A number the project's numbers list, read this session, does not hold (tester70 F8: `trace` said "free-form
        /// replies go through" of a message received on it, `reply` a line later that a reply fails with 404): every send
        /// from it fails, said as `reply` says it (`IDResolver.sendingFromFormer`); `contact` as `reply --to` takes it.
        public init(notInProject id: String, contact: String) {
            let state = SenderState(line: IDResolver.sendingFromFormer(id, contact: contact), cannotSend: true)
            freeForm = state
            template = state
        }

        /// The state an advice of kind `advice` meets (nil: none, or the advice is no send).
        public func state(for advice: MessageVerdict.Advice) -> SenderState? {
            switch advice {
            case .none: nil
            // A retry sends the message again: a state that refuses every send refuses it (a template's window is not read).
            case .freeForm, .retry: freeForm
            case .template: template
            }
        }

        /// `, but a reply from this number fails now: …` (or `may fail`, when the state is hedged) after advice of kind
        /// `advice`; empty when no state refuses it.
        public func clause(for advice: MessageVerdict.Advice) -> String {
            let what = switch advice {
            case .template: "a template from this number"
            case .retry: "a send from this number"
            default: "a reply from this number"
            }
            guard let state = state(for: advice) else {
                // Health asked for and not read: whether the send goes is not known, never "goes through" (G7).
                guard advice != .none, let unread else { return "" }
                return ", but whether \(what) goes through now is not known: \(unread)"
            }
            return ", but \(what) \(state.cannotSend && !state.hedged ? "fails now" : "may fail"): " + state.line
        }

        /// True when nothing known refuses, may refuse or leaves unknown a free-form send from the number.
        public var freeFormKnownToGo: Bool { freeForm == nil && unread == nil }

        /// The words after "the 24-hour window is open for … more": `: free-form replies go through` when no state is
        /// known to refuse one, else `, but a reply from this number fails now: …` (or `may fail: …`); with its health
        /// asked for and not read, `: free-form replies go through if the number can send (health not read …)`.
        func afterOpenWindow() -> String {
            guard freeForm == nil else { return clause(for: .freeForm) }
            return ": free-form replies go through" + (unread.map { " if the number can send (\($0))" } ?? "")
        }

        /// `verdict` with the state its advice meets said after it (`said(after:advice:)`), severity at least a warning.
        func amending(_ verdict: MessageVerdict) -> MessageVerdict {
            let text = said(after: verdict.text, advice: verdict.advice, separator: ";")
            guard text != verdict.text else { return verdict }
            return MessageVerdict(text, verdict.severity == .good ? .warning : verdict.severity, advice: verdict.advice)
        }

        /// `text`, whose advice is of kind `advice`, with the number's state said after it (`clause(for:)`, after
        /// `separator`: `,` gives `, but …`, `;` gives `; but …`). When the state refuses the send for certain ("fails
        /// now"), the advice's own "a template still goes through" is dropped, not contradicted (tester70b G6: "a template
        /// still goes through; but a template from this number fails now").
        public func said(after text: String, advice: MessageVerdict.Advice, separator: String = ",") -> String {
            let clause = clause(for: advice)
            guard !clause.isEmpty else { return text }
            let joined = text + separator + clause.dropFirst()
            guard let state = state(for: advice), state.cannotSend, !state.hedged,
                let phrase = text.firstRange(of: "; a template still goes through") ?? text.firstRange(of: ", a template still goes through")
            else { return joined }
            // `…; if it fails with 131047, a template still goes through`: the condition goes with what it led to.
            var start = phrase.lowerBound
            if let condition = text[..<start].ranges(of: "; if it fails with ").last,
                !text[condition.upperBound..<start].contains(";")
            {
                start = condition.lowerBound
            }
            let kept = String(text[..<start]) + text[phrase.upperBound...]
            // After a condition dropped, what is left still says a reply may go: the state is said against it ("but"), of
            // every send when it refuses a free-form one too.
            let lead = start == phrase.lowerBound ? String(clause.dropFirst(", but ".count))
                : freeForm.map { $0.cannotSend && !$0.hedged } == true ? "but a send from this number fails now: " + state.line
                : String(clause.dropFirst(2))
            return kept + "; " + lead
        }
    }
}
