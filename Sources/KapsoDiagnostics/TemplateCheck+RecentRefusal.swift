public import KapsoClient

extension TemplateCheck {
    /// How long after a 131049 ("ecosystem limit": Meta held back a marketing template to keep the user's marketing
    /// volume healthy) a resend to the same user is refused by kops: Meta documents no period, and its error-codes page
    /// and kops's catalogue advise waiting at least 24 hours ("do not resend to this user for at least 24 hours").
    public static let marketingLimitWait: Int64 = 24 * 3_600

    /// A MARKETING `template` to a contact whose own recent marketing sends Meta refused (probe39 P39-14: `errors` and
    /// `trace` said "do not resend for at least 24 hours" while `reply --template` re-sent it silently): the marketing rows
    /// of `ResendHold.rules` read over `sends` (the contact's messages on the number, any order): a template that failed
    /// 131049 within `marketingLimitWait` before `now`, or 131050 ("user stopped marketing messages": the contact opted
    /// out of this business's marketing, Meta, WhatsApp Cloud API error codes, developers.facebook.com/documentation/
    /// business-messaging/whatsapp/support/error-codes) at any time read; nil when a marketing template to them was
    /// delivered after it (the limit or the opt-out is over), for another category, or with none.
    public static func recentMarketingRefusal(_ template: MessageTemplate, sends: [Message], now: Int64) -> Problem? {
        guard template.category == "MARKETING" else { return nil }
        let holds = ResendHold.rules.filter(\.marketingOnly).compactMap {
            ResendHold.hold(by: $0, sends, sending: .template(category: "MARKETING"), now: now)
        }
        guard let newest = holds.filter(\.holds).max(by: { $0.newest < $1.newest }) else { return nil }
        return .recentMarketingRefusal(
            code: newest.rule.code, template: newest.template, failedAt: KapsoTime.iso(newest.newest),
            ago: Elapsed.text(max(0, now - newest.newest)), until: KapsoTime.iso(newest.newest + marketingLimitWait))
    }

    /// A note for sending `template`, a utility or authentication template, to a contact whose send of this same template
    /// Meta refused with a marketing-only code (`FailedSend.marketingOnlyCodes`) within `marketingLimitWait` before `now`
    /// (131050 at any time read): Meta documents those codes for marketing templates only, so it may be treating this
    /// template as marketing and the send may fail the same way (tester49 F1: `reply --template order_update` went out
    /// without a word 48 min after Meta refused order_update with 131049). Nil for a marketing template
    /// (`recentMarketingRefusal` reads those), or when no such refusal is read.
    public static func sameTemplateRefusedNote(_ template: MessageTemplate, sends: [Message], now: Int64) -> String? {
        guard template.category != "MARKETING" else { return nil }
        var newest: (at: Int64, code: String, id: String)?
        for message in sends where message.isOutbound && ErrorTriage.templateName(of: message.json) == template.name {
            let history = StatusHistory(message: message)
            guard let code = MessageError.primary(of: MessageError.ofFailure(message.json, history: history))?.code,
                FailedSend.marketingOnlyCodes.contains(code),
                let at = history.failures.compactMap(\.time).max() ?? message.time,
                code == "131050" || now - at <= marketingLimitWait, at > (newest?.at ?? .min)
            else { continue }
            newest = (at, code, message.id)
        }
        guard let newest else { return nil }
        return "Meta refused \(template.name) (\(template.category) in the WABA's list) to this contact with \(newest.code) at "
            + "\(KapsoTime.iso(newest.at)) (\(Elapsed.text(max(0, now - newest.at))) ago), a code Meta documents for marketing "
            + "templates only: Meta may be treating it as marketing, so this send may fail the same way ('"
            + ShellWord.command("trace", newest.id) + "' shows that failure)"
    }
}
