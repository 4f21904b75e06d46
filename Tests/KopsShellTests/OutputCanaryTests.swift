import Foundation
import KapsoClient
import KapsoSimulator
import KopsHTTP
import KopsShell
import KopsTestSupport
import Testing

/// Every output path of the list commands (one page, `--all` streamed, in table, expanded and JSON forms),
/// on a server whose every string carries the API key, a bearer token after `Authorization:`, and whose
/// objects carry a secret-named field: none of the three values reaches the terminal or a transcript.
@Suite struct OutputCanaryTests {
    static let apiKey = "kops_canary_OUTPUT_5e1d7c"
    static let bearer = "EAAcanaryBEARER8842"
    static let tokenField = "tok_canary_FIELD_3391"
    /// A Meta access token kops never learned, in every free-text string: masked by its shape (probe27 P27-5).
    static let metaToken = "EAAGm0canaryUNLEARNED7731xyz"
    /// A value after `?access_token=` in each API log's `endpoint`, a path without a scheme: masked by its name.
    static let queryToken = "q8canaryQUERYvalue55"
    /// A token percent-encoded once in an endpoint (`%3Faccess_token%3D…`, `%22…%22`): masked as the plain one (probe29 P29-1).
    static let encodedToken = "EAAGm0canaryENCODED4412abc"
    static let encodedQueryToken = "q9canaryENCODEDquery77"
    /// The key of a webhook URL that is its own key (Slack's), in free text: masked (probe29 P29-16).
    static let hookKey = "aBcanarySLACKhookKEY2931"
    /// Every canary: none may reach a sink.
    static let canaries = [apiKey, bearer, tokenField, metaToken, queryToken, encodedToken, encodedQueryToken, hookKey]
    /// Copies of the fixture's 3 messages: more than one page of 100, so `--all` prints from two pages.
    static let copies = 34

