import Foundation
import KapsoClient
import KapsoSimulator
import KopsHTTP
@testable import KopsShell
import KopsTestSupport
import Testing

/// probe38's leaks: a secret reaches no output whatever output form was chosen (P38-10), whichever way it came in
/// (`${env:NAME}`: P38-5), and no file or question kops writes (the own-lookups journal: P38-11; the `[y/N]`
/// questions: P38-16); an API key given as the base URL is neither echoed nor advised as a host (P38-2).
@Suite struct Probe38LeakTests {
    /// Twelve API-log errors with a secret in them (`Kx81kQ2mP0sLw9TrAb12Cd34`…`44`), after labels, in a URL's
    /// password, a header, a form (the tester's `labels.seed.json`).
    static let seed = TestSeeds.path("probe38-labels.seed.json")

    /// What no output may show: the first 20 characters the seed's secrets share.
    static let canary = "Kx81kQ2mP0sLw9TrAb12"

    /// Every list that shows the API logs' errors, each in its default form and in each `--output` form (the command's
    /// own flag for `logs`, `logs search`, `deliveries`; the shell's for `errors`).
    static let lines: [String] = {
        let commands = [
            "logs --errors --period 30d", "logs --errors --flat --period 30d", "logs --period 30d",
            "logs search --problems --period 7d", "errors --period 30d", "errors --flat --period 30d",
        ]
        return commands.flatMap { command in
            ["", " --output table", " --output expanded", " --output json"].map { command + $0 }
        }
    }()

    /// probe38 P38-10: `logs --errors --output table` printed six secrets that `logs --errors` masked: the command's
    /// own `--output` dropped the result's JSON before the shell learned its secrets from it. Each line runs in a new
    /// shell, so nothing learned by another line helps.
    @Test func noOutputFormShowsASecretTheDefaultFormMasks() async throws {
        let leaks = try await withSimulator(seed: .file(Self.seed)) { fixture in
            try Self.lines.compactMap { line -> String? in
                let (shell, output) = try fixture.shell(phoneNumberID: "100200300400501")
                shell.run(line: line)
                let shown = output.out + output.err
                let hits = shown.split(separator: "\n").filter { $0.contains(Self.canary) }
                return hits.isEmpty ? nil : "\(line): \(hits.count) lines, e.g. \(hits[0])"
            }
        }
        #expect(leaks.isEmpty, Comment(rawValue: leaks.joined(separator: "\n")))
    }

    /// The same in a transcript, which is recorded from what the terminal shows.
    @Test func theTranscriptOfACommandsOwnOutputFormShowsNoSecret() async throws {
        let page = try await withSimulator(seed: .file(Self.seed)) { fixture in
            let (shell, _) = try fixture.shell(phoneNumberID: "100200300400501")
            let recorder = try TranscriptRecorder(
                header: TranscriptHeader(context: shell.context, keepPII: true), destination: .memory, context: shell.context)
            shell.recorder = recorder
            shell.run(line: "logs --errors --period 30d --output table")
            shell.run(line: "logs search --problems --period 7d --output expanded")
            return recorder.text
        }
        #expect(page.contains("<redacted>"), "\(page)")
        #expect(!page.contains(Self.canary), "\(page)")
    }

    /// probe38 P38-10 addendum: a strong label followed by a space, a quote or `(` (no `:` or `=`) labels the key-like
    /// word after it, in any text kops shows (an API log's error, a status's `error_data.details`).
    @Test(arguments: [
        ("apikey Kx81kQ2mP0sLw9TrAb12Cd39 is revoked", "apikey <redacted> is revoked"),
        ("secret \"Kx81kQ2mP0sLw9TrAb12Cd43\" does not match", "secret \"<redacted>\" does not match"),
        ("the API key (Kx81kQ2mP0sLw9TrAb12Cd40) lacks scope", "the API key (<redacted>) lacks scope"),
        ("Message Undeliverable. apikey Kx81kQ2mP0sLw9TrAb12Cd50 secret \"Kx81kQ2mP0sLw9TrAb12Cd51\"",
         "Message Undeliverable. apikey <redacted> secret \"<redacted>\""),
        ("password  Hx81kQ2mP0sLw9TrAb12", "password  <redacted>"),
        // Words, ids and numbers after such a label stay.
        ("the API key inbox-backend is revoked", "the API key inbox-backend is revoked"),
        ("token expired at 2026-11-21T10:00:00Z", "token expired at 2026-11-21T10:00:00Z"),
        ("secret 100200300400501 rotated", "secret 100200300400501 rotated"),
        ("API key 3d4e5f6a-7b8c-4d9e-8f0a-2b3c4d5e6f70 (inbox-backend)", "API key 3d4e5f6a-7b8c-4d9e-8f0a-2b3c4d5e6f70 (inbox-backend)"),
        ("the key (Kx81kQ2mP0sLw9TrAb12Cd40) of the template", "the key (Kx81kQ2mP0sLw9TrAb12Cd40) of the template"),
    ])
    func aStrongLabelWithoutASeparatorLabelsAKey(text: String, shown: String) {
        #expect(Redactor().redact(text) == shown)
        #expect(Redactor().redact(errorLine: text) == shown)
    }

