import Foundation
import KapsoClient
import KopsHTTP
@testable import KopsShell
import KopsTestSupport
import Testing

/// fix48b's leftover: a server that upper-cases what it echoes (`invalid token ACME-DEMO`) showed a plain-word secret
/// (`acme-demo`, a custom header's value) in clear: its pieces look like words, so `SecretFragments` kept them, and the
/// whole-value pass matched the secret's own case only. A whole secret in another case is masked; its own case keeps
/// the host-label reading of tester46 L3.
@Suite struct CaseChangedSecretTests {
    static let redactor = Redactor(knownSecrets: [Secret("kapso_live_Zx81qP0aLm27"), Secret("acme-demo")])

    @Test(arguments: [
        "ACME-DEMO",
        "invalid token ACME-DEMO for X-Token",
        "Acme-Demo",
        "aCmE-dEmO.",
        "https://hooks.example.test/in?x=ACME-DEMO",
        "{\"error\": \"token ACME-DEMO not accepted\"}",
        "https://ops.ACME-DEMO.test/in",
    ])
    func aWholeSecretInAnotherCaseIsMasked(_ text: String) {
        let shown = Self.redactor.redact(text)
        #expect(!shown.lowercased().contains("acme-demo"), "\(shown)")
        #expect(shown.contains("<redacted>"), "\(shown)")
    }

    /// Words of the secret, and the secret in its own case where it labels a host, stay as they were.
    @Test(arguments: ["ACME and DEMO", "the acme demo", "https://hooks.acme-demo.test/kapso"])
    func wordsOfItAndItsHostLabelStay(_ text: String) {
        #expect(Self.redactor.redact(text) == text)
    }

    /// Canary: a secret set by name and echoed upper-cased in an API error reaches neither the terminal nor the transcript.
    @Test(arguments: ["ACME-DEMO", "Acme-Demo"])
    func anUpperCasedEchoAppearsNowhere(echo: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-case-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let transcript = folder.appendingPathComponent("t.md").path
        let transport = StubTransport(status: 422, body: "{\"error\": \"Invalid header value \(echo) for X-Token\"}")
        let client = KapsoClient(baseURL: "https://api.kapso.ai", apiKey: Secret("sk_test_case_0123"), transport: transport)
        let context = ShellContext(session: Session(baseURL: client.baseURL), client: client, registry: .standard)
        let output = BufferOutput()
        let shell = Shell(context: context, renderer: Renderer(), output: output)
        shell.run(line: "record \(transcript) --force")
        shell.run(line: "set token acme-demo")
        shell.run(line: "numbers")
        shell.run(line: "record stop")
        let recorded = try String(contentsOfFile: transcript, encoding: .utf8)
        #expect(output.err.contains("Invalid header value <redacted>"), "\(output.err)")
        for (name, text) in [("terminal", output.combined), ("transcript", recorded)] {
            #expect(!text.lowercased().contains("acme-demo"), "the secret reached the \(name): \(text)")
        }
    }
}
