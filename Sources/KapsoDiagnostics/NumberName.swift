internal import Foundation
public import KapsoClient

/// A project number named by its name as `numbers` shows it (the NAME column: Kapso's `name`, kapso-api.md §2.1, e.g.
/// `Support Line`) or by the name customers see (`display_name`, `verified_name`), for `use NAME` and `health NAME`
/// (tester47 L1: `use Support` was refused as "cannot read 'Support' as an id", with no pointer to the number it names).
/// Case, accents and runs of white space do not matter; a name that is several numbers' is never guessed between.
public enum NumberName {
    /// What a typed name names among `numbers`.
    public enum Match: Sendable {
        /// One number's name is the typed text, or begins with it as whole words and no other's does.
        case one(PhoneNumber)
        /// Several numbers fit: each is named, none taken.
        case several([PhoneNumber])
        /// No number's name fits.
        case none
    }

    /// True for text that can be a name: it holds a letter. Asked only of text that reads as no id (`IDInput`), so a
    /// UUID, WAMID or `@handle` never gets here.
    public static func readsAsName(_ typed: String) -> Bool {
        // A number in scientific notation (`1.002003004005e14`, a spreadsheet's id) has a letter but is no name: its
        // own reading says what happened to it.
        typed.contains(where: \.isLetter) && !typed.allSatisfy { $0.isNumber || ".eE+-, ".contains($0) }
    }

    /// The number `typed` names: an exact name first (several with it are `several`), else the names that begin with
    /// it at a word boundary (`Support` for `Support Line`), else those holding it as whole words (`line` for `Support
    /// Line` and `Sales Line`). A number's names are its Kapso `name` and its `display_name` and `verified_name`, the name
    /// customers see in WhatsApp (kapso-api.md §2.1; tester55 X10: `use 'Acme Demo Support'` was "no number … has that
    /// name").
    public static func match(_ typed: String, in numbers: [PhoneNumber]) -> Match {
        let wanted = folded(typed)
        guard !wanted.isEmpty else { return .none }
        // Kapso's `name` exactly first: `use 'Support Line'` is the number so named, whatever another's display name
        // says (tester56b AA10).
        let tiers: [(PhoneNumber) -> Bool] = [
            { $0.name.map(folded) == wanted }, { names(of: $0).contains(wanted) },
            { names(of: $0).contains { $0.hasPrefix(wanted + " ") } }, { names(of: $0).contains { " \($0) ".contains(" \(wanted) ") } },
        ]
        for fits in tiers {
            let found = numbers.filter(fits)
            switch found.count {
            case 0: continue
            case 1: return .one(found[0])
            default: return .several(found)
            }
        }
        return .none
    }

    /// The names of `number`, folded: `name`, `display_name`, `verified_name`, those it has.
    private static func names(of number: PhoneNumber) -> [String] {
        [number.name, number.json["display_name"]?.string, number.verifiedName].compactMap { $0.map(folded) }.filter { !$0.isEmpty }
    }

    /// `support line`, `cafe ventas` for `Café Ventas`: lower case, without accents (tester60 AH19: `use cafe` did not
    /// find `Café Ventas`, while case and NFC/NFD did not matter), white space runs as one space, trimmed.
    private static func folded(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil).lowercased()
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
