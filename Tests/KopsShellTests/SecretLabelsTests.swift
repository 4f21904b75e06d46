import Foundation
import KapsoClient
import KapsoSimulator
import KopsHTTP
@testable import KopsShell
import KopsTestSupport
import Testing

/// Probe34 P34-5 (server half): a key a server's text names by a label (`Invalid API key: <64 hex>`) is masked whatever
/// its shape (`SecretLabels`); the ids kops prints stay, after a label or not.
@Suite struct SecretLabelsTests {
    static let hexKey = "3f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c3f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c"

    @Test(arguments: [
        ("Invalid API key: \(hexKey)", "Invalid API key: <redacted>"),
        ("Invalid API key:\(hexKey) (rotated?)", "Invalid API key:<redacted> (rotated?)"),
        ("{\"api_key\": \"\(hexKey)\"}", "{\"api_key\": \"<redacted>\"}"),
        ("client_secret=5f4dcc3b5aa765d61d8327deb882cf99 rejected", "client_secret=<redacted> rejected"),
        ("Token : 'QmFzZTY0S2V5VmFsdWVIZXJl'", "Token : '<redacted>'"),
        ("x-api-key = a1b2c3d4e5f6a7b8c9d0", "x-api-key = <redacted>"),
        ("apiKey=Zx9qLm0PwR4tY7uI2oKj", "apiKey=<redacted>"),
        ("SECRET:\tAbCdEfGhIjKlMnOpQrSt", "SECRET:\t<redacted>"),
        ("password: Winter2026Summer2027", "password: <redacted>"),
        ("body=api_key%3D\(hexKey)&x=1", "body=api_key%3D<redacted>&x=1"),
        ("verify_token%3A%20%22\(hexKey)%22", "verify_token%3A%20%22<redacted>%22"),
        // Cut to fit by a table: what is left of the key is masked as the whole was.
        ("Invalid API key: 3f9a8b7c6d5e4f3a2b1c0d9e8f7a6b…", "Invalid API key: <redacted>"),
    ])
    func aLabelledKeyIsMasked(text: String, masked: String) {
        #expect(ShapedCredentialsTests.scan(text))
        #expect(Redactor().redact(text) == masked)
        #expect(Redactor().redact(errorLine: text) == masked)
        #expect(Redactor().redact(masked) == masked)
    }

    /// Ids after labels and labels naming ids, words after labels, keys without a label: as they were. (A short value after
    /// a strong label, `password: hunter2`, is masked since session 37: `StrongSecretLabelsTests`.)
    @Test(arguments: [
        "Duplicate idempotency_key: 7c1e4b2a-9d3f-4e8a-b6c5-0f1e2d3c4b5a", "api_key_id: 9c0d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e01",
        "key: 100200300400501", "key_name: inbox-backend-2026", "api_key_name=inbox-backend-2026",
        "next token: eyJ2YWx1ZXMiOlsiMjAyNi0xMS0yMFQwOToxNTowMC4xMzEwMDBaIiwiNTAwNyJdfQ==",
        "key: wamid.HBgLMTQxNTU1NTAxNDIVAgASGBRBN0YzQzE5RTAyQjg0RDZFNUMxMQA=", "token: Invalid signature",
        "secret: missing", "key: hunter2", "key: KAPSO_API_KEY_PRODUCTION", "Error validating access token: Session has expired",
        "id: 3f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c", "request 3f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c failed",
        "phone_number_id=100200300400501&waba=200300400500601", "key - 3f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c",
        "X-Webhook-Signature: sha256=9f8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a39281706f5e4d3c2b1a0",
    ])
    func idsAndWordsStay(text: String) {
        #expect(Redactor().redact(text) == text)
        #expect(Redactor().redact(errorLine: text) == text)
    }

    /// Random texts of labels, separators, quotes, escapes and values: wherever the masking changes the text, the byte
    /// test said true, and masking with it agrees with masking without it.
    /// The byte test's two-byte filter passes exactly the last two bytes of the names, in any case, and no other pair.
    @Test func theLastTwoBytesFilterIsTheNamesEndings() {
        let endings = Set(SecretLabels.names.map { [$0[$0.count - 2], $0[$0.count - 1]] })
        var wrong: [[UInt8]] = []
        for second in UInt8(0)...255 {
            for last in UInt8(0)...255 {
                let lower = [second, last].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
                if SecretLabels.endsLikeAName(lower[0], lower[1]) != endings.contains(lower) { wrong.append([second, last]) }
            }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(5))")
    }

