public import KapsoClient

/// A send to a contact that kops's own advice says not to make now: recent failures of the contact's sends on the number
/// with a code whose advice is "do not resend now" (`rules`), and what holds it (probe40 P40-8: `errors` said "wait before
/// writing to this recipient again" of 131056 and "do not retry in a loop" of 131026 while `reply`, dry run included, sent
/// a fourth attempt without a word; probe39 P39-14 had closed the same gap for marketing templates after 131049/131050).
/// The one table every send path reads (`reply`, text and template, dry run included).
public struct ResendHold: Sendable, Equatable {
    /// What is about to be sent: a free-form message, or a template of `category` (`MARKETING`, `UTILITY`, …).
    public enum Sending: Sendable, Equatable {
        case text
        case template(category: String)

        var isMarketing: Bool {
            if case .template(let category) = self { return category.uppercased() == "MARKETING" }
            return false
        }
    }

    /// How long a row holds after its newest failure.
    public enum Wait: Sendable, Equatable {
        /// A fixed time.
        case fixed(seconds: Int64)
        /// Meta's backoff for the pair rate limit: 4^X seconds, X from 0, one more after each failure in a row.
        case backoff
        /// Until the contact's side changes (a send reached them, they wrote since); `repeated` failures hold, fewer are
        /// said without holding.
        case untilReached(repeated: Int)
        /// While no customer service window is open: nil once the contact wrote within `Conversation.windowSeconds`.
        case untilWindowOpen
    }

    /// A code whose advice says not to resend now.
    public struct Rule: Sendable, Equatable {
        public var code: String
        public var name: String
        /// Only marketing templates are held (and only a marketing template reaching the contact lifts it).
        public var marketingOnly: Bool
        public var wait: Wait
        /// How far back a failure counts, in seconds.
        public var lookback: Int64
        /// What to do instead, as `errors` says it.
        public var advice: String
        /// Where the rule comes from.
        public var source: String
        /// True when the contact writing after the failures lifts the rule (131026: they can be reached). The contact
        /// writing is read once for every rule (`hold(by:_:sending:now:template:)`), as the window reads it.
        public var liftedByWriting = false
    }

    /// The table. Sources: Meta, WhatsApp Cloud API error codes (developers.facebook.com/documentation/business-messaging/
    /// whatsapp/support/error-codes, read in Kapso's mirror kapso-meta-docs/documentation `documentation/whatsapp/
    /// error-codes.mdx`, "Updated: Nov 19, 2025"): 131056 "Wait and retry the operation, if you intend to send messages to
    /// the same phone number. You can still send messages to a different phone number without waiting"; 131026 "Using a
    /// non-WhatsApp communication method, ask the WhatsApp user to" confirm they can message the number, accept the terms
    /// and update WhatsApp (the same send fails again until they do: kops's "do not retry in a loop"); 131049 "wait at
    /// least 24 hours before resending the template message"; 131050 "Do not retry sending messages to this user as they
    /// will not be received". Meta, About the platform, Pair rate limits (`documentation/whatsapp/about-the-platform.mdx`,
    /// "Updated: Dec 5, 2025"): "1 message every 6 seconds to the same WhatsApp user … if a send request fails, retry after
    /// 4^X seconds (starting with X=0 and increasing X by 1 after each failure) until successful". 130472: Meta,
    /// Experiments, Marketing message experiment (`documentation/whatsapp/support/experiments.mdx`, "Updated: Nov 13,
    /// 2025"): "A very small percentage of WhatsApp users do not receive marketing template messages from any business
    /// unless" a customer service window or an open free entry point window exists; "Attempting to resend the message will
    /// result in the same error … contact the user by some other, non-WhatsApp means, and ask them to message you so you
    /// can resend the message within an open customer service window"; the experiment has "no fixed end-date".
    public static let rules: [Rule] = [
        Rule(
            code: "131056", name: "pair rate limit", marketingOnly: false, wait: .backoff, lookback: 86_400,
            advice: "wait before writing to this recipient again; other recipients are not affected",
            source: "Meta's error codes page (131056) and About the platform, Pair rate limits"),
        Rule(
            code: "131026", name: "message undeliverable", marketingOnly: false, wait: .untilReached(repeated: 2), lookback: 30 * 86_400,
            advice: "do not retry in a loop: by another channel, ask the contact to write to this number, accept WhatsApp's "
                + "terms and update the app",
            source: "Meta's error codes page (131026)", liftedByWriting: true),
        Rule(
            code: "131049", name: "ecosystem limit", marketingOnly: true, wait: .fixed(seconds: 86_400), lookback: 86_400,
            advice: "send a utility template, or wait 24 hours after the refusal", source: "Meta's error codes page (131049)"),
        Rule(
            code: "131050", name: "user stopped marketing", marketingOnly: true, wait: .untilReached(repeated: 1), lookback: .max,
            advice: "send a utility template or reach the contact another way", source: "Meta's error codes page (131050)"),
        Rule(
            code: "130472", name: "in experiment", marketingOnly: true, wait: .untilWindowOpen, lookback: .max,
            advice: "by another channel, ask the contact to write to this number, then send it within 24 hours of their message "
                + "(the experiment holds back marketing templates only)",
            source: "Meta's error codes page (130472) and Experiments, Marketing message experiment"),
    ]

