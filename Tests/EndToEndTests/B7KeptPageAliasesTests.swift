import Foundation
import KopsTestSupport
import Testing

/// tester68b B7: `messages --limit 2`, `record F`, `next`, `messages --limit 2`, `next`, `record stop`: the first `next`
/// continues a list made before the recording and is kept as recorded, but the replay never met the values it aliased,
/// so the later lines showed `<contact 2>` for its `<contact 1>` and `<message 5>` for its `<message 1>`: "output
/// changed" although nothing had, and `check --update` wrote one contact and one message under two aliases each.
@Suite struct B7KeptPageAliasesTests {
    static let session = ["messages --limit 2", "record FILE", "next", "messages --limit 2", "next", "record stop"]

    /// The distinct aliases of one kind in a transcript's blocks.
    static func aliases(_ kind: String, in text: String) -> Set<String> {
        Set(text.matches(of: /<(contact|message|body) \d+>/).map { String($0.output.0) }.filter { $0.hasPrefix("<" + kind + " ") })
    }

    @Test func anUnchangedSessionChecksClean() async throws {
        let run = try await PreRecordSessions.run(Self.session)
        // The recording itself names one contact and four messages.
        #expect(Self.aliases("contact", in: run.transcript).count == 1, "\(run.said)")
        #expect(Self.aliases("message", in: run.transcript).count == 4, "\(run.said)")
        #expect(run.check.status == 0 && run.check.stderr.contains("output unchanged"), "\(run.said)")
        #expect(!run.check.stdout.contains("<contact 2>"), "\(run.said)")
        #expect(run.check.stderr.contains("not replayed: 'next': it continues a list made before the recording"), "\(run.said)")
        #expect(run.updated == run.transcript, "\(run.said)")
    }

    /// A real change in a later line still fails, and `--update` writes the replay with one alias per value.
    @Test func aRealChangeStillFailsAndUpdateKeepsOneAliasPerValue() async throws {
        let run = try await PreRecordSessions.run(Self.session) { text in
            // The later `messages` page's first row, as if its status had changed since.
            guard let row = text.range(of: "in   text  delivered  <contact 1>  <body 3>") else { return text }
            return text.replacingCharacters(in: row, with: "in   text  read       <contact 1>  <body 3>")
        }
        #expect(run.transcript.contains("read       <contact 1>  <body 3>"), "\(run.said)")
        #expect(run.check.status == 1, "\(run.said)")
        let changed = run.check.stdout.split(separator: "\n").filter { $0.hasPrefix("-") || $0.hasPrefix("+") }
        #expect(changed.count == 2 && changed.allSatisfy { $0.contains("<body 3>") }, "\(run.said)")
        #expect(Self.aliases("contact", in: run.updated) == ["<contact 1>"], "\(run.said)")
        #expect(Self.aliases("message", in: run.updated).count == 4, "\(run.said)")
        #expect(Self.aliases("body", in: run.updated).count == 4, "\(run.said)")
    }
}
