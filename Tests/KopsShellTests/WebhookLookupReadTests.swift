import Foundation
import KapsoClient
@testable import KopsShell
import KopsTestSupport
import Testing

/// `webhooks get ID` reads the project's webhook list afresh at each look-up, its items cut down to their ids with only
/// the one wanted parsed whole; a recording, which learns personal data from every response whole, reads it whole.
@Suite struct WebhookLookupReadTests {
    static let id = "3d4e5f6a-7b8c-4d9e-8f0a-2b3c4d5e6f70"

    /// The keys of each webhook in the list responses the client was told of, and what the command printed.
    static func run(recording: Bool) async throws -> (keys: [[String]], out: String) {
        try await withSimulator { fixture in
            let (shell, output) = try fixture.shell()
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-lookup-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            if recording { shell.run(line: "record \(folder.appendingPathComponent("t.md").path)") }
            let context = shell.context
            let learn = context.client.received
            var keys: [[String]] = []
            context.client.received = { json, source in
                keys += json["data"]?.array?.compactMap { $0.object?.keys } ?? []
                learn?(json, source)
            }
            shell.run(line: "webhooks get \(id)")
            return (keys, output.out)
        }
    }

    @Test func aLookUpParsesOnlyTheWebhookItShows() async throws {
        let plain = try await Self.run(recording: false)
        let recorded = try await Self.run(recording: true)
        #expect(!plain.keys.isEmpty)
        #expect(plain.keys.allSatisfy { $0 == ["id", "url"] }, "\(plain.keys)")
        // Recorded, each webhook whole (its secret and scope among the keys), as the masker must learn them.
        #expect(recorded.keys.count == plain.keys.count)
        #expect(recorded.keys.allSatisfy { $0.contains("secret_key") && $0.contains("phone_number_id") }, "\(recorded.keys)")
        // The same webhook shown either way, whole.
        #expect(plain.out.contains("id:") && plain.out.contains(Self.id) && plain.out.contains("created:"))
        #expect(recorded.out == plain.out)
    }
}
