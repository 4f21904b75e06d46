/// Differences a terminal does not show, made visible in `kops check`'s diff (probe27 P27-7: a trailing space, a tab or
/// a no-break space put in by an editor or a copy from a web page gave a `-` and a `+` line that looked the same).
extension LineDiff {
    /// What marks a space at the end of a line: the open box, as `cat -A` marks line ends and git's whitespace check.
    public static let trailingSpaceMark = "␠"

    /// The note said under a diff that `visible` marked.
    public static let invisiblesNote =
        "note: characters that look alike are shown in the diff: ␠ a space at a line's end, \\t a tab, \\uNNNN another space "
        + "(\\u00a0 a no-break space)"

    /// `diff`'s `+` and `-` lines with tabs shown as `\t`, spaces other than U+0020 (a no-break space, a thin space,
    /// an ideographic space) as `\uNNNN`, and spaces at the line's end as `␠`; `@@` lines as they are. `marked` is true
    /// when any was shown. Only the diff is changed: the transcript and the replay keep their characters.
    public static func visible(_ diff: [String]) -> (lines: [String], marked: Bool) {
        var marked = false
        let lines = diff.map { line -> String in
            guard let sign = line.first, sign == "+" || sign == "-" else { return line }
            let body = line.dropFirst()
            let trailing = body.reversed().prefix { $0 == " " }.count
            var shown = String(sign)
            for (index, character) in body.enumerated() {
                if character == " " {
                    shown += index >= body.count - trailing ? trailingSpaceMark : " "
                } else if character == "\t" {
                    shown += "\\t"
                } else if character.unicodeScalars.count == 1, let scalar = character.unicodeScalars.first,
                    scalar.value > 0x7F, scalar.properties.isWhitespace
                {
                    shown += "\\u" + String(repeating: "0", count: max(0, 4 - String(scalar.value, radix: 16).count))
                        + String(scalar.value, radix: 16)
                } else {
                    shown.append(character)
                }
            }
            if shown != line { marked = true }
            return shown
        }
        return (lines, marked)
    }
}
