import Foundation
import KapsoClient
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// Issue #16, session 41: the byte test answers "nothing to mask" at kops's own masked form after a strong label
/// (`secret: whsec_…23`, `StrongSecretLabels.isMaskedForm`). Server texts that hold such a form and a real value after
/// a strong label (in the same line, the next, or a value that only looks cut to fit) go through every sink of one
/// session: the terminal (tables, expanded and JSON), the transcript and its restore file, a support bundle; none
/// shows the value, and the masked form of the seeded webhook's secret is still shown as it was.
@Suite struct MaskedFormCanaryTests {
    /// Each server text, and the value in it that must reach no sink.
    static let texts: [(written: String, secret: String)] = [
        ("signature check failed; secret: whsec_…23; password: cAnaryPw7", "cAnaryPw7"),
        ("secret:    …34 token=cAnaryTk55", "cAnaryTk55"),
        ("{\"secret_key\": \"whsec_…\", \"api_key\": \"cAnaryAk3\"}", "cAnaryAk3"),
        ("secret: whsec_…23\nsecret: cAnaryNL8", "cAnaryNL8"),
        // A value cut to fit is masked as the whole was; only kops's own forms are left.
        ("secret: cAnary9x…", "cAnary9x"),
        ("api_key=EAAGc4…", "EAAGc4"),
        ("Secret: whsec_…23\r\npasswd=cAnaryCr6", "cAnaryCr6"),
        // Session 43: text that starts like kops's form and goes on is the value, masked whole.
        ("signature check failed; secret: whsec_…23cAnaryTl1", "cAnaryTl1"),
        ("secret: EAAGm0…cAnaryTl2abc", "cAnaryTl2"),
        ("secret:    …34cAnaryTl3", "cAnaryTl3"),
        ("secret: whsec_…\u{301}cAnaryTl4", "cAnaryTl4"),
        ("password: <redacted>cAnaryTl5", "cAnaryTl5"),
        ("secret: •••cAnaryTl6", "cAnaryTl6"),
        ("upstream said Authorization: Bearer EAAG…cAnaryTl7", "cAnaryTl7"),
        ("POST https://hooks.example.com/in?secret=whsec_…23cAnaryTl8 failed", "cAnaryTl8"),
        ("{\"secret_key\": \"whsec_…23cAnaryTl9\"}", "cAnaryTl9"),
    ]

    /// A seed whose API logs carry each text in an error message.
    static func seed() throws -> String {
        var rows = try Fixtures.json("api_logs.list.json")["data"]?.array ?? []
        for (offset, text) in texts.enumerated() {
            var row = JSONObject()
            row["id"] = .string("8b9c0d1e-2f3a-4b4c-9d5e-6f7a8b9c0f\(String(format: "%02d", offset))")
            row["endpoint"] = .string("/platform/v1/whatsapp/webhooks")
            row["http_method"] = .string("POST")
            row["response_status"] = .number("422")
            row["response_time_ms"] = .number("12")
            row["ip_address"] = .string("203.0.113.24")
            row["error_message"] = .string(text.written)
            row["created_at"] = .string("2026-11-21T12:\(String(format: "%02d", offset)):00Z")
            row["api_key_id"] = .string("9c0d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e01")
            row["api_key_name"] = .string("inbox-backend")
            rows.append(.object(row))
        }
        var seed = JSONObject()
        seed["phone_numbers"] = try Fixtures.json("phone_numbers.list.json")["data"] ?? .array([])
        seed["webhooks"] = try Fixtures.json("webhooks.list.json")["data"] ?? .array([])
        seed["api_logs"] = .array(rows)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kops-forms-\(UUID().uuidString).json").path
        try Data(JSONValue.object(seed).serialized().utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func noValueBesideAMaskedFormReachesAnySink() async throws {
        let seed = try Self.seed()
        defer { try? FileManager.default.removeItem(atPath: seed) }
        let sinks = try await offPool {
            let fixture = try SimulatorFixture(seed: .file(seed))
            let (shell, output) = try fixture.shell(phoneNumberID: "100200300400501")
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-forms-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let typed = [
                "logs --period 30d", "logs --errors --ids --period 30d", "errors --period 30d", "output expanded",
                "logs --errors --period 30d", "output json", "logs --period 30d", "output table", "webhooks",
                "webhooks get 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
            ]
            for line in ["record \(folder)/t.md"] + typed + ["bundle \(folder)/b.md", "record stop"] { shell.run(line: line) }
            func read(_ name: String) -> String {
                FileManager.default.contents(atPath: folder + "/" + name).map { String(decoding: $0, as: UTF8.self) } ?? ""
            }
            return [
                ("terminal", output.combined), ("transcript", read("t.md")), ("restore file", read("t.md.restore")),
                ("bundle", read("b.md")), ("bundle restore file", read("b.md.restore")),
            ]
        }
        for (sink, text) in sinks {
            for written in Self.texts {
                #expect(!text.contains(written.secret), "\(written.written.debugDescription) reached the \(sink)")
            }
        }
        for (sink, text) in sinks {
            #expect(!text.contains("whsec_demo_123"), "the seeded webhook's secret reached the \(sink)")
        }
        #expect(sinks[0].1.contains("secret:    whsec_…23\n"), "\(sinks[0].1)")
        #expect(sinks[0].1.contains("password: <redacted>"), "\(sinks[0].1)")
        #expect(sinks[1].1.contains("password: <redacted>"), "\(sinks[1].1)")
    }
}