    /// The tester's status error: `trace` and `message --output json` print its details masked.
    @Test func traceMasksALabelledKeyInAStatusError() async throws {
        let seed = TestSeeds.path("probe38-labels2.seed.json")
        let wamid = "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQBH20AAAAAAAAAAAAAAAAAAAA="
        let leaks = try await withSimulator(seed: .file(seed)) { fixture in
            try ["trace \(wamid)", "trace \(wamid) --output json", "message \(wamid)", "message \(wamid) --output json"]
                .compactMap { line -> String? in
                    let (shell, output) = try fixture.shell(phoneNumberID: "100200300400501")
                    shell.run(line: line)
                    let hits = (output.out + output.err).split(separator: "\n").filter { $0.contains("Kx81kQ2mP0sLw9TrAb12") }
                    return hits.isEmpty ? nil : "\(line): \(hits[0])"
                }
        }
        #expect(leaks.isEmpty, Comment(rawValue: leaks.joined(separator: "\n")))
    }

    // MARK: - P38-5

    /// probe38 P38-5: a `${env:NAME}` whose NAME says secret is learned before the line is checked, recorded or shown:
    /// the whole-script check's error and the transcript's command line printed it.
    @Test(arguments: ["MY_API_TOKEN", "KAPSO_WEBHOOK_SECRET", "DB_PASSWORD", "STRIPE_KEY"])
    func aSecretNamedEnvironmentValueIsMaskedInTheScriptCheck(name: String) {
        let value = "plainvalue2026abc"
        let offline = OfflineShell()
        offline.shell.context.environment = [name: value]
        let outcome = ScriptRunner(path: "b.kops", source: "explain 131047\nwhois ${env:\(name)}").run(on: offline.shell)
        #expect(outcome.summary == "nothing ran")
        let shown = offline.output.out + offline.output.err
        #expect(shown.contains("b.kops:2: error: whois"), "\(shown)")
        #expect(!shown.contains(value), "\(shown)")
    }

    /// The transcript's command line (variables expanded) and the line's error, typed at the prompt.
    @Test func aSecretNamedEnvironmentValueIsMaskedInTheTranscriptLine() throws {
        let value = "Qm9vR2hhbGxvd2VlbjIwMjY5"
        let offline = OfflineShell()
        offline.shell.context.environment = ["MY_API_TOKEN": value]
        let recorder = try TranscriptRecorder(
            header: TranscriptHeader(context: offline.shell.context, keepPII: true), destination: .memory,
            context: offline.shell.context)
        offline.shell.recorder = recorder
        offline.shell.run(line: "whois ${env:MY_API_TOKEN}")
        #expect(!recorder.text.contains(value), "\(recorder.text)")
        #expect(!offline.output.combined.contains(value), "\(offline.output.combined)")
        // A name that says nothing of a secret is a value as any other.
        var redactor = Redactor()
        redactor.learn(environmentReferencesIn: "whois ${env:PHONE_ID}", environment: ["PHONE_ID": "100200300400501"])
        #expect(redactor.knownSecrets.isEmpty)
    }

    // MARK: - P38-11

