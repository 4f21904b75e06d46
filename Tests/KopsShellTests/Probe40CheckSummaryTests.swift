import Foundation
import KopsShell
import KopsTestSupport
import Testing

/// probe40 P40-11: `kops check` named nine lines "not replayed" and its summary counted "1 write was not sent" alone;
/// and a variable set before `record` started showed as a change in a replayed `set` listing, offered for `--update`.
@Suite struct Probe40CheckSummaryTests {
    static let webhook = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"

    /// `before` run, then `lines` recorded (personal data masked), on a fresh simulator with writes allowed.
    private func record(_ lines: [String], before: [String] = []) async throws -> String {
        try await withSimulator { fixture in
            let (shell, _) = try fixture.shell()
            shell.readOnly = false
            for line in before { shell.run(line: line) }
            let recorder = try TranscriptRecorder(
                header: TranscriptHeader(context: shell.context), destination: .memory, context: shell.context)
            shell.recorder = recorder
            for line in lines { shell.run(line: line) }
            return recorder.text
        }
    }

    private func check(_ transcript: String, allowWrites: Bool) async throws -> TranscriptChecker.Outcome {
        try await withSimulator { fixture in
            try TranscriptChecker(expected: transcript, path: "s.md").replay(on: try fixture.shell().shell, allowWrites: allowWrites)
        }
    }

    /// The tester's session: every line not replayed is counted, by why; with writes sent, the write is one of them.
    @Test(arguments: [false, true]) func everyLineNotReplayedIsCountedByWhy(allowWrites: Bool) async throws {
        let transcript = try await record(
            [
                "set hooksecret whsec_9f8e7d6c5b4a39281706", "set stripe sk_live_51Hx7YqLkjdE3nT0pQwErTy",
                "set ghtoken ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8", "set", "use 100200300400501",
                "webhooks update \(Self.webhook) --secret-key whsec_9f8e7d6c5b4a39281706",
                "verify --secret whsec_9f8e7d6c5b4a39281706 --body {\"a\":1} --signature 00",
                "explain EAAGm0PX4ZCpsBAKZB7mZCxZAxZBkZD", "whois EAAGm0PX4ZCpsBAKZB7mZCxZAxZBkZD",
                "whois sk_live_51Hx7YqLkjdE3nT0pQwErTy", "messages --phone-number ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8",
            ], before: ["set on_error continue"])
        #expect(transcript.contains("> webhooks update \(Self.webhook) --secret-key <redacted>\nupdated webhook"), "\(transcript)")
        let outcome = try await check(transcript, allowWrites: allowWrites)
        #expect(outcome.commands == 11)
        #expect(outcome.notReplayedLine == "9 of 11 commands were not replayed (1 write, 8 with redacted values)")
        #expect(outcome.notReplayedNote == "; 9 of them were not replayed (1 write, 8 with redacted values)")
        // `on_error` was set before the recording started: the `set` listing shows it as recorded, no change to offer.
        #expect(outcome.diff.isEmpty, "\(outcome.diff.joined(separator: "\n"))")
        #expect(!outcome.updateChanges)
    }

    /// The listing still shows a real difference: a variable the replay set to another value than the recording did.
    @Test func aSetListingStillShowsAValueTheReplayChanged() async throws {
        let transcript = try await record(["set greeting hello", "set"], before: ["set on_error continue"])
        let edited = transcript.replacingOccurrences(of: "> set greeting hello\n", with: "> set greeting howdy\n")
        #expect(edited != transcript)
        let outcome = try await check(edited, allowWrites: false)
        #expect(outcome.diff.contains("-greeting: hello") && outcome.diff.contains("+greeting: howdy"), "\(outcome.diff)")
        #expect(!outcome.diff.contains { $0.contains("on_error") }, "\(outcome.diff)")
        #expect(outcome.notReplayedLine == nil)
    }

    /// Nothing skipped, nothing counted.
    @Test func aWholeReplayCountsNothing() async throws {
        let outcome = try await check(try await record(["explain 131047"]), allowWrites: false)
        #expect(outcome.notReplayed == nil && outcome.notReplayedNote.isEmpty)
    }
}
