/// A send still at a waiting word (`pending`, `accepted`, `queued`): Meta's `sent` normally follows within seconds.
extension MessageVerdict {
    /// How long a waiting word (`pending`, `accepted`, `queued`) may stand before it is no longer the normal wait for
    /// Meta's `sent`, which follows an accepted send within seconds.
    static let normalWait: Int64 = 15 * 60

    /// `pending for 9 s: Meta has not confirmed the message yet`, or past `normalWait` what a send with no `sent` status
    /// for that long means, and that kops cannot tell which of the two causes it is (probe10 P10-3: "not confirmed yet"
    /// after 49 hours). Without the message's time, the age is not named. The next step is one that can work in this
    /// project (`LogSearchAccess.sendEvidence`: no `logs search` when search is not enabled, P17-13).
    static func waiting(_ word: String, age: Int64?, id: String, number: String?, logSearch: LogSearchAccess) -> MessageVerdict {
        guard let age, age >= 0 else { return MessageVerdict("\(word): Meta has not confirmed the message yet", .warning) }
        guard age > normalWait else {
            return MessageVerdict("\(word) for \(Elapsed.text(age)): Meta has not confirmed the message yet (it normally does within seconds)", .warning)
        }
        // A WAMID is Meta's answer to an accepted send (kapso-api.md §9.2: `messages[0].id`, `message_status` accepted or
        // held_for_quality_assessment): a message known by one was accepted (tester56 Z3).
        let causes = id.hasPrefix("wamid.")
            ? "Meta accepted the send (it answered with this WAMID) but has not sent it yet (held, e.g. for "
                + "quality assessment, or queued) or Kapso never received its status webhooks"
            : "either Meta never accepted the send or Kapso never received its status webhooks"
        return MessageVerdict(
            "\(word) for \(Elapsed.text(age)), which is not normal: Meta's sent status normally comes within seconds, so \(causes), "
                + "and kops cannot tell which; "
                + logSearch.sendEvidence(wamid: id, phoneNumberID: number, period: DeliveryPeriod.covering(age: age)), .bad)
    }
}
