/// Finds the "did you mean" for a mistyped word, e.g. `webhoks` → `webhooks`, `webh` → `webhooks`.
public enum Suggestion {
    /// The candidate the user most likely meant by `word`, or `nil` when none is close.
    ///
    /// Comparison ignores case and returns the candidate as written. In order: a candidate equal
    /// to `word`; the only candidate that starts with `word`; the candidate with the smallest
    /// optimal-string-alignment distance (edits plus adjacent transpositions) no greater than
    /// `maxDistance`, which defaults to 1 for words up to 3 characters, 2 up to 6, else 3, and to 0 for one character
    /// (a one-character word is no typo of another one-character name).
    /// Ties go to the earlier candidate.
    public static func closest(to word: String, in candidates: [String], maxDistance: Int? = nil) -> String? {
        let typed = Array(word.lowercased())
        guard !typed.isEmpty else { return nil }
        let lowered = candidates.map { Array($0.lowercased()) }
        if let exact = lowered.firstIndex(of: typed) {
            return candidates[exact]
        }
        let extensions = lowered.indices.filter { lowered[$0].starts(with: typed) }
        if extensions.count == 1 {
            return candidates[extensions[0]]
        }
        // A one-character word edited into another is no typo of it (`n` → `?`: tester56 Z8).
        let limit = maxDistance ?? min(defaultMaxDistance(forLength: typed.count), typed.count - 1)
        var best: (index: Int, distance: Int)?
        for (index, candidate) in lowered.enumerated() where abs(candidate.count - typed.count) <= limit {
            let distance = alignmentDistance(typed, candidate)
            if distance <= limit, distance < best?.distance ?? .max {
                best = (index, distance)
            }
        }
        return best.map { candidates[$0.index] }
    }

    /// What to do about an unknown name, in the one wording every such error uses (probe38 P38-15): `did you mean
    /// 'acme'?` when `meant` is given, else `otherwise` (`'kops --help' lists kops's own options`). The question ends
    /// its clause; the caller puts it after `; ` (`unknown option '--no-colour'; did you mean '--no-color'?`).
    public static func advice(_ meant: String?, otherwise: String) -> String {
        meant.map { "did you mean '\($0)'?" } ?? otherwise
    }

    /// `advice(_:otherwise:)` where the names that exist are listed either way: `did you mean 'acme'? (profiles: acme,
    /// prod)` when `meant` is given, else `listing` alone (`profiles: acme, prod`). A clause may follow after `; `: the
    /// list's parenthesis closes the question (`KOPS_PROFILE=ACME` read `did you mean 'acme'?; profiles: acme`).
    public static func advice(_ meant: String?, listing: String) -> String {
        meant.map { "did you mean '\($0)'? (\(listing))" } ?? listing
    }

    private static func defaultMaxDistance(forLength length: Int) -> Int {
        switch length {
        case ...3: 1
        case ...6: 2
        default: 3
        }
    }

    /// The optimal string alignment distance: insertions, deletions, substitutions and swaps of
    /// two adjacent characters, each costing 1, with no substring edited twice.
    static func alignmentDistance(_ source: [Character], _ target: [Character]) -> Int {
        guard !source.isEmpty else { return target.count }
        guard !target.isEmpty else { return source.count }
        // Three rolling rows of the classic table: two rows back is needed for transpositions.
        var beforePrevious = [Int](repeating: 0, count: target.count + 1)
        var previous = Array(0...target.count)
        var current = [Int](repeating: 0, count: target.count + 1)
        for i in 1...source.count {
            current[0] = i
            for j in 1...target.count {
                let cost = source[i - 1] == target[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, source[i - 1] == target[j - 2], source[i - 2] == target[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[target.count]
    }
}
