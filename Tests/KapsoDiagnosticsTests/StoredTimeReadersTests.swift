import KapsoClient
@testable import KapsoDiagnostics
import Testing

/// The two readers of a stored time accept different forms, on purpose (docs/stored-times.md): a message's or status's
/// `timestamp` (`KapsoTime.reading(timestamp:within:)`, Unix seconds by the contract, plus what tools rewrite it to)
/// and a time field such as `kapso.last_inbound_at` (`ZonelessTime.read(field:)`, ISO-8601 by the contract, plus Unix
/// seconds, named). Each form is pinned for both, so a change to either reader shows here.
@Suite struct StoredTimeReadersTests {
    /// 2026-11-21T11:00:00Z.
    static let eleven: Int64 = 1_795_258_800

    @Test(arguments: [
        // (value, timestamp reader's (seconds, form) or nil, field reader's (seconds, form) or nil for a problem)
        (JSONValue.string("1795258800"), Accepted(eleven, nil), Accepted(eleven, "Unix seconds")),
        (.number("1795258800"), Accepted(eleven, nil), Accepted(eleven, "a JSON number of Unix seconds")),
        (.string("2026-11-21T11:00:00Z"), Accepted(eleven, "ISO-8601"), Accepted(eleven, nil)),
        (.string("2026-11-21T12:00:00+01:00"), Accepted(eleven, "ISO-8601"), Accepted(eleven, nil)),
        (.string("1795258800000"), Accepted(eleven, "Unix milliseconds"), nil),
        (.number("1795258800000"), Accepted(eleven, "Unix milliseconds"), nil),
        (.string("1795258800.25"), Accepted(eleven, "fractional Unix seconds"), nil),
        (.string("2026-11-21 11:00:00 UTC"), nil, Accepted(eleven, "UTC written as a word")),
        (.string("2026-11-21T11:00:00"), nil, nil),
        (.string("123"), Accepted(123, nil), nil),
        (.string("0"), nil, nil),
        (.string("-1795258800"), nil, nil),
        (.string("yesterday"), nil, nil),
    ] as [(JSONValue, Accepted?, Accepted?)])
    func eachReaderAcceptsItsForms(value: JSONValue, timestamp: Accepted?, field: Accepted?) {
        let read = KapsoTime.reading(timestamp: value, within: KapsoTime.plausible)
        #expect(read.map { Accepted($0.seconds, $0.form) } == timestamp, "timestamp reader, \(value)")
        switch ZonelessTime.read(field: value) {
        case .time(let seconds, let form)?: #expect(Accepted(seconds, form) == field, "field reader, \(value)")
        case .problem?: #expect(field == nil, "field reader refused \(value)")
        case .notATime?, nil: Issue.record("a present value is read or named, never absent: \(value)")
        }
    }

    /// Both readers read nothing from a missing or null value.
    @Test func absentIsNothingToBoth() {
        #expect(KapsoTime.reading(timestamp: nil, within: KapsoTime.plausible) == nil)
        #expect(KapsoTime.reading(timestamp: .null, within: KapsoTime.plausible) == nil)
        #expect(ZonelessTime.read(field: nil) == nil)
        #expect(ZonelessTime.read(field: .null) == nil)
    }

    /// The field reader's Unix seconds run from 2009 (before WhatsApp) to 2100, the bound status times use.
    @Test func theFieldReadersUnixSecondsAreStatusTimesBounds() {
        #expect(ZonelessTime.unixSeconds == StatusHistory.earliestPlausible...KapsoTime.plausible.upperBound)
        #expect(ZonelessTime.read(field: .number(String(StatusHistory.earliestPlausible - 1))) != .time(StatusHistory.earliestPlausible - 1, form: "a JSON number of Unix seconds"))
        #expect(ZonelessTime.read(field: .number(String(StatusHistory.earliestPlausible))) == .time(StatusHistory.earliestPlausible, form: "a JSON number of Unix seconds"))
    }
}

struct Accepted: Equatable, Sendable, CustomStringConvertible {
    var seconds: Int64
    var form: String?
    init(_ seconds: Int64, _ form: String?) {
        self.seconds = seconds
        self.form = form
    }
    var description: String { "\(seconds) \(form ?? "-")" }
}
