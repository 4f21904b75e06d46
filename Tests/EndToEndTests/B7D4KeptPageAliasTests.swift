import Foundation
import KopsTestSupport
import Testing

/// tester68b B7 without tester69b D4: `messages --limit 2`, `record F`, `next`, … — the first `next` continues a list made
/// before the recording and is kept as recorded; its values are met by the replay only on later lines, which gave them
/// new aliases (`<contact 2>` for the page's `<contact 1>`): an unchanged session failed its check. The fix backed out
/// last session accepted any renaming after such a page, so a later `next` listing ANOTHER message checked "output
/// unchanged" (D4). Now the restore file holds a salted hash of each alias's value, and the replay gives a kept page's
/// alias back only to the value it stood for.
@Suite struct B7D4KeptPageAliasTests {
    static let session = ["messages --limit 2", "record FILE", "next", "messages --limit 2", "next", "record stop"]
    /// The demo's message that opens the kept page (the second of its newest).
    static let keptFirst = "wamid.HBgXVVMuNDgyMTA5Mzc1NjEwMjkzODQ3NTYVAgASGBQ0RDQxNTI1MzQ5NTM0RjRDMzAzMQA="

    /// The distinct aliases of one kind in a text.
    static func aliases(_ kind: String, in text: String) -> Set<String> {
        Set(text.matches(of: /<(contact|message|body) \d+>/).map { String($0.output.0) }.filter { $0.hasPrefix("<" + kind + " ") })
    }

    /// The lines of a check's diff.
    static func changed(_ run: PreRecordSessions) -> [Substring] {
        run.check.stdout.split(separator: "\n").filter { $0.hasPrefix("-") || $0.hasPrefix("+") }
    }

    @Test func anUnchangedSessionChecksClean() async throws {
        let run = try await PreRecordSessions.run(Self.session)
        #expect(Self.aliases("contact", in: run.transcript).count == 1, "\(run.said)")
        #expect(run.check.status == 0 && run.check.stderr.contains("output unchanged"), "\(run.said)")
        #expect(run.check.stderr.contains("not replayed: 'next': it continues a list made before the recording"), "\(run.said)")
        #expect(run.updated == run.transcript, "\(run.said)")
    }

    /// The kept page's message named by a later line (`message WAMID`, `trace`): the typed line and its output keep the
    /// page's alias.
    @Test func aLaterLineNamingAKeptValueChecksClean() async throws {
        let run = try await PreRecordSessions.run([
            "messages --limit 2", "record FILE", "next", "message \(Self.keptFirst)", "trace", "messages --limit 2", "next",
            "record stop",
        ])
        #expect(run.transcript.contains("> message <message 1>\n"), "\(run.said)")
        #expect(Self.changed(run).isEmpty, "\(run.said)")
        #expect(run.check.stderr.contains("output unchanged"), "\(run.said)")
        #expect(run.updated == run.transcript, "\(run.said)")
    }

    /// `capture` after the kept page: the lines that use the captured value are kept, and nothing else differs.
    @Test func aCaptureAfterTheKeptPageShowsNoChange() async throws {
        let run = try await PreRecordSessions.run([
            "messages --limit 2", "record FILE", "next", "capture .data[0].id as M", "message ${M}", "messages --limit 2",
            "next", "assert .data[0].id == ${M}", "record stop",
        ])
        #expect(Self.changed(run).isEmpty, "\(run.said)")
        #expect(run.check.stderr.contains("output unchanged"), "\(run.said)")
    }

    /// The data changed: the later `next` lists another message (other WAMID, other text) where the kept page had K14.
    /// The check fails on that row, and `--update` gives the new message a new alias, never the kept page's.
    @Test func aSwappedMessageStillFails() async throws {
        let lines = ["use 100200300400501"] + Self.session
        let seed = TestSeeds.path("c5-edit-of-withdrawn.seed.json")
        let same = try await PreRecordSessions.run(lines, seed: seed)
        #expect(same.check.status == 0 && same.check.stderr.contains("output unchanged"), "\(same.said)")
        let run = try await PreRecordSessions.run(lines, seed: seed, checkSeed: TestSeeds.path("c5-swapK14.seed.json"))
        #expect(run.check.status == 1, "\(run.said)")
        let changed = Self.changed(run)
        #expect(changed.contains { $0.hasPrefix("-") && $0.contains("<message 2>") }, "\(run.said)")
        #expect(changed.allSatisfy { !$0.hasPrefix("+") || !$0.contains("<message 2>") }, "\(run.said)")
        // After --update, <message 2> is the kept page's K14 alone.
        let blocks = run.updated.components(separatedBy: "```kops")
        #expect(blocks.count >= 4 && !blocks[2...].joined().contains("<message 2>"), "\(run.updated)")
    }
}
