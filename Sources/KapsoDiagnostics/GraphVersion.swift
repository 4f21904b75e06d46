internal import KapsoClient

/// Meta's Graph API versions, each with the day Meta released it and the day it stops being served, and what a
/// version in a call's path says at the time of the call: `v19.0` at 2026-11-21 → retired on 2026-05-21; `v21.0` →
/// available until 2027-01-21; `v99.0` → never released (probe37 P37-9: every version but v24.0 read alike).
///
/// Source: Meta's "Versions" table, developers.facebook.com/docs/graph-api/changelog/versions (Graph API: version,
/// release date, expiration date), read 2026-12-03, and Meta's post "Introducing Graph API v27.0 and Marketing API
/// v27.0" (developers.facebook.com/blog/post/2026/11/04/introducing-graph-api-v27-and-marketing-api-v27/, 2026-11-04),
/// which the table read did not list yet. A version with no expiration date is "TBD" there. Meta's Platform
/// Versioning page (developers.facebook.com/docs/apps/versions): "once a version is no longer usable, any calls made to
/// it will be defaulted to the next oldest, usable version". Dates are `yyyy-MM-dd`, UTC.
public enum GraphVersion {
    /// When `table` was read from Meta's page.
    public static let readOn = "2026-12-03"

    /// Where `table` comes from, for a line that states one of its dates.
    public static let source = "Meta's Graph API versions table, read \(readOn)"

    /// `(version, released, available until)`, newest first; nil: Meta gives no date yet.
    static let table: [(version: String, released: String, until: String?)] = [
        ("v27.0", "2026-11-04", nil), ("v26.0", "2026-07-29", nil), ("v25.0", "2026-02-18", "2028-07-29"),
        ("v24.0", "2025-10-08", "2028-02-18"), ("v23.0", "2025-05-29", "2027-10-08"), ("v22.0", "2025-01-21", "2027-05-20"),
        ("v21.0", "2024-10-02", "2027-01-21"), ("v20.0", "2024-05-21", "2026-09-24"), ("v19.0", "2024-01-23", "2026-05-21"),
        ("v18.0", "2023-09-12", "2026-01-26"), ("v17.0", "2023-05-23", "2025-09-12"), ("v16.0", "2023-02-02", "2025-05-14"),
        ("v15.0", "2022-09-15", "2024-11-20"), ("v14.0", "2022-05-25", "2024-09-17"), ("v13.0", "2022-02-08", "2024-05-28"),
        ("v12.0", "2021-09-14", "2024-02-08"), ("v11.0", "2021-06-08", "2023-09-14"), ("v10.0", "2021-02-23", "2023-06-08"),
        ("v9.0", "2020-11-10", "2023-02-23"), ("v8.0", "2020-08-04", "2022-11-01"), ("v7.0", "2020-05-05", "2022-08-04"),
        ("v6.0", "2020-02-03", "2022-05-05"), ("v5.0", "2019-10-29", "2022-02-03"), ("v4.0", "2019-07-29", "2021-11-02"),
        ("v3.3", "2019-04-30", "2021-08-03"), ("v3.2", "2018-10-23", "2021-05-04"), ("v3.1", "2018-07-26", "2020-10-27"),
        ("v3.0", "2018-05-01", "2020-07-28"), ("v2.12", "2018-01-30", "2020-05-05"), ("v2.11", "2017-11-07", "2020-01-28"),
        ("v2.10", "2017-07-18", "2019-11-07"), ("v2.9", "2017-04-18", "2019-07-22"), ("v2.8", "2016-10-05", "2019-04-18"),
        ("v2.7", "2016-07-13", "2018-10-05"), ("v2.6", "2016-04-12", "2018-07-13"), ("v2.5", "2015-10-07", "2018-04-12"),
        ("v2.4", "2015-07-08", "2017-10-09"), ("v2.3", "2015-03-25", "2017-07-10"), ("v2.2", "2014-10-30", "2017-03-27"),
        ("v2.1", "2014-08-07", "2016-10-31"), ("v2.0", "2014-04-30", "2016-08-08"),
    ]

    /// The version Kapso documents its proxy at (`https://api.kapso.ai/meta/whatsapp/v24.0`, kapso-api.md §1.1).
    public static let kapso = "v24.0"

    /// What a version says at one time.
    public enum Reading: Sendable, Equatable {
        /// Served at that time; `until` is the day Meta stops serving it (nil: no date given yet).
        case available(released: String, until: String?)
        /// No longer served: Meta retired it on that day.
        case retired(on: String)
        /// In Meta's table, but released only after that time.
        case notYetReleased(on: String)
        /// Not in Meta's table: Meta never released it (or, newer than the table's newest, not when it was read).
        case neverReleased
        /// In Meta's table, with no time to compare its dates with: its dates only.
        case dated(released: String, until: String?)
    }

    /// What `version` (`v19.0`) says at `time` (Unix seconds; the call's own time, else the session's clock, so a
    /// recorded run reads the same whenever it is replayed); `.dated` without a time.
    public static func reading(_ version: String, at time: Int64?) -> Reading {
        guard let entry = table.first(where: { $0.version == version }) else { return .neverReleased }
        guard let time else { return .dated(released: entry.released, until: entry.until) }
        let day = String(KapsoTime.iso(time).prefix(10))
        if day < entry.released { return .notYetReleased(on: entry.released) }
        if let until = entry.until, day >= until { return .retired(on: until) }
        return .available(released: entry.released, until: entry.until)
    }

    /// True when `version` is served at `time` (nil: unknown, false).
    public static func isServed(_ version: String, at time: Int64?) -> Bool {
        if case .available = reading(version, at: time) { return true }
        return false
    }

    /// The newest version in the table.
    static var newest: String { table[0].version }

    /// `v19.0, which Meta retired on 2026-05-21 (before this call) …`: what the path's `version` is, in words, at `time`,
    /// with what to use; nil for a version served then (no cause) and for Kapso's own version.
    public static func problem(_ version: String, at time: Int64?) -> String? {
        guard version != kapso else { return nil }
        let use = "use \(kapso), the version Kapso documents its proxy at"
        switch reading(version, at: time) {
        case .available:
            return nil
        case .retired(let day):
            return "Graph \(version), which Meta retired on \(day) (\(source)), before this call: Meta serves a retired "
                + "version as the oldest one it still serves, or not at all; \(use)"
        case .notYetReleased(let day):
            return "Graph \(version), which Meta released only on \(day) (\(source)), after this call; \(use)"
        case .neverReleased:
            return "Graph \(version), a version Meta never released (\(source); the newest is \(newest)); \(use)"
        case .dated(_, nil):
            return nil
        case .dated(let released, let until?):
            return "Graph \(version) (available from \(released) until \(until), by \(source)); if the call came after "
                + "\(until), \(use)"
        }
    }

    /// `v21.0 is served until 2027-01-21`: a note for a version served at `time` that is not Kapso's; nil otherwise.
    public static func servedNote(_ version: String, at time: Int64?) -> String? {
        guard version != kapso, case .available(_, let until) = reading(version, at: time) else { return nil }
        return "\(version) is served at the time of the call" + (until.map { " (until \($0), by \(source))" } ?? "")
            + ", so the version is not the cause"
    }
}
