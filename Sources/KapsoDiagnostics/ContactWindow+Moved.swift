internal import KapsoClient

// MARK: - What a number change means for a send

extension ContactWindow.Moved {
    /// `the contact changed their number to +14155550999 at 2026-11-21T11:00:00Z (user_changed_number): …`; along a
    /// followed chain, each number's messages and the next move: `… to +B at …, wrote from it at …, then to +C at …`.
    /// A send to the old number read after the notice is named instead of "reaches nobody" (`LaterReach.text`).
    public var text: String {
        "the contact " + chainText
            + (laterReach.map { "; " + $0.text + "; " } ?? ": a message to this number reaches nobody, or whoever holds it now; ")
            + writeTo
    }

    /// `write to +B ('reply --to +B': …)`, or, when the notice gave no new number (`number` nil, tester66 W1), `write to
    /// their new number instead (the notice's text above may give it; 'reply --to +NEW': a template first unless they
    /// wrote from it)`.
    public var writeTo: String {
        guard let number else {
            return "write to their new number instead (" + (notice == nil ? "ask them for it" : "the notice's text may give it")
                + "; 'reply --to +NEW': \(wayOn))"
        }
        return "write to +\(number) ('reply --to +\(number)': \(wayOn))"
    }

    /// `to +B` or `, new number not given (only in the notice's text: "…")`: what the notice says of the new number.
    /// Meta's bidirectional marks around the numbers in `body` (U+200E, U+200F) are left out; the text is cut at 120
    /// characters.
    public var newNumberText: String {
        if let number { return " to +\(number)" }
        guard let notice else { return ", new number not given" }
        let plain = String(String.UnicodeScalarView(notice.unicodeScalars.filter { $0 != "\u{200E}" && $0 != "\u{200F}" }))
        let cut = plain.count > 120 ? String(plain.prefix(119)) + "…" : plain
        return ", new number not given (only in the notice's text: \"\(cut)\")"
    }

    /// `'reply' to this number refuses without --force: the contact changed …`: what a view of the contact's window on
    /// the old number says, so it never promises a reply that `reply` refuses (session 36: `trace` said "free-form replies
    /// go through" of a message the contact wrote before the notice, and `reply` to it refused).
    public var replyRefused: String { "'reply' to this number refuses without --force: " + text }

    /// `changed their number to +B at … (user_changed_number), wrote from it at …, then to +C at …`: the moves, oldest
    /// first, with what kops read of each number left on the way.
    public var chainText: String {
        let time = { (at: Int64?) in at.map { " at \(KapsoTime.iso($0))" } ?? "" }
        guard let number else {
            // Never followed (no number to read), so no hops: the one move, said with what the notice gives.
            return "changed their number" + time(at) + " (\(noticeType))" + newNumberText
        }
        let hops = through + [Hop(number: number, at: at, wroteAt: wroteAt)]
        var text = "changed their number to +\(hops[0].number)" + time(hops[0].at) + " (\(noticeType))"
        for (index, hop) in hops.enumerated() {
            if index > 0 { text += ", then to +\(hop.number)" + time(hop.at) }
            if index < hops.count - 1 { text += hop.wroteAt.map { ", wrote from it at \(KapsoTime.iso($0))" } ?? ", wrote nothing from it that kops read" }
        }
        return text
    }

    /// How to write to the contact on `number` now, from what kops read of that number's records: `they wrote from it
    /// at …, so its window is open until …` (or `…, but that window closed at …: a template first`) when they were read
    /// and hold a message the contact wrote since the move; `a template first, as they have not written from it since
    /// the move` when read and holding none (a message from it before they moved there, A→B→A, opened no window kops can
    /// vouch for); and, when they were not read (`followed` false), `a template first unless they wrote from
    /// it: …` — kops cannot say which (probe33: `trace` and `errors` said "they have not written from it" of a contact
    /// who had, as they never read the new number, while `whois` hedged). The one phrase of `reply`, `whois`, `trace`
    /// and `errors`. The window is per business number and contact and opens when the contact writes (Meta, Service
    /// messages: "When a WhatsApp user messages you …, a 24-hour timer called a customer service window starts",
    /// developers.facebook.com/documentation/business-messaging/whatsapp/messages/send-messages).
    public var wayOn: String {
        guard let number else { return "a template first unless they wrote from it: 'reply --to +NEW --dry-run' reads it" }
        guard followed else { return "a template first unless they wrote from it: 'reply --to +\(number) --dry-run' reads it" }
        guard let wroteAt else { return "a template first, as they have not written from it since the move" }
        let closes = wroteAt + Conversation.windowSeconds
        let wrote = "they wrote from it at \(KapsoTime.iso(wroteAt))"
        guard let readAt else { return wrote }
        return closes > readAt
            ? wrote + ", so its window is open until \(KapsoTime.iso(closes))"
            : wrote + ", but that window closed at \(KapsoTime.iso(closes)): a template first"
    }

    /// `by whoever holds +14155550171, not necessarily the contact: the contact changed …`: who a send to the old number
    /// after the move reached, for a status that says it reached a device (`delivered`, `read`, `played` say a WhatsApp
    /// account on that number got it, not whose: `reading`). Nil for a send before the move, to the new number, or without
    /// a time for either.
    public func reachedAfterMove(sentAt: Int64?, to recipient: String?) -> String? {
        guard let at = leftAt, let sentAt, at <= sentAt, let recipient, !ContactNumber.same(recipient, number) else { return nil }
        return "by whoever holds +\(recipient.filter(\.isNumber)), not necessarily the contact: " + text
    }

    /// When the contact left the number looked at: the first move of the chain.
    public var leftAt: Int64? { through.first?.at ?? at }
}

extension ContactWindow.Moved {
    /// Why a send to the contact's old number failed as undeliverable (131026), when it went after they moved: the move
    /// first, and the way on (probe21 P21-17: `reply` and `conversations` named the move, `trace` and `errors` gave the
    /// generic "accept the terms and update WhatsApp"). Meta's `user_changed_number` notification carries the new number
    /// so the business writes there (system messages webhook reference); Meta does not say that a send to the old
    /// number fails with 131026, so the link is kops's reading, said as likely. Nil for another code, a send to the new
    /// number, or a send before the move (or without a time for either).
    ///
    /// A send to the old number that reached a device after the notice (`laterReach`) is named instead of "most likely no
    /// longer theirs"; a failure on a message that itself reached a device later (`messageID` among `laterReach`'s) is
    /// contradicted by its own status, so it is not read as the move (P32-2).
    public func sendAfterMove(code: String?, sentAt: Int64?, to recipient: String?, messageID: String? = nil) -> String? {
        guard code == "131026", let at = leftAt, let sentAt, at <= sentAt, !ContactNumber.same(recipient, number) else { return nil }
        if let messageID, laterReach?.messageIDs.contains(messageID) == true { return nil }
        let old = recipient.map { "+" + $0.filter(\.isNumber) } ?? "the old number"
        return "sent to \(old) \(Elapsed.text(sentAt - at)) after the contact changed their number\(newNumberText) at "
            + "\(KapsoTime.iso(at)) (\(noticeType))" + (laterReach.map { "; " + $0.text } ?? ", so \(old) is most likely no longer theirs")
            + "; \(writeTo); do not retry to \(old)"
    }
}
