import Foundation
import KapsoClient
import KapsoSimulator
import KopsHTTP
import KopsShell
import KopsTestSupport
import Testing

/// Server text is attacker-controlled (a WhatsApp contact chooses their name and message bodies): every
/// command that prints it shows control characters as escapes, on the terminal and in transcripts.
@Suite struct HostileTextTests {
    /// Every C0 control, DEL, every C1 control, an OSC title change, a screen clear, a forged line and
    /// a right-to-left override.
    static let payload: String = {
        var text = "<"
        for value in UInt32(0)...0x1F { text.unicodeScalars.append(Unicode.Scalar(value)!) }
        text.unicodeScalars.append(Unicode.Scalar(0x7F)!)
        for value in UInt32(0x80)...0x9F { text.unicodeScalars.append(Unicode.Scalar(value)!) }
        return text + "\u{1B}]0;pwned\u{07}\u{1B}[2J\u{9B}31m\r\nerror: fake\u{202E}>"
    }()

    /// The contract's fixtures as a seed, with the payload appended to every string that is not an id or a time.
    static func hostileSeed() throws -> String {
        let sources = [
            ("phone_numbers", "phone_numbers.list.json"), ("messages", "messages.list.json"),
            ("webhooks", "webhooks.list.json"), ("conversations", "conversations.list.json"),
            ("webhook_deliveries", "webhook_deliveries.list.json"), ("api_logs", "api_logs.list.json"),
        ]
        var seed = JSONObject()
        for (key, file) in sources {
            seed[key] = poisoned(try Fixtures.json(file)["data"] ?? .array([]), key: key)
        }
        var health = JSONObject()
        health["100200300400501"] = poisoned(try Fixtures.json("health.degraded.json"), key: "health")
        seed["health"] = .object(health)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kops-hostile-\(UUID().uuidString).json").path
        try Data(JSONValue.object(seed).serialized().utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func poisoned(_ value: JSONValue, key: String) -> JSONValue {
        switch value {
        case .string(let text):
            let kept = key == "id" || key.hasSuffix("_id") || key.hasSuffix("_at") || key == "timestamp"
                || key == "status" || key == "direction" || key == "type" || key == "phone_number" || key == "to"
                || key == "from" || key == "event" || key.hasSuffix("url")
            return kept ? value : .string(text + payload)
        case .array(let items):
            return .array(items.map { poisoned($0, key: key) })
        case .object(let object):
            var copy = JSONObject()
            for entry in object.entries { copy[entry.key] = poisoned(entry.value, key: entry.key) }
            return .object(copy)
        default:
            return value
        }
    }

    static let message = "wamid.HBgLMTQxNTU1NTAxNDIVAgASGBRBN0YzQzE5RTAyQjg0RDZFNUMxMQA="

    static let commands = [
        "numbers", "health", "webhooks", "webhooks --scope project", "deliveries", "messages", "message \(message)",
        "conversations", "trace \(message)", "errors", "logs", "overview", "output expanded", "messages",
        "message \(message)", "webhooks", "output json", "messages", "message \(message)", "output table",
        "webhooks get 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "webhooks check 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
        "conversation d4f5b6c7-3e4a-4b5c-9d6e-8f9012345678", "deliveries stats", "whois \(message)",
        "use 100200300400501", "state", "numbers --output expanded", "deliveries --all", "logs --all --output json",
    ]

    @Test func noCommandLetsAControlCharacterThrough() async throws {
        let seed = try Self.hostileSeed()
        defer { try? FileManager.default.removeItem(atPath: seed) }
        let (terminal, transcript) = try await offPool {
            let fixture = try SimulatorFixture(seed: .file(seed))
            let (shell, output) = try fixture.shell(phoneNumberID: "100200300400501")
            let recorder = try TranscriptRecorder(
                header: TranscriptHeader(session: shell.context.session, host: "127.0.0.1"), destination: .memory)
            shell.recorder = recorder
            for line in Self.commands { shell.run(line: line) }
            return (output.combined, recorder.text)
        }
        for (sink, text) in [("terminal", terminal), ("transcript", transcript)] {
            let raw = text.unicodeScalars.filter { VisibleText.needsEscape($0) && $0 != "\n" }
            #expect(raw.isEmpty, "\(sink) got \(raw.count) raw controls, e.g. \(raw.prefix(3).map { $0.value })")
            #expect(!text.split(separator: "\n").contains { $0.hasPrefix("error: fake") }, "\(sink) shows a forged line")
        }
        // The payload is shown, not dropped: in tables, detail views, expanded views and JSON.
        #expect(terminal.contains("\\x1b]0;pwned\\x07\\x1b[2J\\u009b31m"))
        #expect(terminal.contains("\\x1b]0;pwned\\x07\\x1b[2J\\u009b31m\\x0d\\x0aerror: fake\\u202e>"))
        #expect(terminal.contains("\\u001b]0;pwned\\u0007\\u001b[2J\\u009b31m\\r\\nerror: fake\\u202e>"))
    }

    /// Tester finding: message summaries dropped ESC and the other controls (`]0;pwned` with nothing before it),
    /// where error lines show them; a body's controls are shown as the same escapes in `messages` and `message`.
    @Test func messageSummariesShowControlsAsEscapes() async throws {
        let seed = try Self.hostileSeed()
        defer { try? FileManager.default.removeItem(atPath: seed) }
        let (list, detail) = try await offPool {
            let fixture = try SimulatorFixture(seed: .file(seed))
            let (shell, output) = try fixture.shell(phoneNumberID: "100200300400501")
            shell.run(line: "messages")
            let list = output.out
            shell.run(line: "message \(Self.message)")
            return (list, String(output.out.dropFirst(list.count)))
        }
        let escapes = "\\x1b]0;pwned\\x07\\x1b[2J\\u009b31m"
        let row = try #require(list.split(separator: "\n").first { $0.contains("pwned") }, "\(list)")
        #expect(row.contains(escapes), "\(row)")
        // The detail keeps the body's line breaks: its value runs from `content:` to the next label.
        let lines = detail.split(separator: "\n")
        let start = try #require(lines.firstIndex { $0.hasPrefix("content:") }, "\(detail)")
        let content = lines[start...].prefix { $0 == lines[start] || $0.hasPrefix(" ") }.joined(separator: "\n")
        #expect(content.contains("shortly.<\\x00\\x01\\x02"), "\(content)")
        #expect(content.contains(escapes), "\(content)")
    }

    @Test(arguments: [
        ("\u{1B}]0;t\u{07}", "\\x1b]0;t\\x07"), ("a\tb", "a\tb"), ("\u{9B}2J", "\\u009b2J"), ("x\u{202E}y", "x\\u202ey"),
        ("line\r\nnext", "line\\x0d\\x0anext"), ("\u{0}\u{7F}", "\\x00\\x7f"), ("e\u{301} 中 👍🏽", "e\u{301} 中 👍🏽"),
        ("plain", "plain"),
        // Invisible format characters (category Cf): shown, except joiners that join and a flag's tags.
        ("Zero\u{200B}Width\u{FEFF}BOM", "Zero\\u200bWidth\\ufeffBOM"), ("pay\u{200D}pal", "pay\\u200dpal"),
        ("\u{200E}x\u{061C}\u{00AD}\u{2060}", "\\u200ex\\u061c\\u00ad\\u2060"), ("a\u{E0041}", "a\\udb40\\udc41"),
        ("👩\u{200D}💻 ❤\u{FE0F}\u{200D}🔥", "👩\u{200D}💻 ❤\u{FE0F}\u{200D}🔥"), ("می\u{200C}خواهم", "می\u{200C}خواهم"),
        ("🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}", "🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}"),
        ("\u{200D}x", "\\u200dx"),
    ])
    func controlsAreShownAsEscapes(input: String, shown: String) {
        #expect(VisibleText.escaped(input) == shown)
    }

    @Test func anErrorFromTheServerIsOneHarmlessLine() async throws {
        let err = try await offPool {
            let server = try HostileServer { _ in
                .json(status: 422, #"{"error":"bad\u001b]0;pwned\u0007\r\nerror: fake\u009b"}"#)
            }
            defer { server.stop() }
            let (shell, output) = try server.shell()
            shell.run(line: "numbers")
            return output.err
        }
        #expect(err == "error: the API rejected the request (422): bad\\x1b]0;pwned\\x07\\x0d\\x0aerror: fake\\u009b\n")
    }

    /// probe3 F16: a huge server text is cut on the terminal, saying how much; `--output json` keeps it whole.
    @Test func hugeServerTextIsCutAndSaysHowMuch() async throws {
        let huge = String(repeating: "E", count: 1_000_000)
        let err = try await offPool {
            let server = try HostileServer { _ in .json(status: 500, #"{"error":"\#(huge)"}"#) }
            defer { server.stop() }
            let (shell, output) = try server.shell()
            shell.run(line: "numbers")
            return output.err
        }
        #expect(err.hasPrefix("error: "))
        #expect(err.count < 1_200, "\(err.count) characters")
        #expect(err.contains("more characters not shown)"))
        #expect(err.split(separator: "\n").count == 1)
    }

    @Test func aHugeNameIsCutInEveryLineButNotInJSON() async throws {
        var numbers = try Fixtures.json("phone_numbers.list.json")
        let name = String(repeating: "N", count: 100_000)
        if case .object(var page) = numbers, case .array(var items)? = page["data"], case .object(var first)? = items.first {
            first["name"] = .string(name)
            first["webhook_verified_at"] = .null
            items[0] = .object(first)
            page["data"] = .array(items)
            numbers = .object(page)
        }
        let body = numbers.serialized()
        let (table, json) = try await offPool {
            let server = try HostileServer { _ in .json(body) }
            defer { server.stop() }
            let (shell, output) = try server.shell()
            shell.run(line: "numbers")
            shell.run(line: "numbers --output expanded")
            let shown = output.combined
            let before = output.out.count
            shell.run(line: "numbers --output json")
            return (shown, String(output.out.dropFirst(before)))
        }
        let longest = table.split(separator: "\n").map(\.count).max() ?? 0
        #expect(longest <= VisibleText.valueLimit + 200, "longest line: \(longest)")
        #expect(table.count < 40_000, "\(table.count) characters in all")
        #expect(table.contains("more characters not shown"))
        #expect(json.contains(name))
    }

    @Test func completionNeverOffersAnIdWithControlsAndShowsLabelsAsEscapes() throws {
        var cache = IDCache()
        let json = try JSONValue.parse(
            #"{"data":[{"id":"wh_ok","url":"https://x.test/\u001b]0;t\u0007"},{"id":"wh\u001b[2J"},{"id":"wh with space"}]}"#)
        cache.harvest(command: "webhooks", json: json)
        #expect(cache[.webhook] == ["wh_ok"])
        #expect(cache.labels["wh_ok"] == "https://x.test/\\x1b]0;t\\x07")
    }

    @Test func aWriteCancelledAfterSendingIsAnUnknownOutcome() {
        #expect(ErrorReport(KapsoAPIError.transport(.cancelled(sent: true))).status == .unknownOutcome)
        #expect(ErrorReport(KapsoAPIError.transport(.cancelled(sent: false))).status == .failure)
        #expect(ErrorReport(KapsoAPIError.transport(.noAnswer(host: "h", detail: "d"))).status.rawValue == 75)
    }
}
