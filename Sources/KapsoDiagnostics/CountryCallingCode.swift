/// The country calling codes of ITU-T E.164 (`1`, `55`, `521…` starts with `52`) and the lengths of the national
/// numbers behind them, to tell whether bare digits such as `5511987654321` (how Meta's `wa_id`, Kapso's
/// `phone_number` and kops's CONTACT column write a number) already carry a country code.
///
/// Codes are prefix-free (ITU-T E.164 §6.2.1), so the first 1 to 3 digits name at most one. The table
/// (`nationalLengths`, in `CountryCallingCode+Table.swift`) comes from libphonenumber's metadata; docs/id-resolver.md
/// says why kops keeps a table instead of the library.
public enum CountryCallingCode {
    /// The country calling code `digits` start with, e.g. `55` for `5511987654321`; nil when none does (`0…`, `28…`).
    public static func code(of digits: String) -> String? {
        (1...3).lazy.map { String(digits.prefix($0)) }.first { nationalLengths[$0] != nil }
    }

    /// True when `digits` are a whole number in international form: a country calling code, then a national number of
    /// a length that country uses; with code 1 (NANP) the area code and the exchange start with 2-9 (NXX-NXX-XXXX).
    /// `5511987654321` (Brazil) and `525512345678` (Mexico) are; `4155550142` is not (Switzerland's, +41, have 9
    /// digits after the code), nor `15511987654321` (a NANP number has 10).
    public static func isPlausible(_ digits: String) -> Bool {
        guard digits.allSatisfy({ $0.isASCII && $0.isNumber }), let code = code(of: digits),
            let lengths = nationalLengths[code]
        else { return false }
        let national = Array(digits.dropFirst(code.count))
        guard lengths.contains(national.count) else { return false }
        return code != "1" || (national[0] >= "2" && national[3] >= "2")
    }
}
