/// A phone number split by the shell's word splitting after a flag that takes one: `--to +1 415-555-0142` gives the
/// flag `+1` and leaves `415-555-0142` as another word (probe29 P29-9). `numbers` prints numbers in that spaced form,
/// and a contact card's no-break spaces split the same way.
///
/// The rule, the same for every flag whose value is a phone number (`FlagSpec` value `E164…`): a value that is a bare
/// country code (`+` and 1 to 3 digits, shorter than any whole number) followed by digit groups (digits with `-`, `(`,
/// `)` or `.`) is refused with one line saying to quote the number or drop its spaces. The groups are not joined: after
/// `reply --to` the message text follows, and a text that starts with a number cannot be told from the number's rest.
enum PhoneNumberSplit {
    /// The digit-group words after `value` when `value` is a bare country code, empty otherwise.
    static func rest(of value: String, after words: ArraySlice<String>) -> [String] {
        guard value.first == "+", (2...4).contains(value.count), value.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber })
        else { return [] }
        return Array(words.prefix { word in
            word.contains(where: { $0.isASCII && $0.isNumber }) && (word.first.map { $0.isNumber || $0 == "(" } ?? false)
                && word.allSatisfy { ($0.isASCII && $0.isNumber) || "-().".contains($0) }
        })
    }
}
