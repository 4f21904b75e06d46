import Foundation
import KapsoClient
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// tester62 AL22: an API log whose `response_status` is a numeric string (`"400"`, the tester's crafted25 seed, log-04
/// `(#131009) Parameter value is not valid`). Main's build showed it `0` in `logs` (no meaning) and left it out of
/// `logs --errors` with no word (7 of the 8 failed calls). The contract types it as an integer: digits in a string are
/// read as their number, as `"code": "131026"` already is.
@Suite struct AL22StringResponseStatusTests {
    @Test func digitsInAStringAreTheInteger() throws {
        #expect(JSONValue.string("400").integer == 400)
        #expect(JSONValue.number("400").integer == 400)
        #expect(JSONValue.string("-1").integer == -1)
        for text in ["", "-", " 400", "400 ", "4.0", "4e2", "+400", "abc", "99999999999999999999"] {
            #expect(JSONValue.string(text).integer == nil, "\(text)")
        }
        let log = try APILog(json: ["id": "log-04", "response_status": "400", "response_time_ms": "12"])
        #expect(log.responseStatus == 400)
        #expect(log.responseTimeMS == 12)
    }

    /// The failed call with a string status is listed among the errors, with its meaning.
    @Test func theCallIsAmongTheErrors() async throws {
        let source = Fixtures.realWorldCases.appendingPathComponent("message-shapes.seed.json")
        var seed = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: source)) as? [String: Any])
        seed["api_logs"] = [
            [
                "id": "log-04", "endpoint": "/meta/whatsapp/v24.0/100200300400501/messages", "http_method": "POST",
                "response_status": "400", "response_time_ms": 12, "ip_address": "192.0.2.7",
                "error_message": "(#131009) Parameter value is not valid", "created_at": "2026-11-21T11:14:00Z",
                "api_key_id": "k1", "api_key_name": "backend",
            ],
        ]
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("al22-\(UUID().uuidString).seed.json").path
        try JSONSerialization.data(withJSONObject: seed).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let runs = try await runDemo(["logs --errors --flat", "logs"], number: "100200300400501", seed: .file(path))
        let errors = runs[0].out + runs[0].err
        #expect(errors.contains("(#131009) Parameter value is not valid"), "\(errors)")
        #expect(errors.contains(" 400 "), "\(errors)")
        let logs = runs[1].out
        #expect(logs.contains(" 400 "), "\(logs)")
        #expect(!logs.contains("  0  "), "\(logs)")
    }
}
