/// Contact names and message bodies of one or two characters (`王伟`, `김민`, `Jo`, `好`, `34`), masked where they stand as
/// the field they came from.
///
/// The masker found a learned value wherever its words stood, so a value that short was never learned: masking every
/// `in`, `ok` or `34` of a page wrecked kops's own words and timestamps. It left the value itself in clear beside its
/// masked number (tester61 AJ11: `contact:      王伟 (1415•••0171)`, `"body": "好"`), and two-syllable Chinese and Korean
/// names are a large share of real ones. A short value is now learned and masked where kops shows it as its field, in
/// every view of it:
/// - a name where it names the contact (`namesTheContact`: a whole cell or JSON string, `王伟 (1415…)`, `@jo`,
///   `contact Jo`); one with a letter past ASCII (`王伟`, `김민`) also wherever it stands alone (`standsAlone`), since no word
///   of kops's own text is one;
/// - a body only where kops shows what a message says (`content`: the `CONTENT` column, the `content:` field, a JSON
///   string of a content key), and there as the whole text, a quoted title (`chose button "No"`) or what follows `: ` at
///   the end (a caption, `image (image/jpeg): ok`);
/// - in JSON already written out, as the whole string value of a name or content key (`mask(jsonText:)`).
extension PIIMasker {
    /// Values with fewer characters than this (whitespace aside) are short.
    static let shortLength = 3

    /// Which occurrences of a short learned value `mask` replaces in a text: nil for none (a body outside content).
    func shortValuePlaces(_ pattern: Pattern, kind: LearnedIndex.Kind, content: Bool) -> ((_ text: [Character], _ range: Range<Int>) -> Bool)? {
        switch kind {
        case .body:
            guard content else { return nil }
            return { PIIMasker.standsWhole($0, $1) }
        case .contact:
            let pastASCII = pattern.words.contains { $0.contains { $0.isLetter && !$0.isASCII } }
            return { PIIMasker.namesTheContact($0, $1) || (pastASCII && PIIMasker.standsAlone($0, $1)) }
        case .renderedTemplate:
            return nil
        }
    }

    /// True when the occurrence at `range` is the whole text (blanks aside), a quoted title (`"No"`, `'ok'`), or what
    /// follows `: ` up to the text's end (a caption, a voice note's transcript).
    static func standsWhole(_ text: [Character], _ range: Range<Int>) -> Bool {
        let before = text[..<range.lowerBound]
        let after = text[range.upperBound...]
        let quoted = before.last.map { $0 == "\"" || $0 == "'" } == true && before.last == after.first
        let opens = before.allSatisfy(\.isWhitespace) || before.suffix(2).elementsEqual([":", " "])
        return quoted || (opens && after.allSatisfy(\.isWhitespace))
    }
}

extension PIIMasker.Pattern {
    /// Fewer than `PIIMasker.shortLength` characters in its words (`王伟`, `34`): masked only where it stands as its field.
    var isShort: Bool { length < PIIMasker.shortLength }
}
