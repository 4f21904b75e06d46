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

    /// `text` with CRLF line ends, as a Windows editor saves it.
    private static func crlf(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n")
    }

    /// Session 33: what `--update` writes (`inFileForm` of the replay's text) took the whole file's form from its first
    /// line, so P33-3's byte-for-byte trailer held for LF files only: a CRLF file's LF lines (a note pasted from
    /// elsewhere, the text after the last block) came back CRLF, an LF file's CRLF ones lost their CR. Every line the
    /// update keeps now keeps its own line end; a changed line takes the file's.
    @Test(arguments: [
        // A CRLF file with an LF note after its blocks, without a last newline and with one.
        (true, "\nA note pasted from a Unix tool.\nIts last line"), (true, "\r\nCRLF prose\nthen LF\n\n"),
        // An LF file with CRLF prose after its blocks; a CRLF file throughout, with a byte-order mark.
        (false, "\r\nProse from Notepad.\r\n"), (true, "\r\nAll CRLF.\r\n"),
    ])
    func updatingKeepsEachLinesEndOutsideTheChangedBlock(crlfBlocks: Bool, prose: String) throws {
        let bom = prose == "\r\nAll CRLF.\r\n" ? "\u{FEFF}" : ""
        let recorded = try Self.recorded()
        let saved = bom + (crlfBlocks ? Self.crlf(recorded) : recorded) + prose
        let edited = saved.replacingOccurrences(of: "\nretry:", with: "\nretry (edited):")
        #expect(edited != saved)
        let outcome = try TranscriptChecker(expected: TranscriptParser.normalized(edited)).replay(on: OfflineShell().shell)
        #expect(outcome.updateChanges)
        let written = TranscriptParser.inFileForm(outcome.updated, like: edited)
        #expect(Array(written.utf8) == Array(saved.utf8), "\(written.debugDescription)")
        // Updated again, nothing changes.
        #expect(TranscriptParser.inFileForm(outcome.updated, like: written) == written)
    }
}
