public import KapsoClient

extension TemplateCheck {
    /// How long after a 131049 ("ecosystem limit": Meta held back a marketing template to keep the user's marketing
    /// volume healthy) a resend to the same user is refused by kops: Meta documents no period, and its error-codes page
    /// and kops's catalogue advise waiting at least 24 hours ("do not resend to this user for at least 24 hours").
    public static let marketingLimitWait: Int64 = 24 * 3_600

    /// A MARKETING `template` to a contact whose own recent marketing sends Meta refused (probe39 P39-14: `errors` and
    /// `trace` said "do not resend for at least 24 hours" while `reply --template` re-sent it silently): among `sends` (the
    /// contact's outbound messages on the number, any order) the newest failure of a template with 131049 within
    /// `marketingLimitWait` before `now`, or with 131050 ("user stopped marketing messages": the contact opted out of this
    /// business's marketing, Meta, WhatsApp Cloud API error codes, developers.facebook.com/documentation/
    /// business-messaging/whatsapp/support/error-codes) at any time read; nil when a marketing template to them was
    /// delivered after it (the limit or the opt-out is over), for another category, or with none.
    public static func recentMarketingRefusal(_ template: MessageTemplate, sends: [Message], now: Int64) -> Problem? {
        guard template.category == "MARKETING" else { return nil }
        var refusals: [(code: String, name: String?, at: Int64)] = []
        var delivered: [Int64] = []
        for message in sends where message.isOutbound && message.type == "template" {
            let history = StatusHistory(message: message)
            let send = FailedSend(message: message.json)
            if send.notMarketing == nil, let reached = history.events.first(where: { StatusWord($0.status).reachedDevice })?.time {
                delivered.append(reached)
            }
            let code = MessageError.primary(of: MessageError.ofFailure(message.json, history: history))?.code
            guard code == "131049" || code == "131050", let at = history.failures.compactMap(\.time).max() ?? message.time else { continue }
            if code == "131049", now - at > marketingLimitWait { continue }
            refusals.append((code ?? "", send.templateName, at))
        }
        guard let newest = refusals.max(by: { $0.at < $1.at }), !delivered.contains(where: { $0 > newest.at }) else { return nil }
        return .recentMarketingRefusal(
            code: newest.code, template: newest.name, failedAt: KapsoTime.iso(newest.at), ago: Elapsed.text(max(0, now - newest.at)),
            until: KapsoTime.iso(newest.at + marketingLimitWait))
    }
}
