/// `text` read as words between separators, each word replaced by what `mask` makes of it, the separators kept where
/// they were: the one loop of the maskings that judge a command's or a key command's text word by word
/// (`KeyCommand.masked`, `KeyCommandErrorWords.masked`).
enum WordMasking {
    static func masked(_ text: String, splittingAt isSeparator: (Character) -> Bool, _ mask: (String) -> String) -> String {
        var result = ""
        var word = ""
        for character in text {
            if isSeparator(character) {
                result += mask(word)
                word = ""
                result.append(character)
            } else {
                word.append(character)
            }
        }
        return result + mask(word)
    }
}
