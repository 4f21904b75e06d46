extension TranscriptParser {
    /// `text` (as the recorder writes it: LF, no byte-order mark) in the form `original` was saved in, e.g. for a
    /// CRLF file whose second block changed: every line the update kept with its own line end as saved, byte for
    /// byte, and the changed lines with the file's (CRLF when its first line ends so); its byte-order mark kept.
    ///
    /// Lines are matched as `LineDiff` matches them (common ends, then `difference(from:)` within its limit); a line of
    /// `text` matched to one of `original` takes that line's end. Session 33: the whole file took its first line's
    /// form, so a CRLF file's LF lines (a pasted note, the text after the last block, P33-3's trailer) became CRLF and
    /// an LF file's CRLF lines lost their CR.
    /// Its blocks' fences are the file's where they still fit (`keepingFences`: ```` ````kops ````, `~~~kops`).
    public static func inFileForm(_ text: String, like original: String) -> String {
        let text = keepingFences(text, like: original)
        let scalars = original.unicodeScalars
        let bom = scalars.first == "\u{FEFF}"
        let saved = pieces(of: bom ? String(String.UnicodeScalarView(scalars.dropFirst())) : original)
        let firstLine = scalars.prefix { $0 != "\n" }
        let dominant = firstLine.count < scalars.count && firstLine.last == "\r" ? "\r\n" : "\n"
        // Split on LF scalars: "\r\n" is one Character, which a Character split would not cut.
        let new = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { Substring($0) }
        let matched = matches(old: saved.map(\.text), new: new)
        var result = bom && text.unicodeScalars.first != "\u{FEFF}" ? "\u{FEFF}" : ""
        for (index, line) in new.enumerated() {
            result += line
            guard index < new.count - 1 else { break }
            result += matched[index].flatMap { saved[$0].end.isEmpty ? nil : saved[$0].end } ?? dominant
        }
        return result
    }

    /// `text` cut after each LF: each piece's text without its line end (`\r\n` or `\n`), and that end ("" for the last).
    private static func pieces(of text: String) -> [(text: Substring, end: String)] {
        var result: [(text: Substring, end: String)] = []
        var start = text.unicodeScalars.startIndex
        var index = start
        let all = text.unicodeScalars
        while index < all.endIndex {
            if all[index] == "\n" {
                let crlf = index > start && all[all.index(before: index)] == "\r"
                let end = crlf ? all.index(before: index) : index
                result.append((Substring(all[start..<end]), crlf ? "\r\n" : "\n"))
                start = all.index(after: index)
            }
            index = all.index(after: index)
        }
        result.append((Substring(all[start...]), ""))
        return result
    }

    /// For each line of `new`, the index of the line of `old` it is (common ends, then `difference(from:)` between
    /// them within `LineDiff.alignedCellLimit`), nil for a line the update wrote.
    private static func matches(old: [Substring], new: [Substring]) -> [Int?] {
        var result = [Int?](repeating: nil, count: new.count)
        var start = 0
        while start < old.count, start < new.count, old[start] == new[start] {
            result[start] = start
            start += 1
        }
        var (oldEnd, newEnd) = (old.count, new.count)
        while oldEnd > start, newEnd > start, old[oldEnd - 1] == new[newEnd - 1] {
            (oldEnd, newEnd) = (oldEnd - 1, newEnd - 1)
            result[newEnd] = oldEnd
        }
        let removed = old[start..<oldEnd], added = new[start..<newEnd]
        guard removed.count * added.count <= LineDiff.alignedCellLimit else { return result }
        var (gone, inserted) = (Set<Int>(), Set<Int>())
        for change in added.difference(from: removed) {
            switch change {
            case .remove(let offset, _, _): gone.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        var i = 0
        for j in 0..<added.count where !inserted.contains(j) {
            while gone.contains(i) { i += 1 }
            result[start + j] = start + i
            i += 1
        }
        return result
    }
}
