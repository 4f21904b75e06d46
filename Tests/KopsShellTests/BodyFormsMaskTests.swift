import Foundation
import KapsoClient
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// probe7 P7-1 and P7-2: bodies with line breaks, tabs, double spaces or no-break spaces are masked in every form
/// kops shows them (folded, escaped, cut with `…`), in `record` transcripts and in `bundle`; a one-word body is masked
/// where it is a message's content, never in the business's number names or kops's own advice.
///
/// Seed `mask-forms.seed.json` (Support Line / Contact A 14155550171): N17 `"Hi,\nmy address is 12 Elm St, Apt 4\n\n
/// Thanks, Maria Lopez"`, N18 an image captioned `"Passport of Maria Lopez\nno. X1234567"`, N19 `"card  4111 1111 1111
/// 1111\texp 12/29"` from `"Maria  Lopez "`, N20 a location at `"Calle Mayor 1,\n28013 Madrid"`, N26 French text with
/// no-break spaces, N30 a 98-character `\r\n` address (cut at 80 columns), the one-word bodies N25 `"Support"` (the
/// number's name is `Support Line`), N31 `"Direct"` and the outbound N52 `"again"` (words of kops's advice for the
/// failures N52 131056 and N53 131000).
@Suite struct BodyFormsMaskTests {
    static let seed = TestSeeds.path("mask-forms.seed.json")

    static func wamid(_ number: Int) -> String {
        "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQBQ\(number < 10 ? "0" : "")\(number)AAAAAAAAAAAAAAAAAAAA="
    }

    static let lines = [
        "use 100200300400501", "messages", "messages --direction inbound --output json",
        "message \(wamid(17))", "message \(wamid(18))", "message \(wamid(19))", "message \(wamid(20))",
        "message \(wamid(25))", "message \(wamid(30))", "trace \(wamid(19))", "numbers", "errors", "errors --flat",
        "reply --to +14155550171 --dry-run thanks", "conversations --output json",
        "message \(wamid(32))", "message --output json \(wamid(32))", "message \(wamid(33))",
        "message --output json \(wamid(34))", "conversations --all --output json", "messages --all --output json", "reply --to +14155550171 --dry-run \(typedReply)",
    ]

    /// probe8 P8-11: a typed reply whose request JSON escapes it (a quote, a tab).
    static let typedReply = "'Dear \"Pablo Ortega\"\tyour code 778899'"

    /// What no masked page may show: pieces of every multi-line, tabbed, double-spaced or long body.
    static let canaries = [
        "Maria", "Lopez", "Elm St", "4111", "12/29", "X1234567", "Passport", "Madrid", "Calle Mayor", "Claire",
        "Dubois", "4242", "Canary Wharf", "E14 5AB", "bakery", "Please deliver", "thanks", "Ring the bell",
        // probe8 P8-2, P8-3, P8-4: a list row and a button chosen (N32, N33), every string of a shared card (N34), the
        // conversation's CRM metadata; P8-11's typed reply.
        "Elena", "Libertad", "Valencia", "Sevilla", "41004", "Andalucia", "Spain", "\"ES\"", "Oliva", "Director",
        "Sierpes", "rosa.example", "Pilar", "platinum", "\"Q7\"", "Pablo", "778899",
    ]

    /// The temporary folder's name, which the page shows (`bundle PATH`, `wrote support bundle PATH`): the UUID's hex
    /// digits written as the letters g to v, so no random name holds a canary (a UUID with `4111` in it failed the test
    /// once, session 33): the canaries that are digits, capitals or words with a letter outside g–v cannot occur in it.
    static func folderName(_ uuid: UUID) -> String {
        let letters = Array("ghijklmnopqrstuv")
        return "kops-bodyforms-" + String(uuid.uuidString.lowercased().compactMap { $0.hexDigitValue.map { letters[$0] } })
    }

    @Test func theTemporaryFolderNameHoldsNoCanary() throws {
        // A UUID made of every canary's digits.
        let uuid = try #require(UUID(uuidString: "41114111-4242-4100-4778-899000000000"))
        let name = Self.folderName(uuid)
        #expect(!Self.canaries.contains { name.contains($0) }, "\(name)")
        #expect(!Self.canaries.contains { FileManager.default.temporaryDirectory.path.contains($0) })
    }

