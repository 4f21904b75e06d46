import KopsTestSupport
import Testing

/// Seed `y2-written-then-refused` (tester68b B5, B9, B10): each contact wrote at 2026-11-21T09:00Z, and a free-form send
/// to them at 10:30Z failed with 131047.
enum WrittenThenRefused {
    static let seed = TestSeeds.file("y2-written-then-refused.seed.json")
    static func wamid(_ tag: String) -> String { "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQB\(tag)AAAAAAAAAAAAAAAAAAAA=" }
    static func conversation(_ number: Int) -> String { "0a1b2c3d-0000-4000-8000-000000000\(number)" }
    /// Contact 14155550204; the refused send (E03) was later reported delivered (B5).
    static let deliveredAfterRefusal = (inbound: wamid("E02"), send: wamid("E03"), conversation: conversation(204))
    /// London Line (+44); contact 14155550205; `to: 4155550205` refused for 444155550205, the number Meta made (B10).
    static let madeAnother = (inbound: wamid("K02"), send: wamid("K03"), conversation: conversation(205))
    /// Support Line (+1); contact 14155550206; `to: 4155550206` refused for 14155550206, the contact's own (B9).
    static let madeContact = (inbound: wamid("L02"), send: wamid("L03"), conversation: conversation(206))
}

/// tester68b B10: from a +44 number, `to: 4155550205` was refused with 131047 for +444155550205, a number that never
/// wrote; main read it against the contact's open window ("the window Meta counts is not the one kops sees") and said
/// "send an approved template", which would go to the same stranger.
@Suite struct B10MadeNumberRefusalTests: PrintedLines {
    @Test func b10TheRefusalIsTheMadeNumbersNotTheContactsWindow() async throws {
        let runs = try await runDemo(["trace \(WrittenThenRefused.madeAnother.send)"], number: nil, seed: WrittenThenRefused.seed, width: 3000)
        let out = runs[0].out
        let verdict = Self.line("verdict:", in: out)
        #expect(verdict.contains("failed: 131047 because Meta sent it to +444155550205"), "\(verdict)")
        #expect(verdict.contains("not to the contact +14155550205 (the conversation's phone number)"), "\(verdict)")
        #expect(verdict.contains("resend it free-form to the contact's own number E.164 (+14155550205): their window is open until 2026-11-22T09:00:00Z"), "\(verdict)")
        #expect(!verdict.contains("a template still goes through"), "\(verdict)")
        let meaning = out.split(separator: "\n").first { $0.contains("meaning:") }.map(String.init) ?? ""
        #expect(meaning.contains("Meta refused a free-form message to +444155550205 as outside its 24-hour window"), "\(meaning)")
        #expect(!meaning.contains("the window Meta counts is not the one kops sees"), "\(meaning)")
        let fix = out.split(separator: "\n").first { $0.contains("fix:") }.map(String.init) ?? ""
        #expect(!fix.contains("send an approved template"), "\(fix)")
        #expect(fix.contains("+14155550205"), "\(fix)")
    }

    /// Its inbound's window is the contact's: a refusal of another number is not weighed against it (a guard; passes on main).
    @Test func b10TheContactsWindowIsNotClosedByIt() async throws {
        let runs = try await runDemo(
            ["trace \(WrittenThenRefused.madeAnother.inbound)", "conversation \(WrittenThenRefused.madeAnother.conversation)"], number: nil,
            seed: WrittenThenRefused.seed, width: 3000)
        #expect(Self.line("verdict:", in: runs[0].out).contains("free-form replies go through"), "\(runs[0].out)")
        #expect(!Self.line("window:", in: runs[1].out).contains("refused"), "\(runs[1].out)")
    }
}
