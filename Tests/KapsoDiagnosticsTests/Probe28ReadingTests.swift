import KapsoClient
import KapsoDiagnostics
import Testing

/// probe28/29's time readings: one reader (`ZonelessTime.read`) for typed and stored times (P28-4, P28-5, P28-13,
/// P29-6), and status times judged on their own when the message's own time is flagged (P28-6).
@Suite struct Probe28ReadingTests {
    /// P28-13: everyday spellings of a time are read (and their form named) or refused as a time, never as an id.
    @Test(arguments: [
        ("1795258800", 1_795_258_800, "Unix seconds"), ("2026-11-21 11:00 UTC", 1_795_258_800, "UTC written as a word"),
        ("2026-11-21T11:00:00 GMT", 1_795_258_800, "GMT written as a word"), ("2026-11-21T11:00:00+0000", 1_795_258_800, nil),
    ] as [(String, Int64, String?)])
    func everydayTimesAreRead(_ typed: String, _ seconds: Int64, _ form: String?) {
        #expect(ZonelessTime.read(typed) == .time(seconds, form: form))
    }

    /// P28-13, P29-6, P28-5: a time with one thing wrong is named in one line, the field and what to write.
    @Test(arguments: [
        ("2026-02-30T12:00:00Z", "2026-02-30 is not a date (February 2026 has 28 days)"),
        ("2026-13-01T00:00:00Z", "month 13 is no month (01–12)"), ("2026-11-21T24:30:00Z", "hour 24 is no hour (00–23)"),
        ("2026-11-21T11:00:00+25:00", "offset +25:00 is beyond ±18:00"), ("2026-11-21", "2026-11-21 is a date alone"),
        ("2026-11-21T11:00:00 PST", "PST is a zone abbreviation kops does not guess"),
        ("2026-11-21T11:00:00.123456", "2026-11-21T11:00:00 has no time zone"), ("9999-12-31T23:59:59Z", "after 2100"),
        ("2026-02-31", "2026-02-31 is not a date (February 2026 has 28 days)"),
    ])
    func aWrongTimeIsNamed(_ typed: String, _ problem: String) {
        guard case .problem(let text) = ZonelessTime.read(typed) else {
            Issue.record("\(typed) read as \(ZonelessTime.read(typed))")
            return
        }
        #expect(text.hasPrefix(problem) || text.contains(problem), "\(text)")
    }

    @Test(arguments: ["wamid.X", "req_abc", "14155550100", "4155550100", "hello world"])
    func otherTextIsNoTime(_ typed: String) {
        #expect(ZonelessTime.read(typed) == .notATime)
    }

    /// P28-5 and P29-6 in the shared parser: a fraction without a zone is no UTC time, a day past the month's end no
    /// date (it rolled into the next month), a leap day only in a leap year.
    @Test func theParserValidatesEveryField() {
        #expect(KapsoTime.seconds(iso: "2026-11-21T11:00:00.123456") == nil)
        #expect(KapsoTime.seconds(iso: "2026-11-21T11:00:00.123456Z") == 1_795_258_800)
        #expect(KapsoTime.seconds(iso: "2026-02-30T12:00:00Z") == nil)
        #expect(KapsoTime.seconds(iso: "2026-02-29T12:00:00Z") == nil)
        #expect(KapsoTime.seconds(iso: "2028-02-29T12:00:00Z") != nil)
        #expect(KapsoTime.seconds(iso: "2026-11-21T11:00:00+25:00") == nil)
        #expect(KapsoTime.seconds(iso: "2026-11-21T11:00:00+18:00") != nil)
    }

    static func conversation(_ lastInbound: JSONValue) throws -> Conversation {
        try Conversation(json: [
            "id": "0a1b2c3d-0000-4000-8000-0000000080a6", "phone_number": "14155558005", "status": "active",
            "phone_number_id": "100200300400501", "kapso": ["last_inbound_at": lastInbound],
        ])
    }

    /// P28-4: `last_inbound_at` as a JSON number or a string of Unix seconds is read and named, never "no inbound".
    @Test(arguments: [JSONValue.number("1795258800"), .string("1795258800")])
    func unixSecondsInLastInboundAreRead(_ value: JSONValue) throws {
        let window = ContactWindow(
            phoneNumberID: "100200300400501", contact: "14155558005", conversations: [try Self.conversation(value)], inbound: [],
            at: 1_795_262_400)
        #expect(window.isOpen)
        #expect(window.text.hasPrefix("open until 2026-11-22T11:00:00Z (23 h left)"), "\(window.text)")
        #expect(window.text.contains("Unix seconds, not the ISO-8601 Kapso documents"), "\(window.text)")
    }

    /// P28-5: a zone-less value is "no time zone" with or without a fraction; P28-4: a present unreadable one is no "none".
    @Test(arguments: [
        (JSONValue.string("2026-11-21T11:00:00.123456"), "has no time zone"), (.string("2026-11-21T11:00:00"), "has no time zone"),
        (.bool(true), "is no date and time kops can read"),
    ])
    func anUnreadableLastInboundIsUnknown(_ value: JSONValue, _ why: String) throws {
        let window = ContactWindow(
            phoneNumberID: "100200300400501", contact: "14155558005", conversations: [try Self.conversation(value)], inbound: [],
            at: 1_795_262_400)
        #expect(window.window == nil)
        #expect(window.text.hasPrefix("unknown: Kapso's last_inbound_at") && window.text.contains(why), "\(window.text)")
    }

    /// P28-6: a message stamped 2 h ahead of the API's clock judges nothing: its statuses' own Unix seconds are read.
    @Test func statusesOfAMessageStampedAheadAreRead() throws {
        let text = #"{"id":"wamid.X","timestamp":"1795269600","type":"text","text":{"body":"hi"},"kapso":{"direction":"outbound","#
            + #""status":"delivered","statuses":[{"status":"sent","timestamp":"1795262100"},{"status":"delivered","timestamp":"1795262102"}]}}"#
        let message = try Message(json: try #require(try JSONValue.parse(text).object))
        let history = StatusHistory(message: message, now: 1_795_262_400)
        #expect(history.events.map(\.time) == [1_795_262_100, 1_795_262_102])
        #expect(history.untimedCount == 0)
        #expect(history.events.allSatisfy { $0.sinceSend == nil })
    }
}
