import Foundation
import KopsShell
import KopsTestSupport
import Testing

/// probe25 P25-10: a recorded `profile use` refused the whole transcript, though the recording's warning promised the
/// blocks before it would be checked, and a failed or repeated one (which changed no host or key) did too. Now `check`
/// replays up to a switch and keeps the rest as recorded, saying so; a failed one and the profile in use selected again
/// replay past.
@Suite struct ProfileUseCheckTests {
    /// A `numbers` block whose output says something the API never does: replayed, it differs.
    private func tampered(_ block: String) -> String {
        block.replacingOccurrences(of: "Sales Line", with: "Sales Lime")
    }

    private func check(_ transcript: String) async throws -> TranscriptChecker.Outcome {
        try await withSimulator { fixture in
            let (shell, _) = try fixture.shell()
            return try TranscriptChecker(expected: transcript, path: "t.md").replay(on: shell)
        }
    }

    private func page() async throws -> (transcript: String, numbers: String, host: String) {
        let page = try await recordPage(["numbers"], keepPII: true)
        let parsed = TranscriptParser(page.transcript)
        let numbers = try #require(parsed.commands.first).block
        return (page.transcript, numbers, parsed.header.host)
    }

    @Test func aSwitchStopsTheReplayAfterTheBlocksBeforeIt() async throws {
        let (transcript, numbers, _) = try await page()
        let switched = "```kops\nkops(default:…0501)> profile use staging\nusing profile staging (https://staging.example) for this session\n```\n"
        // The block before the switch is tampered with: replayed, it shows a difference; the one after is not compared.
        let text = tampered(transcript) + "\n" + switched + "\n" + tampered(numbers)
        let outcome = try await check(text)
        let stop = try #require(outcome.stoppedAt)
        #expect(stop.command == "profile use staging")
        #expect(stop.after == 1)
        #expect(stop.reason.contains("switches from profile default to staging"), "\(stop.reason)")
        #expect(outcome.diff.contains { $0.hasPrefix("@@ line ") && $0.hasSuffix("(in 'numbers')") }, "\(outcome.diff)")
        let hunks = outcome.diff.filter { $0.hasPrefix("@@ line ") }.compactMap { Int($0.dropFirst(8).prefix { $0.isNumber }) }
        #expect(!hunks.isEmpty && hunks.allSatisfy { $0 < stop.line }, "only the block before the switch differs: \(outcome.diff)")
        #expect(outcome.actual.hasSuffix(switched + "\n" + tampered(numbers)), "kept as recorded")
    }

    @Test func aFailedProfileUseIsKeptAndTheReplayGoesOn() async throws {
        let (transcript, numbers, _) = try await page()
        let failed = "```kops\nkops(default:…0501)> profile use prdo\nerror: unknown profile 'prdo'; profiles: prod\n```\n"
        let outcome = try await check(transcript + "\n" + failed + "\n" + tampered(numbers))
        #expect(outcome.stoppedAt == nil)
        #expect(outcome.keptAsRecorded.map(\.command) == ["profile use prdo"])
        #expect(outcome.keptAsRecorded.first?.reason == "it failed when recorded, so it changed nothing")
        #expect(outcome.diff.contains { $0.hasSuffix("(in 'numbers')") }, "the block after it was replayed: \(outcome.diff)")
    }

    @Test func theProfileInUseSelectedAgainOnTheSameAPIReplaysPastIt() async throws {
        let (transcript, numbers, host) = try await page()
        // The header says the session's number came from profile default: selecting it again selects that number.
        let sourced = transcript.replacingOccurrences(
            of: "- personal data:", with: "- sources: phone_number_id=profile default\n- personal data:")
        let again = "```kops\nkops(default:…0501)> profile use default\nusing profile default (http://\(host)) for this session\n```\n"
        let state = "```kops\nkops(default:…0501)> state\n```\n"
        let outcome = try await check(sourced + "\n" + again + "\n" + tampered(numbers) + "\n" + state)
        #expect(outcome.stoppedAt == nil, "\(String(describing: outcome.stoppedAt))")
        #expect(outcome.keptAsRecorded.first?.reason.contains("selected profile default again") == true)
        #expect(outcome.diff.contains { $0.hasSuffix("(in 'numbers')") }, "replayed past it: \(outcome.diff)")
        // Its reset redone: the number is the profile's, from the profile (as `state` shows).
        #expect(outcome.actual.contains("phone_number_id:      100200300400501  (profile default)"), "\(outcome.actual)")
    }
}
