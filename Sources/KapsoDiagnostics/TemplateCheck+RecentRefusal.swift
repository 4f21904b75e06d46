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
}
