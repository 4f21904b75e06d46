import Foundation
import KapsoSimulator
import KopsTestSupport
import Testing

/// tester69 C5: K02 edits K01 ("Where is my parcel #4411?"), then K03 revokes K01. `messages` hid both rows' content as
/// withdrawn and `message K01` said "deleted: … delete any copy of it", but `message K02` and `trace K02` showed the
/// edit's text as current content with no note. Seed: the tester's (mk1.py).
@Suite struct C5EditOfWithdrawnMessageTests {
    static let seed = TestSeeds.file("c5-edit-of-withdrawn.seed.json")
    static let edit = "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQBK02AAAAAAAAAAAAAAAAAAAA="

    @Test func anEditsViewSaysTheMessageItEditsWasWithdrawn() async throws {
        let ran = try await runDemo(["message \(Self.edit)", "trace \(Self.edit)"], number: "100200300400501", seed: Self.seed, width: 300)
        for out in [ran[0].out, ran[1].out] {
            #expect(out.contains("deleted:"), "\(out)")
            #expect(out.contains("(revoke of the message this edits): the content above is withdrawn with it, not current; delete any copy of it"), "\(out)")
        }
    }

    @Test func theWithdrawnOriginalKeepsItsOwnLine() async throws {
        let ran = try await runDemo(["message wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQBK01AAAAAAAAAAAAAAAAAAAA="], number: "100200300400501", seed: Self.seed, width: 300)
        #expect(ran[0].out.contains("(revoke): the content above is withdrawn, not current; delete any copy of it"), "\(ran[0].out)")
        #expect(!ran[0].out.contains("revoke of the message this edits"), "\(ran[0].out)")
    }
}
