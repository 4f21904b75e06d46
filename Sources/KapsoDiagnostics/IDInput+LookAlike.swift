// MARK: - Look-alike characters in an id: letters for digits, letters of other scripts

extension IDInput {
    /// ASCII letters retyped for the digits they look like (an id copied by eye from a screenshot or a PDF invoice):
    /// `O`/`o` for 0, `l`/`I`/`|` for 1.
    static let digitLookAlikes: [Character: Character] = ["O": "0", "o": "0", "l": "1", "I": "1", "|": "1"]

    /// Letters of other scripts that look like ASCII ones (Unicode's confusables for the Latin alphabet, the ones a
    /// chat's "smart" substitution or a homoglyph puts in an id): Cyrillic and Greek capitals and small letters, and
    /// full-width Latin letters (U+FF21…, U+FF41…), each with the ASCII letter it looks like.
    static let letterLookAlikes: [Unicode.Scalar: Character] = {
        var table: [Unicode.Scalar: Character] = [:]
        let pairs: [(UInt32, Character)] = [
            // Cyrillic small а е о р с у х і ј ѕ, capital А В Е К М Н О Р С Т Х І Ј Ѕ
            (0x0430, "a"), (0x0435, "e"), (0x043E, "o"), (0x0440, "p"), (0x0441, "c"), (0x0443, "y"), (0x0445, "x"),
            (0x0456, "i"), (0x0458, "j"), (0x0455, "s"), (0x0410, "A"), (0x0412, "B"), (0x0415, "E"), (0x041A, "K"),
            (0x041C, "M"), (0x041D, "H"), (0x041E, "O"), (0x0420, "P"), (0x0421, "C"), (0x0422, "T"), (0x0425, "X"),
            (0x0406, "I"), (0x0408, "J"), (0x0405, "S"),
            // Greek small ο α ν, capital Α Β Ε Ζ Η Ι Κ Μ Ν Ο Ρ Τ Υ Χ
            (0x03BF, "o"), (0x03B1, "a"), (0x03BD, "v"), (0x0391, "A"), (0x0392, "B"), (0x0395, "E"), (0x0396, "Z"),
            (0x0397, "H"), (0x0399, "I"), (0x039A, "K"), (0x039C, "M"), (0x039D, "N"), (0x039F, "O"), (0x03A1, "P"),
            (0x03A4, "T"), (0x03A5, "Y"), (0x03A7, "X"),
        ]
        for (value, ascii) in pairs { if let scalar = Unicode.Scalar(value) { table[scalar] = ascii } }
        for offset in 0..<26 {
            if let capital = Unicode.Scalar(0xFF21 + UInt32(offset)), let small = Unicode.Scalar(0xFF41 + UInt32(offset)),
                let a = Unicode.Scalar(UInt32(65 + offset)), let b = Unicode.Scalar(UInt32(97 + offset))
            {
                table[capital] = Character(a)
                table[small] = Character(b)
            }
        }
        return table
    }()

    /// Plus signs of other forms typed or copied before a phone number, each the ASCII `+` under Unicode's compatibility
    /// mapping (NFKC): U+FF0B FULLWIDTH PLUS SIGN (what a Chinese, Japanese or Korean keyboard in full-width mode types
    /// with its full-width digits U+FF10…, probe25 P25-15), U+FE62 SMALL PLUS SIGN, U+207A SUPERSCRIPT PLUS SIGN and
    /// U+208A SUBSCRIPT PLUS SIGN (rich text copied from a document); and U+2795 HEAVY PLUS SIGN, the ➕ of emoji
    /// keyboards, which Unicode's confusables list gives for `+`.
    static let plusLookAlikes: Set<UInt32> = [0xFF0B, 0xFE62, 0x207A, 0x208A, 0x2795]

    /// Base64's other signs in their full-width forms, U+FF1D FULLWIDTH EQUALS SIGN and U+FF0F FULLWIDTH SOLIDUS, each the
    /// ASCII sign under Unicode's compatibility mapping (NFKC): a CJK input method or a PDF types them at a WAMID's end or
    /// inside it (tester56 Z8: `…AAAA＝` got no ASCII reading, while a Cyrillic `А` in the same id did).
    static let signLookAlikes: [UInt32: Character] = [0xFF1D: "=", 0xFF0F: "/"]

    /// The ASCII character `scalar` looks like: a letter (`letterLookAlikes`), `+` (`plusLookAlikes`) or base64's `=` and
    /// `/` (`signLookAlikes`); nil otherwise.
    static func asciiLookAlike(_ scalar: Unicode.Scalar) -> Character? {
        letterLookAlikes[scalar] ?? (plusLookAlikes.contains(scalar.value) ? "+" : signLookAlikes[scalar.value])
    }

