import Foundation
import KapsoClient
import KopsShell
import KapsoSimulator
import KopsTestSupport
import Testing

/// tester70 F15: `message KEY` / `trace KEY` (the session's own API key pasted where a WAMID goes) sent the key in the
/// request's path, where Kapso's API log keeps it in clear, while `logs search KEY` refused the same paste; a Meta access
/// token or a webhook secret given to `templates --name` / `template NAME` went out in the query. Now the transport
/// refuses any request whose URL holds its own `X-API-Key` (one place, every command), and the template commands refuse
/// a credential as a name, as `message` does. The simulator's API log shows what was sent: nothing.
@Suite struct F15SecretInURLTests {
    /// A UUID-shaped key, as a project key may look: no credential shape gives it away.
    static let key = "3f1c9a7e-52b4-4d8a-9e61-0c7b2f4d8a13"

    @Test func theSessionsKeyPastedAsAnIdIsNeverSent() async throws {
        try await withSimulator(seed: .demo) { _ in
            let fixture = try SimulatorFixture(seed: TestSeeds.file("webhook-story.seed.json"), apiKey: Self.key)
            let (shell, output) = try fixture.shell(phoneNumberID: "100200300400501")
            func logged() throws -> [String] { try fixture.client().apiLogs([("limit", "100")]).items.map(\.endpoint) }
            for line in ["message \(Self.key)", "trace \(Self.key)", "conversation \(Self.key)"] {
                let status = shell.run(line: line)
                #expect(status != .ok, "\(line)")
            }
            let after = try logged()
            #expect(!after.contains { $0.contains(Self.key) }, "\(after.prefix(5))")
            #expect(output.err.contains("not sent: the request's URL holds the value of its X-API-Key header"), "\(output.err)")
            #expect(!output.err.contains(Self.key) && !output.out.contains(Self.key), "the key was printed")
        }
    }

    @Test func aTokenAsATemplateNameIsRefused() async throws {
        let runs = try await runDemo(
            ["templates --name EAAGm0PX4ZCpsBAKZAZBqwerty1234567890abcdef", "template whsec_story_f6xxxxxxxxxxxxxxxx"],
            number: "100200300400501")
        #expect(runs[0].status != 0 && runs[0].err.contains("Meta access token"), "\(runs[0].err)")
        #expect(runs[1].status != 0 && runs[1].err.contains("secret"), "\(runs[1].err)")
        for ran in runs { #expect(!ran.err.contains("EAAGm0PX4") && !ran.err.contains("whsec_story"), "\(ran.err)") }
    }
}
