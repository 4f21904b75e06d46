import Foundation
import KapsoClient
import KopsHTTP
@testable import KopsShell
import KopsTestSupport
import Testing

/// probe20 P20-11: under `--output json` standard output is JSON only, for every command: prose (help, notes, `listen`'s
/// lines, a summary) goes to standard error, and a verdict is JSON (`verify` of an invalid signature printed nothing).
/// Each line runs in a fresh demo shell with Support Line selected and `output json`.
@Suite(.serialized) struct JSONOutputOnlyTests {
    static let wamid = "wamid.HBgLMTQxNTU1NTAxNTcVAgASGBRCOTRFMkQ3QTE2QzAzRjU4RTkyMgA="
    static let zeros = String(repeating: "0", count: 64)
    static let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-json-only-\(UUID().uuidString)")

    /// Lines per command; every command of the registry needs at least one, so a new command is checked too.
    static let lines: [String: [String]] = [
        "help": ["help", "help overview", "help output", "? verify"],
        "state": ["state"], "numbers": ["numbers"], "use": ["use 100200300400502"], "health": ["health"],
        "webhooks": ["webhooks", "webhooks check", "webhooks get 5f6a7b8c-9d0e-4f1a-8b2c-4d5e6f7a8b92"],
        "deliveries": ["deliveries", "deliveries stats", "deliveries --all --period 30d"],
        "logs": ["logs", "logs --all", "logs search --period 7d"], "errors": ["errors"], "overview": ["overview"],
        "next": ["messages --limit 1; next"], "output": ["output", "output json"],
        "profile": ["profile", "profile list"], "history": ["history"], "refresh": ["refresh"], "clear": ["clear"],
        "exit": ["exit"], "completions": ["completions"], "explain": ["explain 131047"],
        "verify": [
            "verify --secret s --signature \(zeros) --body x", "verify --secret s --signature 00 --body x",
            "verify --secret s --signature cefb105ee22996fb167ed606478d2931b87aa3ab99b4b04b68c4fc16c8b49a30 --body x",
        ],
        "payload": ["payload sample whatsapp.message.received"], "set": ["set a 1; set"], "unset": ["set a 1; unset a"],
        "source": ["source \(folder.path)/numbers.kops"], "assert": ["numbers; assert .data exists"],
        "capture": ["numbers; capture .data[0].id as n"], "record": ["record \(folder.path)/r.md; numbers; record stop"],
        "bundle": ["bundle \(folder.path)/b.md"], "messages": ["messages", "messages --all"],
        "message": ["message \(wamid)"], "conversations": ["conversations", "conversations --all"],
        "conversation": ["conversation d4f5b6c7-3e4a-4b5c-9d6e-8f9012345678"], "trace": ["trace \(wamid)"],
        "reply": ["reply --dry-run --to +14155550157 hi"], "whois": ["whois 200300400500601", "id \(wamid)"],
        "templates": ["templates"], "template": ["template part_ready"], "sim": ["sim", "sim clock", "sim advance 60"],
        "listen": ["listen"], "replay": ["replay \(folder.path)/none --to http://127.0.0.1:9/"],
    ]

    @Test func everyCommandHasALine() {
        let aliases = ["?": "help", "id": "whois", "quit": "exit"]
        let covered = Set(Self.lines.keys)
        #expect(Set(CommandRegistry.standard.commands.map { $0.name }).subtracting(covered).isEmpty)
        #expect(Set(aliases.values).isSubset(of: covered))
    }

    @Test(arguments: lines.values.flatMap { $0 })
    func standardOutputIsJSONOnly(line: String) async throws {
        try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
        try "numbers\n".write(to: Self.folder.appendingPathComponent("numbers.kops"), atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: Self.folder.appendingPathComponent("r.md")) }
        defer { try? FileManager.default.removeItem(at: Self.folder.appendingPathComponent("b.md")) }
        let (status, out, err) = try await withSimulator { fixture in
            let (shell, output) = try fixture.shell(phoneNumberID: "100200300400501")
            // `listen` gets a delivery, then its receiver ends: its per-delivery line is prose, its summary JSON.
            let request = IncomingRequest(
                method: "POST", target: "/", headers: [("x-webhook-event", "whatsapp.message.received")], body: Array("{}".utf8))
            shell.context.openReceiver = { _, _, _ in ListenReceiverEndTests.EndingReceiver([.delivery(request) { _, _, _ in }]) }
            #expect(shell.run(line: "output json") == .ok)
            let status = shell.run(line: line)
            return (status, output.out, output.err)
        }
        // The line ran (a bad signature and 'sim' without a word are usage errors by design).
        #expect(status != .usage || line.hasPrefix("verify") || line == "sim", "\(err)")
        let stray = Self.notJSON(out)
        #expect(stray == nil, "'\(line)' printed on stdout: \(stray ?? "")\nstderr: \(err)")
    }

    /// An invalid signature's verdict is JSON too, beside the error line and its status: a mismatch (1) and a value
    /// that is no signature (64); it printed nothing on standard output.
    @Test(arguments: [
        ("verify --secret s --signature \(zeros) --body x", KopsShell.ExitStatus.failure, false, "the signature does not match it"),
        ("verify --secret s --signature 00 --body x", .usage, true, "expected 64 hex characters, got 2"),
    ])
    func anInvalidSignatureIsAJSONVerdict(line: String, status: KopsShell.ExitStatus, malformed: Bool, cause: String) throws {
        let client = KapsoClient(baseURL: "http://127.0.0.1:9", apiKey: Secret("k"), transport: StubTransport([]))
        let context = ShellContext(session: Session(baseURL: client.baseURL), client: client, registry: .standard)
        let output = BufferOutput()
        let shell = Shell(context: context, renderer: Renderer(), output: output)
        #expect(shell.run(line: line + " --output json") == status)
        let verdict = try JSONValue.parse(output.out)
        #expect(verdict["valid"]?.bool == false)
        #expect(verdict["malformed"]?.bool == malformed)
        #expect(verdict["cause"]?.string?.contains(cause) == true, "\(verdict)")
        #expect(output.err.hasPrefix("error: "), "the error line stays on standard error: \(output.err)")
        // Table mode: the error line alone, as before.
        let table = BufferOutput()
        #expect(Shell(context: context, renderer: Renderer(), output: table).run(line: line) == status)
        #expect(table.out.isEmpty)
    }

    /// The first text of `out` that is not part of a JSON value, nil when `out` is JSON values only (one document,
    /// several, or NDJSON), or empty.
    static func notJSON(_ out: String) -> String? {
        var piece: [Substring] = []
        for line in out.split(separator: "\n", omittingEmptySubsequences: false) {
            piece.append(line)
            let text = piece.joined(separator: "\n")
            if text.allSatisfy(\.isWhitespace) || (try? JSONValue.parse(text)) != nil { piece = [] }
        }
        return piece.isEmpty ? nil : String(piece.joined(separator: "\n").prefix(300))
    }
}
