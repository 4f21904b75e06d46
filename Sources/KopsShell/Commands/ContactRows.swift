internal import KapsoClient
internal import KapsoDiagnostics

/// The rows a list (`messages`, `conversations`) keeps for a whole `--phone-number`, and what it says of the others.
///
/// Kapso's `phone_number` filter matches part of a number (kapso-api.md §1, gotcha 17), so `--phone-number
/// +14155550171` also lists a Mexican contact `5214155550171`, another person (probe44 P44-10: `whois` offers the list
/// as "this contact's messages" and a masked transcript carried a stranger's messages). For a whole number (typed
/// with `+` or `00`, or read as one by `MessageInput.phoneNumberFilter`) only the rows whose contact is that number
/// (`ContactNumber.isRow`: the same digits or the other form of a Brazilian, Mexican or Argentine mobile number) are
/// kept, and a line on standard error counts the others; part of a number (`0171`) keeps Kapso's partial match.
struct ContactRows {
    /// The whole number's digits.
    let digits: String
    /// Rows of other contacts left out so far, over every page read.
    private(set) var leftOut = 0

    init(digits: String) { self.digits = digits }

    /// `page` with the rows of `digits` alone; the others are counted in `leftOut`. The JSON document keeps only them.
    mutating func keep<Item: ListItem>(_ page: Page<Item>, contact: (Item) -> String?) -> Page<Item> {
        let kept = page.keeping { ContactNumber.isRow(contact($0), of: digits) }
        leftOut += page.items.count - kept.items.count
        return kept
    }

    /// `2 messages of other contacts left out: …`, nil when none was; `noun` is the item's singular and plural.
    func note(_ noun: (one: String, many: String)) -> String? {
        guard leftOut > 0 else { return nil }
        let items = leftOut == 1 ? "1 \(noun.one) of another contact" : "\(leftOut) \(noun.many) of other contacts"
        // A number with two forms is searched by the digits both share (`ContactNumber.searchKey`): those digits are what
        // the others' numbers contain, not the whole number (tester60 AH15: "contains 525512345678" of 5491123456789).
        let searched = ContactNumber.searchKey(digits)
        let other = ContactNumber.otherForm(digits).map { " (and its other form +\($0.digits)'s)" } ?? ""
        let contain = leftOut == 1 ? "that contact's number contains" : "their numbers contain"
        let why = searched == digits
            ? "Kapso's phone_number filter matches part of a number, and \(contain) \(digits)"
            : "kops asked Kapso's phone_number filter (a partial match) for \(searched), the digits +\(digits) shares with "
                + "its other form, and \(contain) \(searched)"
        return "\(items) left out: \(why); only +\(digits)'s\(other) are listed (part of a number, e.g. --phone-number "
            + "\(digits.suffix(4)), lists every number that contains it)"
    }

    /// `note` as a block for a one-page list's result; in JSON mode, where a result's hints are not shown, said on
    /// standard error at once beside the document, as `numbers` says a health difference (probe43 P43-11).
    func noteBlocks(_ noun: (one: String, many: String), in context: ShellContext) -> [Block] {
        guard let note = note(noun) else { return [] }
        if (context.shell?.outputOverride ?? context.session.output) == .json {
            context.emit(CommandResult(blocks: [.hint(note)]))
            return []
        }
        return [.hint(note)]
    }
}
