// MARK: - A Graph code answered with HTTP 402 (the status and the body disagree)

extension ErrorCatalog {
    /// `entry` read with the HTTP status it came with: a Graph code Meta documents with another status (code 100 with
    /// 400) answered **402 Payment Required** is not read as the code alone. 402 on a send is Kapso's billing refusal
    /// (kapso-api.md §9.3: `{"error": …, "code": "insufficient_credits", "billing_url": …}`, "Kapso balance can't cover
    /// Meta's fee"; Kapso docs, Meta message billing, "Insufficient balance: paid sends pause until credits are added",
    /// https://docs.kapso.ai/docs/whatsapp/meta-message-billing); Meta's error-codes page gives no code 402, so a body that
    /// says code 100 beside a 402 contradicts its status and kops cannot tell which one holds: the entry says both and
    /// names the credits first, the cause Kapso documents for the status (fixA's note of session 65).
    ///
    /// `send` is false for a call that sends nothing (a read such as `GET …/message_templates`, a Platform API call;
    /// `APIRefusal.paymentCode` tells them apart by path and method): Kapso's credits for Meta's fee are a send's 402, so
    /// such a 402 is only said as status and body disagreeing, with no credits advice (tester66b X10: `GET` rows in `logs
    /// --errors` were told to check the credits).
    ///
    /// Unchanged for any status but 402, for Kapso's own codes, for codes Meta documents with 402 or without a status,
    /// and for 131042 (Meta's payment problem, which agrees with a payment status).
    public static func readByStatus(_ entry: Entry, status: Int?, send: Bool = true) -> Entry {
        guard status == 402, entry.source == .meta, entry.code != "131042",
            let documented = entry.httpStatus, documented != 402
        else { return entry }
        var read = entry
        guard send else {
            read.name = "\(entry.name) in the body of a 402"
            read.meaning = "the status and the body disagree: the call sends no message, so it is not Kapso's refusal of a send "
                + "the project's credits cannot cover, while the body carries Graph code \(entry.code) (\(entry.name)), which Meta "
                + "answers with HTTP \(documented); kops cannot tell which holds"
            read.fix = "the status and the body disagree (a 402 on a call that sends nothing; Meta answers code \(entry.code) with "
                + "HTTP \(documented)): check the request for code \(entry.code) ('explain \(entry.code)'); if it is right, ask Kapso "
                + "support why the call was answered 402"
            read.refusedFix = nil
            read.retry = .unknown
            return read
        }
        read.name = "\(entry.name) in the body of a payment refusal"
        read.meaning = "the status and the body disagree: Kapso answers a send 402 when the project's credits cannot cover "
            + "Meta's fee (paid sends pause until credits are added), while the body carries Graph code \(entry.code) "
            + "(\(entry.name)), which Meta answers with HTTP \(documented); kops cannot tell which holds"
        read.fix = "check the project's Kapso credits first (top up if they are short); if they are not, check the request "
            + "for code \(entry.code) ('explain \(entry.code)') and ask Kapso support why a 402 carries it"
        read.refusedFix = nil
        read.retry = .unknown
        read.reference = "Kapso, Meta message billing (https://docs.kapso.ai/docs/whatsapp/meta-message-billing) and Meta "
            + "proxy status codes (402 insufficient_credits); " + entry.reference
        return read
    }
}

extension APIRefusal {
    /// The reading of a 402 whose `text` carries a Graph code Meta answers with another status, on a call that sends no
    /// message (a live read: `templates`, `messages`): `invalid parameter in the body of a 402: the status and the body
    /// disagree …`, as `logs --errors` reads the same call's row (`ErrorCatalog.readByStatus` with `send: false`;
    /// tester66b X10). Nil for any other text.
    public static func nonSendPayment(text: String) -> String? {
        guard let refusal = APIRefusal(status: nil, text: text), refusal.isGraphCode, let entry = refusal.entry else { return nil }
        let read = ErrorCatalog.readByStatus(entry, status: 402, send: false)
        guard read.name != entry.name else { return nil }
        return "\(read.name): \(read.fix)"
    }
}
