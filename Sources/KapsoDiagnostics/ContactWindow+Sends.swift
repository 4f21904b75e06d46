public import KapsoClient

extension ContactWindow {
    /// The window weighed against the contact's own sends, as `trace` reads each send (`SendProof`, `SendWindow.of`,
    /// `MessageVerdict.RefusedInOpenWindow`), so `reply` and `trace` do not contradict each other (tester60 AH11: `reply`
    /// refused a contact whose free-form send was delivered 2 h before as "closed", and sent without a word to one whose
    /// free-form send Meta refused with 131047 an hour before). Only the newest free-form send after the last message
    /// kops read the contact write counts (an older one says nothing of the window since), and only where it
    /// contradicts kops's reading:
    /// - it reached a device while kops's reading says closed at the send: a message of the contact's that kops did not
    ///   read opened the window before it, so until 24 hours after the send at the latest the window is `unknown`, said
    ///   with both readings (a `reply` hedges, it does not refuse);
    /// - Meta refused it for the window while kops's reading says open (`RefusedInOpenWindow`, not a race): the window
    ///   stays as read, with Meta's refusal beside it (`refusedSince`).
    /// `sends` are the contact's outbound messages as listed (a partial-match listing: others are left out here);
    /// a window already unknown is left as it is.
    public func weighing(sends: [Message], phoneNumberID: String, contact: String) -> ContactWindow {
        switch evidence {
        case .unknown: return self
        case .lastInbound, .noInbound: break
        }
        var newest: (send: Message, at: Int64, proof: SendProof)?
        for send in sends
        where send.isOutbound && (send.phoneNumberID ?? phoneNumberID) == phoneNumberID && MessageOrigin(send).sentToGroup == nil
            && Self.isContacts(send, contact: contact)
        {
            guard let proof = SendProof.of(send), let sentAt = send.time, sentAt > lastInbound ?? .min,
                sentAt <= at + MessageTime.skew, sentAt > newest?.at ?? .min
            else { continue }
            newest = (send, sentAt, proof)
        }
        guard let newest else { return self }
        var weighed = self
        let sent = "a free-form send to the contact at \(KapsoTime.iso(newest.at)) (\(newest.send.id))"
        switch newest.proof {
        case .open(let status):
            let closes = newest.at + Conversation.windowSeconds
            guard !ServiceWindow(lastInbound: lastInbound, at: newest.at).isOpen, closes > at else { return self }
            let read = lastInbound.map { "closed since \(KapsoTime.iso($0 + Conversation.windowSeconds)) (last inbound \(KapsoTime.iso($0)))" }
                ?? "closed (no inbound message from the contact was found)"
            weighed.evidence = .unknown(
                "kops's reading of the contact's messages says \(read), but \(sent) was \(status), and Meta delivers a "
                    + "free-form message only inside the window (outside it fails with 131047): a message of the contact's "
                    + "that kops did not read opened it, so it may be open until \(KapsoTime.iso(closes)) at the latest")
        case .closed(let code):
            guard isOpen, let refusal = MessageVerdict.RefusedInOpenWindow(sentAt: newest.at, lastInbound: lastInbound, note: lastInboundNote),
                !refusal.raced
            else { return self }
            // WhatsApp also reported it on the phone: the refusal is in doubt, and so is the window it would close (B5).
            if let conflict = StatusHistory(message: newest.send).conflict {
                let when = conflict.success.time.map { " at \(KapsoTime.iso($0))" } ?? ""
                weighed.refusedSince = "but Meta reported \(sent) both failed with \(code) and \(conflict.success.status)\(when), so "
                    + "whether the window had closed then is not certain: a free-form reply may go through; if it fails with "
                    + "\(code), a template still goes through"
                return weighed
            }
            weighed.refusedSince = "but Meta refused \(sent) with \(code), counting the window closed then; " + refusal.next
        }
        return weighed
    }

    /// True when `send` went to `contact` (digits or user id): its number or user id is theirs, or, written without `+`,
    /// its statuses name the contact's own number Meta made of it (`PrependedRecipient.madeContact`, tester68b B9); one
    /// whose statuses name another number Meta made is not theirs, whatever Kapso files it under (tester68b B10).
    static func isContacts(_ send: Message, contact: String) -> Bool {
        if PrependedRecipient.bareTo(of: send) != nil, !StatusHistory(message: send).otherRecipients(than: send.json["to"]?.string).isEmpty {
            return PrependedRecipient.madeContact(send, contact: contact)
        }
        return ContactNumber.same(send.contact, contact) || ContactNumber.same(send.userID, contact)
    }
}
