/// Whether Kapso's log search can answer for this project, as far as a command learned it: a verdict only sends the
/// user to `logs search` when it may work (probe17 P17-13: "not enabled" said, then `logs search --around` advised).
/// `available: false` in a log search answer means search is not enabled for the project (kapso-api.md §6, §14.4).
public enum LogSearchAccess: Sendable, Equatable {
    /// A search answered with events (or none): `logs search` works.
    case available
    /// A search answered `available: false` (or the API has no log search): `logs search` cannot work.
    case notEnabled
    /// Not asked (or the search failed otherwise): `logs search` may work.
    case notAsked

    /// The next step that shows one send: `'logs search --around WAMID' shows …`, or without search the API call list
    /// of the number's send path (`logs --endpoint /{phone-number id}/messages --period P`) and Kapso support.
    /// `period` is the `logs` period that covers the send (`DeliveryPeriod.covering`).
    public func sendEvidence(wamid: String, phoneNumberID: String?, period: String) -> String {
        guard self == .notEnabled else {
            return "'logs search --around \(wamid)' shows the send's API call and any webhook Meta sent Kapso about it"
        }
        let path = phoneNumberID.map { "/\($0)/messages" } ?? "/messages"
        return "'logs --endpoint \(path) --period \(period)' shows the send's API call; Meta's webhooks about it are only in "
            + "log search, which this project cannot use, so Kapso support can look them up by the WAMID"
    }
}
