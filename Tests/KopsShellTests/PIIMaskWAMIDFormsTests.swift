import Foundation
import KapsoClient
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// tester48 F4: a masked transcript kept a WAMID whole when it was not one clean `wamid.…` token (no prefix, the prefix
/// doubled, percent-encoded once or twice, cut in kops's own echo), and a WAMID's base64 opens with the contact's
/// number (`HBgLMTQxNTU1NTAxNzEV` decodes to `14155550171`) that the same page masks as `1415•••0171`.
@Suite struct PIIMaskWAMIDFormsTests {
    static let body = "HBgLMTQxNTU1NTAxNzEVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA="
    static let wamid = "wamid." + body
    static let encoded = "HBgLMTQxNTU1NTAxNzEVAgASGBQ%2BsP%2F%2FAAAAAAAAAAAAAAAAAACrAQA%3D"

    /// Every form shows no base64 that spells the number, and one message keeps one number however it is written.
    @Test(arguments: [
        ("GET /platform/v1/whatsapp/messages/\(body)", "GET /platform/v1/whatsapp/messages/<base64 of message 1>"),
        ("GET /platform/v1/whatsapp/messages/HBgLMTQxNTU1NTAxNzEVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA%3D",
         "GET /platform/v1/whatsapp/messages/<base64 of message 1>"),
        ("GET /platform/v1/whatsapp/messages/wamid.\(wamid)", "GET /platform/v1/whatsapp/messages/wamid.<message 1>"),
        ("GET /messages/wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA%253D", "GET /messages/<message 1>"),
        ("GET /messages/wamid.\(encoded)", "GET /messages/<message 1>"),
        ("GET /messages/wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQ%252BsP%252F%252FAAAAAAAAAAAAAAAAAACrAQA%253D", "GET /messages/<message 1>"),
        ("GET /messages%2F\(body)", "GET /messages%2F<base64 of message 1>"),
        ("cannot read 'HBgLMTQxNTU1NTAxNzEVAgA…' as an id", "cannot read '<base64 of message 1>…' as an id"),
        ("cannot read 'HBgLMTQxNTU1NTAxNzEV' as an id", "cannot read '<base64 of message 1>' as an id"),
        ("WAMID.\(body) x", "<message 1> x"),
        ("id HBgLMTQxNTU1NTAx", "id <base64 of message 1>"),
        ("xHBgLMTQxNTU1NTAxNzEV", "x<base64 of message 1>"),
    ])
    func aWAMIDsBase64IsMaskedInEveryForm(_ text: String, _ expected: String) {
        let masker = PIIMasker()
        #expect(masker.mask(text) == expected)
    }

    /// The bare base64, the id, its percent-encoded form and its cut echo are one message; the doubled prefix stays
    /// visible.
    @Test func oneMessageKeepsOneAliasInEveryForm() {
        let masker = PIIMasker()
        let lines = [
            "> whois \(Self.wamid)", "> whois \(Self.body)", "error: cannot read 'HBgLMTQxNTU1NTAxNzEVAgA…' as an id",
            "GET /messages/HBgLMTQxNTU1NTAxNzEVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA%3D", "> whois wamid.\(Self.wamid)",
        ].map(masker.mask(commandLine:))
        #expect(lines == [
            "> whois <message 1>", "> whois <base64 of message 1>", "error: cannot read '<base64 of message 1>…' as an id",
            "GET /messages/<base64 of message 1>", "> whois wamid.<message 1>",
        ])
    }

    /// Text that is no WAMID's base64 stays: base64 that does not open with a number, a short fragment, words that start `wamid` without the dot.
    @Test(arguments: [
        "HBgLxyzAbcdEfgh", "HBgLMTQ", "the wamids field",
        "HBgAAAAAAAAAAAAAAAAA", "token HBgLMTQxQUFBQUFB", "Host: HBgLHost", "HTTP/1.1 200 OK",
    ])
    func otherTextStays(_ text: String) {
        #expect(PIIMasker().mask(text) == text)
    }

    /// A seed whose API logs carry each wrongly written id in a 404's path.
    static func seed() throws -> String {
        let paths = [
            "/platform/v1/whatsapp/messages/HBgLMTQxNTU1NTAxNzEVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA%3D",
            "/platform/v1/whatsapp/messages/wamid.\(wamid)",
            "/platform/v1/whatsapp/messages/wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQ%252BsPvvAAAAAAAAAAAAAAAAAACrAQA=",
            "/platform/v1/whatsapp/messages/\(wamid)",
        ]
        var rows: [JSONValue] = []
        for (offset, path) in paths.enumerated() {
            var row = JSONObject()
            row["id"] = .string("8b9c0d1e-2f3a-4b4c-9d5e-6f7a8b9c0e\(String(format: "%02d", offset))")
            row["endpoint"] = .string(path)
            row["http_method"] = .string("GET")
            row["response_status"] = .number("404")
            row["response_time_ms"] = .number("12")
            row["error_message"] = .string("Message not found")
            row["created_at"] = .string("2026-11-21T12:\(String(format: "%02d", offset)):00Z")
            row["api_key_id"] = .string("9c0d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e01")
            row["api_key_name"] = .string("inbox-backend")
            rows.append(.object(row))
        }
        var seed = JSONObject()
        seed["phone_numbers"] = try Fixtures.json("phone_numbers.list.json")["data"] ?? .array([])
        seed["api_logs"] = .array(rows)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kops-wamid-forms-\(UUID().uuidString).json").path
        try Data(JSONValue.object(seed).serialized().utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The transcript (typed lines, output, kops's echoes) and the bundle hold no base64 that spells the contact's
    /// number, and the transcript replays clean.
    @Test func noSinkHoldsTheNumberInAWAMID() async throws {
        let seed = try Self.seed()
        defer { try? FileManager.default.removeItem(atPath: seed) }
        let (transcript, bundle, diff) = try await offPool {
            let fixture = try SimulatorFixture(seed: .file(seed))
            let (shell, _) = try fixture.shell(phoneNumberID: "100200300400501")
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-wamid-forms-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let typed = [
                "errors --period 30d --flat", "logs --errors --ids --period 30d", "whois \(Self.body)", "trace \(Self.body)",
                "whois wamid.\(Self.wamid)",
            ]
            for line in ["record \(folder)/t.md"] + typed + ["bundle \(folder)/b.md", "record stop"] { shell.run(line: line) }
            func read(_ name: String) -> String {
                FileManager.default.contents(atPath: folder + "/" + name).map { String(decoding: $0, as: UTF8.self) } ?? ""
            }
            let replay = try TranscriptChecker(
                expected: read("t.md"), path: folder + "/t.md", restore: TranscriptRestore.load(besides: folder + "/t.md")
            ).replay(on: try fixture.shell(phoneNumberID: "100200300400501").shell)
            return (read("t.md"), read("b.md"), replay.diff)
        }
        for (sink, text) in [("transcript", transcript), ("bundle", bundle)] {
            #expect(!text.contains("HBgLMTQx"), "\(sink): \(text)")
            #expect(text.contains("<base64 of message 1>"), "\(sink): \(text)")
        }
        #expect(transcript.contains("> whois <base64 of message 1>\n"), "\(transcript)")
        #expect(diff.isEmpty, "\(diff.joined(separator: "\n"))")
    }
}
