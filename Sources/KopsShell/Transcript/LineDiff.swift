/// A line diff of expected against actual text, for `kops check` and golden tests:
/// `@@ line 12` then `-expected` and `+actual` lines.
public enum LineDiff {
    /// The diff as lines, empty when the texts are equal.
    public static func lines(expected: String, actual: String) -> [String] {
        guard expected != actual else { return [] }
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // Longest common subsequence table, from the ends (transcripts are small).
        var table = Array(repeating: Array(repeating: 0, count: new.count + 1), count: old.count + 1)
        for i in stride(from: old.count - 1, through: 0, by: -1) {
            for j in stride(from: new.count - 1, through: 0, by: -1) {
                table[i][j] = old[i] == new[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var result: [String] = []
        var (i, j) = (0, 0)
        var inHunk = false
        while i < old.count || j < new.count {
            if i < old.count, j < new.count, old[i] == new[j] {
                (i, j, inHunk) = (i + 1, j + 1, false)
                continue
            }
            if !inHunk {
                result.append("@@ line \(i + 1)")
                inHunk = true
            }
            if j < new.count, i == old.count || table[i][j + 1] >= table[i + 1][j] {
                result.append("+" + new[j])
                j += 1
            } else {
                result.append("-" + old[i])
                i += 1
            }
        }
        return result
    }
}
