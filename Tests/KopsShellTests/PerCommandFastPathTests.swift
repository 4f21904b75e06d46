import Foundation
import KapsoClient
import KapsoDiagnostics
import KopsHTTP
import KopsTestSupport
import Testing

@testable import KopsShell

/// The byte readings that run once per command (docs/performance.md, "Session 7: per command") give the answer of
/// the `Character` or Foundation reading they stand in front of, on random inputs built from the pieces that could
/// tell them apart: `%` escapes, non-ASCII digits, combining marks, spaces and controls.
@Suite struct PerCommandFastPathTests {
    static let pathPieces = [
        "/", "/", "platform", "v1", "whatsapp", "webhooks", "phone_numbers", "3d4e5f6a-7b8c-4d9e-8f0a-2b3c4d5e6f70",
        "100200300400501", "1234567", "12345678", "abcdefgh", "abcdefg1", "%2F", "%41", "%", "%zz", "?page=1&x=/123456789",
        "\u{0663}\u{0663}\u{0663}\u{0663}\u{0663}\u{0663}\u{0663}\u{0663}", "e\u{301}", "é", " ", "\t", "\u{7F}", "v24.0",
        "wamid.HBgLMTQxNTU1NTAxNTcVAgASGBQzRUIw", "１２３４５６７８", "?",
    ]

    /// The readings before this session, kept here as the reference.
    static func referenceHasID(_ path: String) -> Bool {
        let bare = path.prefix { $0 != "?" }
        let decoded = String(bare).removingPercentEncoding ?? String(bare)
        return decoded.split(separator: "/").contains { $0.count >= 8 && $0.contains { $0.isASCII && $0.isNumber } }
    }

    @Test func ownLookupsReadsPathsAsBeforeWithoutFoundation() {
        var random = SplitMix(seed: 7)
        for _ in 0..<20_000 {
            let count = Int(random.next() % 9)
            let path = (0..<count).map { _ in Self.pathPieces[Int(random.next() % UInt64(Self.pathPieces.count))] }.joined()
            #expect(OwnLookups.hasID(path) == Self.referenceHasID(path), "\(path.debugDescription)")
            let bare = String(path.prefix { $0 != "?" })
            #expect(OwnLookups.decoded(path) == (bare.removingPercentEncoding ?? bare), "\(path.debugDescription)")
        }
        // The byte reading answers only for printable ASCII without `%`, and answers as the reference there.
        #expect(OwnLookups.asciiHasID("/platform/v1/whatsapp/webhooks/3d4e5f6a-7b8c") == true)
        #expect(OwnLookups.asciiHasID("/platform/v1/whatsapp/webhooks?page=100200300400") == false)
        #expect(OwnLookups.asciiHasID("/x/%41%41%41%41%41%41%41%41") == nil)
        #expect(OwnLookups.asciiHasID("/x/e\u{301}12345678") == nil)
    }

