internal import Foundation
public import KapsoClient

/// A date and time typed without a time zone: `2026-11-21T11:00:00`, `2026-11-21 11:00`, `2026-11-21T11:00:00.250`.
///
/// Kapso writes its times in ISO-8601 UTC (kapso-api.md §0 gotcha 16), but support tickets and many logs quote local
/// wall-clock times without a zone, so such a time is either UTC or the writer's local time and kops does not guess
/// which: it names the missing zone and shows both ways to write it (probe26 P26-10: `logs search --around
/// 2026-11-21T11:00:00` was refused as "neither an id … nor an event", `2026-11-21 11:00` as an id with letters).
public struct ZonelessTime: Sendable, Equatable {
    /// The time as typed, in ISO form without a zone: `2026-11-21T11:00:00`.
    public var local: String

    /// Nil unless `text` is a valid date and time (`T` or a space between them, seconds and a fraction optional)
    /// with no `Z` and no offset.
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let bytes = Array(trimmed.utf8)
        guard bytes.count >= 16, bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " ") else { return nil }
        var iso = String(decoding: bytes[..<10], as: UTF8.self) + "T" + String(decoding: bytes[11...], as: UTF8.self)
        // `11:00` has no seconds: ISO allows it, and KapsoTime reads only the full form.
        if bytes.count == 16 { iso += ":00" }
        guard KapsoTime.seconds(iso: iso + "Z") != nil else { return nil }
        let fraction = iso.dropFirst(19)
        guard fraction.isEmpty || (fraction.first == "." && fraction.dropFirst().allSatisfy(\.isNumber)) else { return nil }
        local = String(iso.prefix(19))
    }

    /// What is missing and what to write instead: `2026-11-21T11:00:00 has no time zone, and kops does not guess
    /// whether it is UTC or local: add Z for UTC (2026-11-21T11:00:00Z) or your offset (…)`.
    public var problem: String {
        "\(local) has no time zone, and kops does not guess whether it is UTC or local: add Z for UTC (\(local)Z) "
            + "or your offset (e.g. \(local)-05:00 for New York in winter)"
    }
}
