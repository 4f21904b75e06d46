import Foundation
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// The testers' window seed (probe finding F19): contact 14155550181 wrote at 10:00 in a conversation Kapso then
/// ended; at 11:00 a free-form text went out in a new conversation and was delivered; the clock is 12:00. Meta's
/// 24-hour window belongs to the (number, contact) pair, so it is open, whichever conversation holds the inbound.
@Suite struct ContactWindowTests {
    static let seed = TestSeeds.path("window.seed.json")
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

    /// Kapso's `last_inbound_at` is null (probe3 F2) or the whole `kapso` block is: the inbound message kops just
    /// showed is the evidence, so the window is open and `reply` sends; never "has never written".
    @Test(arguments: [
        ("wamid.HBgLMTQxNTU1NTAxODIVAgASGBRXMDJBQUFBQUFBQUFBQUFBQUFBQQA=", "0a1b2c3d-0000-4000-8000-0000000001b2"),
        ("wamid.HBgLMTQxNTU1NTAxODMVAgASGBRXMDNBQUFBQUFBQUFBQUFBQUFBQQA=", "0a1b2c3d-0000-4000-8000-0000000001b3"),
    ])
    func aNullSummaryDoesNotHideTheInboundMessage(_ wamid: String, _ conversation: String) async throws {
        let ran = try await run(["message \(wamid)", "reply --dry-run hello", "conversation \(conversation)"])
        #expect(ran.statuses == [.ok, .ok, .ok])
        #expect(!ran.out.contains("never"), "\(ran.out)")
        #expect(!ran.out.contains("template"), "no window-closed hint: \(ran.out)")
        #expect(ran.out.contains("last inbound: 2026-11-21T10:00:00Z"), "\(ran.out)")
        #expect(ran.out.contains("window:       open until 2026-11-22T10:00:00Z"), "\(ran.out)")
    }

    @Test func replyByNumberReadsTheContactsInboundMessages() async throws {
        let ran = try await run(["reply --dry-run --to +14155550182 hello", "reply --dry-run --to +14155550183 hello"])
        #expect(ran.statuses == [.ok, .ok])
        #expect(!ran.out.contains("never") && !ran.out.contains("template"), "\(ran.out)")
    }

    /// Evidence that the contact has not written (their messages listed, none inbound) still refuses, saying what
    /// was read rather than "never".
    @Test func noInboundAmongTheContactsMessagesRefusesWithWhatWasRead() async throws {
        let ran = try await run(["reply --to +14155550184 hello", "conversation 0a1b2c3d-0000-4000-8000-0000000001b4"])
        #expect(ran.statuses == [.failure, .ok])
        #expect(ran.out.contains("reply: no inbound message from Only Templates (14155550184) to this number was found"), "\(ran.out)")
        #expect(ran.out.contains("window:       closed: no inbound message from the contact to this number was found"), "\(ran.out)")
        #expect(!ran.out.contains("never"), "\(ran.out)")
    }

    /// A null `last_inbound_at` is "not reported": the table reads the number's inbound messages, as `conversation ID`
    /// does (probe14 P14-1), so contact 182's message of 10:00 shows the window open; the number's inbound messages,
    /// read to their end, hold none of contact 184's: closed, as the detail says, never "never opened".
    @Test func theTableReadsTheMessagesForANullSummary() async throws {
        let ran = try await run(["conversations"])
        let rows = ran.out.split(separator: "\n")
        #expect(rows.filter { $0.contains("14155550182") }.allSatisfy { $0.hasSuffix("open, 22 h left") }, "\(ran.out)")
        #expect(rows.filter { $0.contains("14155550184") }.allSatisfy { $0.hasSuffix("closed: no inbound") }, "\(ran.out)")
        #expect(rows.contains { $0.contains("14155550182") } && rows.contains { $0.contains("14155550184") }, "\(ran.out)")
        #expect(!ran.out.contains("never opened"))
    }

    /// Tracing an older inbound message (the one a ticket quotes) judges the contact's window, not that message's
    /// own (probe3 F21): the contact wrote again at 10:00, so free-form replies go through.
    @Test func traceOfAnOlderInboundSaysTheContactWroteAgain() async throws {
        let ran = try await run(["trace wamid.HBgLMTQxNTU1NTAxODEVAgASGBRPTERBQUFBQUFBQUFBQUFBQUFBQQA="])
        #expect(
            ran.out.contains(
                "window:       opened by this message until 2026-11-21T06:00:00Z; the contact wrote again at 2026-11-21T10:00:00Z: "
                    + "open until 2026-11-22T10:00:00Z (open now)"), "\(ran.out)")
        #expect(
            ran.out.hasSuffix(
                "verdict: received; the contact wrote again at 2026-11-21T10:00:00Z, so the 24-hour window is open for 22 h more: "
                    + "free-form replies go through\n"), "\(ran.out)")
        #expect(!ran.out.contains("reply with an approved template"))
    }
}
