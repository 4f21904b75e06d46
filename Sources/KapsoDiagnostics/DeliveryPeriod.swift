/// The `period` of Kapso's delivery log (`GET /platform/v1/webhook_deliveries`: `24h`, `7d` or `30d`, default `24h`,
/// kapso-api.md §4), and the `deliveries` command that lists what a finding points at: a printed command must find
/// the deliveries it speaks of, so it carries the period they fall in.
public enum DeliveryPeriod {
    /// The periods, shortest first.
    public static let all = ["24h", "7d", "30d"]
    /// `deliveries`' default.
    public static let standard = "24h"

    /// The shortest period covering something `age` seconds old: `24h`, `7d`, else `30d` (Kapso keeps no longer).
    public static func covering(age: Int64) -> String {
        age < 23 * 3_600 ? "24h" : age < 6 * 86_400 ? "7d" : "30d"
    }

    /// `deliveries --webhook ID --errors --period 7d`; no `--period` for the default `24h`.
    public static func command(webhookID: String? = nil, errors: Bool, period: String) -> String {
        var words = ["deliveries"]
        if let webhookID { words += ["--webhook", webhookID] }
        if errors { words.append("--errors") }
        if period != standard { words += ["--period", period] }
        return words.joined(separator: " ")
    }
}
