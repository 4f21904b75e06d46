import Foundation
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// tester54 V7: `webhooks create/update --headers` took a header name with a space and a value holding a line break, and
/// `webhooks check` found nothing in a webhook holding them. Kapso adds custom headers to every delivery (kapso-api.md
/// §10.1); a field name is a token and a field value holds no CR, LF or NUL (RFC 9110 §5.1, §5.5).
@Suite struct V7WebhookHeaderSyntaxTests {
    static let failing = "5f6a7b8c-9d0e-4f1a-8b2c-4d5e6f7a8b92"

    @Test(arguments: [
        (#"{"Bad Header":"v"}"#, "has a header name 'Bad Header' that is no HTTP field name (it holds a space;"),
        (#"{"X-Ok":"line1\nInjected: yes"}"#, "has a value of header X-Ok that holds a line break (LF)"),
        (#"{"X-Ok":"a\rb"}"#, "has a value of header X-Ok that holds a carriage return (CR)"),
        (#"{"X-Ok":"a\u0000b"}"#, "has a value of header X-Ok that holds a NUL character"),
        (#"{"X:Ok":"v"}"#, "has a header name 'X:Ok' that is no HTTP field name (it holds ':';"),
        (#"{"":"v"}"#, "has an empty header name"),
        // tester55b Y5: the other control characters (ESC, U+0001, DEL) are invalid in a field value too.
        (#"{"X-Ok":"a\u001b]0;x\u0007b"}"#, "has a value of header X-Ok that holds a control character (\\u{1b})"),
        (#"{"X-Ok":"a\u007fb"}"#, "has a value of header X-Ok that holds a control character (\\u{7f})"),
    ])
    func createAndUpdateRefuseBeforeAnyRequest(headers: String, problem: String) async throws {
        let quoted = "'" + headers + "'"
        let runs = try await runDemo([
            "webhooks create --url https://b.example.com/h --events whatsapp.message.received --headers \(quoted)",
            "webhooks update \(Self.failing) --headers \(quoted) --yes", "webhooks",
        ])
        for run in runs[0...1] {
            #expect(run.status == 64 || run.status == 1, "\(run.out)\(run.err)")
            #expect(run.err.hasPrefix("error: webhooks: --headers " + problem), "\(run.err)")
            #expect(run.err.split(separator: "\n").count == 1, "\(run.err)")
            #expect(!run.err.contains("line1") && !run.err.contains("Injected"), "\(run.err)")
        }
        #expect(!runs[2].out.contains("b.example.com"), "\(runs[2].out)")
    }

    /// A webhook that already holds such a header is an error of `webhooks check`.
    @Test func checkFlagsAWebhookHoldingOne() async throws {
        let webhook: [String: Any] = [
            "id": "11111111-0000-4000-8000-0000000000c1", "url": "https://b.example.com/hook", "kind": "kapso",
            "events": ["whatsapp.message.received"], "active": true, "created_at": "2026-10-22T12:00:00Z",
            "updated_at": "2026-11-11T12:00:00Z", "project_id": "5b0e7c1a-2f4d-4e8a-9c3b-7d6e5f4a3b21",
            "phone_number_id": "100200300400501", "secret_key": "whsec_v7xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            "headers": ["Bad Header": "v", "X-Ok": "line1\nInjected: yes"], "buffer_enabled": false, "inactivity_minutes": 60,
            "payload_version": "v2",
        ]
        let path = try SeedFile.write("v7", [
            "phone_numbers": [SeedFile.phoneNumber("100200300400501", name: "Support Line", phone: "0100")], "webhooks": [webhook],
        ])
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = try await runDemo(["webhooks check 11111111-0000-4000-8000-0000000000c1"], number: "100200300400501", seed: .file(path), width: 400)[0]
        #expect(run.status != 0, "\(run.out)\(run.err)")
        #expect(run.out.contains("custom headers hold a header name 'Bad Header' that is no HTTP field name"), "\(run.out)")
        #expect(!run.out.contains("Injected"), "\(run.out)")
    }
}
