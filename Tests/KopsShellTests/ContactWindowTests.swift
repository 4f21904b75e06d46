import Foundation
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// The testers' window seed (probe finding F19): contact 14155550181 wrote at 10:00 in a conversation Kapso then
/// ended; at 11:00 a free-form text went out in a new conversation and was delivered; the clock is 12:00. Meta's
/// 24-hour window belongs to the (number, contact) pair, so it is open, whichever conversation holds the inbound.
@Suite struct ContactWindowTests {
    static let seed = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Seeds/window.seed.json").path
    static let sent = "wamid.HBgLMTQxNTU1NTAxODEVAgASGBRWMDJBQUFBQUFBQUFBQUFBQUFBQQA="

    private func run(_ lines: [String]) async throws -> (out: String, statuses: [KopsShell.ExitStatus]) {
        try await offPool {
            let fixture = try SimulatorFixture(seed: .file(Self.seed))
            let (shell, output) = try fixture.shell(phoneNumberID: "100200300400501")
            let statuses = lines.map { shell.run(line: $0) }
            return (output.combined, statuses)
        }
    }

    @Test func replyFindsTheWindowOpenFromAnInboundInAnEndedConversation() async throws {
        let ran = try await run(["reply --dry-run --to +14155550181 hello"])
        #expect(ran.statuses == [.ok])
        #expect(!ran.out.contains("never written"), "\(ran.out)")
        #expect(!ran.out.contains("template"), "no window-closed hint: \(ran.out)")
    }

    @Test func traceSaysTheWindowWasOpenForADeliveredFreeFormText() async throws {
        let ran = try await run(["trace \(Self.sent)"])
        #expect(ran.out.contains("window:       open when sent: last inbound 2026-11-21T10:00:00Z"), "\(ran.out)")
        #expect(!ran.out.contains("never written"))
    }

    @Test func conversationViewsShowThePairsWindowNotTheConversations() async throws {
        let ran = try await run(["conversation 0a1b2c3d-0000-4000-8000-0000000001a2", "conversations"])
        #expect(ran.out.contains("window:       open until 2026-11-22T10:00:00Z"), "\(ran.out)")
        let rows = ran.out.split(separator: "\n").filter { $0.contains("14155550181") && $0.contains("0a1b2c3d") }
        #expect(rows.count == 2 && rows.allSatisfy { $0.contains("open, ") }, "\(rows)")
        #expect(!ran.out.contains("never opened"))
    }
}
