internal import KapsoClient

// MARK: - Messages whose last status is final or was never the Cloud API's

extension MessageVerdict {
    /// The verdict on an outbound message that no delivered or read status will ever follow, so that the rules for a
    /// Cloud API send left at `sent` or `pending` (phone offline or blocked, time-to-live passed, Meta never accepted it)
    /// do not apply; nil for any other message.
    ///
    /// - A reaction at `sent`: "When you send a reaction message, WhatsApp triggers only a sent message webhook; it does
    ///   not trigger delivered or read message webhooks" (Meta's Reaction messages page; Kapso's "Reaction messages only
    ///   trigger a 'sent' status webhook", docs.kapso.ai/docs/whatsapp/send-messages/reaction; kapso-api.md §3.4):
    ///   `sent` is its final status (probe39 P39-11).
    /// - Imported history (`kapso.origin: history_sync`, kapso-api.md §7.3) at `sent` or waiting: a copy of a chat the
    ///   WhatsApp Business app had, not sent through the Cloud API now, so Meta sends no statuses for it (probe39
    ///   P39-13); a coexistence echo (`business_app`) waiting likewise (its `sent` has its own verdict).
    static func withoutDeliveryReports(_ status: String, message: Message, now: Int64) -> MessageVerdict? {
        let word = StatusWord(status)
        let origin = WindowEvidence(message, now: nil).appOrigin
        var waiting = false
        if case .waiting = word { waiting = true }
        if origin == .importedHistory, word == .sent || waiting {
            let when = message.time.map { " \(Elapsed.text(now - $0)) ago" } ?? ""
            return MessageVerdict(
                "imported history (kapso.origin history_sync): a copy of a message sent\(when) from the WhatsApp Business "
                    + "app, not through the Cloud API, so Meta reports no delivery or read status for it and '\(status)' says "
                    + "nothing about delivery; the app's chat shows whether it arrived", .good)
        }
        if origin == .importedHistory, word == .delivered, let imported = importedDelivered(message, now: now) { return imported }
        if origin == .businessApp, waiting {
            return MessageVerdict(
                "sent from the WhatsApp Business app (a coexistence echo), not through the Cloud API: Kapso's '\(status)' is "
                    + "not a Cloud API send waiting for Meta; the app shows whether it arrived", .warning)
        }
        if message.type == "reaction", word == .sent, origin == nil {
            let when = message.time.map { " \(Elapsed.text(now - $0)) ago" } ?? ""
            return MessageVerdict(
                "sent\(when); a reaction: Meta reports only 'sent' for reactions, never delivered or read, so this is its "
                    + "final status", .good)
        }
        return nil
    }

    /// The verdict on imported history (`kapso.origin: history_sync`) that Kapso records `delivered` with no status
    /// history: the status came with the import (Meta sends imported history once, through its `history` webhook, with
    /// each message's status then: `history_context.status`, Meta's history webhook reference; kapso-api.md §7.3
    /// `history_sync` = imported history), and no read receipt follows a copy, so "not read yet" would claim more than
    /// the data shows (tester66 W9). Nil for a message with statuses of its own, or any other message.
    static func importedDelivered(_ message: Message, now: Int64) -> MessageVerdict? {
        guard WindowEvidence(message, now: nil).appOrigin == .importedHistory, StatusHistory(message: message).events.isEmpty else { return nil }
        let when = message.time.map { " \(Elapsed.text(now - $0)) ago" } ?? ""
        return MessageVerdict(
            "imported history (kapso.origin history_sync): a copy of a message sent\(when) from the WhatsApp Business app, "
                + "recorded 'delivered' when the chat was imported; it has no status history, and an imported copy gets no "
                + "later read receipt, so whether it was read is not known; the app's chat shows it", .good)
    }

    /// The verdict on imported history (`kapso.origin: history_sync`) that is recorded failed: a send of the WhatsApp
    /// Business app that had failed before the chat was imported (Meta sends imported history once, through its `history`
    /// webhook, with each message's status then: `history_context.status`, Meta's history webhook reference), not a Cloud
    /// API send, so the advice for a live failure (retry, wait, a ticket) does not apply; nil for any other message. As
    /// `trace` names its Meta event and API calls since session 51 (fix50d).
    static func importedFailure(_ message: Message, errors: [MessageError], now: Int64) -> MessageVerdict? {
        guard WindowEvidence(message, now: nil).appOrigin == .importedHistory else { return nil }
        let when = message.time.map { " \(Elapsed.text(now - $0)) ago" } ?? ""
        let error = MessageError.primary(of: errors)
        let code = error?.code.map { code in " (\(code)" + (error?.shownName.map { " \($0)" } ?? "") + ")" } ?? ""
        return MessageVerdict(
            "imported history (kapso.origin history_sync): a copy of a message sent\(when) from the WhatsApp Business app that "
                + "was recorded failed\(code) when the chat was imported, not a send through the Cloud API: there is no API "
                + "send to retry or to report, and the advice for a live failure does not apply; the app's chat shows what "
                + "happened to it, and a new send through the API reaches the contact as usual", .warning)
    }
}
