import Foundation
import KapsoClient
import KapsoSimulator
@testable import KopsShell
import KopsTestSupport
import Testing

/// P45-8: every request kops makes is an entry in the project's API log (kapso-sim records each, as Kapso does, with no
/// User-Agent). `logs search --follow` showed its own polls as new events; `logs`, `logs search` and `bundle` showed
/// kops's own calls like the app's. Now a follow leaves its own calls out and counts them in its closing line, and the
/// tables mark them `(kops)` (JSON `kops_own: true`).
@Suite struct OwnCallMarksTests {
    static let tour = "wamid.HBgLMTQxNTU1NTAxNTcVAgASGBRCOTRFMkQ3QTE2QzAzRjU4RTkyMgA="
    /// The deterministic simulator's clock: every call kops makes is logged at this second, the seed's calls before it.
    static let now = "2026-11-21T12:00:00Z"

    @Test func aFollowDoesNotShowItsOwnPollsAsNewEvents() async throws {
        let runs = try await runDemo(["logs search --source external_api_log --follow --max-polls 4 --interval 1"])
        #expect(!runs[0].out.contains("/platform/v1/log_search"), "a poll shown as an event: \(runs[0].out)")
        #expect(runs[0].err.contains("stopped after 4 polls: 0 new events; 3 calls kops made itself (its polls) not shown"), "\(runs[0].err)")
    }

    @Test func logsMarksKopsOwnCallsInTheTableAndJSON() async throws {
        let runs = try await runDemo(["trace \(Self.tour)", "logs --limit 40 --output json", "logs --limit 40"])
        let items = try JSONValue.parse(Array(runs[1].out.utf8))["data"]?.array ?? []
        let kops = items.filter { $0["created_at"]?.string == Self.now }
        let seeded = items.filter { $0["created_at"]?.string != Self.now }
        #expect(!kops.isEmpty && !seeded.isEmpty)
        #expect(kops.allSatisfy { $0["kops_own"]?.bool == true }, "every call at the simulator's now is kops's: \(kops)")
        #expect(seeded.allSatisfy { $0["kops_own"] == nil }, "no seeded (the app's) call is marked")
        let preference = runs[2].out.split(separator: "\n").first { $0.contains("marketing_preferences") }
        #expect(preference?.contains("kapso-sim (kops)") == true, "\(runs[2].out)")
        #expect(runs[2].out.split(separator: "\n").filter { $0.contains("history-sync") }.allSatisfy { !$0.contains("(kops)") })
        #expect(runs[2].err.contains("(kops) marks"), "\(runs[2].err)")
    }

    @Test func logSearchMarksKopsOwnCalls() async throws {
        let runs = try await runDemo(["trace \(Self.tour)", "logs search --source external_api_log --limit 100", "logs search --source external_api_log --limit 100 --output json"])
        let rows = runs[1].out.split(separator: "\n").filter { $0.contains(Self.now) }
        #expect(!rows.isEmpty && rows.allSatisfy { $0.contains("api (kops)") }, "\(runs[1].out)")
        let events = try JSONValue.parse(Array(runs[2].out.utf8))["data"]?["events"]?.array ?? []
        #expect(events.contains { $0["kops_own"]?.bool == true })
        #expect(events.filter { $0["timestamp"]?.string != Self.now && $0["occurred_at"]?.string != Self.now }.allSatisfy { $0["kops_own"] == nil })
    }

    /// A request that is no look-up is kept in the journal as such: it marks, but is never left out of a count.
    @Test func aRequestNoteMarksButIsNoLookUp() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-own-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.path + "/own-lookups"
        let host = "https://api.kapso.ai"
        OwnLookups(path: path).note(
            method: "GET", host: host, path: "/platform/v1/whatsapp/messages?limit=5", time: 1_795_262_400, status: 200, lookUp: false)
        let reloaded = OwnLookups(path: path)
        #expect(reloaded.entries.map(\.isLookUp) == [false])
        let call = OwnLookups.LoggedCall(id: "a", method: "GET", endpoint: "/platform/v1/whatsapp/messages", status: 200, time: "2026-11-21T12:00:00Z")
        #expect(reloaded.ownIDs(in: [call], host: host, answered: true).isEmpty)
        #expect(reloaded.kopsIDs(in: [call], host: host) == ["a"])
    }

    /// Requests never push a look-up out of the journal.
    @Test func requestsDoNotPushLookUpsOut() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-own-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.path + "/own-lookups"
        let host = "https://api.kapso.ai"
        let own = OwnLookups(path: path)
        own.note(method: "GET", host: host, path: "/platform/v1/whatsapp/messages/wamid.X1", time: 1_795_262_400)
        for index in 0..<5_001 {
            own.note(method: "GET", host: host, path: "/platform/v1/api_logs", time: 1_795_262_400 + Int64(index), status: 200, lookUp: false)
        }
        let reloaded = OwnLookups(path: path).entries
        #expect(reloaded.filter(\.isLookUp).count == 1)
        #expect(reloaded.count(where: { !$0.isLookUp }) <= 2_000 * 2)
    }

    /// P45-14: the bundle named the project "not set" unless PROJECT_ID was exported, though the API names it.
    @Test func bundleNamesTheProjectTheAPINames() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-bundle-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try await runDemo(["bundle \(folder.path)/b.md"])
        let bundle = try String(contentsOfFile: folder.path + "/b.md", encoding: .utf8)
        #expect(bundle.contains("- project: 5b0e7c1a-2f4d-4e8a-9c3b-7d6e5f4a3b21 (the project_id of the API key's webhooks)\n"), "\(bundle.prefix(800))")
        _ = try await runDemo(["bundle \(folder.path)/e.md"], number: nil, seed: .empty)
        let empty = try String(contentsOfFile: folder.path + "/e.md", encoding: .utf8)
        #expect(empty.contains("- project: unknown: the API names a key's project only in a webhook's project_id"), "\(empty.prefix(800))")
        #expect(empty.contains("set PROJECT_ID"))
    }
}
