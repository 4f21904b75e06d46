internal import KapsoDiagnostics

/// A number written twice in one text, once international and once as its national significant number with no trunk
/// prefix (`+447700900123 … number 7700 900123`): an API's error text often echoes what it was sent both ways. The
/// international form is masked (`+44 770 ••• 0123`); the national digits alone are no phone number by their form
/// (`unknownNumberAlias`: bare ids and counts look the same), so they were printed in clear beside it (tester62 AL14).
/// In the same text as the international number they are that number, and are masked as it is, with its tag.
extension PIIMasker {
    /// The national significant numbers of the `+` numbers `characters` holds, each to its whole digits (country calling
    /// code first, `CountryCallingCode`). Read once per text, and only when a run of digits no other rule masks is met.
    static func nationalNumbers(ofPlusNumbersIn characters: [Character]) -> [String: String] {
        var found: [String: String] = [:]
        var index = 0
        while let plus = characters[index...].firstIndex(of: "+") {
            index = plus + 1
            guard let run = numberRun(in: characters, at: plus) else { continue }
            let digits = digits(run.original)
            guard let code = CountryCallingCode.code(of: digits) else { continue }
            found[String(digits.dropFirst(code.count))] = digits
            index = run.last + 1
        }
        return found
    }

    /// The mask of `original` (its digits `digits`) when they are the national significant number of a `+` number of
    /// the same text (`nationals`, `nationalNumbers(ofPlusNumbersIn:)`): `770•••0123`, `770 ••• 0123` as written; with
    /// the whole number, for its tag. Nil otherwise.
    static func nationalEcho(_ original: String, digits: String, nationals: [String: String]) -> (alias: String, number: String)? {
        guard (8...13).contains(digits.count), let number = nationals[digits] else { return nil }
        let shown = shown(digits, international: false)
        return (original == digits ? shown.lead + "•••" + shown.tail : shown.lead + " ••• " + shown.tail, number)
    }
}
