import Foundation
import KapsoSimulator
import KopsTestSupport
import Testing

/// probe46 P46-1 (zoo seed: Zoe Quinn's first inbound, 08:00, and her next at 08:23): `trace --output json` of a message
/// the contact sent carries the window the text line states (opened by this message, the contact's newest message, open
/// now), under keys of its own (`reading: now`), never the outbound `open_at_send: false` of the window before it.
@Suite struct InboundTraceJSONTests {
    static let first = "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBRFOTUyNEMzQ0ExMDRBNUFFREFCRgA="

    static func lastJSON(_ text: String) throws -> [String: Any] {
        let start = try #require(text.firstIndex(of: "{"), "\(text)")
        let object = try JSONSerialization.jsonObject(with: Data(text[start...].utf8))
        return try #require(object as? [String: Any])
    }

    @Test func theJSONWindowSaysWhatTheTextSays() async throws {
        let ran = try await runDemo(
            ["trace \(Self.first)", "output json", "trace \(Self.first)"], number: "100200300400501", seed: .zoo, width: 400)
        #expect(ran[0].status == 0 && ran[2].status == 0, "\(ran[0].err) \(ran[2].err)")
        let line = try #require(ran[0].out.split(separator: "\n").first { $0.hasPrefix("window") }.map(String.init), "\(ran[0].out)")
        #expect(line.contains("opened by this message") && line.contains("(open now)"), "\(line)")
        let window = try #require(try Self.lastJSON(ran[2].out)["window"] as? [String: Any], "\(ran[2].out)")
        #expect(window["reading"] as? String == "now", "\(window)")
        #expect(window["opened_by_this_message"] as? Bool == true, "\(window)")
        #expect(window["open_now"] as? Bool == true, "\(window)")
        #expect(window["readings_disagree"] as? Bool == false, "\(window)")
        let until = try #require(window["open_until"] as? String, "\(window)")
        #expect(line.contains("open until \(until) (open now)"), "\(line) vs \(until)")
        let newest = try #require(window["newest_inbound_at"] as? String, "\(window)")
        #expect(line.contains("wrote again at \(newest)"), "\(line) vs \(newest)")
        #expect(window["open_at_send"] == nil && window["last_inbound_at"] == nil && window["closes_at"] == nil, "\(window)")
    }

    /// tester46 F8 (demo seed: Dana's message of 2026-11-18 16:02, and her later one of 2026-11-19 07:15): the text says
    /// the window this message opened ends at 11-19 16:02 and the window now at 11-20 07:15; the JSON says both, the first
    /// as `this_message_until`, never only `opened_at` beside the later message's `open_until`.
    @Test func anOlderInboundMessageSaysTheEndOfItsOwnWindow() async throws {
        let older = "wamid.HBgLMTQxNTU1NTAxNTcVAgASGBQ2RDY4NTIzNEQ0OTQ3RDRCMUQwMQA="
        let ran = try await runDemo(["trace \(older)", "output json", "trace \(older)"], number: "100200300400501", width: 400)
        #expect(ran[0].status == 0 && ran[2].status == 0, "\(ran[0].err) \(ran[2].err)")
        let line = try #require(ran[0].out.split(separator: "\n").first { $0.hasPrefix("window") }.map(String.init), "\(ran[0].out)")
        let window = try #require(try Self.lastJSON(ran[2].out)["window"] as? [String: Any], "\(ran[2].out)")
        let opened = try #require(window["opened_at"] as? String, "\(window)")
        let mine = try #require(window["this_message_until"] as? String, "\(window)")
        let now = try #require(window["open_until"] as? String, "\(window)")
        #expect(line.contains("opened by this message until \(mine)"), "\(line) vs \(mine)")
        #expect(line.contains("open until \(now)"), "\(line) vs \(now)")
        #expect(mine != now, "\(window)")
        let seconds = { (iso: String) in ISO8601DateFormatter().date(from: iso)?.timeIntervalSince1970 }
        #expect(seconds(mine).flatMap { end in seconds(opened).map { end - $0 } } == 86_400, "\(opened) \(mine)")
    }
}
