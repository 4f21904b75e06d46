import Foundation
import KapsoSimulator
import KopsTestSupport
import Testing

/// tester48 F9, over loopback (`Seeds/tester48-react.seed.json`): R01 "your code is 1234" failed 131026 and the contact
/// reacted 👍 to it (R02); R03 failed 131000 and the contact replied quoting it (R04). Both reached the phone (a contact
/// can only quote or react to a message their phone has), yet `trace` and `message` said "failed … retry" / "do not retry
/// in a loop … ask the contact to update WhatsApp", which sends a duplicate. They now say it reached them; a failed send
/// nobody answered reads as before.
@Suite struct FailedThenSeenTests {
    static let seed = TestSeeds.path("tester48-react.seed.json")
    static let reacted = "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQBR01AAAAAAAAAAAAAAAAAAAA="
    static let quoted = "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQBR03AAAAAAAAAAAAAAAAAAAA="

    @Test func aFailedSendTheContactAnsweredIsNotToBeSentAgain() async throws {
        let runs = try await runDemo(
            ["trace \(Self.reacted)", "trace \(Self.quoted)", "message \(Self.reacted)", "message \(Self.quoted)"],
            number: "100200300400501", seed: .file(Self.seed), width: 300)
        #expect(runs.map(\.status) == [0, 0, 0, 0], "\(runs.map(\.err))")
        for (ran, code, how) in [(runs[0], "131026", "reacted to it"), (runs[1], "131000", "replied quoting it"),
                                 (runs[2], "131026", "reacted to it"), (runs[3], "131000", "replied quoting it")] {
            // `message` pads its field names, `trace` does not.
            let line = ran.out.split(separator: "\n").first { $0.hasPrefix("verdict:") }.map(String.init) ?? ""
            let verdict = "verdict: " + line.dropFirst(8).drop { $0 == " " }
            #expect(verdict.hasPrefix("verdict: a failed status (\(code)) was recorded, yet the contact \(how) at 2026-11-21T"), "\(ran.out)")
            #expect(verdict.contains("do not resend it"), "\(verdict)")
            #expect(!verdict.contains("retry;"), "\(verdict)")
        }
    }

    /// tester49 F5: `errors` (grouped and flat) said "retry" of R03 and `overview` counted both as failed sends: they read
    /// as `trace` reads them now, counted apart ("quoted or reacted to … reached them"), and no row says retry.
    @Test func errorsAndOverviewReadThemAsTraceDoes() async throws {
        let runs = try await runDemo(
            ["errors", "errors --flat", "overview"], number: "100200300400501", seed: .file(Self.seed), width: 400)
        for ran in runs[0...1] {
            // The meaning may go under its row: the whole page is read.
            #expect(ran.out.components(separatedBy: "was recorded, yet the contact").count == 3, "\(ran.out)")
            #expect(ran.out.components(separatedBy: "do not resend it").count == 3, "\(ran.out)")
            #expect(!ran.out.contains("retry"), "\(ran.out)")
        }
        #expect((runs[0].out + runs[0].err).contains("2 of them quoted or reacted to by the contact afterwards, so they reached them"),
            "\(runs[0].out)")
        let overview = runs[2].out
        #expect(!overview.contains("sends failed"), "\(overview)")
        #expect(overview.contains("no send failed; 2 recorded failed but quoted or reacted to by the contact afterwards: they reached "
            + "them (do not resend)"), "\(overview)")
    }
}
