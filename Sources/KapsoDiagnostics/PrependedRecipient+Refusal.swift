public import KapsoClient

extension PrependedRecipient {
    /// True when `send`'s `to` has no `+` and its statuses name one number besides `to`, the contact's own (`contact`,
    /// digits), made of `to` by a calling code before its digits (a trunk `0` dropped or not): Meta completed `to` into
    /// the contact's number, so the send's outcome is the contact's as a send written E.164 would be (tester68b B9: a
    /// 131047 refusal of `4155550209`, which Meta made +14155550209, the contact's own, was not weighed against their
    /// window). Meta names whom a status is about by `recipient_id`, and it prepends only the sending number's calling
    /// code, so the sending number need not be read. False for a send Meta made into another number (tester68b B10).
    public static func madeContact(_ send: Message, contact: String) -> Bool {
        guard let to = bareTo(of: send) else { return false }
        let digits = to.filter { $0.isASCII && $0.isNumber }
        let others = StatusHistory(message: send).otherRecipients(than: to)
        guard others.count == 1, let made = others.first, ContactNumber.same(made, contact) else { return false }
        return [digits, digits.trimmingLeadingZeros()].contains { !$0.isEmpty && made.count > $0.count && made.hasSuffix($0) }
    }

    /// Kapso's `phone_number` filter (a partial match) for the contact's own sends: their national digits, without the
    /// calling code, so a send written without `+` (`4155550209`, Kapso's `phone_number` then perhaps that `to`) is found
    /// with those written E.164 (`madeContact` then tells whose it was); `ContactNumber.searchKey` for a number whose two
    /// forms it already shortens, or whose calling code cannot be read.
    public static func sendsKey(_ contact: String) -> String {
        let digits = contact.filter { $0.isASCII && $0.isNumber }
        let key = ContactNumber.searchKey(digits)
        guard key == digits, CountryCallingCode.isPlausible(digits), let code = CountryCallingCode.code(of: digits) else { return key }
        return String(digits.dropFirst(code.count))
    }

    /// Meta's refusal of this send for the window (131047, 470) when the number Meta made is not known to be the
    /// contact's (`isContact` false) and the refusal names it (`refusedCode`): Meta counted the window of the number it made, which has
    /// not written to this number in 24 hours, not the contact's (tester68b B10: "the window Meta counts is not the one
    /// kops sees … send an approved template", a template that would go to the same stranger). `contactCloses`: when the
    /// contact's own window (their last message before the send) closes, nil when unknown; `now`: the API's clock.
    public func windowRefusal(contactCloses: Int64?, now: Int64) -> MadeNumberRefusal? {
        guard !isContact, let code = refusedCode else { return nil }
        return MadeNumberRefusal(recipient: self, code: code, contactCloses: contactCloses, now: now)
    }

    /// The window-refusal code (131047, 470) of a failed status of `message` that names `made`, nil when none does.
    static func refusal(of message: Message, naming made: String) -> String? {
        StatusHistory(message: message).failures.lazy.filter { $0.recipient == made }
            .compactMap { $0.errors.first { ErrorCatalog.isReengagement($0.code) }?.code }.first
    }

    /// A refusal for the window that is about the number Meta made of a `to` without `+` (`windowRefusal`): the meaning,
    /// fix and verdict `trace` gives it in place of the contact's window's.
    public struct MadeNumberRefusal: Sendable, Equatable {
        public var recipient: PrependedRecipient
        public var code: String
        public var contactCloses: Int64?
        public var now: Int64

        /// `+444155550208 (what Meta made of 4155550208 with the +44 sender's calling code)`.
        var made: String { "+\(recipient.made) (what Meta made of \(recipient.to) with the +\(recipient.code) sender's calling code)" }

        /// What `fix` sends: free-form to the contact's own number while their window is open, else a template.
        public var advice: MessageVerdict.Advice {
            guard recipient.contact != nil, let closes = contactCloses, closes > now else { return .template }
            return .freeForm
        }

        /// What the refusal means: Meta's count for the number it made, and whose window it says nothing of.
        public var meaning: String {
            let about = "Meta refused a free-form message to +\(recipient.made) as outside its 24-hour window: that number has "
                + "not written to this business number in the last 24 hours; it is what Meta made of \(recipient.to) from a "
                + "+\(recipient.code) number (it prepends the sending number's calling code to a number sent without +)"
            guard let contact = recipient.contact else {
                return about + ", and kops read no number the contact wrote from before this send to tell whether that is the person meant"
            }
            return about + ", not the contact's own number +\(contact.number) (\(contact.source)), so it says nothing of the contact's window"
        }

        /// What to do: resend to the contact's own number written E.164, free-form while their window is open; never a
        /// template to the same `to`, which Meta would complete into the same number.
        public var fix: String {
            guard let contact = recipient.contact else {
                return "send E.164 with + and the country code of the person meant; if +\(recipient.made) is that person, only "
                    + "an approved template reaches them until they write"
            }
            let number = "+\(contact.number)"
            let not = "; not a template to \(recipient.to), which Meta would complete into +\(recipient.made) again"
            guard let closes = contactCloses else {
                return "resend to the contact's own number E.164 (\(number)): free-form inside their 24-hour window, else an approved template" + not
            }
            if closes > now {
                return "resend it free-form to the contact's own number E.164 (\(number)): their window is open until \(KapsoTime.iso(closes))" + not
            }
            return "resend to the contact's own number E.164 (\(number)) as an approved template: their window closed at "
                + "\(KapsoTime.iso(closes))" + not
        }

        /// `failed: 131047 because Meta sent it to +444155550208 (…), not to the contact +14155550208 (…): … resend it
        /// free-form to the contact's own number E.164 (+14155550208): their window is open until …` (`fix`).
        public var verdict: String {
            let head = "failed: \(code) because Meta sent it to \(made)"
            guard let contact = recipient.contact else {
                return head + ", a number that has not written to this business number in 24 hours; kops read no number the "
                    + "contact wrote from before this send to tell whether that is the person meant: possible misdelivery; " + fix
            }
            return head + ", not to the contact +\(contact.number) (\(contact.source)): the refusal is about +\(recipient.made), "
                + "a number that has not written to this business number in 24 hours (possible misdelivery); " + fix
        }
    }
}
