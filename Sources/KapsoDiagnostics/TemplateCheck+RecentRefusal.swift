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
    /// business-messaging/whatsapp/support/error-codes) at any time read, or 130472 ("user's number is part of an
    /// experiment": Meta's marketing message experiment, tester49 L1) while the contact has not written in 24 hours; nil
    /// when a marketing template to them was delivered after it (the limit or the opt-out is over), for another category,
    /// or with none.
    public static func recentMarketingRefusal(_ template: MessageTemplate, sends: [Message], now: Int64) -> Problem? {
        guard template.category == "MARKETING",
            let newest = ResendHold.marketing(sends, sending: .template(category: "MARKETING"), now: now)
        else { return nil }
        return .recentMarketingRefusal(
            code: newest.rule.code, template: newest.template, failedAt: KapsoTime.iso(newest.newest),
            ago: Elapsed.text(max(0, now - newest.newest)), until: KapsoTime.iso(newest.newest + marketingLimitWait))
    }

    /// A note for sending `template`, a utility or authentication template, to a contact whose send of this same template
    /// Meta refused with a marketing-only code (`FailedSend.marketingOnlyCodes`) while the marketing rule of that code
    /// holds (`ResendHold.marketing` read for this template's sends: 131049 within `marketingLimitWait` before `now`,
    /// 131050 at any time read, 130472 while no customer service window is open; lifted by a later send of it that reached
    /// the contact): Meta documents those codes for marketing templates only, so it may be treating this template as
    /// marketing and the send may fail the same way (tester49 F1: `reply --template order_update` went out without a word
    /// 48 min after Meta refused order_update with 131049). Nil for a marketing template (`recentMarketingRefusal` reads
    /// those), or when no such refusal is read.
    public static func sameTemplateRefusedNote(_ template: MessageTemplate, sends: [Message], now: Int64) -> String? {
        guard template.category != "MARKETING",
            let newest = ResendHold.marketing(sends, sending: .template(category: template.category), now: now, template: template.name)
        else { return nil }
        return "Meta refused \(template.name) (\(template.category) in the WABA's list) to this contact with \(newest.rule.code) at "
            + "\(KapsoTime.iso(newest.newest)) (\(Elapsed.text(max(0, now - newest.newest))) ago), a code Meta documents for "
            + "marketing templates only: Meta may be treating it as marketing, so this send may fail the same way"
            + (newest.messageID.map { " ('" + ShellWord.command("trace", $0) + "' shows that failure)" } ?? "")
    }
}