    /// probe38 P38-11: the own-lookups journal kept a key from the base URL's path in clear; it keeps the path as the
    /// Redactor shows it, and a call still matches its note.
    @Test func theOwnLookupsJournalKeepsNoKeyFromTheBaseURL() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-p38-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("own-lookups").path
        FileManager.default.createFile(atPath: file, contents: Data(), attributes: [.posixPermissions: 0o600])
        let secrets = ["kapso_live_Zx81kQ2mP0sLw9TrAb12Cd34", "Zx81kQ2mP0sLw9TrAb12Cd35", "Zx81kQ2mP0sLw9TrAb12Cd36"]
        let hosts = [
            "http://127.0.0.1:8080/\(secrets[0])", "http://127.0.0.1:8080/;api_key=\(secrets[1])",
            "http://127.0.0.1:8080/api_key=\(secrets[2])",
        ]
        let lookups = OwnLookups(path: file)
        for host in hosts {
            lookups.note(method: "GET", host: host, path: "/platform/v1/whatsapp/phone_numbers", time: 1_796_302_717)
        }
        let written = try String(contentsOfFile: file, encoding: .utf8)
        #expect(written.split(separator: "\n").count == 3, "\(written)")
        for secret in secrets { #expect(!written.contains(secret), "\(written)") }
        // Read back by another run, each note still matches the call Kapso logged with the key in its path.
        let calls = hosts.enumerated().map { index, host in
            OwnLookups.LoggedCall(
                id: "c\(index)", method: "GET", endpoint: OwnLookups.origin(host).pathPrefix + "/platform/v1/whatsapp/phone_numbers",
                status: 404, time: "2026-12-03T12:58:37Z")
        }
        let reread = OwnLookups(path: file)
        #expect(reread.ownIDs(in: calls, host: hosts[0]).ids == ["c0", "c1", "c2"])
    }

    /// A journal written before (keys in clear) is cleared of them the first time kops reads it.
    @Test func aJournalWrittenBeforeIsClearedWhenRead() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-p38-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("own-lookups").path
        let old = "1796302717\tGET\thttp://127.0.0.1:8080\t/;api_key=Zx81kQ2mP0sLw9TrAb12Cd35/platform/v1/whatsapp/phone_numbers\n"
        FileManager.default.createFile(atPath: file, contents: Data(old.utf8), attributes: [.posixPermissions: 0o600])
        #expect(OwnLookups(path: file).entries.count == 1)
        let written = try String(contentsOfFile: file, encoding: .utf8)
        #expect(!written.contains("Zx81kQ2mP0sLw9TrAb12Cd35"), "\(written)")
        #expect(written.contains("/;api_key=<redacted>/platform/v1/whatsapp/phone_numbers"), "\(written)")
    }

    // MARK: - P38-16

    /// probe38 P38-16: the `[y/N]` questions printed the URL's password, `?token=` and hook key.
    @Test(arguments: [
        "webhooks fire message-lifecycle --to https://admin:Hunter2Secret99@h.test/x?token=abcDEF123456ghiJKLmno",
        "webhooks fire message-lifecycle --to https://hooks.slack.com/services/T0AAAAAAA/B0BBBBBBB/abcdefghijklmnopqrstuvwx",
    ])
    func aQuestionShowsTheURLAsTheRedactorDoes(line: String) {
        final class Asked: @unchecked Sendable { var questions: [String] = [] }
        let asked = Asked()
        let offline = OfflineShell()
        offline.shell.context.isInteractive = true
        offline.shell.context.confirm = { question in
            asked.questions.append(question)
            return false
        }
        offline.shell.run(line: line)
        #expect(asked.questions.count == 1, "\(offline.output.combined)")
        for question in asked.questions {
            #expect(question.contains("<redacted>"), "\(question)")
            for secret in ["Hunter2Secret99", "abcDEF123456ghiJKLmno", "abcdefghijklmnopqrstuvwx"] {
                #expect(!question.contains(secret), "\(question)")
            }
        }
    }

    // MARK: - P38-2

    /// probe38 P38-2: an API key put in KAPSO_API_BASE_URL was echoed and advised as a host (`e.g. https://<key>`).
    @Test(arguments: ["Zx81kQ2mP0sLw9TrAb12Cd34", "9c2f1e7a6b5d4c3b2a1908f7e6d5c4b3"])
    func aKeyGivenAsTheBaseURLIsNotEchoedNorAdvisedAsAHost(base: String) {
        let message = BaseURLSchemeError(base: base, source: "env KAPSO_API_BASE_URL").message
        #expect(!message.contains(base), "\(message)")
        #expect(!message.contains("e.g. https://"), "\(message)")
        #expect(message.contains("does not look like a host") && message.contains("KAPSO_API_KEY"), "\(message)")
        #expect(TranscriptHeader.label(baseURL: base) == "<redacted>")
    }

    /// Hosts without a scheme keep their advice.
    @Test(arguments: ["api.kapso.ai", "localhost:8080", "127.0.0.1:38141", "localhost", "kapso-staging"])
    func aHostWithoutASchemeIsStillAdvisedAsOne(base: String) {
        #expect(!BaseURLSchemeError.looksLikeKey(base))
        let message = BaseURLSchemeError(base: base, source: nil).message
        #expect(message.contains(base) && message.contains("e.g. http"), "\(message)")
    }
}
