public import KapsoClient

/// A health report whose `timestamp` is older than Kapso keeps a report, or ahead of the clock it is read against
/// (tester61 AJ9: a report dated 35 days back read as the number's health now, `overview` `ok`).
///
/// Kapso checks a number at most every 3 minutes and serves the cached report in between; after repeated access failures
/// it holds a cached report for 5, 15, 30, then at most 60 minutes, with `retry_after` set (kapso-api.md §2.3 "Caching &
/// limits"; Kapso, "Phone number health", docs.kapso.ai). Older than that, or dated ahead, the report is no live reading.
/// Five minutes are allowed either way for the two clocks (`now` is the API's `Date` header where one was read).
public struct HealthAge: Sendable, Equatable {
    /// Seconds from the report's `timestamp` to `now`; negative when the report is dated ahead.
    public var seconds: Int64
    /// The report's `timestamp` as Kapso wrote it.
    public var timestamp: String

    /// The age of `health` at `now` (Unix seconds) when it is beyond what Kapso's caching allows: 3 min, or 60 min with
    /// `retry_after` set, plus 5 min for the clocks; nil when within it, or when the report has no readable `timestamp`.
    public init?(_ health: PhoneNumberHealth, now: Int64) {
        guard let timestamp = health.timestamp, let taken = KapsoTime.seconds(iso: timestamp) else { return nil }
        let kept: Int64 = health.retryAfter == nil ? 3 * 60 : 60 * 60
        let slack: Int64 = 5 * 60
        let age = now - taken
        guard age > kept + slack || age < -slack else { return nil }
        (seconds, self.timestamp) = (age, timestamp)
    }

    /// `report 35 d old`, `report dated 2 h ahead`: for `overview`'s narrow HEADLINE.
    public var short: String {
        seconds < 0 ? "report dated \(Elapsed.text(seconds)) ahead" : "report \(Elapsed.text(seconds)) old"
    }

    /// What the age means: `checked 35 d ago (2026-11-01T00:00:00Z): older than Kapso keeps a report (3 min; at most
    /// 60 min while it backs off after access errors), so this is not the number's health now`.
    public var words: String {
        if seconds < 0 {
            return "dated \(Elapsed.text(seconds)) ahead of the API's clock (\(timestamp)), so when it was checked is not "
                + "known and this may not be the number's health now"
        }
        return "checked \(Elapsed.text(seconds)) ago (\(timestamp)): older than Kapso keeps a report (3 min; at most 60 min "
            + "while it backs off after access errors), so this is not the number's health now"
    }

    /// What to do about it.
    public var fix: String {
        "run 'health' again in a minute; if the date stays, ask Kapso support why the report is not refreshed, quoting it "
            + "('output json', then 'health')"
    }
}
