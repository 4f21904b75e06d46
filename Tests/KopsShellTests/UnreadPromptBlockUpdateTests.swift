import Foundation
import KopsShell
import KopsTestSupport
import Testing

/// tester47 F12: a ```` ```kops ```` block whose first line is no prompt (`kops> whois …`, `$ kops messages`, an empty
/// one), added by hand, was dropped by `kops check --update` (only the `~` backup had it) while kops asked to make it
/// readable; in a hand-written file the diff named such blocks "(in the header)". Such a block is text kept as written,
/// wherever it stands: between blocks, before the first one, after the last one.
@Suite struct UnreadPromptBlockUpdateTests {
    static let hand = "Note from Jane: the failing one is Lee's.\n\n```kops\nkops> whois 14155550157\n```\n\n"

    /// A recording of `lines` (with clock lines), then `edit` of it; the replay of the edited text on a fresh shell.
    static func replayed(edit: @escaping @Sendable (String) throws -> String) async throws -> (recorded: String, edited: String, outcome: TranscriptChecker.Outcome) {
        let lines = ["use 100200300400501", "explain 131047", "state"]
        return try await withSimulator { fixture in
            let (shell, _) = try fixture.shell()
            shell.context.simulatorClock = { 1_795_000_000_000_000 }
            let recorder = try TranscriptRecorder(
                header: TranscriptHeader(context: shell.context, keepPII: true), destination: .memory, context: shell.context)
            shell.recorder = recorder
            for line in lines { shell.run(line: line) }
            let recorded = recorder.text
            let edited = try edit(recorded)
            let (fresh, _) = try fixture.shell()
            fresh.context.simulatorClock = { 1_795_000_000_000_000 }
            return (recorded, edited, try TranscriptChecker(expected: edited, path: "t.md").replay(on: fresh))
        }
    }

    /// `text` with the first output line of `explain` changed, so an update is due before the hand block.
    static func changed(_ text: String) throws -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let prompt = try #require(lines.firstIndex { $0.hasSuffix("> explain 131047") })
        lines[prompt + 1] += " (edited)"
        return lines.joined(separator: "\n")
    }

    /// `text` with `block` put above the clock line of the block whose prompt ends with `command`, or at the end.
    static func inserting(_ block: String, before command: String?, in text: String) throws -> String {
        guard let command else { return text + "\n" + block }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let prompt = try #require(lines.firstIndex { $0.hasSuffix("> " + command) })
        let clock = try #require(lines[..<prompt].lastIndex { $0.hasPrefix("<!-- clock: ") })
        lines.insert(String(block.dropLast()), at: clock)
        return lines.joined(separator: "\n")
    }

    @Test(arguments: [
        (hand, "state" as String?),
        ("```kops\n$ kops messages --limit 1\n```\n\n", "state"),
        ("```kops\n```\n\n", "state"),
        (hand, nil),
    ])
    func aBlockWithoutAPromptIsKeptAsWritten(_ block: String, _ before: String?) async throws {
        let run = try await Self.replayed { try Self.inserting(block, before: before, in: Self.changed($0)) }
        #expect(run.outcome.unreadBlocks.count == 1)
        // What --update writes: the recording with the hand block where it was, the edited line renewed.
        let expected = try Self.inserting(block, before: before, in: run.recorded)
        #expect(run.outcome.updated == expected, "\(LineDiff.lines(expected: expected, actual: run.outcome.updated))")
        // The only difference the check names is the edited line, not the hand block's lines.
        #expect(run.outcome.diff.filter { $0.hasPrefix("-") || $0.hasPrefix("+") }.count == 2, "\(run.outcome.diff)")
    }

    /// A file written by hand, only its title line and blocks kops cannot read: kept whole, nothing named in the header.
    @Test func aHandWrittenFileOfUnreadBlocksIsKeptWhole() async throws {
        let text = "# kops transcript\n\n```kops\nkops> whois 14155550157\n```\n\nthen:\n\n```kops\n$ kops messages\n```\n"
        let outcome = try await withSimulator { fixture in
            let (fresh, _) = try fixture.shell()
            return try TranscriptChecker(expected: text, path: "h.md").replay(on: fresh)
        }
        #expect(outcome.unreadBlocks.map(\.line) == [3, 9])
        #expect(outcome.updated == text)
        #expect(outcome.diff.isEmpty, "\(outcome.diff)")
    }

    @Test func theParserKeepsAnUnreadBlockInTheNextLeadOrTheTrailer() {
        let text = "# kops transcript\n\n- profile: default\n\n```kops\nkops(default)> state\nout\n```\n\n" + Self.hand
            + "```kops\nkops(default)> health\n```\n\n```kops\n```\n"
        let parsed = TranscriptParser(text)
        #expect(parsed.commands.map(\.command) == ["state", "health"])
        #expect(parsed.commands.last?.lead == Self.hand)
        #expect(parsed.trailer == "```kops\n```\n")
    }
}
