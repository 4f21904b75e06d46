import Foundation
import KopsTestSupport
import Testing

/// Session 61, item 2: `trace --output json` carried the records and only `.verdict` of what the screen shows; a script
/// could not read the timeline's times, the status kops reads or an error's meaning and fix. It now has `.timeline`,
/// `.errors`, `.verdict_severity` and `.message.kops`, and `.verdict` where it was (documented in `help trace`).
@Suite struct S61TraceJSONShapeTests {
    static let shapes = TestSeeds.file("message-shapes.seed.json")
    /// Failed once with 131000, 131026 and 131053 in one status.
    static let failed = "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQBN49AAAAAAAAAAAAAAAAAAAA="
    /// sent, played, delivered stored out of order.
    static let unordered = "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQBN55AAAAAAAAAAAAAAAAAAAA="

    static func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func theErrorsAreExplainedAsTheTextExplainsThem() async throws {
        let runs = try await runDemo(
            ["trace \(Self.failed)", "trace \(Self.failed) --output json"], number: "100200300400501", seed: Self.shapes)
        #expect(runs[0].status == 0 && runs[1].status == 0, "\(runs[1].err)")
        let json = try Self.object(runs[1].out)
        let errors = try #require(json["errors"] as? [[String: Any]], "\(runs[1].out)")
        // The message's code first, as the text and the verdict pick it, then the others.
        #expect(errors.compactMap { $0["code"] as? String } == ["131026", "131000", "131053"], "\(errors)")
        for error in errors {
            let meaning = try #require(error["meaning"] as? String)
            let fix = try #require(error["fix"] as? String)
            #expect(runs[0].out.contains("meaning: " + meaning), "\(meaning)\n\(runs[0].out)")
            #expect(runs[0].out.contains("fix:     " + fix), "\(fix)\n\(runs[0].out)")
        }
        let verdict = try #require(json["verdict"] as? String)
        #expect(runs[0].out.contains("verdict: " + verdict), "\(runs[0].out)")
        #expect(json["verdict_severity"] as? String == "bad", "\(runs[1].out)")
        let timeline = try #require(json["timeline"] as? [[String: Any]])
        #expect(timeline.count == 1 && timeline[0]["status"] as? String == "failed", "\(timeline)")
        #expect(timeline[0]["time"] as? String == "2026-11-21T10:39:01Z", "\(timeline)")
        let codes = (timeline[0]["errors"] as? [[String: Any]])?.compactMap { $0["code"] as? String }
        #expect(codes == ["131000", "131026", "131053"], "\(timeline)")
        #expect((json["message"] as? [String: Any])?["kops"] as? [String: String] == ["status": "failed 131026", "status_shown": "failed 131026"])
    }

    /// The timeline sorted by time, with its times and seconds after the send, as the table shows it.
    @Test func theTimelineIsInTimeOrderWithItsTimes() async throws {
        let run = try await runDemo(["trace \(Self.unordered) --output json"], number: "100200300400501", seed: Self.shapes)[0]
        #expect(run.status == 0, "\(run.err)")
        let json = try Self.object(run.out)
        let timeline = try #require(json["timeline"] as? [[String: Any]])
        #expect(timeline.compactMap { $0["status"] as? String } == ["sent", "delivered", "played"], "\(timeline)")
        #expect(timeline.compactMap { $0["after_send_seconds"] as? Int } == [0, 1, 8], "\(timeline)")
        #expect(timeline.compactMap { $0["time"] as? String } == ["2026-11-21T10:45:00Z", "2026-11-21T10:45:01Z", "2026-11-21T10:45:08Z"])
        #expect((json["errors"] as? [Any])?.isEmpty == true)
        #expect(json["verdict"] is String && json["verdict_severity"] is String)
    }
}
