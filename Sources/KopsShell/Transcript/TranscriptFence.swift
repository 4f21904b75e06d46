/// The backtick fence around a transcript's blocks, chosen and read as CommonMark fences are: ```` ```kops ```` opens a
/// block with 3 backticks, ````` ````kops ````` with 4, and so on (CommonMark 0.31.2 §4.5, "Fenced code blocks").
///
/// A command's output may hold a line of backticks (a message text or a template body quoting code, a webhook URL):
/// inside a 3-backtick block it would close the block early, so the transcript would neither render nor replay. The
/// recorder gives such a block a fence one backtick longer than the longest run of backticks that starts one of its
/// lines (`fence(around:)`), and the reader closes a block only at a line of exactly its own fence (`closes`).
public enum TranscriptFence {
    /// The fewest backticks a fence has (CommonMark's minimum), and the length of every fence kops wrote before longer
    /// ones existed.
    public static let minimum = 3

    /// A fence of `length` backticks.
    public static func fence(length: Int) -> String {
        String(repeating: "`", count: max(length, minimum))
    }

    /// The fence for a block whose lines after its opening fence are `body`: 3 backticks, or one more than the
    /// longest run of backticks at the start of a line of `body` (after its indentation).
    ///
    /// Runs at a line's start, not anywhere in it: only a line that starts with backticks can close a fence (a closing
    /// fence is a line of backticks alone, indented up to 3 spaces), so a block that quotes code inside a line (a
    /// WhatsApp ```monospace``` in a message) keeps the 3-backtick fence, and a transcript that was right before reads
    /// and looks as it did (goldens included). Any indentation is counted, and backticks followed by other text too
    /// (`` ```kops ``), which cannot close a fence: a longer fence costs nothing, and a line that starts like a block
    /// never sits inside a block with a fence as short as its own (`TranscriptParser.unclosedBlock` relies on that).
    public static func fence(around body: some StringProtocol) -> String {
        var longest = 0
        for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
            let run = line.drop { $0 == " " || $0 == "\t" }.prefix { $0 == "`" }.count
            longest = max(longest, run)
        }
        return fence(length: longest >= minimum ? longest + 1 : minimum)
    }

    /// `` ```kops `` → 3, ````` ````kops ````` → 4: the length of the fence a line opens a block with; nil for any other
    /// line (fewer than 3 backticks, another info string, indentation or text after `kops`).
    public static func opening(_ line: Substring) -> Int? {
        let run = line.prefix { $0 == "`" }.count
        guard run >= minimum, line.dropFirst(run) == TranscriptRecorder.info else { return nil }
        return run
    }

    /// True for the line that closes a block opened with `length` backticks: that many backticks, nothing else.
    ///
    /// Exactly that many: a shorter line is output (as CommonMark reads it), and so is a longer one, which CommonMark
    /// would read as a close. The recorder never writes one inside a block (its fence is longer than any), and a
    /// 3-backtick transcript recorded before fences grew reads exactly as it did then: a ```` ```` ```` line in its
    /// output stays output.
    public static func closes(_ line: Substring, length: Int) -> Bool {
        line.count == length && line.allSatisfy { $0 == "`" }
    }
}
