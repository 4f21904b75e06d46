public import KapsoClient

// MARK: - The sending number's state beside a verdict's advice (tester69 C1)

extension SenderState {
    /// What the session knows of whether a message's number can send now, read from what it already holds (the number's
    /// health read this session, else Kapso's record of it: `of(id:name:record:health:send:)`), for the advice a verdict
    /// gives: "free-form replies go through" and "reply with an approved template" are said only of a number that sends.
    ///
    /// tester69 C1: `trace` of a received message ended "the 24-hour window is open …: free-form replies go through" on a
    /// number whose health, read a line before, said messaging BLOCKED (141010), DISCONNECTED or a refused token, and
    /// `reply` then refused; a 131047 said "send an approved template" on a number whose 141006 block refuses exactly
    /// that. The window is the contact's; whether a reply goes out is the number's too.
    public struct Replies: Sendable, Equatable {
        /// The state a free-form reply meets, when it fails (`cannotSend`); nil when none is known to.
        public var freeForm: SenderState?
        /// The state a business-initiated template (the contact's window closed) meets, when it fails; nil otherwise.
        public var template: SenderState?

        /// The number `id`'s state from `record` (Kapso's, nil: not read) and `health` (this session's read, nil: none).
        public init(id: String, name: String?, record: PhoneNumber?, health: HealthRead?) {
            freeForm = SenderState.of(id: id, name: name, record: record, health: health, send: .freeForm).flatMap { $0.cannotSend ? $0 : nil }
            template = SenderState.of(id: id, name: name, record: record, health: health, send: .template(windowClosed: true))
                .flatMap { $0.cannotSend ? $0 : nil }
        }

        /// The words after "the 24-hour window is open for … more": `: free-form replies go through` when no state is
        /// known to refuse one, else `, but a reply from this number fails now: …`.
        func afterOpenWindow() -> String {
            freeForm.map { ", but a reply from this number fails now: " + $0.line } ?? ": free-form replies go through"
        }

        /// `verdict` with a template's refusal said after advice to send one (`reply --template NAME`); as it is otherwise.
        func amendingTemplateAdvice(_ verdict: MessageVerdict) -> MessageVerdict {
            guard let template, verdict.text.contains("reply --template NAME") else { return verdict }
            return MessageVerdict(verdict.text + "; but a template from this number fails now: " + template.line, .bad)
        }
    }
}
