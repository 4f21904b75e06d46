internal import KapsoClient

// MARK: - What a number change means for a send

extension ContactWindow.Moved {
    /// `the contact changed their number to +14155550999 at 2026-11-21T11:00:00Z (user_changed_number): …`; along a
    /// followed chain, each number's messages and the next move: `… to +B at …, wrote from it at …, then to +C at …`.
    public var text: String {
        let hops = through + [Hop(number: number, at: at, wroteAt: wroteAt)]
        let time = { (at: Int64?) in at.map { " at \(KapsoTime.iso($0))" } ?? "" }
        var text = "the contact changed their number to +\(hops[0].number)" + time(hops[0].at) + " (user_changed_number)"
        for (index, hop) in hops.enumerated() {
            if index > 0 { text += ", then to +\(hop.number)" + time(hop.at) }
            if index < hops.count - 1 { text += hop.wroteAt.map { ", wrote from it at \(KapsoTime.iso($0))" } ?? ", wrote nothing from it that kops read" }
        }
        return text + ": a message to this number reaches nobody, or whoever holds it now; write to +\(number) ('reply --to +\(number)': "
            + (wroteAt.map { "they wrote from it at \(KapsoTime.iso($0))" } ?? "a template first, as they have not written from it") + ")"
    }

    /// When the contact left the number looked at: the first move of the chain.
    var leftAt: Int64? { through.first?.at ?? at }
}

extension ContactWindow.Moved {
    /// Why a send to the contact's old number failed as undeliverable (131026), when it went after they moved: the move
    /// first, and the way on (probe21 P21-17: `reply` and `conversations` named the move, `trace` and `errors` gave the
    /// generic "accept the terms and update WhatsApp"). Meta's `user_changed_number` notification carries the new number
    /// so the business writes there (system messages webhook reference); Meta does not say that a send to the old
    /// number fails with 131026, so the link is kops's reading, said as likely. Nil for another code, a send to the new
    /// number, or a send before the move (or without a time for either).
    public func sendAfterMove(code: String?, sentAt: Int64?, to recipient: String?) -> String? {
        guard code == "131026", let at = leftAt, let sentAt, at <= sentAt, !ContactNumber.same(recipient, number) else { return nil }
        let old = recipient.map { "+" + $0.filter(\.isNumber) } ?? "the old number"
        return "sent to \(old) \(Elapsed.text(sentAt - at)) after the contact changed their number to +\(number) at "
            + "\(KapsoTime.iso(at)) (user_changed_number), so \(old) is most likely no longer theirs; write to +\(number) "
            + "('reply --to +\(number)': a template first, as they have not written from it); do not retry to \(old)"
    }
}