    /// The id `text` stands for when it is digits with letters that look like digits in it (`1OO2OO3OO4OO5O1` →
    /// `100200300400501`, `l00200300400501` → `100200300400501`), and what was read, e.g. `the letter O for 0 at 2, 3,
    /// 5, 6, 8, 9, 11, 12, 14`; nil when `text` is anything else (a WAMID, a UUID, a word, fewer than 7 digits). Only
    /// text of ASCII digits and those letters, with at least one digit, is read so: a word is not an id.
    static func lettersForDigits(_ text: String) -> (ascii: String, read: String)? {
        guard text.count >= 7, text.contains(where: { $0.isASCII && $0.isNumber }),
            text.allSatisfy({ ($0.isASCII && $0.isNumber) || digitLookAlikes[$0] != nil })
        else { return nil }
        var ascii = ""
        var found: [Character: [Int]] = [:]
        for (offset, character) in text.enumerated() {
            if let digit = digitLookAlikes[character] {
                ascii.append(digit)
                found[character, default: []].append(offset + 1)
            } else {
                ascii.append(character)
            }
        }
        guard !found.isEmpty, case .success = read(ascii) else { return nil }
        let read = found.keys.sorted().map { letter -> String in
            let positions = found[letter] ?? []
            let shown = positions.prefix(6).map(String.init).joined(separator: ", ") + (positions.count > 6 ? ", …" : "")
            return "the letter \(letter == "|" ? "|" : String(letter)) for \(digitLookAlikes[letter] ?? "?") at \(shown)"
        }
        return (ascii, read.joined(separator: "; "))
    }

    /// The first character of `text` that is not ASCII, named as Unicode names it with its position (1-based), and the
    /// ASCII letter it looks like when it is a known look-alike: `U+0430 CYRILLIC SMALL LETTER A at position 2 (it looks
    /// like 'a')`. Only for text that is otherwise shaped like an id (a `wamid.` once look-alikes are read as ASCII, or
    /// an ASCII digit in it): a word in another script is not an id. Nil otherwise.
    static func lookAlike(_ text: String) -> (character: String, ascii: String?)? {
        let asASCII = String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            asciiLookAlike(scalar).flatMap(\.unicodeScalars.first) ?? scalar
        }))
        guard asASCII.lowercased().hasPrefix("wamid.") || text.contains(where: { $0.isASCII && $0.isNumber }) else { return nil }
        for (offset, character) in text.enumerated() where !character.isASCII {
            guard let scalar = character.unicodeScalars.first else { continue }
            // Digits of other scripts are named by `nonASCIIDigits`.
            if scalar.properties.numericType == .decimal { return nil }
            let name = scalar.properties.name.map { " " + $0 } ?? ""
            // A look-alike of O or l in digits stands for a digit: the id meant is the digits' (probe25 P25-3: "use
            // 1o0200300400501" sent the user to a second refusal), read as `lettersForDigits` reads ASCII letters.
            let digits = lettersForDigits(asASCII)
            let looks = asciiLookAlike(scalar).map { ascii in
                digits != nil && digitLookAlikes[ascii] != nil
                    ? " (it looks like '\(ascii)', here for the digit \(digitLookAlikes[ascii] ?? "?"))" : " (it looks like '\(ascii)')"
            } ?? ""
            let fixed = digits?.ascii ?? (asASCII.allSatisfy(\.isASCII) && asASCII != text ? asASCII : nil)
            return ("\(codePoint(scalar))\(name) at position \(offset + 1)\(looks)", fixed)
        }
        return nil
    }
}

extension IDInput.Problem {
    /// The reason of a problem that names the characters typed on another keyboard or by eye and the ASCII text they
    /// stand for (`nonASCIIDigits`, `lookAlike`, `lettersForDigits`): what every argument taking a phone number says of
    /// them, as `whois` does (probe25 P25-15: `reply --to '＋１４…'` said only "expected a phone number in E.164 form");
    /// nil for any other problem.
    public var otherKeyboardReason: String? {
        switch self {
        case .nonASCIIDigits, .lookAlike, .lettersForDigits: reason
        default: nil
        }
    }

    /// `it has letters where digits belong (the letter O for 0 at 14), as …`: what a `lettersForDigits` id is, without
    /// the fix (a command that knows the project's numbers offers the digits only when they are one of them).
    public static func lettersReason(_ read: String) -> String {
        "it has letters where digits belong (\(read)), as an id retyped from a screenshot or a PDF reads"
    }

    /// `lettersForDigits` and `lookAlike` in words.
    public static func lookAlikeReason(_ problem: IDInput.Problem) -> String? {
        switch problem {
        case .lettersForDigits(let ascii, let read):
            return lettersReason(read) + "; with digits it is \(ascii): use \(ascii)"
        case .lookAlike(let character, let ascii):
            return "\(character) is not ASCII: ids are ASCII letters and digits"
                + (ascii.map { "; typed in ASCII it is \($0): use that, or copy the id again from the source" }
                    ?? "; copy the id again from the source")
        default:
            return nil
        }
    }
}
