import Foundation
import KapsoClient
import KapsoDiagnostics
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// tester63b AO7: an API log whose `response_status` is text with a blank, a sign, a decimal or a prefix (`" 400"`,
/// `"HTTP 400"`, `"400.0"`, `"+400"`) was STATUS 0 in `logs` and left out of `logs --errors` / `errors` without a word;
/// `"-400"` was shown as status -400. What can be read is read as the status; what cannot (`"4e2"`, `-400`) is shown as
/// unreadable and named, never 0; kapso-sim's `errors_only` reads it the same way.
@Suite struct AO7PaddedResponseStatusTests {
    @Test(arguments: [
        (JSONValue.string(" 400"), 400), (.string("400 "), 400), (.string("HTTP 400"), 400), (.string("400.0"), 400),
        (.string("+400"), 400), (.string("HTTP/1.1 404 Not Found"), 404), (.string("0400"), 400), (.number("400.0"), 400),
    ])
    func readableTextIsTheStatus(value: JSONValue, status: Int) throws {
        #expect(value.recordedHTTPStatus == status)
        let log = try APILog(json: ["id": "l", "response_status": value])
        #expect(log.responseStatus == status)
        #expect(log.unreadableResponseStatus == nil)
        #expect(DeliveryAnswer(recorded: value) == .status(status))
    }

    @Test(arguments: [
        JSONValue.string("4e2"), .string("-400"), .string("４００"), .number("1e20"), .number("-400"), .string("400.5"),
        .string("HTTPS 400"), .string("400;x"),
    ])
    func unreadableValueIsNamedNotZero(value: JSONValue) throws {
        let log = try APILog(json: ["id": "l", "response_status": value, "created_at": "2026-11-21T11:14:00Z"])
        #expect(log.responseStatus == 0)
        #expect(log.unreadableResponseStatus == value)
        let note = try #require(UnreadableCallStatus.note([log]))
        #expect(note.hasPrefix("1 call holds a response_status kops cannot read"), "\(note)")
        if case .status = DeliveryAnswer(recorded: value) { Issue.record("\(value) read as a status") }
    }

    @Test func missingNullAndZeroAreNotUnreadable() throws {
        for json: JSONObject in [["id": "l"], ["id": "l", "response_status": .null], ["id": "l", "response_status": 0]] {
            #expect(try APILog(json: json).unreadableResponseStatus == nil)
        }
    }

    /// The tester's rows: the readable ones are among the errors with their meaning, the others named; `logs` shows no 0.
    @Test func theErrorViewsReadOrNameEveryRow() async throws {
        let source = Fixtures.realWorldCases.appendingPathComponent("message-shapes.seed.json")
        var seed = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: source)) as? [String: Any])
        let statuses: [Any] = [" 400", "HTTP 400", "400.0", "+400", "4e2", "-400"]
        seed["api_logs"] = statuses.enumerated().map { index, status in
            [
                "id": "log-v0\(index)", "endpoint": "/meta/whatsapp/v24.0/100200300400501/messages", "http_method": "POST",
                "response_status": status, "response_time_ms": 12, "ip_address": "192.0.2.7",
                "error_message": "(#131009) Parameter value is not valid", "created_at": "2026-11-21T11:1\(index):00Z",
                "api_key_id": "k1", "api_key_name": "backend",
            ] as [String: Any]
        }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ao7-\(UUID().uuidString).seed.json").path
        try JSONSerialization.data(withJSONObject: seed).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let runs = try await runDemo(["logs --errors --flat", "logs"], number: "100200300400501", seed: .file(path))
        let errors = runs[0].out + runs[0].err
        #expect(errors.components(separatedBy: "(#131009) Parameter value is not valid").count - 1 >= 4, "\(errors)")
        #expect(errors.contains("2 calls hold a response_status kops cannot read (\"-400\" at 2026-11-21T11:15:00Z; \"4e2\" at"), "\(errors)")
        let logs = runs[1].out
        #expect(!logs.contains("  0  ") && !logs.contains("-400  "), "\(logs)")
        #expect(logs.components(separatedBy: " unreadable ").count - 1 == 2, "\(logs)")
        #expect((logs + runs[1].err).contains("2 calls hold a response_status kops cannot read"), "\(logs)\(runs[1].err)")
    }
}
