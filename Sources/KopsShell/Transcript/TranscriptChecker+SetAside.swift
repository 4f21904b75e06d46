/// The one hunk loop behind the differences `kops check` reads as no change (an earlier layout, ages moved with the
/// clock): the diff split at its `@@` lines, each hunk kept or set aside by a predicate over its lines.
extension TranscriptChecker {
    /// `diff` without the hunks for which `unchanged` holds, given the hunk's recorded (`-`) and replayed (`+`) lines
    /// without their marks; a hunk with no recorded line is always kept. `hunks` are the `@@` lines of those set aside,
    /// to name the blocks.
    static func setAside(_ diff: [String], where unchanged: (_ removed: [Substring], _ added: [Substring]) -> Bool)
        -> (diff: [String], hunks: [String])
    {
        var kept: [String] = []
        var setAside: [String] = []
        var hunk: [String] = []
        func close() {
            guard let header = hunk.first else { return }
            let removed = hunk.dropFirst().filter { $0.hasPrefix("-") }.map { $0.dropFirst() }
            let added = hunk.dropFirst().filter { $0.hasPrefix("+") }.map { $0.dropFirst() }
            if !removed.isEmpty, unchanged(removed, added) {
                setAside.append(header)
            } else {
                kept += hunk
            }
            hunk = []
        }
        for line in diff {
            if line.hasPrefix("@@ ") { close() }
            hunk.append(line)
        }
        close()
        return (kept, setAside)
    }
}
