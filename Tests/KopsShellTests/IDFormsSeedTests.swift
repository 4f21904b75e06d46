import Foundation
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// Ids as Kapso stored them or as they were mangled on their way (probe9 P9-19, P9-21), on `Tests/Seeds/ids.seed.json`:
/// probe9's `odd` seed (one outbound message whose stored id is not padded to a multiple of 4) and contacts 73 and 77 of
/// its `p9` seed.
@Suite struct IDFormsSeedTests {
    static var seed: SimulatorSeed { TestSeeds.file("ids.seed.json") }

    /// Stored with one `=` where base64 needs two.
    static let oddID = "wamid.HBgLMTQxNTU1NTAx72VAgASGBQBQ02AAAAAAAAAAAAAAAAAAAA="
    /// Contact 77's first message, which a later edit names.
    static let padded = "wamid.HBgLMTQxNTU1NTAxNzcVAgASGBQBUDAxAAAAAAAAAAAAAAAAAAA="

    func run(_ lines: [String]) async throws -> [Ran] {
        try await runDemo(lines, number: "100200300400501", seed: Self.seed)
    }

    /// P9-19: the id `messages` lists is found as listed by `message` and `trace`.
    @Test func anIDAsListedIsFoundAsListed() async throws {
        let runs = try await run(["messages", "message \(Self.oddID)", "trace \(Self.oddID)"])
        #expect(runs[0].out.contains(Self.oddID), "\(runs[0].out)")
        #expect(runs.map(\.status) == [0, 0, 0], "\(runs.map(\.err))")
        #expect(runs[1].out.hasPrefix("id:           \(Self.oddID)\n"), "\(runs[1].out)")
        #expect(runs[2].out.hasPrefix("message:      \(Self.oddID)\n"), "\(runs[2].out)")
        for run in runs { #expect(!run.err.contains("padding"), "\(run.err)") }
    }

    /// A padded id typed without its `=` is asked as typed, then found padded, and says so.
    @Test func aRepairedIDSaysItWasRepaired() async throws {
        let typed = String(Self.padded.dropLast())
        let runs = try await run(["message \(typed)", "trace \(typed)"])
        #expect(runs.map(\.status) == [0, 0], "\(runs.map(\.err))")
        for run in runs {
            #expect(run.err.contains("\(typed) was not found as typed; found with the '=' padding put back: \(Self.padded)"), "\(run.err)")
        }
    }

    /// P9-14: the message a contact later edited or deleted says so in `message` and `trace`, with the edit's text.
    @Test func anEditedOrDeletedMessageSaysSo() async throws {
        let deleted = "wamid.HBgLMTQxNTU1NTAxNzMVAgASGBQBUDAxAAAAAAAAAAAAAAAAAAA="
        let runs = try await run(["message \(Self.padded)", "trace \(Self.padded)", "message \(deleted)", "trace \(deleted)"])
        #expect(runs.map(\.status) == [0, 0, 0, 0], "\(runs.map(\.err))")
        for run in runs.prefix(2) {
            #expect(run.out.contains("content:      Order 77 to Main St\n"), "\(run.out)")
            #expect(run.out.contains("edited:       at 2026-11-20T10:00:00Z to: Order 77 to Oak St\n"), "\(run.out)")
        }
        // The edit is not the contact writing again (WindowEvidence): trace's verdict does not count it.
        #expect(!runs[1].out.contains("wrote again at 2026-11-20T10:00:00Z"), "\(runs[1].out)")
        for run in runs.suffix(2) {
            #expect(run.out.contains("deleted:      by the contact at 2026-11-21T11:00:00Z (revoke): the content above is withdrawn"), "\(run.out)")
        }
    }

    /// P9-21: a lower-cased WAMID is named as such, not only "not found".
    @Test func aLowerCasedIDIsNamed() async throws {
        let runs = try await run(["message \(Self.padded.lowercased())", "trace \(Self.padded.lowercased())"])
        for run in runs {
            #expect(run.status == 1)
            #expect(run.err.contains("it looks lower-cased (its base64 has no capital letter), and WAMIDs are case-sensitive base64"), "\(run.err)")
        }
    }

    /// P9-21: a spreadsheet's scientific notation of a phone-number id, in `use`.
    @Test func aNumberInScientificNotationIsNamed() async throws {
        let runs = try await run(["use 1.002003004005e14", "use 1.00200300400501E+14"])
        #expect(runs[0].err.contains("a number in scientific notation, as a spreadsheet shows a long number: only 13 of the 15 digits"), "\(runs[0].err)")
        #expect(!runs[0].err.contains("100200300400500"), "\(runs[0].err)")
        #expect(runs[1].err.contains("it is 100200300400501 (every digit shown); use 100200300400501"), "\(runs[1].err)")
    }
}
