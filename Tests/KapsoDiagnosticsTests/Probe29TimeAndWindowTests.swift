import KapsoClient
import KapsoDiagnostics
import Testing

/// probe26 P26-17 (a message's own ISO-8601 or millisecond `timestamp` is read as its statuses' are) and the calling hedge
/// of a window said closed at a send (probe25 P25-16, in `SendWindow`).
@Suite struct Probe29TimeAndWindowTests {
    static let now: Int64 = 1_795_262_400

    static func message(timestamp: JSONValue, type: String = "text", statuses: [JSONValue] = []) throws -> Message {
        try Message(json: [
            "id": "wamid.A", "timestamp": timestamp, "type": .string(type), "to": "14155552901",
            "kapso": [
                "direction": "outbound", "status": "sent", "phone_number": "14155552901", "phone_number_id": "100200300400501",
                "statuses": .array(statuses),
            ],
        ])
    }

    /// Kapso's documented form and the two forms a rewriting tool writes, all read, the other forms named (P26-17).
    @Test(arguments: [
        (JSONValue.string("1795261810"), Int64(1_795_261_810), String?.none),
        (.string("2026-11-21T11:50:10Z"), 1_795_261_810, "ISO-8601"),
        (.string("2026-11-21T08:50:10-03:00"), 1_795_261_810, "ISO-8601"),
        (.string("1795261810000"), 1_795_261_810, "Unix milliseconds"),
    ])
    func aMessageTimeInAnotherFormIsReadAsItsStatusesAre(value: JSONValue, seconds: Int64, form: String?) throws {
        let message = try Self.message(timestamp: value)
        #expect(message.time == seconds)
        #expect(MessageTime(message, now: Self.now).seconds == seconds)
        #expect(MessageTime.otherForm(value) == form)
        let described = MessageTime.described(message, now: Self.now)
        #expect(described.hasPrefix("2026-11-21T11:50:10Z"), "\(described)")
        #expect(described.contains("not the Unix seconds Kapso documents") == (form != nil), "\(described)")
        // The status reader is the same reading: a status in that form is placed and named alike.
        let history = StatusHistory(statuses: .array([["status": "sent", "id": "wamid.A", "timestamp": value]]), sentAt: seconds, messageID: "wamid.A")
        #expect(history.events.first?.time == seconds && history.events.first?.readFrom == form)
    }

    /// Still no time: a value ahead of the API's clock, `0`, words (P9-12 and P9-4 keep holding).
    @Test(arguments: [JSONValue.string("2026-11-21T17:00:00Z"), .string("0"), .string("soon"), .string("99999999999999")])
    func aTimeThatIsNoneStaysUnreadable(value: JSONValue) throws {
        #expect(MessageTime(timestamp: value, now: Self.now).seconds == nil)
    }

    /// tester64 T3: Unix seconds with blanks around them are named so, not "no time in Unix seconds".
    @Test(arguments: [" 1795259280 ", "1795259280\n", "\t1795259280"])
    func secondsWithBlanksAroundThemAreNamed(_ text: String) {
        let time = MessageTime(timestamp: .string(text), now: Self.now)
        #expect(time.seconds == nil)
        #expect(time.text.contains("has blanks around its Unix seconds (\"1795259280\", 2026-11-21T11:08:00Z)"), "\(time.text)")
        #expect(!time.text.contains("no time in Unix seconds"), "\(time.text)")
    }

    /// A send whose window kops reads closed, on a number with calling on: a call before the send may have opened it,
    /// which kops cannot see, so "closed when sent" carries the hedge; not on a number without calling, and not when
    /// Meta refused the send for the window (131047 says closed itself).
    @Test func aClosedWindowAtASendIsHedgedOnANumberWithCalling() throws {
        let sent = Self.now - 3_600
        let message = try Self.message(
            timestamp: .string(String(sent)), statuses: [["status": "sent", "id": "wamid.A", "timestamp": .string(String(sent))]])
        let window = ServiceWindow(lastInbound: sent - 30 * 3_600, at: sent)
        let hedged = SendWindow.of(message, window: window, unknown: "", callsEnabled: true)
        #expect(hedged.text.hasPrefix("closed when sent: ") && hedged.text.contains(ContactWindow.callCaveat(since: "before the send")), "\(hedged.text)")
        #expect(hedged.severity == .warning)
        let plain = SendWindow.of(message, window: window, unknown: "", callsEnabled: false)
        #expect(!plain.text.contains("unless the contact called") && plain.severity == .bad, "\(plain.text)")
        let none = SendWindow.of(message, window: ServiceWindow(lastInbound: nil, at: sent), unknown: "", callsEnabled: true)
        #expect(none.text.contains("unless the contact called before the send"), "\(none.text)")
        let refused = try Self.message(
            timestamp: .string(String(sent)),
            statuses: [["status": "failed", "id": "wamid.A", "timestamp": .string(String(sent + 1)), "errors": [["code": 131047, "title": "Re-engagement message"]]]])
        #expect(!SendWindow.of(refused, window: window, unknown: "", callsEnabled: true).text.contains("unless the contact called"))
    }
}
