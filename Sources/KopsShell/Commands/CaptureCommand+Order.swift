/// The line `capture` takes for its words typed in another order or joined by another word than `as` (probe25 P25-18,
/// probe43 P43-9): `capture W = id` was answered "expected 'as': capture W as id", a line `capture` then refused (`W` is
/// no path). Every suggestion is built as `capture PATH as NAME` and read back as `capture` reads it, so none is refused.
extension CaptureCommand {
    /// Words typed where `as` goes that put the name first, as an assignment does (`capture W = .id`).
    static let nameFirstWords: Set<String> = ["=", ":=", "<-", "=="]
    /// Words typed where `as` goes that put the path first (`capture .id into W`).
    static let pathFirstWords: Set<String> = ["into", "to", "in", "->", "=>"]

    /// `capture PATH as NAME` for `words` in another order or joined by another word (`W = id` → `capture .id as W`,
    /// `.id into W`, `hook .id`, `W=.id`, `hook as .id` → `capture .id as hook`), a path without its leading `.` given
    /// one; nil when no reading of them is a line `capture` accepts. Which side is the path: the one starting with `.`,
    /// else the one the joining word points to (`=`: the right; `into`, `as`: the left).
    static func corrected(_ words: [String]) -> String? {
        var words = words
        if words.count == 1, let equals = words[0].firstIndex(of: "="), equals != words[0].startIndex {
            let (left, right) = (String(words[0][..<equals]), String(words[0][words[0].index(after: equals)...]))
            words = [left, "=", right]
        }
        let joining = words.indices.filter { words[$0] == "as" || nameFirstWords.contains(words[$0]) || pathFirstWords.contains(words[$0]) }
        let reading: (path: [String], name: [String])
        if let index = joining.first {
            guard joining.count == 1, index > 0, index < words.count - 1 else { return nil }
            let (left, right) = (Array(words[..<index]), Array(words[(index + 1)...]))
            let (leftIsPath, rightIsPath) = (left[0].hasPrefix("."), right[0].hasPrefix("."))
            let pathFirst = leftIsPath != rightIsPath ? leftIsPath : !nameFirstWords.contains(words[index])
            reading = pathFirst ? (left, right) : (right, left)
        } else {
            guard words.count == 2 else { return nil }
            reading = words[1].hasPrefix(".") && !words[0].hasPrefix(".") ? ([words[1]], [words[0]]) : ([words[0]], [words[1]])
        }
        guard reading.name.count == 1, let name = reading.name.first, !name.hasPrefix("."), Interpolation.isName(name) else { return nil }
        var path = reading.path.joined(separator: " ")
        if !path.hasPrefix(".") { path = "." + path }
        guard (try? ResultPath(path)) != nil else { return nil }
        return "capture \(path) as \(name)"
    }
}
