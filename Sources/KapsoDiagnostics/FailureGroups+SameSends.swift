public import KapsoClient

// MARK: - One failure counted once: a refused send and its failed message

extension FailureGroups {
    /// `entries` without the failed API calls that are the same send as a failed message (each failure once, as
    /// grouped and flat views count it), and how many calls were left out: a
    /// `POST /{phone-number id}/messages` answered with the Graph code the message failed with, on the same
    /// number, within 10 s of the message's failure (a send Meta refuses at once is both an API-log row and a
    /// failed message in Kapso). Each message takes at most one call. A message Meta accepted (a WAMID, or a `sent`
    /// status: `SendAttribution.accepted`) takes none: a refused send gets no WAMID, so a refused call near it is
    /// another attempt and counts as its own failure, as `trace` lists it (probe28 P28-16).
    public static func withoutSameSends(_ entries: [ErrorTriage.Entry]) -> (kept: [ErrorTriage.Entry], joined: Int) {
        var sends: [(number: String, code: String, time: Int64)] = entries.compactMap { entry in
            guard entry.source == .message, let message = try? Message(json: entry.json), !SendAttribution.accepted(message),
                let number = entry.json["kapso"]?["phone_number_id"]?.string ?? entry.json["phone_number_id"]?.string,
                let code = entry.error.split(separator: " ").first.map(String.init), code.allSatisfy(\.isNumber),
                let time = KapsoTime.seconds(iso: entry.time)
            else { return nil }
            return (number, code, time)
        }
        var kept: [ErrorTriage.Entry] = []
        var joined = 0
        for entry in entries {
            if entry.source == .api, entry.json["http_method"]?.string == "POST",
                let endpoint = entry.json["endpoint"]?.string, let (number, edge) = APIPath.graphObject(in: endpoint), edge == "messages",
                let refusal = APIRefusal(status: APILog.responseStatus(in: entry.json), text: entry.json["error_message"]?.string),
                refusal.isGraphCode, case let code = refusal.code, let time = KapsoTime.seconds(iso: entry.time),
                let index = sends.firstIndex(where: { $0.number == number && $0.code == code && abs($0.time - time) <= 10 })
            {
                sends.remove(at: index)
                joined += 1
                continue
            }
            kept.append(entry)
        }
        return (kept, joined)
    }
}
