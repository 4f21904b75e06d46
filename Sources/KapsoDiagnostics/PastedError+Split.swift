extension PastedError {
    /// The catalogued code that bare codes typed apart make when joined, `["13104", "7"]` → 131047's entry, when not
    /// all of them are catalogued themselves: a code split by a pasted space or line break (tester51 N5: `explain
    /// 13104 7` explained two unknown codes and exited 0). Nil for one word, a word that is not digits, or a join kops
    /// does not know. Codes are Meta's error codes (developers.facebook.com, WhatsApp Cloud API error codes) as the
    /// catalogue holds them.
    public static func splitCode(_ words: [String]) -> ErrorCatalog.Entry? {
        guard words.count > 1, words.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            !words.allSatisfy({ ErrorCatalog.entry(for: $0) != nil })
        else { return nil }
        return ErrorCatalog.entry(for: words.joined())
    }
}