    /// The longest backoff kops counts (24 h), so a long run of failures does not overflow.
    public static let maxBackoff: Int64 = 86_400

    public var rule: Rule
    /// Failures of the code since anything lifted it, the newest first's time, and the template it named (if any).
    public var count: Int
    public var newest: Int64
    public var oldest: Int64
    public var template: String?
    /// The newest failed send's id (its WAMID), for `trace`.
    public var messageID: String?
    /// When a resend stops being held (Unix seconds); nil while it holds until the contact's side changes.
    public var until: Int64?
    /// False: said, not refused (the wait has passed, or too few failures to call it a loop).
    public var holds: Bool
    public var now: Int64

    /// The hold for sending `sending` to the contact whose messages on the number are `messages` (any order, both
    /// directions: an inbound since lifts 131026), at `now`: the refusing one first, then the newest; nil when none.
    public static func of(_ messages: [Message], sending: Sending, now: Int64) -> ResendHold? {
        let found = rules.compactMap { hold(by: $0, messages, sending: sending, now: now) }
        return found.max { ($0.holds ? 1 : 0, $0.newest) < ($1.holds ? 1 : 0, $1.newest) }
    }

    /// `rule` read over `messages` for sending `sending` at `now`. With `template` (a template's name), only the sends of
    /// that template are read, whatever its category and `sending`'s (`TemplateCheck.sameTemplateRefusedNote`), and any
    /// send of it that reached the contact lifts the rule.
    ///
    /// When the contact last wrote is one reading for every rule (`wrote`): their newest message that opens the customer
    /// service window (`WindowEvidence.opens`: written by them 1:1, at the time `MessageTime` reads). A system
    /// notification, imported history, an app echo, a removed reaction or an edit is not the contact writing, so it
    /// neither lifts 131026 (`liftedByWriting`) nor opens the window 130472 waits for (`untilWindowOpen`).
    static func hold(by rule: Rule, _ messages: [Message], sending: Sending, now: Int64, template name: String? = nil) -> ResendHold? {
        if rule.marketingOnly && !sending.isMarketing && name == nil { return nil }
        var failures: [(at: Int64, template: String?, id: String)] = []
        var lifted: Int64 = .min
        var wrote: Int64 = .min
        for message in messages {
            if message.isInbound {
                if let at = WindowEvidence(message, now: now).opens { wrote = max(wrote, at) }
                continue
            }
            let send = FailedSend(message: message.json)
            guard message.isOutbound, name == nil || send.templateName == name else { continue }
            let history = StatusHistory(message: message)
            if let reached = history.events.first(where: { StatusWord($0.status).reachedDevice })?.time,
                !rule.marketingOnly || name != nil || (message.type == "template" && send.notMarketing == nil)
            {
                lifted = max(lifted, reached)
            }
            let code = MessageError.primary(of: MessageError.ofFailure(message.json, history: history))?.code
            guard code == rule.code, !rule.marketingOnly || message.type == "template",
                let at = history.failures.compactMap(\.time).max() ?? message.time, now - at <= rule.lookback
            else { continue }
            failures.append((at, send.templateName, message.id))
        }
        if rule.liftedByWriting { lifted = max(lifted, wrote) }
        let counted = failures.filter { $0.at > lifted }.sorted { $0.at > $1.at }
        guard let newest = counted.first, let oldest = counted.last else { return nil }
        var hold = ResendHold(
            rule: rule, count: counted.count, newest: newest.at, oldest: oldest.at, template: newest.template, messageID: newest.id,
            until: nil, holds: true, now: now)
        switch rule.wait {
        case .fixed(let seconds):
            hold.until = newest.at + seconds
            hold.holds = now < newest.at + seconds
            if !hold.holds { return nil }
        case .backoff:
            let wait = backoff(after: counted.count)
            hold.until = newest.at + wait
            hold.holds = now < newest.at + wait
        case .untilReached(let repeated):
            hold.holds = counted.count >= repeated
        case .untilWindowOpen:
            if wrote != .min, now - wrote < Conversation.windowSeconds { return nil }
        }
        return hold
    }

