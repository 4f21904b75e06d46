import Foundation
import KapsoSimulator
@testable import KopsShell
import KopsTestSupport
import Testing

/// tester61 AI1: `logs search …`, `logs --endpoint …` and a log search's `--filter` sent a `Bearer <hex>` token, an
/// `Authorization: …` header value or kops's own API key to Kapso in the request's URL, where its API logs keep it, while
/// `--verbose` showed `<redacted>`. They are refused before any request, as a write's are (AF10, AG17): kops's own key
/// always, any other secret unless `--send-secret`.
@Suite struct AI1LogsSecretRefusalTests {
    static let hex = "3f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c"

    @Test(arguments: [
        ("logs search 'Bearer \(hex)'", "logs search: the query holds what looks like a credential"),
        ("logs search --filter request_id='Authorization: Bearer \(hex)'", "logs search: --filter holds what looks like a credential"),
        ("logs --endpoint 'Bearer \(hex)'", "logs: --endpoint holds what looks like a credential"),
        ("logs --endpoint 'Authorization: Basic dXNlcjpodW50ZXIyMDI0IQ=='", "logs: --endpoint holds what looks like a credential"),
        ("logs search test_key_0123456789", "logs search: the query holds kops's own Kapso API key"),
        ("logs --endpoint /messages?key=test_key_0123456789", "logs: --endpoint holds kops's own Kapso API key"),
    ])
    func aSecretIsRefusedBeforeSending(_ line: String, said: String) async throws {
        try await withSimulator { fixture in
            let (shell, output) = try fixture.shell(phoneNumberID: Demo.support)
            let before = fixture.counters().requests
            #expect(shell.run(line: line) == .usage, "\(output.err)")
            #expect(output.err.contains(said) && output.err.contains("nothing was sent"), "\(output.err)")
            #expect(!output.err.contains(Self.hex) && !output.err.contains("test_key_0123456789"), "\(output.err)")
            #expect(output.err.split(separator: "\n").count == 1, "\(output.err)")
            #expect(fixture.counters().requests == before)
        }
    }

    /// `--send-secret` sends a shaped credential as typed; kops's own key never goes.
    @Test func sendSecretSendsAShapedOneButNeverTheKey() async throws {
        try await withSimulator { fixture in
            let (shell, output) = try fixture.shell(phoneNumberID: Demo.support)
            #expect(shell.run(line: "logs --endpoint 'Bearer \(Self.hex)' --send-secret") == .ok, "\(output.err)")
            let before = fixture.counters().requests
            #expect(shell.run(line: "logs search test_key_0123456789 --send-secret") == .usage, "\(output.err)")
            #expect(output.err.contains("kops never sends its own API key"), "\(output.err)")
            #expect(fixture.counters().requests == before)
        }
    }

    /// Ordinary searches and paths go as before.
    @Test(arguments: ["logs --endpoint /messages", "logs search --period 7d", "logs search --filter response_status=401"])
    func ordinaryValuesAreSent(_ line: String) async throws {
        try await withSimulator { fixture in
            let (shell, output) = try fixture.shell(phoneNumberID: Demo.support)
            #expect(shell.run(line: line) == .ok, "\(output.err)")
        }
    }
}
