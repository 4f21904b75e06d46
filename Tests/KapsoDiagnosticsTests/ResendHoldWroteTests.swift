import KapsoClient
import KapsoDiagnostics
import Testing

/// Session 50's read-through: `ResendHold.hold` read "the contact wrote" twice, each its own way: any inbound record's
/// raw time, for 130472's open window and for 131026's lift. A system notification or a copy of imported history is not
/// the contact writing (`WindowEvidence`), so neither may open the window a 130472 waits for, nor lift a 131026; a
/// message the contact wrote does both, as before.
@Suite struct ResendHoldWroteTests {
    static let now = Probe40ResendHoldTests.now

    static func inbound(at time: Int64, type: String = "text", origin: String = "cloud_api") throws -> Message {
        let body = type == "system"
            ? #""system": {"type": "user_changed_number", "body": "changed", "wa_id": "14155550999"}"#
            : #""text": {"body": "hi"}"#
        let json = """
            {"id": "wamid.IN\(type)\(origin)", "timestamp": "\(time)", "type": "\(type)", "from": "\(Probe40ResendHoldTests.contact)", \(body),
             "kapso": {"direction": "inbound", "status": "received", "origin": "\(origin)", "phone_number_id": "100200300400501"}}
            """
        return try Message(json: try #require(try JSONValue.parse(json).object))
    }

    /// A MARKETING template Meta refused with 130472 at `time`.
    static func experiment(at time: Int64) throws -> Message {
        let json = """
            {"id": "wamid.X", "timestamp": "\(time)", "type": "template", "to": "\(Probe40ResendHoldTests.contact)",
             "template": {"name": "spring_promo", "language": {"code": "en_US"}},
             "kapso": {"direction": "outbound", "status": "failed", "phone_number_id": "100200300400501",
               "statuses": [{"status": "failed", "timestamp": "\(time)", "errors": [{"code": 130472}]}]}}
            """
        return try Message(json: try #require(try JSONValue.parse(json).object))
    }

    /// Records that are not the contact writing, at `time`.
    static func notWritten(at time: Int64) throws -> [(String, Message)] {
        [
            ("a system notification", try inbound(at: time, type: "system")),
            ("imported history", try inbound(at: time, origin: "history_sync")),
        ]
    }

    @Test func onlyTheContactWritingOpensTheWindowA130472WaitsFor() throws {
        let failed = try Self.experiment(at: Self.now - 7_200)
        let marketing = ResendHold.Sending.template(category: "MARKETING")
        for (what, record) in try Self.notWritten(at: Self.now - 3_600) {
            let hold = ResendHold.of([failed, record], sending: marketing, now: Self.now)
            #expect(hold?.rule.code == "130472" && hold?.holds == true, "\(what) opened the window")
        }
        #expect(ResendHold.of([failed, try Self.inbound(at: Self.now - 3_600)], sending: marketing, now: Self.now) == nil)
    }

    @Test func onlyTheContactWritingLiftsA131026() throws {
        let first = try Probe40ResendHoldTests.send("wamid.U0", at: Self.now - 600, code: 131026)
        let second = try Probe40ResendHoldTests.send("wamid.U1", at: Self.now - 300, code: 131026)
        for (what, record) in try Self.notWritten(at: Self.now - 100) {
            let hold = ResendHold.of([first, second, record], sending: .text, now: Self.now)
            #expect(hold?.rule.code == "131026" && hold?.holds == true, "\(what) lifted the hold")
        }
        #expect(ResendHold.of([first, second, try Self.inbound(at: Self.now - 100)], sending: .text, now: Self.now) == nil)
    }
}
