import KapsoClient
import KapsoDiagnostics
import Testing

/// Which messages are evidence of the 24-hour window (`WindowEvidence`), which times kops reads (`MessageTime`), and
/// what a delivered free-form message says about the window when it was sent (`SendWindow`); probe9 P9-2–P9-18.
@Suite struct WindowEvidenceTests {
    static let now: Int64 = 1_795_262_400
    static let hour: Int64 = 3_600

    static func message(_ fields: JSONObject, direction: String = "inbound", origin: String = "cloud_api", statuses: [JSONValue]? = nil)
        throws -> Message
    {
        var json: JSONObject = ["id": "wamid.A", "timestamp": .string(String(now - hour)), "type": "text", "from": "14155550192"]
        for entry in fields.entries { json[entry.key] = entry.value }
        var kapso: JSONObject = [
            "direction": .string(direction), "phone_number": "14155550192", "phone_number_id": "100", "origin": .string(origin),
        ]
        if let statuses { kapso["statuses"] = .array(statuses) }
        json["kapso"] = .object(kapso)
        return try Message(json: json)
    }

    @Test(arguments: [
        (JSONValue.string("1795258800"), "seconds"),
        // Read as a status's time is, and named (probe26 P26-17, Probe29TimeAndWindowTests).
        (.string("1795258800000"), "seconds"),
        (.string("2026-11-21T11:00:00Z"), "seconds"),
        (.string("17952588000000"), "no time in Unix seconds"),
        (.string("0"), "no time in Unix seconds"),
        (.string("1795280400"), "5 h ahead of the API's clock"),
        (.string("1795262430"), "seconds"),
        (.null, "has no timestamp"),
    ])
    func aTimestampIsReadOnlyWhenItIsUnixSecondsNotAhead(value: JSONValue, expected: String) {
        let time = MessageTime(timestamp: value, now: Self.now)
        if expected == "seconds" {
            #expect(time.seconds != nil, "\(time)")
        } else {
            #expect(time.seconds == nil && time.text.contains(expected), "\(time.text)")
        }
    }

    @Test func aMillisecondTimeIsReadInSecondsNeverYear58856() throws {
        let message = try Self.message(["timestamp": "1795258800000"])
        #expect(message.time == 1_795_258_800, "never year 58856")
    }

    @Test func onlyTheContactWritingOpensTheWindow() throws {
        let moved = try Self.message(["type": "system", "system": ["type": "user_changed_number", "wa_id": "14155550999", "body": "x"]])
        let evidence = WindowEvidence(moved, now: Self.now)
        #expect(evidence.opens == nil && evidence.movedTo == "14155550999")
        let notWritten: [Message] = [
            moved, try Self.message(["type": "revoke", "revoke": ["original_message_id": "wamid.B"]]),
            try Self.message(["type": "edit", "edit": ["original_message_id": "wamid.B", "message": ["text": ["body": "new"]]]]),
            try Self.message(["type": "reaction", "reaction": ["message_id": "wamid.B", "emoji": ""]]),
            try Self.message(["type": "reaction", "reaction": ["message_id": "wamid.B"]]),
            try Self.message(["text": ["body": "hi"]], origin: "business_app"), try Self.message(["text": ["body": "hi"]], origin: "history_sync"),
        ]
        for message in notWritten { #expect(WindowEvidence(message, now: Self.now).notWritten != nil, "\(message.json)") }
        let written = [
            try Self.message(["text": ["body": "hi"]]), try Self.message(["type": "reaction", "reaction": ["message_id": "wamid.B", "emoji": "👍"]]),
        ]
        for message in written { #expect(WindowEvidence(message, now: Self.now).opens == Self.now - Self.hour, "\(message.json)") }
    }

    @Test func aNotificationIsNotCountedInTheContactWindowAndTheMoveIsNamed() throws {
        let text = try Self.message(["id": "wamid.T", "timestamp": .string(String(Self.now - 30 * Self.hour))])
        let moved = try Self.message(["id": "wamid.M", "type": "system", "system": ["type": "user_changed_number", "wa_id": "14155550999"]])
        let window = ContactWindow(phoneNumberID: "100", contact: "14155550192", conversations: [], inbound: [moved, text], at: Self.now)
        #expect(window.evidence == .lastInbound(Self.now - 30 * Self.hour))
        #expect(window.isClosed && window.moved?.number == "14155550999", "\(window.text)")
        #expect(window.text.contains("write to +14155550999"))
    }

    @Test func anUnreadableTimeMakesAClosedWindowUnknownButNotAnOpenOne() throws {
        let old = try Self.message(["id": "wamid.T", "timestamp": .string(String(Self.now - 30 * Self.hour))])
        // 13 digits past 2100 even as milliseconds: no time kops can read (a plausible one is read, probe26 P26-17).
        let ms = try Self.message(["id": "wamid.S", "timestamp": "9795258800000"])
        let unknown = ContactWindow(phoneNumberID: "100", contact: "14155550192", conversations: [], inbound: [ms, old], at: Self.now)
        guard case .unknown(let reason) = unknown.evidence else { Issue.record("\(unknown.evidence)"); return }
        #expect(reason.contains("milliseconds") && reason.contains("the newest readable one is"), "\(reason)")
        let recent = try Self.message(["id": "wamid.R"])
        let open = ContactWindow(phoneNumberID: "100", contact: "14155550192", conversations: [], inbound: [ms, recent], at: Self.now)
        #expect(open.isOpen, "another message can only keep an open window open")
    }

    @Test func aDeliveredFreeFormMessageShowsTheWindowWasOpen() throws {
        let closed = ServiceWindow(lastInbound: Self.now - 30 * Self.hour, at: Self.now - Self.hour)
        let delivered = try Self.message(
            ["to": "14155550192"], direction: "outbound",
            statuses: [["status": "sent", "timestamp": .string(String(Self.now - Self.hour))],
                       ["status": "delivered", "timestamp": .string(String(Self.now - Self.hour + 2))]])
        let line = SendWindow.of(delivered, window: closed, unknown: "-")
        #expect(line.text.hasPrefix("open when sent, as its delivered status shows") && line.text.contains("kops's reading says closed"), "\(line.text)")
        let failed = try Self.message(
            ["to": "14155550192"], direction: "outbound",
            statuses: [["status": "failed", "timestamp": .string(String(Self.now - Self.hour)), "errors": [["code": 131047]]]])
        #expect(SendWindow.of(failed, window: closed, unknown: "-").text.hasPrefix("closed when sent: last inbound"))
        let echo = try Self.message(["to": "14155550192"], direction: "outbound", origin: "business_app")
        #expect(SendWindow.of(echo, window: closed, unknown: "-").text.hasPrefix("does not apply: sent from the WhatsApp Business app"))
    }
}