    /// Records `lines` on a fresh simulator with the terminal `width` columns wide, then writes a bundle; returns the
    /// transcript, its restore lines, the bundle and the bundle's restore lines.
    private func record(width: Int?) async throws -> (
        page: String, restore: TranscriptRestore, bundle: String, bundleRestore: TranscriptRestore
    ) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(Self.folderName(UUID()))
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let pagePath = directory.appendingPathComponent("t.md").path
        let bundlePath = directory.appendingPathComponent("bundle.md").path
        return try await withSimulator(seed: .file(Self.seed)) { fixture in
            let (shell, _) = try fixture.shell()
            shell.renderer = Renderer(width: width)
            // As `record FILE` does: the bundle copies the file's blocks and the restore lines beside it.
            let recorder = try TranscriptRecorder(
                header: TranscriptHeader(context: shell.context, keepPII: false), destination: .file(pagePath),
                opening: .create, context: shell.context)
            shell.recorder = recorder
            for line in Self.lines { shell.run(line: line) }
            shell.run(line: "bundle \(bundlePath)")
            let page = try String(contentsOfFile: pagePath, encoding: .utf8)
            let bundle = try String(contentsOfFile: bundlePath, encoding: .utf8)
            return (
                page, TranscriptRestore.load(besides: pagePath) ?? TranscriptRestore(), bundle,
                TranscriptRestore.load(besides: bundlePath) ?? TranscriptRestore()
            )
        }
    }

    private func replay(_ transcript: String, restore: TranscriptRestore) async throws -> [String] {
        try await withSimulator(seed: .file(Self.seed)) { fixture in
            try TranscriptChecker(expected: transcript, path: "t.md", restore: restore)
                .replay(on: try fixture.shell().shell).diff
        }
    }

    @Test(arguments: [nil, 80]) func bodiesInAnyFormStayOffThePageAndTheBundle(width: Int?) async throws {
        let recorded = try await record(width: width)
        for (name, text) in [("transcript", recorded.page), ("bundle", recorded.bundle)] {
            // The simulator's loopback port is random: 41111 would hold the canary 4111.
            let lines = text.split(separator: "\n").map { $0.replacing(/127\.0\.0\.1:[0-9]+/, with: "127.0.0.1:PORT") }
            for canary in Self.canaries {
                let hits = lines.filter { $0.contains(canary) }
                #expect(hits.isEmpty, "the \(name) shows '\(canary)': \(hits.first ?? "")")
            }
            #expect(text.contains("content:      <body "), "\(name)")
        }
        #expect(try await replay(recorded.page, restore: recorded.restore).isEmpty)
        #expect(try await replay(recorded.bundle, restore: recorded.bundleRestore).isEmpty)
    }

    @Test func oneWordBodiesAreMaskedAsContentNotInTheBusinessNamesOrKopsAdvice() async throws {
        let recorded = try await record(width: 80)
        for (name, text) in [("transcript", recorded.page), ("bundle", recorded.bundle)] {
            #expect(!text.contains("> Line"), "\(name): a number name was masked")
            #expect(text.contains("Support Line  200300400500601"), "\(name)")
            #expect(text.contains("WABA 200300400500601: Sales Line, Support Line"), "\(name)")
            #expect(text.contains("open a Meta Direct Support ticket"), "\(name)")
            #expect(text.contains("wait before writing to this recipient again"), "\(name)")
            // Shown as the message's content, each one-word body is masked.
            #expect(!text.contains("\"body\": \"Support\""), "\(name)")
            #expect(!text.contains("\"body\": \"Direct\""), "\(name)")
            #expect(!text.contains("content:      Support"), "\(name)")
            let rows = text.split(separator: "\n").filter { $0.contains("  received  ") || $0.contains("  failed 131") }
            #expect(!rows.isEmpty)
            for row in rows {
                for word in ["Support", "Direct", "again"] {
                    #expect(!row.contains("  \(word)  "), "\(name): a messages row shows '\(word)': \(row)")
                }
            }
        }
        #expect(recorded.page.contains("> reply --to +1 415 ••• 0171 --dry-run <body "))
    }

    /// probe8: the ids kops shows next to what the contact chose stay (they are the business's), the masked list row
    /// keeps its shape, and a typed reply has one placeholder on its line and in the request it prints (P8-11).
    @Test func choicesKeepTheirIDsAndATypedReplyKeepsItsPlaceholder() async throws {
        let page = try await record(width: nil).page
        #expect(page.contains("chose list row \"<body "), "\(page)")
        #expect(page.contains("(id r1)"), "\(page)")
        #expect(page.contains("\"id\": \"r1\""), "\(page)")
        #expect(page.contains("chose button \"<body "), "\(page)")
        let lines = page.split(separator: "\n")
        let typed = try #require(lines.first { $0.contains("--dry-run '<body ") })
        let alias = try #require(typed.split(separator: "'").dropFirst().first)
        let sent = lines.drop { $0 != typed }.first { $0.contains("\"body\": ") }
        #expect(sent?.contains("\"body\": \"\(alias)\"") == true, "\(typed) / \(sent ?? "")")
    }

    /// A masker that learned `bodies` as text messages' bodies.
    private func masker(learning bodies: [String]) throws -> PIIMasker {
        let masker = PIIMasker()
        for body in bodies {
            let json = JSONValue.string(body).serialized()
            masker.learn(from: try JSONValue.parse(Array(#"{"type":"text","text":{"body":\#(json)}}"#.utf8)))
        }
        return masker
    }

    /// The forms the renderer and JSON give a learned body, and a cut of it, each masked; text around them kept.
    @Test(arguments: [
        ("Hi,\nmy address is 12 Elm St", "in: Hi, my address is 12 Elm St.", "in: <body 1>."),
        (
            "Hi,\nmy address is 12 Elm St", "in  Hi, my address is 12 Elm St  <message 1>",
            "in  <body 1>" + String(repeating: " ", count: 21) + "<message 1>"
        ),
        ("card  4111 1111\texp 12/29", "content:      card 4111 1111 exp 12/29", "content:      <body 1>"),
        ("Calle Mayor 1,\n28013 Madrid", "\"address\": \"Calle Mayor 1,\\n28013 Madrid\"", "\"address\": \"<body 1>\""),
        ("Calle Mayor 1,\n28013 Madrid", "address Calle Mayor 1,\\x0a28013 Madrid.", "address <body 1>."),
        ("Calle Mayor 1,\u{2028}28013 Madrid", "\"Calle Mayor 1,\\u2028 28013 Madrid\"", "\"<body 1>\""),
        ("Hi,\r\nmy address is 12 Elm St, Apt 4", "x Hi, my address is 12 El… y", "x <body 1>… y"),
        ("Hi,\nmy address is 12 Elm St, Apt 4", "Hi, my ad…", "<body 1>…"),
        ("Bonjour\u{202F}! Je suis Claire", "Bonjour ! Je suis Claire", "<body 1>"),
        ("12 Elm St", "12 Elm Street", "12 Elm Street"),
        // Escaped characters: the renderer's `\x1b`, JSON's `\u00e9` and surrogate pairs, JSON inside a JSON string.
        ("x\u{1B}[2Jy note", "note=x\\x1b[2Jy note.", "note=<body 1>."),
        ("José Álvarez, Calle Mayor", "\"address\": \"Jos\\u00e9 \\u00c1lvarez, Calle Mayor\"", "\"address\": \"<body 1>\""),
        ("Thanks 😀 Maria", "\"address\": \"Thanks \\ud83d\\ude00 Maria\"", "\"address\": \"<body 1>\""),
        (
            "x\u{1B}[2Jy", #""response_json": "{\"note\": \"x\\u001b[2Jy\"}""#,
            #""response_json": "{\"note\": \"<body 1>\"}""#
        ),
    ])
    func aBodyIsMaskedInEveryRenderedForm(body: String, text: String, expected: String) throws {
        #expect(try masker(learning: [body]).mask(text) == expected)
    }

    /// A one-word body is masked as a message's content (a CONTENT cell, a `content:` field, a JSON body) and nowhere
    /// else: not in a number's name, kops's advice, a JSON status or a longer word.
    @Test func aOneWordBodyIsMaskedOnlyAsContent() throws {
        let masker = try masker(learning: ["Support", "again"])
        let result = CommandResult(
            blocks: [
                .table(
                    Table(
                        columns: [Column("NAME"), Column("CONTENT")],
                        rows: [[StyledText("Support Line"), StyledText("Support")]])),
                .fields([Field("content", "again"), Field("name", "Support")]),
                .line(StyledText("retry; open a Meta Direct Support ticket; check the payload against Meta's reference, again")),
                .data(#"{"status": "again", "body": "again", "name": "Support Line"}"#),
            ],
            json: try JSONValue.parse(Array(#"{"name": "Support Line", "text": {"body": "again"}}"#.utf8)))
        let page = Renderer(mode: .table).render(masker.mask(result)).out.joined(separator: "\n")
        #expect(page.contains("Support Line  <body 1>"), "\(page)")
        #expect(page.contains("content: <body 2>"), "\(page)")
        #expect(page.contains("name:    Support"), "\(page)")
        let advice = "open a Meta Direct Support ticket; check the payload against Meta's reference, again"
        #expect(page.contains(advice), "\(page)")
        #expect(page.contains(#"{"status": "again", "body": "<body 2>", "name": "Support Line"}"#), "\(page)")
        let json = Renderer(mode: .json).render(masker.mask(result)).out.joined(separator: "\n")
        #expect(json.contains("\"name\": \"Support Line\""), "\(json)")
        #expect(json.contains("\"body\": \"<body 2>\""), "\(json)")
    }
}
