import Foundation
import KapsoClient
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// tester48 (notes): `errors` said of a 404 for a WAMID without its '=' padding "no message of this project has the id"
/// and sent to `whois`, which found the message with the padding put back. `errors` asks `whois`' resolver (listings by
/// the number the id carries: no 404 added to the project's log) and says the message exists, as `whois` would.
@Suite struct UnpaddedWAMIDErrorsTests {
    static let stored = "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA="

    /// `Seeds/tester48-react.seed.json` with its last inbound message given a well-formed id (`stored`), and the API
    /// log of a GET of that id without its '=' (404), and of a well-formed unpadded id no message has.
    static func seed() throws -> String {
        let data = try Data(contentsOf: URL(fileURLWithPath: TestSeeds.path("tester48-react.seed.json")))
        var seed = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var messages = try #require(seed["messages"] as? [[String: Any]])
        messages[messages.count - 1]["id"] = stored
        seed["messages"] = messages
        func log(_ id: String, minute: Int) -> [String: Any] {
            [
                "id": "3de36592-3354-5d49-8f92-dc22ccbb60\(minute)", "endpoint": "/platform/v1/whatsapp/messages/\(id)",
                "http_method": "GET", "response_status": 404, "response_time_ms": 20, "ip_address": "192.0.2.77",
                "error_message": "Message not found", "created_at": "2026-11-21T11:\(minute):00Z",
                "api_key_id": "9c0d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e09", "api_key_name": "backend-prod",
            ]
        }
        seed["api_logs"] = [log(String(stored.dropLast()), minute: 10), log("wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgB", minute: 20)]
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("unpadded-\(UUID().uuidString).seed.json").path
        try JSONSerialization.data(withJSONObject: seed).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func aMessageFoundWithItsPaddingIsSaidToExist() async throws {
        let path = try Self.seed()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let runs = try await runDemo(["errors --source api --flat --output json"], number: "100200300400501", seed: .file(path), width: 300)
        #expect(runs[0].status == 0, "\(runs[0].err)")
        let rows = try JSONValue.parse(Array(runs[0].out.utf8))["data"]?.array ?? []
        func meaning(_ id: String) -> String {
            rows.first { ($0["what"]?.string ?? "").hasSuffix(id) }?["meaning"]?.string ?? "\(runs[0].out)"
        }
        let found = meaning(String(Self.stored.dropLast()))
        #expect(found.hasPrefix("no message has the id in the path as written, but the message exists as \(Self.stored) (an inbound text message"), "\(found)")
        #expect(found.hasSuffix("send it whole, '=' written %3D in a path"), "\(found)")
        // An unpadded id no message has keeps the reading that sends to whois.
        let missing = meaning("RgB")
        #expect(missing.contains("it has no '=' padding where its base64 needs one"), "\(missing)")
    }
}
