import Foundation
import KopsShell
import KopsTestSupport
import Testing

/// Session 36, on the real-world message-shapes seed: Contact A's notice (H13, 10:12) moves them from 14155550171 to
/// 14155550173, and later sends to 14155550171 were delivered (H21) and read (H22, read at 10:16:05). A read proves that
/// whoever holds the old number read it, not that the contact did, so every command says both facts in the same words
/// and sends the user to the new number (`ContactWindow.Moved.reading`, `LaterReach.text`).
@Suite struct MovedNumberAgreementTests {
    /// The one phrase of the later read, as `LaterReach.text` says it.
    static let laterRead = "a message to +14155550171 after the notice was read at 2026-11-21T10:16:05Z: whoever holds "
        + "+14155550171 read it, not necessarily the contact"

    /// A: `trace` of the read send, `reply` to it, `errors` and `whois` of the old number: one reading, word for word,
    /// each naming the move and the new number (before: `errors` and `whois` read the read as the contact still there).
    @Test func aReadSendToTheOldNumberIsReadAlikeByTraceReplyErrorsAndWhois() async throws {
        let runs = try await runCases([
            "trace \(caseID("H22"))", "reply --message \(caseID("H22")) hi", "errors --output expanded", "whois 14155550171",
        ])
        let outputs = runs.map { $0.out + $0.err }
        for (name, output) in zip(["trace", "reply", "errors", "whois"], outputs) {
            #expect(output.contains(Self.laterRead), "\(name): \(output)")
            #expect(output.contains("changed their number to +14155550173 at 2026-11-21T10:12:00Z (user_changed_number)"), "\(name): \(output)")
            #expect(output.contains("reply --to +14155550173"), "\(name): \(output)")
            #expect(!output.contains("so this number is no longer theirs"), "\(name): \(output)")
        }
        // `trace` does not say the contact read it.
        #expect(!outputs[0].contains("read by the contact"), "\(outputs[0])")
        #expect(outputs[0].contains("\nverdict: read 5 s after sending, by whoever holds +14155550171, not necessarily the contact: "), "\(outputs[0])")
        // `reply` does not send to the old number without --force.
        #expect(runs[1].status == 1 && runs[1].err.contains("reply: not sent: "), "\(outputs[1])")
        #expect(!runs[1].out.contains("sent wamid."), "\(outputs[1])")
    }

    /// A, the failed send: H20's 131026 (10:14, after the notice) is read as the move in `trace` and `errors` alike, with
    /// the later read beside it instead of "most likely no longer theirs"; H21's own later delivery contradicts its 131026,
    /// so that one is not blamed on the move (P32-2).
    @Test func aFailureAfterTheNoticeNamesTheLaterReadInTraceAndErrors() async throws {
        let runs = try await runCases(["trace \(caseID("H20"))", "errors --flat --output expanded"])
        let verdict = runs[0].out.split(separator: "\n").first { $0.hasPrefix("verdict: ") }.map(String.init) ?? ""
        #expect(verdict.contains("131026") && verdict.contains(Self.laterRead) && verdict.contains("do not retry to +14155550171"), "\(runs[0].out)")
        #expect(runs[1].out.contains("after the contact changed their number to +14155550173 at 2026-11-21T10:12:00Z (user_changed_number); "
            + Self.laterRead), "\(runs[1].out)")
        for run in runs { #expect(!run.out.contains("most likely no longer theirs"), "\(run.out)") }
    }

    /// B: a message the contact wrote before the notice (H01): `trace` no longer says "free-form replies go through" while
    /// `reply` to it refuses; both name the new number, in the same words.
    @Test func traceOfAMessageBeforeTheNoticeSaysWhatReplyWillDo() async throws {
        let runs = try await runCases(["trace \(caseID("H01"))", "reply --message \(caseID("H01")) hi"])
        let trace = runs[0].out
        #expect(!trace.contains("free-form replies go through"), "\(trace)")
        #expect(runs[1].status == 1 && runs[1].err.contains("reply: not sent: "), "\(runs[1].out)\(runs[1].err)")
        let refusal = "'reply' to this number refuses without --force: the contact changed their number to +14155550173"
        let verdict = trace.split(separator: "\n").first { $0.hasPrefix("verdict: ") }.map(String.init) ?? ""
        let window = trace.split(separator: "\n").first { $0.hasPrefix("window: ") }.map(String.init) ?? ""
        #expect(verdict.contains(refusal) && window.contains(refusal), "\(trace)")
        // The move `trace` names is the one `reply` refuses with, word for word.
        let moved = "the contact changed their number to +14155550173 at 2026-11-21T10:12:00Z (user_changed_number); " + Self.laterRead
        #expect(trace.contains(moved) && runs[1].err.contains(moved), "\(trace)\(runs[1].err)")
    }
}
