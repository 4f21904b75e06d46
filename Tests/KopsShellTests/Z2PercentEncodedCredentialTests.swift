import Foundation
@testable import KopsShell
import KopsTestSupport
import Testing

/// tester67b Z2: a `user:pass@` credential percent-encoded inside a path of the API log (`…%2Fhttps%3A%2F%2Fuser%3Apass%40host…`,
/// a callback URL carried in a path) was printed in clear on the terminal by `logs`; transcripts masked it (as a contact's
/// address). The redactor now reads an encoded URL's userinfo as it reads a plain one's: its password is `<redacted>`.
@Suite struct Z2PercentEncodedCredentialTests {
    static let password = "hunter2Zq"

    @Test(arguments: [
        "GET /platform/v1/whatsapp/forward/https%3A%2F%2Fops%3A\(password)%40hooks.example.com%2Fin 404",
        "https%3a%2f%2fops%3a\(password)%40hooks.example.com%2fin",
        "cb=https%253A%252F%252Fops%253A\(password)%2540hooks.example.com%252Fin",
        "https%3A%2F%2F\(password)%40hooks.example.com",
    ])
    func theEncodedPasswordIsRedacted(_ text: String) {
        let shown = Redactor().redact(text)
        #expect(!shown.contains(Self.password), "\(shown)")
        #expect(shown.contains("<redacted>"), "\(shown)")
        #expect(shown.contains("hooks.example.com"), "\(shown)")
    }

    /// An encoded URL without userinfo, and an `@` after the host (in the path), stay as they were.
    @Test(arguments: ["https%3A%2F%2Fhooks.example.com%2Fin", "https%3A%2F%2Fhooks.example.com%2Fusers%2Fa%40b"])
    func withoutUserinfoNothingChanges(_ text: String) {
        #expect(Redactor().redact(text) == text)
    }

    /// Over loopback: another client's call to such a path, then `logs` on the terminal.
    @Test func logsShowsTheCallWithoutThePassword() async throws {
        let output = try await withSimulator { fixture in
            try otherClientGet(
                fixture.baseURL + "/platform/v1/whatsapp/messages/https%3A%2F%2Fops%3A\(Self.password)%40hooks.example.com%2Fin",
                apiKey: fixture.apiKey)
            let (shell, output) = try fixture.shell(phoneNumberID: Demo.support)
            _ = shell.run(line: "logs --limit 5 --output json")
            _ = shell.run(line: "logs --limit 5")
            return output.combined
        }
        #expect(output.contains("hooks.example.com"), "\(output)")
        #expect(!output.contains(Self.password), "\(output)")
    }
}
