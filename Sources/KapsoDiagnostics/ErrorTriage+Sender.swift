public import KapsoClient

// MARK: - A failure's advice beside the sending number's state, and a refusal about the number Meta made (tester69b)

extension ErrorTriage {
    /// The failed sends' entries (a message's own failure, neither a warning, a received message's error nor one the
    /// contact saw), by index.
    private var sendFailures: [Int] {
        entries.indices.filter { index in
            let entry = entries[index]
            return entry.source == .message && entry.statusWord == nil && !entry.isReceived && entry.seenByContact == nil
                && !entry.kapsoDisagrees && entry.alsoReached == nil
        }
    }

    /// The free-form sends refused for the window (131047, 470) whose `to` without `+` Meta made into another number
    /// (`PrependedRecipient`, by WAMID; `ShellContext.prependedRecipient` reads it): their meaning is trace's reading of
    /// the made number (`PrependedRecipient.MadeNumberRefusal`: Meta sent it to +44…, not the contact; resend to the
    /// contact's own number E.164), never "a template still goes through", a template Meta would complete into the same
    /// stranger (tester69b D12). The contact's window is read from their messages this triage read before the send.
    public mutating func readMadeNumbers(_ made: [String: PrependedRecipient]) {
        guard let now else { return }
        for index in sendFailures {
            let entry = entries[index]
            guard let id = entry.wamid, let prepended = made[id], let message = try? Message(json: entry.json),
                FailedSend(message: entry.json).isTemplate != true, let sentAt = message.time
            else { continue }
            let own = prepended.contact.map { contact in
                inbound.filter { ContactNumber.same($0.contact, contact.number) }.compactMap { WindowEvidence($0, now: now).opens }
                    .filter { $0 <= sentAt }.max()
            } ?? nil
            guard let refusal = prepended.windowRefusal(contactCloses: own.map { $0 + Conversation.windowSeconds }, now: now) else { continue }
            tied.insert(index)
            entries[index].meaning = refusal.meaning + "; " + refusal.fix + entry.alsoGave
        }
    }

    /// Says the sending number's state beside each failed send's advice (`MessageVerdict.Advice`, as `trace` reads it:
    /// `SenderState.Replies.clause`): "retry", "send an approved template", "send it again as is" on a number the session
    /// read as unable to send (tester69b D2). `replies` gives a number's state by id (nil: none known).
    ///
    /// A failure Meta also reported delivered (`alsoReached`) advises a send too, once the contact confirms it did not
    /// arrive ("if it did fail: … a template still goes through"): weighed as the others (tester70b G6).
    public mutating func weighSenders(_ replies: (String) -> SenderState.Replies?) {
        let reported = entries.indices.filter { entries[$0].alsoReached != nil && entries[$0].source == .message && !entries[$0].isReceived }
        for index in sendFailures + reported {
            let entry = entries[index]
            guard let number = Self.number(of: entry.json), let state = replies(number) else { continue }
            entries[index].meaning = state.said(after: entry.meaning, advice: advice(of: entry), separator: ";")
        }
    }

    /// What a failed send's meaning advises sending, as `MessageVerdict.failureAdvice` reads the verdict's.
    private func advice(of entry: Entry) -> MessageVerdict.Advice {
        let send = FailedSend(message: entry.json)
        let code = entry.error.split(separator: " ").first.map(String.init)
        if send.isImported { return .none }
        guard ErrorCatalog.isReengagement(code) else { return .retry }
        if send.isTemplate == true { return .none }
        // Sent again as is once the contact wrote since (`tieToLaterInbound`); the made number's reading (`readMadeNumbers`).
        if let now, let message = try? Message(json: entry.json), let sentAt = message.time,
            MessageVerdict.writtenSince(sentAt, newestInbound: WindowEvidence.newestWritten(by: message, among: inbound, now: now), now: now) != nil
        {
            return .freeForm
        }
        return .template
    }
}
