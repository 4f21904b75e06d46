internal import Foundation

// MARK: - A WAMID with whitespace inside it

extension WAMID {
    /// What whitespace inside a WAMID's base64 (`encoded`, the part after `wamid.`) most likely is, decided by the id's
    /// length and padding: a line wrapped where the id was shown (a narrow terminal, an e-mail, a PDF or chat) and copied
    /// back adds a space or a line break where no character was; a URL's query decoding turns a `+` into a space
    /// (WHATWG URL, `application/x-www-form-urlencoded` parsing). tester56 Z2: "put the '+' back" was said of an id whose
    /// length showed nothing was there, and of a line break, which no decoding makes.
    ///
    /// The reading whose id is base64 of a valid length and padding that decodes to the record every observed WAMID
    /// holds (`Record.whole`) is offered; when both fit, both are, hedged; when neither, the id is to be copied again.
    static func whitespaceInside(_ encoded: String) -> String {
        let joined = encoded.filter { !$0.isWhitespace }
        let blanks = encoded.filter(\.isWhitespace)
        // Only a single ASCII space can be a decoded '+': a line break, a tab or a run of spaces is none.
        let spacesOnly = blanks.allSatisfy { $0 == " " } && !encoded.contains("  ")
        let plussed = encoded.replacingOccurrences(of: " ", with: "+")
        let what = blanks.contains(where: \.isNewline) ? "a line break" : blanks == " " ? "a space" : "whitespace"
        var wrapFits = fitsWAMID(joined)
        var plusFits = spacesOnly && fitsWAMID(plussed)
        // Both of a fitting length: the one that decodes whole is the id (a '+' too many shifts every byte after it).
        if wrapFits, plusFits, isWhole(joined) != isWhole(plussed) { (wrapFits, plusFits) = (isWhole(joined), isWhole(plussed)) }
        let wrap = "it holds \(what) inside it (a line wrapped where the id was shown, copied back)"
        let plus = "it holds a space where its base64 has a '+' (a URL's query decoding turns '+' into a space)"
        switch (wrapFits, plusFits) {
        case (true, false): return wrap + ": without it, it reads as a WAMID: wamid.\(joined)"
        case (false, true): return plus + ": put the '+' back: wamid.\(plussed)"
        case (true, true):
            return "it holds a space, and its length fits two readings: a line wrapped where the id was shown (without it: "
                + "wamid.\(joined)) or a '+' a URL's query decoding turned into a space (wamid.\(plussed)); try both"
        case (false, false):
            return "it holds \(what), and the id reads as a WAMID neither without it nor with a '+' in its place: copy it "
                + "again from the source"
        }
    }

    /// True when `encoded` is base64 (letters, digits, `+`, `/`) of a length base64 has, with no more `=` than it needs, and
    /// reads as a WAMID (`readsAsWAMID`).
    private static func fitsWAMID(_ encoded: String) -> Bool {
        let data = encoded.prefix { $0 != "=" }
        let padding = encoded[data.endIndex...]
        guard !data.isEmpty, data.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "/") }),
            padding.allSatisfy({ $0 == "=" }), data.count % 4 != 1,
            padding.isEmpty || padding.count == (4 - data.count % 4) % 4
        else { return false }
        return readsAsWAMID(encoded)
    }

    /// True when `encoded` decodes to one whole record (`Record.whole`).
    private static func isWhole(_ encoded: String) -> Bool {
        bytes("wamid." + encoded).map(Record.read) == .whole
    }
}
