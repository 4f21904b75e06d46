import Foundation
import KopsShell
import KopsTestSupport
import Testing

/// probe33 P33-3: every `kops check --update` added one more blank line after the user's prose at the end of a
/// transcript: the parser read the empty piece after the file's last newline as a trailer line. The text after the
/// last block is kept byte for byte, so updating twice gives the same file.
@Suite struct CheckUpdateTrailerTests {
    /// `explain 131047` recorded on an offline shell (it sends nothing), personal data kept.
    private static func recorded() throws -> String {
        let offline = OfflineShell()
        let recorder = try TranscriptRecorder(
            header: TranscriptHeader(context: offline.shell.context, keepPII: true), destination: .memory,
            context: offline.shell.context)
        offline.shell.recorder = recorder
        offline.shell.run(line: "explain 131047")
        return recorder.text
    }

    /// What `--update` writes for `text` with one output line edited: the replay's text.
    private static func updated(_ text: String) throws -> TranscriptChecker.Outcome {
        let edited = text.replacingOccurrences(of: "\nretry:", with: "\nretry (edited):")
        #expect(edited != text)
        return try TranscriptChecker(expected: edited).replay(on: OfflineShell().shell)
    }

    @Test(arguments: [
        "\nTrailing prose by the user.\n", "\nTrailing prose, no newline at the end.",
        "\nProse\n\nwith a blank line and two after it\n\n\n", "Prose right after the blank line.\n",
    ])
    func updatingTwiceKeepsTheUsersTextByteForByte(_ prose: String) throws {
        let original = try Self.recorded() + prose
        let first = try Self.updated(original)
        #expect(first.updateChanges)
        #expect(first.updated == original, "\(first.updated.debugDescription)")
        let second = try Self.updated(first.updated)
        #expect(second.updated == first.updated)
    }
}
