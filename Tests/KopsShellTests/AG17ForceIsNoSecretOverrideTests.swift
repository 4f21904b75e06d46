import Foundation
import KapsoClient
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// tester59b AG17: one `--force` overrode both the 24-hour window / template check and the secret check, while `help reply`
/// named only the first: a script passing `--force` for a closed window (its documented use) also sent a Meta token or a
/// webhook signing secret, with nothing to stop it. The secret check has its own flag now, `--send-secret`, and help names
/// both.
@Suite struct AG17ForceIsNoSecretOverrideTests {
    static let contact = "+14155550142"
    static let text = "hi again whsec_Zq9xT7pL2mN4vB8k"

    private func outboundBodies(_ fixture: SimulatorFixture) throws -> [String] {
        try fixture.client().messages(filters: [("direction", "outbound")], limit: 100).items.compactMap {
            $0.json["text"]?["body"]?.string
        }
    }

    @Test func forceAloneSendsNoSecret() async throws {
        try await withSimulator { fixture in
            let (shell, output) = try fixture.shell(phoneNumberID: Demo.support)
            #expect(shell.run(line: "reply --force --to \(Self.contact) \(Self.text)") == .usage, "\(output.err)")
            #expect(output.err.contains("holds a webhook signing secret (whsec_…), shown masked on screen"), "\(output.err)")
            #expect(output.err.contains("nothing was sent; take it out, or --send-secret to send it as typed"), "\(output.err)")
            #expect(try !outboundBodies(fixture).contains(Self.text))
        }
    }

    @Test func sendSecretSendsItWithANote() async throws {
        try await withSimulator { fixture in
            let (shell, output) = try fixture.shell(phoneNumberID: Demo.support)
            #expect(shell.run(line: "reply --send-secret --to \(Self.contact) \(Self.text)") == .ok, "\(output.err)")
            #expect((output.out + output.err).contains("--send-secret: the text holds a webhook signing secret"), "\(output.err)")
            #expect(try outboundBodies(fixture).contains(Self.text))
        }
    }

    @Test func helpReplyNamesBothOverrides() async throws {
        try await withSimulator { fixture in
            let (shell, output) = try fixture.shell(phoneNumberID: Demo.support)
            #expect(shell.run(line: "help reply") == .ok)
            let text = output.out.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
            #expect(text.contains("--force") && text.contains("window is closed or the template check fails (not a secret)"), "\(text)")
            #expect(text.contains("--send-secret") && text.contains("send a Meta access token or webhook signing secret"), "\(text)")
        }
    }
}
