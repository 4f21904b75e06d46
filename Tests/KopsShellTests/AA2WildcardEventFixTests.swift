import Foundation
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// tester56b AA2: a webhook subscribed to `"whatsapp.message.*"` (a pattern stored as one name) got the fix `webhooks update
/// ID --add-events whatsapp.message.received --remove-events whatsapp.message.*`, which kops refused: it expanded the `*`
/// of --remove-events, so the removal collided with the addition ("invalid event in both …"). --remove-events now removes
/// a stored name as stored, the fix adds the events the pattern meant and quotes the `*` (a POSIX shell would glob it),
/// and the line runs as printed (as `V17TrailingSpaceEventFixTests`).
@Suite struct AA2WildcardEventFixTests {
    static let webhook = "aaaa0000-4e5f-4a6b-8c7d-9e0f1a2b3c05"

    @Test func theFixCheckPrintsRunsAsPasted() async throws {
        let path = try V17TrailingSpaceEventFixTests.seed("aa2", id: Self.webhook, events: ["whatsapp.message.*"])
        defer { try? FileManager.default.removeItem(atPath: path) }
        let check = try await runDemo(["webhooks check"], number: "100200300400501", seed: .file(path), width: 1000)[0]
        let said = check.out + check.err
        #expect(said.contains("subscribed to whatsapp.message.* (a pattern stored as one name"), "\(said)")
        let fix = try #require(V17TrailingSpaceEventFixTests.fixLine(said, webhook: Self.webhook), "\(said)")
        #expect(fix.hasSuffix("--remove-events \"whatsapp.message.*\""), "\(fix)")
        #expect(fix.contains("--add-events whatsapp.message.received,whatsapp.message.sent,"), "\(fix)")
        let runs = try await runDemo([fix, "webhooks get \(Self.webhook) --output json"], number: "100200300400501", seed: .file(path))
        #expect(runs[0].status == 0, "\(runs[0].out)\(runs[0].err)")
        #expect(runs[1].out.contains("\"whatsapp.message.received\""), "\(runs[1].out)")
        #expect(runs[1].out.contains("\"whatsapp.message.failed\""), "\(runs[1].out)")
        #expect(!runs[1].out.contains("\"whatsapp.message.*\""), "\(runs[1].out)")
    }

    /// On a webhook that holds the events themselves, a pattern still removes the events it matches, and one also added
    /// is still refused, before anything is written.
    @Test func aPatternStillMatchesTheEventsItNames() async throws {
        let runs = try await runDemo(
            ["webhooks update 5f6a7b8c-9d0e-4f1a-8b2c-4d5e6f7a8b92 --add-events whatsapp.message.read --remove-events 'whatsapp.message.*'"],
            number: "100200300400502")
        #expect(runs[0].status == 64, "\(runs[0].out)\(runs[0].err)")
        #expect(runs[0].err.contains("invalid event in both --add-events and --remove-events 'whatsapp.message.read'"), "\(runs[0].err)")
    }
}