    /// The contract's fixtures, messages repeated `copies` times with unique ids, every free-text string
    /// ending in the canaries and every object of a list holding a `token` field.
    static func secretSeed() throws -> String {
        let sources = [
            ("phone_numbers", "phone_numbers.list.json"), ("messages", "messages.list.json"),
            ("webhooks", "webhooks.list.json"), ("conversations", "conversations.list.json"),
            ("webhook_deliveries", "webhook_deliveries.list.json"), ("api_logs", "api_logs.list.json"),
        ]
        var seed = JSONObject()
        for (key, file) in sources {
            let items = try Fixtures.json(file)["data"]?.array ?? []
            let repeated = key == "messages" ? copies : 1
            seed[key] = .array((0..<repeated).flatMap { copy in
                items.map { item -> JSONValue in
                    guard case .object(var object) = canaried(item, key: key) else { return item }
                    if copy > 0, let id = object["id"]?.string { object["id"] = .string(id + "-\(copy)") }
                    object["token"] = .string(tokenField)
                    return .object(object)
                }
            })
        }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kops-canary-\(UUID().uuidString).json").path
        try Data(JSONValue.object(seed).serialized().utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func canaried(_ value: JSONValue, key: String) -> JSONValue {
        switch value {
        case .string(let text):
            let kept = key == "id" || key.hasSuffix("_id") || key.hasSuffix("_at") || key == "timestamp"
                || key == "status" || key == "direction" || key == "type" || key == "phone_number" || key == "to"
                || key == "from" || key == "event" || key.hasSuffix("url") || key == "endpoint"
            // Bodies carry the key alone, so the test without a header in the text is exercised too.
            if key == "endpoint" {
                return .string(
                    text + "?limit=1&access_token=\(queryToken)&r=%2Fcb%3Faccess_token%3D\(encodedQueryToken)&q=%22\(encodedToken)%22")
            }
            guard !kept else { return value }
            return .string(
                text + " key \(apiKey)" + (key == "body" ? "" : " Authorization: Bearer \(bearer)") + " (\(metaToken))"
                    + " https://hooks.slack.com/services/T0AB12CD3/B0EF45GH6/\(hookKey)")
        case .array(let items):
            return .array(items.map { canaried($0, key: key) })
        case .object(let object):
            var copy = object
            copy.entries = object.entries.map { .init(key: $0.key, value: canaried($0.value, key: $0.key)) }
            return .object(copy)
        default:
            return value
        }
    }

    static let lists = ["messages", "conversations", "deliveries --period 30d", "logs --period 30d"]

    @Test(arguments: ["table", "expanded", "json"])
    func noListOutputPathShowsASecret(mode: String) async throws {
        let seed = try Self.secretSeed()
        defer { try? FileManager.default.removeItem(atPath: seed) }
        let (terminal, transcript) = try await offPool {
            let fixture = try SimulatorFixture(seed: .file(seed), apiKey: Self.apiKey)
            let (shell, output) = try fixture.shell()
            let recorder = try TranscriptRecorder(
                header: TranscriptHeader(session: shell.context.session, host: "127.0.0.1"), destination: .memory)
            shell.recorder = recorder
            shell.run(line: "output \(mode)")
            for list in Self.lists {
                shell.run(line: list)
                shell.run(line: "next")
                shell.run(line: list + " --all")
                shell.run(line: list + " --all --output \(mode)")
            }
            return (output.combined, recorder.text)
        }
        // The canaries were served and shown, masked: the check below reads what was printed.
        #expect(terminal.contains("key <redacted>"))
        #expect(terminal.contains("Authorization: <redacted>"))
        for (sink, text) in [("terminal", terminal), ("transcript", transcript)] {
            for canary in Self.canaries {
                #expect(!text.contains(canary), "\(canary) reached the \(sink) in \(mode) mode")
            }
        }
        if mode == "json" { #expect(terminal.contains("\"token\": \"…91\"")) }
    }

    /// JSON mode writes a list item's own bytes when they need no escape (`ReceivedItems`): the canaries in them
    /// are masked all the same, whether the server lays its JSON out as kops's serializer does or otherwise (spaces,
    /// `\/`, `\u0041`, repeated keys), and both print the same text.
    @Test(arguments: [
        ("messages --all --output json", "/whatsapp/messages", "messages"),
        ("conversations --all --output json", "/whatsapp/conversations", "conversations"),
        ("deliveries --all --period 30d --output json", "/webhook_deliveries", "webhook_deliveries"),
        ("logs --all --period 30d --output json", "/api_logs", "api_logs"),
    ])
    func receivedItemsAreMaskedAsPrinted(line: String, path: String, list: String) async throws {
        let items = try Fixtures.json("\(list).list.json")["data"]?.array ?? []
        let canaried = items.map { item -> JSONValue in
            guard case .object(var object) = Self.canaried(item, key: list) else { return item }
            object["token"] = .string(Self.tokenField)
            return .object(object)
        }
        // Page 1 with the canaries, page 2 as the fixture has it.
        let bodies: [JSONValue] = [(canaried, "p2" as JSONValue), (items, .null)].map { data, next in
            ["data": .array(data), "paging": ["cursors": ["before": .null, "after": next], "next": next]]
        }
        var printed: [String] = []
        for oddness: UInt64 in [0, 3] {
            let texts = TestLocked<ServerJSONText>(ServerJSONText(generator: SplitMix(seed: 7), oddness: oddness))
            printed.append(try await offPool {
                let server = try HostileServer { request in
                    guard request.path.contains(path) else { return .json(status: 404, #"{"error":"Not found"}"#) }
                    let page = request.path.contains("after=p2") ? 2 : 1
                    var text = ""
                    texts.update { text = $0.text(bodies[page - 1]) }
                    return .json(text)
                }
                defer { server.stop() }
                let transport = try CurlTransport(options: .init(connectTimeout: 2, timeout: 5, userAgent: "kops-tests"))
                let client = KapsoClient(baseURL: server.baseURL, apiKey: Secret(Self.apiKey), transport: transport)
                let context = ShellContext(session: Session(baseURL: client.baseURL), client: client, registry: .standard)
                let output = BufferOutput()
                let shell = Shell(context: context, renderer: Renderer(), output: output)
                #expect(shell.run(line: line) == .ok)
                return output.combined
            })
        }
        #expect(printed[0] == printed[1])
        #expect(printed[0].contains("<redacted>") && printed[0].contains("…91"))
        for text in printed {
            for canary in Self.canaries { #expect(!text.contains(canary), "\(canary) in \(text)") }
        }
    }

    /// `deliveries --all` without a recording reads its pages without their trees (`ListScanner`), each item cut
    /// down to the fields its row shows: canaries in those very fields (and in the rest) are masked in every mode,
    /// a credential in the webhook's query too (the table shortens URLs without their scheme unless they may carry one).
    @Test(arguments: ["table", "expanded", "json"])
    func scannedDeliveriesShowNoSecret(mode: String) async throws {
        let items = try Fixtures.json("webhook_deliveries.list.json")["data"]?.array ?? []
        let canaried = items.map { item -> JSONValue in
            guard case .object(var object) = Self.canaried(item, key: "webhook_deliveries") else { return item }
            object["token"] = .string(Self.tokenField)
            object["event"] = .string("whatsapp.message.sent key \(Self.apiKey)")
            object["last_attempt_at"] = .string("2026-11-20T14:32:21Z \(Self.apiKey)")
            object["webhook_url"] = .string(
                "https://hooks.test/in/\(Self.apiKey)?token=\(Self.tokenField) Authorization: Bearer \(Self.bearer)")
            return .object(object)
        }
        let bodies: [JSONValue] = [(canaried, "p2" as JSONValue), (canaried, .null)].map { data, next in
            ["data": .array(data), "paging": ["cursors": ["before": .null, "after": next], "next": next]]
        }
        // While a transcript records, pages are parsed whole: the terminal shows the same either way.
        let (terminal, whole) = try await offPool {
            let server = try HostileServer { request in
                guard request.path.contains("/webhook_deliveries") else { return .json(status: 404, #"{"error":"Not found"}"#) }
                return .json(bodies[request.path.contains("after=p2") ? 1 : 0].serialized())
            }
            defer { server.stop() }
            var shown: [String] = []
            for recording in [false, true] {
                let transport = try CurlTransport(options: .init(connectTimeout: 2, timeout: 5, userAgent: "kops-tests"))
                let client = KapsoClient(baseURL: server.baseURL, apiKey: Secret(Self.apiKey), transport: transport)
                let context = ShellContext(session: Session(baseURL: client.baseURL), client: client, registry: .standard)
                let output = BufferOutput()
                let shell = Shell(context: context, renderer: Renderer(), output: output)
                if recording {
                    shell.recorder = try TranscriptRecorder(
                        header: TranscriptHeader(session: shell.context.session, host: "127.0.0.1"), destination: .memory)
                }
                #expect(shell.run(line: "deliveries --all --period 30d --output \(mode)") == .ok)
                shown.append(output.combined)
            }
            return (shown[0], shown[1])
        }
        #expect(terminal == whole)
        // The canaries were served and shown, masked.
        #expect(terminal.contains("key <redacted>") && terminal.contains("Authorization: <redacted>"))
        for canary in Self.canaries {
            #expect(!terminal.contains(canary), "\(canary) reached the terminal in \(mode) mode: \(terminal)")
        }
    }

    /// `deliveries --all` in table modes reads each row's values from where they are in the item's bytes
    /// (`ReceivedItems.located`, session 11), a string with an escape through the parser: canaries in every field a
    /// row shows, escaped (`\u006b…`, `\/`) or behind a control character, are masked as with whole items, and
    /// the terminal shows what it shows while a transcript records (whole pages).
    @Test(arguments: ["table", "expanded"])
    func locatedRowValuesShowNoSecret(mode: String) async throws {
        let escapedKey = #"\u006b"# + Self.apiKey.dropFirst()
        let item = """
            {"id":"d1","status":"failed","created_at":"2026-11-20T14:30:06Z \(escapedKey)",\
            "event":"whatsapp.message.sent\\u0007 \(Self.apiKey)","response_status":500,"attempt_count":3,\
            "last_attempt_at":"\(escapedKey)","webhook_url":"https:\\/\\/user:\(Self.tokenField)@hooks.test\\/in?token=\(Self.tokenField)",\
            "note":"Authorization: Bearer \(Self.bearer)"}
            """
        let plain = #"{"id":"d2","status":"delivered","created_at":"2026-11-20T14:30:07Z","event":"whatsapp.message.sent","# +
            #""response_status":200,"attempt_count":1,"last_attempt_at":"2026-11-20T14:30:07Z","webhook_url":"https://hooks.test/in"}"#
        let body = #"{"data":["# + item + "," + plain + #"],"paging":{"next":null}}"#
        let (terminal, whole) = try await offPool {
            let server = try HostileServer { request in
                guard request.path.contains("/webhook_deliveries") else { return .json(status: 404, #"{"error":"Not found"}"#) }
                return .json(body)
            }
            defer { server.stop() }
            var shown: [String] = []
            for recording in [false, true] {
                let transport = try CurlTransport(options: .init(connectTimeout: 2, timeout: 5, userAgent: "kops-tests"))
                let client = KapsoClient(baseURL: server.baseURL, apiKey: Secret(Self.apiKey), transport: transport)
                let context = ShellContext(session: Session(baseURL: client.baseURL), client: client, registry: .standard)
                let output = BufferOutput()
                let shell = Shell(context: context, renderer: Renderer(), output: output)
                if recording {
                    shell.recorder = try TranscriptRecorder(
                        header: TranscriptHeader(session: shell.context.session, host: "127.0.0.1"), destination: .memory)
                }
                #expect(shell.run(line: "deliveries --all --period 30d --output \(mode)") == .ok)
                shown.append(output.combined)
            }
            return (shown[0], shown[1])
        }
        #expect(terminal == whole)
        // The canaries were served and shown, masked; the plain row as it is.
        #expect(terminal.contains("<redacted>") && terminal.contains("hooks.test/in"))
        #expect(terminal.contains("whatsapp.message.sent\\x07 <redacted>"))
        for canary in [Self.apiKey, Self.bearer, Self.tokenField, String(Self.apiKey.dropFirst())] {
            #expect(!terminal.contains(canary), "\(canary) reached the terminal in \(mode) mode: \(terminal)")
        }
    }

    /// `deliveries --all --output json` prints a page whose text needs nothing from the redactor or the sanitizer as
    /// received, in one test over the page (`ListStream.clearedLines`): one item holding one thing to mask or escape,
    /// of each kind, among plain items, still has it masked or escaped; the plain pages print as received.
    @Test(arguments: [
        (#""note":"key \#(OutputCanaryTests.apiKey)""#, "key <redacted>"),
        (#""token":"\#(OutputCanaryTests.tokenField)""#, #""token":"…91""#),
        (#""note":"Authorization: Bearer \#(OutputCanaryTests.bearer)""#, "Authorization: <redacted>"),
        (#""note_url":"https://hooks.test/in?token=\#(OutputCanaryTests.tokenField)""#, "token=<redacted>"),
        (#""note_url":"https://user:\#(OutputCanaryTests.tokenField)@hooks.test/in""#, "user:<redacted>@hooks.test"),
        (#""note":"\u006b\#(OutputCanaryTests.apiKey.dropFirst())""#, #""note":"<redacted>""#),
        (#""note":"bell\u0007 \#(OutputCanaryTests.apiKey)""#, #"bell\u0007 <redacted>"#),
        (#""note":"rtl\u202e""#, #"rtl\u202e"#),
        // Session 32: the header, URL and shaped-credential tests answered in one walk over the page.
        (#""note":"X-API-Key: \#(OutputCanaryTests.tokenField)""#, "X-API-Key: <redacted>"),
        (#""note":"\#(OutputCanaryTests.metaToken) expired""#, "<redacted> expired"),
        (#""note":"see https://hooks.slack.com/services/T0/B0/\#(OutputCanaryTests.hookKey)""#, "/services/T0/B0/<redacted>"),
        (#""note":"GET /v1/x?access_token=\#(OutputCanaryTests.queryToken)""#, "access_token=<redacted>"),
    ])
    func clearedPagesStillMaskTheOneItemThatNeedsIt(member: String, shown: String) async throws {
        let items = try Fixtures.json("webhook_deliveries.list.json")["data"]?.array ?? []
        let plain = items.map { $0.serialized() }
        let marked = plain.enumerated().map { index, text in index == 1 ? "{" + member + "," + text.dropFirst() : text }
        let bodies = [(plain, "\"p2\""), (marked, "\"p3\""), (plain, "null")].map { data, next in
            #"{"data":["# + data.joined(separator: ",") + #"],"paging":{"cursors":{"before":null,"after":"# + next
                + #"},"next":"# + next + "}}"
        }
        let printed = try await offPool {
            let server = try HostileServer { request in
                guard request.path.contains("/webhook_deliveries") else { return .json(status: 404, #"{"error":"Not found"}"#) }
                return .json(bodies[request.path.contains("after=p3") ? 2 : request.path.contains("after=p2") ? 1 : 0])
            }
            defer { server.stop() }
            var shown: [String] = []
            for recording in [false, true] {
                let transport = try CurlTransport(options: .init(connectTimeout: 2, timeout: 5, userAgent: "kops-tests"))
                let client = KapsoClient(baseURL: server.baseURL, apiKey: Secret(Self.apiKey), transport: transport)
                let context = ShellContext(session: Session(baseURL: client.baseURL), client: client, registry: .standard)
                let output = BufferOutput()
                let shell = Shell(context: context, renderer: Renderer(), output: output)
                if recording {
                    shell.recorder = try TranscriptRecorder(
                        header: TranscriptHeader(session: shell.context.session, host: "127.0.0.1"), destination: .memory)
                }
                #expect(shell.run(line: "deliveries --all --period 30d --output json") == .ok)
                shown.append(output.combined)
            }
            return shown
        }
        #expect(printed[0] == printed[1])
        let lines = printed[0].split(separator: "\n").map(String.init)
        #expect(Array(lines.prefix(plain.count)) == plain)
        #expect(Array(lines.dropFirst(2 * plain.count).prefix(plain.count)) == plain)
        #expect(lines[plain.count + 1].contains(shown), "\(lines[plain.count + 1])")
        for canary in Self.canaries {
            #expect(!printed[0].contains(canary), "\(canary) reached the terminal: \(printed[0])")
        }
    }
}

extension OutputCanaryTests {
    /// probe22 P22-14: a secret the server echoes into a table cell was redacted after the table was laid out, so its
    /// column kept the secret's width and the columns after it left their headers (telling the secret's length).
    /// Cells are redacted before layout: on the terminal and the page, every column starts under its header.
    @Test func aSecretInATableCellIsRedactedBeforeTheColumnsAreMeasured() async throws {
        // The numbers' names end in the API key, as a server echoing the X-API-Key into `name` sends them.
        let numbers = try Fixtures.json("phone_numbers.list.json")["data"]?.array ?? []
        let named = numbers.map { item -> JSONValue in
            guard case .object(var object) = item else { return item }
            for key in ["name", "verified_name", "display_name"] where object[key]?.string != nil {
                object[key] = .string((object[key]?.string ?? "") + " for " + Self.apiKey)
            }
            return .object(object)
        }
        let seed = FileManager.default.temporaryDirectory.appendingPathComponent("kops-cells-\(UUID().uuidString).json").path
        var object = JSONObject()
        object["phone_numbers"] = .array(named)
        try Data(JSONValue.object(object).serialized().utf8).write(to: URL(fileURLWithPath: seed))
        defer { try? FileManager.default.removeItem(atPath: seed) }
        let (terminal, transcript) = try await offPool {
            let fixture = try SimulatorFixture(seed: .file(seed), apiKey: Self.apiKey)
            let (shell, output) = try fixture.shell()
            let recorder = try TranscriptRecorder(
                header: TranscriptHeader(session: shell.context.session, host: "127.0.0.1"), destination: .memory)
            shell.recorder = recorder
            shell.run(line: "numbers")
            return (output.out, recorder.text)
        }
        for (sink, text) in [("terminal", terminal), ("transcript", transcript)] {
            for canary in Self.canaries { #expect(!text.contains(canary), "\(canary) in the \(sink)") }
            let lines = text.split(separator: "\n").map(String.init)
            let header = try #require(lines.firstIndex { $0.contains("NAME") && $0.contains("STATUS") }, "\(sink): \(text)")
            let status = try #require(lines[header].range(of: "STATUS")).lowerBound
            let column = lines[header].distance(from: lines[header].startIndex, to: status)
            let rows = lines[(header + 1)...].prefix { !$0.hasPrefix("```") && !$0.isEmpty && $0.contains("<redacted>") }
            #expect(!rows.isEmpty, "\(sink): \(text)")
            for row in rows {
                let characters = Array(row)
                #expect(characters.count > column && characters[column - 1] == " " && characters[column] != " ", "\(sink): '\(row)' under '\(lines[header])'")
            }
        }
    }

    /// probe22 P22-23: a URL's credential masked once (a JSON value), then the rendered text masked again, read as an
    /// empty `token=` before `<redacted>` and showed `token=<redacted><redacted>`. Masking is idempotent.
    @Test(arguments: [
        "https://rx.example.test/h?token=URLTOKEN12345abc&x=1", "https://rx.example.test/h?x=1&token=URLTOKEN12345abc",
        "https://u:pw123456@rx.example.test/h?api_key=K1234567", "\"url\": \"https://rx.example.test/h?token=T12345678\"",
        "https://hooks.slack.com/services/T0AB12CD3/B0EF45GH6/aBcDeFgHiJkLmNoPqRsTuVwX", "/x?r=%3Faccess_token%3Dabc123456",
    ])
    func aMaskedURLIsMaskedOnceHoweverOftenItIsRedacted(_ text: String) {
        let once = Redactor().redact(text)
        #expect(once != text && !once.contains("<redacted><redacted>"), "\(once)")
        #expect(Redactor().redact(once) == once)
        #expect(Redactor().redact(Redactor().redact(once)) == once)
    }
}