    @Test func theByteTestNeverMissesALabelledKey() {
        let pieces = [
            "key", "KEY", "api_key", "token", "Secret", "password", "pwd", "credentials", "monkey", "id", "_id", ":", "=", " ",
            "\t", "\"", "'", "\\", "%3A", "%3d", "%20", "%22", "%27", "%5C", "%2", "%", "-", ".", "\u{301}", "é", "\n",
            Self.hexKey, "3f9a8b7c6d5e", "abcdef", "ABCDEF", "012345", "7c1e4b2a-9d3f-4e8a-b6c5-0f1e2d3c4b5a", "eyJ", "wamid.",
            "QmFzZTY0S2V5", "100200300400501", "<redacted>",
        ]
        var generator = SplitMix(seed: 345)
        var masked = 0
        for _ in 0..<20_000 {
            let text: String = (0..<(1 + generator.next() % 10)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            let unguarded = ShapedCredentials.maskedWithoutByteTest(text) != text
            if unguarded { masked += 1 }
            #expect(!unguarded || ShapedCredentialsTests.scan(text), "\(text.debugDescription)")
            #expect(ShapedCredentials.masked(text) == ShapedCredentials.maskedWithoutByteTest(text), "\(text.debugDescription)")
        }
        #expect(masked > 200, "\(masked)")
    }

    /// The API log's error message (probe34's seed): `logs`, `logs --ids`, `errors` and `logs --output json` show the
    /// key nowhere, in the terminal or the transcript; the key's id, the request ids and the other rows are printed.
    @Test func aKeyInAnAPILogReachesNoSink() async throws {
        let seed = try Self.seed(errorMessages: [
            "Invalid API key: \(Self.hexKey)", "Duplicate idempotency_key: 7c1e4b2a-9d3f-4e8a-b6c5-0f1e2d3c4b5a",
        ])
        defer { try? FileManager.default.removeItem(atPath: seed) }
        let (terminal, transcript) = try await offPool {
            let fixture = try SimulatorFixture(seed: .file(seed))
            let (shell, output) = try fixture.shell(phoneNumberID: "100200300400501")
            let recorder = try TranscriptRecorder(
                header: TranscriptHeader(session: shell.context.session, host: "127.0.0.1"), destination: .memory)
            shell.recorder = recorder
            for line in ["logs --period 30d", "logs --errors --ids --period 30d", "errors --period 30d", "logs --output json --period 30d"] {
                shell.run(line: line)
            }
            return (output.combined, recorder.text)
        }
        for (sink, text) in [("terminal", terminal), ("transcript", transcript)] {
            // The key, and any 12 characters of it.
            #expect(!text.contains(String(Self.hexKey.prefix(12))), "\(sink): \(text)")
            #expect(text.contains("Invalid API key: <redacted>"), "\(sink): \(text)")
            #expect(text.contains("Duplicate idempotency_key: 7c1e4b2a-9d3f-4e8a-b6c5-0f1e2d3c4b5a"), "\(sink): \(text)")
            #expect(text.contains("9c0d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e01"), "\(sink): the key's id")
        }
    }

    /// The contract's API log fixture with one row more per message, each a 401 on `GET /platform/v1/whatsapp/phone_numbers`.
    static func seed(errorMessages: [String]) throws -> String {
        var rows = try Fixtures.json("api_logs.list.json")["data"]?.array ?? []
        for (offset, message) in errorMessages.enumerated() {
            var row = JSONObject()
            row["id"] = .string("8b9c0d1e-2f3a-4b4c-9d5e-6f7a8b9c0e0\(offset)")
            row["endpoint"] = .string("/platform/v1/whatsapp/phone_numbers")
            row["http_method"] = .string("GET")
            row["response_status"] = .number("401")
            row["response_time_ms"] = .number("12")
            row["ip_address"] = .string("203.0.113.24")
            row["error_message"] = .string(message)
            row["created_at"] = .string("2026-11-21T11:0\(offset):00Z")
            row["api_key_id"] = .string("9c0d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e01")
            row["api_key_name"] = .string("inbox-backend")
            rows.append(.object(row))
        }
        var seed = JSONObject()
        seed["phone_numbers"] = try Fixtures.json("phone_numbers.list.json")["data"] ?? .array([])
        seed["api_logs"] = .array(rows)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kops-labels-\(UUID().uuidString).json").path
        try Data(JSONValue.object(seed).serialized().utf8).write(to: URL(fileURLWithPath: path))
        return path
    }
}