    @Test func interpolationLooksForReferencesInBytesFirst() throws {
        let pieces = ["$", "{", "}", "${", "x", " ", "'", "\\", "\u{301}", "é", "name", "$\u{301}{", "${\u{301}"]
        var random = SplitMix(seed: 11)
        for _ in 0..<20_000 {
            let line = (0..<Int(random.next() % 7)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            // Never says no where the characters hold `${`: a `false` skips the expansion.
            if line.contains("${") { #expect(Interpolation.mayReference(line), "\(line.debugDescription)") }
            #expect(Interpolation.mayReference(line) == Self.bytesHold(line), "\(line.debugDescription)")
        }
        // `${` whose `{` carries a combining mark is no reference to the characters: the line stays as it is.
        let marked = "echo $\u{7B}\u{301}name}"
        #expect(try Interpolation.expand(marked, variables: [:], environment: [:]) == marked)
    }

    static func bytesHold(_ line: String) -> Bool {
        let bytes = Array(line.utf8)
        return bytes.indices.dropLast().contains { bytes[$0] == UInt8(ascii: "$") && bytes[$0 + 1] == UInt8(ascii: "{") }
    }

    @Test func offerableIDsAsBefore() {
        let pieces = ["a", "1", "-", ".", "=", " ", "\t", "\n", "\u{7F}", "\u{85}", "\u{200B}", "\u{3000}", "é", "\u{AD}", "~", "!"]
        var random = SplitMix(seed: 13)
        for _ in 0..<20_000 {
            let id = (0..<Int(random.next() % 6)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            let reference = !id.unicodeScalars.contains { VisibleText.needsEscape($0) || $0.properties.isWhitespace }
            #expect(IDCache.isOfferable(id) == reference, "\(id.debugDescription)")
        }
    }

    /// `IDCache.remember` edits its list in place: the same ids, newest first, at most `limit`, as the copy it made.
    @Test func rememberedIDsAsBefore() {
        var random = SplitMix(seed: 43)
        var cache = IDCache(limit: 4)
        var reference: [IDCache.Kind: [String]] = [:]
        for _ in 0..<5_000 {
            let id = String(random.next() % 7)
            let kind: IDCache.Kind = random.next() % 3 == 0 ? .webhook : .message
            cache.remember(id, as: kind, label: "label \(id)")
            var list = reference[kind] ?? []
            list.removeAll { $0 == id }
            list.insert(id, at: 0)
            reference[kind] = Array(list.prefix(4))
            #expect(cache[.webhook] == reference[.webhook] ?? [] && cache[.message] == reference[.message] ?? [])
            #expect(cache.labels[id] == "label \(id)")
        }
    }

    /// The write policy given the command and arguments the shell has read answers as when it reads the words itself.
    @Test func writePolicyOnReadArgumentsAsOnWords() {
        let registry = CommandRegistry.standard
        let names = registry.commands.map { $0.name } + ["reply", "webhooks", "webhooks", "replay"]
        let rest = [
            "create", "update", "delete", "test", "get", "fire", "probe", "list", "show", "--scope", "project", "--dry-run",
            "--yes", "--url", "https://x.test", "1", "--active", "false", "hello", "--to", "--kind", "meta", "--",
        ]
        var random = SplitMix(seed: 53)
        var compared = 0
        for _ in 0..<20_000 {
            let words = [names[Int(random.next() % UInt64(names.count))]]
                + (0..<Int(random.next() % 5)).map { _ in rest[Int(random.next() % UInt64(rest.count))] }
            let command: any Command.Type
            let arguments: Arguments
            do {
                command = try registry.command(named: words[0])
                arguments = try Arguments(command: command, words: Array(words.dropFirst()))
            } catch {
                continue
            }
            compared += 1
            let read = ScriptPolicy.isWrite(words, command: command, arguments: arguments)
            let reread = ScriptPolicy.isWrite(words, registry: registry)
            #expect(read == reread, "\(words)")
        }
        #expect(compared > 2_000)
    }

    /// The static property the shell reads instead of looking up the `ScriptCommand` conformance gives its answer for
    /// every command, the script commands (`set`, `assert`, `capture`, `source`, `record`) among them.
    @Test func keepsLastResultAsTheConformanceSays() {
        let commands = CommandRegistry.standard.commands
        #expect(commands.filter { !$0.keepsLastResult }.count >= 5)
        for command in commands {
            #expect(command.keepsLastResult == !(command is any ScriptCommand.Type), "\(command.name)")
        }
    }

    /// `lastResult` is redacted when read, by the redactor of the command's time, as it was when redacted at once.
    @Test func lastResultIsRedactedWhenRead() throws {
        let context = ShellContext(
            session: Session(baseURL: "http://127.0.0.1:1"),
            client: KapsoClient(baseURL: "http://127.0.0.1:1", apiKey: Secret("sk_live_canary_77"), transport: StubTransport([])),
            registry: .standard)
        let json: JSONValue = ["data": [["id": "1", "secret_key": "whsec_abcdefgh_1234567", "note": "sk_live_canary_77"]]]
        var redactor = Redactor(knownSecrets: [Secret("sk_live_canary_77")])
        context.keepLastResult(CommandResult(json: json), redactingWith: redactor)
        // What the redactor learns later does not change the kept result's redaction.
        redactor.learn(from: ["secret_key": "whsec_later_secret_1"])
        let expected = Redactor(knownSecrets: [Secret("sk_live_canary_77")]).redact(json)
        #expect(context.lastResult?.json == expected)
        #expect(context.lastResult?.json?.serialized().contains("canary") == false)
        #expect(context.lastResult?.json?.serialized().contains("whsec_abcdefgh_1234567") == false)
        context.lastResult = nil
        #expect(context.lastResult == nil)
    }

    /// In table mode the shell keeps the result unredacted until `assert` or `capture` reads it: they see it masked.
    @Test func assertAndCaptureSeeMaskedSecretsAfterATableCommand() async throws {
        let masked = Secret("whsec_demo_123").masked
        let runs = try await runDemo([
            "webhooks get 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "assert .secret_key == whsec_demo_123",
            "assert .secret_key == \(masked)", "webhooks --scope project --output expanded",
            "assert .data[2].secret_key == \(Secret("whsec_crm_321").masked)",
        ])
        #expect(runs[1].status == 1, "the secret in clear is not what assert reads: \(runs[1].err)")
        #expect(runs[2].status == 0, "\(runs[2].err)")
        #expect(runs[4].status == 0, "\(runs[4].err)")
    }
}
