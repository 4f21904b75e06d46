/// A line diff of expected against actual text, for `kops check` and golden tests:
/// `@@ line 12` then `-expected` and `+actual` lines.
///
/// Lines common to both ends are set aside first; what is left between them is aligned by the standard
/// library's `difference(from:)` (Myers) when it is at most `alignedCellLimit` lines × lines, and otherwise
/// shown as one replaced block (every expected line, then every actual line). The limit bounds the time:
/// `difference(from:)` took 0.8 s for 4,000 lines against 4,000 other lines and 3.9 s for 8,000 (release,
/// this machine), and the longest-common-subsequence table this file used before took lines × lines of
/// memory (7 GB for two 30,000-line transcripts).
public enum LineDiff {
    /// The most cells (old lines × new lines between the common ends) aligned line by line.
    static let alignedCellLimit = 4_000_000

    /// One run of changed lines: `removed` expected lines from `oldStart` (0-based) replaced by `added` actual lines from
    /// `newStart`.
    struct Hunk {
        var oldStart: Int
        var newStart: Int
        var removed: [Substring] = []
        var added: [Substring] = []

        /// `@@ line N` (1-based), then `-removed` and `+added` lines.
        var lines: [String] { ["@@ line \(oldStart + 1)"] + removed.map { "-" + $0 } + added.map { "+" + $0 } }
    }

    /// The diff as lines, empty when the texts are equal.
    public static func lines(expected: String, actual: String) -> [String] {
        hunks(expected: expected, actual: actual).flatMap(\.lines)
    }

    /// The diff as hunks, none when the texts are equal.
    static func hunks(expected: String, actual: String) -> [Hunk] {
        guard expected != actual else { return [] }
        return hunks(
            expected.split(separator: "\n", omittingEmptySubsequences: false), actual.split(separator: "\n", omittingEmptySubsequences: false))
    }

    /// The diff of two texts' lines as hunks.
    static func hunks(_ old: [Substring], _ new: [Substring]) -> [Hunk] {
        var start = 0
        while start < old.count, start < new.count, old[start] == new[start] { start += 1 }
        var (oldEnd, newEnd) = (old.count, new.count)
        while oldEnd > start, newEnd > start, old[oldEnd - 1] == new[newEnd - 1] { (oldEnd, newEnd) = (oldEnd - 1, newEnd - 1) }
        let removed = old[start..<oldEnd], added = new[start..<newEnd]
        guard removed.count * added.count <= alignedCellLimit else {
            return removed.isEmpty && added.isEmpty ? [] : [Hunk(oldStart: start, newStart: start, removed: Array(removed), added: Array(added))]
        }
        return aligned(removed, added)
    }

    /// `old` and `new` (slices keeping their line offsets) aligned by the standard library's
    /// `difference(from:)`; within a hunk, the expected lines (`-`) come before the actual ones (`+`) that replace
    /// them, as `diff -u` and git print them (probe38 P38-15: the `+` line came first, under a header naming `-` first).
    private static func aligned(_ old: ArraySlice<Substring>, _ new: ArraySlice<Substring>) -> [Hunk] {
        var removed = Set<Int>(), inserted = Set<Int>()
        for change in new.difference(from: old) {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        var result: [Hunk] = []
        var (i, j) = (0, 0)
        // The open hunk, kept when it closes.
        var open: Hunk?
        while i < old.count || j < new.count {
            let drop = i < old.count && removed.contains(i)
            let add = j < new.count && inserted.contains(j)
            guard drop || add else {
                if let hunk = open { result.append(hunk) }
                open = nil
                (i, j) = (i + 1, j + 1)
                continue
            }
            if open == nil { open = Hunk(oldStart: old.startIndex + i, newStart: new.startIndex + j) }
            if drop {
                open?.removed.append(old[old.startIndex + i])
                i += 1
            } else {
                open?.added.append(new[new.startIndex + j])
                j += 1
            }
        }
        if let hunk = open { result.append(hunk) }
        return result
    }
}