    /// The newest hold of the marketing-only rules (131049, 131050, 130472) for sending `sending` to the contact whose
    /// messages are `messages`, or of the sends of `template` only (`hold(by:_:sending:now:template:)`); nil when none holds.
    public static func marketing(_ messages: [Message], sending: Sending, now: Int64, template: String? = nil) -> ResendHold? {
        rules.filter(\.marketingOnly).compactMap { hold(by: $0, messages, sending: sending, now: now, template: template) }
            .filter(\.holds).max { $0.newest < $1.newest }
    }

    /// Meta's wait after `failures` in a row: 4^(failures − 1) seconds, at least the pair limit's 6 s, at most `maxBackoff`.
    public static func backoff(after failures: Int) -> Int64 {
        var wait: Int64 = 1
        for _ in 1..<max(1, failures) where wait < maxBackoff { wait *= 4 }
        return min(maxBackoff, max(6, wait))
    }

    /// `3 sends to this contact failed 131056 (pair rate limit) in 40 min, the newest 2 min ago (2026-11-21T11:58:00Z)`.
    public var failures: String {
        let sends = count == 1 ? "the last send to this contact" : "\(count) sends to this contact"
        let template = template.map { " (template \($0))" } ?? ""
        let span = count > 1 && newest > oldest ? " in \(Elapsed.text(newest - oldest))" : ""
        let when = count == 1 ? "" : ", the newest"
        return "\(sends)\(count == 1 ? template : "") failed \(rule.code) (\(rule.name))\(span)\(when) \(Elapsed.text(max(0, now - newest))) "
            + "ago (\(KapsoTime.iso(newest)))" + (count > 1 ? template : "")
    }

    /// What holds the send, or why it is said without holding.
    public var reason: String {
        switch rule.wait {
        case .fixed:
            return "a resend before \(KapsoTime.iso(until ?? newest)) fails again"
        case .backoff:
            let wait = Self.backoff(after: count)
            let after = "Meta's backoff after \(count == 1 ? "1 failure" : "\(count) failures in a row") is \(Elapsed.text(wait))"
            return holds
                ? "\(after): wait until \(KapsoTime.iso(until ?? newest))"
                : "\(after), which has passed: this send may go; if it fails again, wait \(Elapsed.text(Self.backoff(after: count + 1)))"
        case .untilReached:
            let since = rule.liftedByWriting ? "nothing reached them and they have not written since" : "no marketing template reached them since"
            return holds ? "\(since): the same send fails again" : "\(since); a second failure would mean a loop"
        case .untilWindowOpen:
            return "they have not written in the last 24 hours, so no customer service window is open: the same send fails again"
        }
    }

    /// The refusal's one line: the failures, what holds the send, and the advice.
    /// A backoff that has passed says only that (its advice, to wait, is what the passed wait was).
    public var statement: String {
        if case .backoff = rule.wait, !holds { return "\(failures): \(reason)" }
        return "\(failures): \(reason); \(rule.advice)"
    }
}
