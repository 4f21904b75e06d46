internal import KapsoDiagnostics

/// Numbers kops never saw as a contact's, written without `+`: which of them are phone numbers, and how each is masked.
///
/// An API log's path, an error text or a typed line is often the only place a session meets a number, in whatever form
/// the client wrote it. Bare international digits (`447700900555`) were masked; the national and dialled forms were
/// not (tester62 AK1, AK12, AK2): `07700900011`, `(0)7700900018`, `0044 7700 900019`, `06 12 34 56 78`,
/// `(555) 123-4567`. A run is a phone number here when it is written as one is dialled (ITU-T E.164 Annex A's trunk and
/// international prefixes):
/// - `00` and a plausible international number (`0044 7700 900019`, `00447700900019`);
/// - a trunk prefix `0` and 7 to 13 national digits not starting with `0` (`07700900011`, `(0)7700900018`,
///   `06 12 34 56 78`); a decimal (`0.12345678`) or a date (`01-12-2026`) is none;
/// - bare digits of a plausible international number (`447700900555`);
/// - a NANP form: `(555) 123-4567`, `555 123 4567`, `1 555 123 4567` (an area code in parentheses, or 3-3-4 groups).
///
/// Other runs of digits (ids, timestamps, counts, `2026-11-21 10`) stay: masking them would wreck the diagnostics.
/// Each mask keeps the prefix as written (`0`, `00`, `(0)`), so a reader still sees which form the client used.
extension PIIMasker {
    /// The mask of `original` (digits `digits`, 8 to 15, no `+`) when it is a phone number by its form; nil otherwise.
    static func unknownNumberAlias(_ original: String, digits: String) -> String? {
        let bare = original == digits
        if digits.hasPrefix("00") {
            let international = String(digits.dropFirst(2))
            guard PhoneNumberText.isPlausibleInternational(international) || CountryCallingCode.isPlausible(international)
            else { return nil }
            let shown = shown(international, international: true)
            return bare ? "00" + compactForm(shown) : "00 " + plusForm(shown).dropFirst()
        }
        if digits.hasPrefix("0") {
            let national = digits.dropFirst()
            guard (7...13).contains(national.count), national.first != "0", !original.hasPrefix("0."), !startsWithDate(original)
            else { return nil }
            let shown = shown(String(national), international: false)
            let masked = shown.lead.isEmpty ? "•••" + (bare ? "" : " ") + shown.tail
                : bare ? shown.lead + "•••" + shown.tail : shown.lead + " ••• " + shown.tail
            if original.hasPrefix("(0)") { return "(0) " + masked }
            return bare ? "0" + masked : "0 " + masked
        }
        if bare {
            guard PhoneNumberText.isPlausibleInternational(digits) else { return nil }
            return compactForm(shown(digits, international: true))
        }
        let groups = original.split { !($0.isASCII && $0.isNumber) }.map(\.count)
        if digits.count == 10 && (groups == [3, 3, 4] || (original.hasPrefix("(") && groups.first == 3)) {
            let shown = shown(digits, international: false)
            let lead = original.hasPrefix("(") ? "(\(shown.lead))" : shown.lead
            return lead + " ••• " + shown.tail
        }
        if digits.count == 11, digits.first == "1", groups == [1, 3, 3, 4] {
            return String(plusForm(shown(digits, international: true)).dropFirst())
        }
        return nil
    }

    /// True when `text` opens with a date (`01-12-2026`, `2026.11.21`): its first three groups of digits (`isDate`).
    private static func startsWithDate(_ text: String) -> Bool {
        guard let separator = text.first(where: { "-/.".contains($0) }) else { return false }
        let parts = text.split(separator: separator, maxSplits: 3, omittingEmptySubsequences: false)
        guard parts.count >= 3 else { return false }
        let third = parts[2].prefix { $0.isASCII && $0.isNumber }
        return isDate(String(parts[0]) + String(separator) + String(parts[1]) + String(separator) + String(third))
    }

    /// The mask of a run of 6 or 7 bare digits: a contact's short number is masked by `contactNumber(for:)`; one kops never
    /// saw only where it stands as a URL path segment or query value (after `/`, `=` or an escape of a separator:
    /// `/contacts/6831234`, `contacts%2F6831234`, `%2B6831234`) and is a whole international number (Niue's `+683 1234`:
    /// E.164 national numbers run from 4 digits; tester62 AJ13). Elsewhere so short a run is an error code or a count.
    static func shortNumberAlias(_ digits: String, in characters: [Character], from start: Int, to last: Int, escaped: Bool) -> String? {
        let before = start > 0 ? characters[start - 1] : " "
        let after = last + 1 < characters.count ? characters[last + 1] : " "
        guard escaped || before == "/" || before == "=", after.isWhitespace || "/?&#%\"'".contains(after),
            CountryCallingCode.isPlausible(digits)
        else { return nil }
        return compactForm(shown(digits, international: true))
    }
}
