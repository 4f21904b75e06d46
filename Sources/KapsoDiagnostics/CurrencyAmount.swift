/// An order's total as text, with as many decimals as its currency has minor units.
///
/// Meta's `order` webhook gives each product item an `item_price` (a number) and a `currency` (an ISO 4217 code);
/// kops sums price × quantity. Rounding every total to two decimals misstates the three-decimal dinars
/// (`2.875 BHD` read as `2.88 BHD`, `1.005 KWD` as `1.00 KWD`) and gives the yen and the won cents they do not have
/// (tester61 AJ14). The exponents are ISO 4217's "minor unit" column (the SIX list of currency codes, List One:
/// https://www.six-group.com/en/products-services/financial-information/data-standards.html); a code not listed
/// has two, as most do. Swift's Foundation on Linux does not give a currency's digits (`NumberFormatter` answers 2 for
/// KWD and JPY alike, measured with swift-corelibs-foundation 6.3.1), hence this table.
public enum CurrencyAmount {
    /// Currencies whose minor unit is not 2 (ISO 4217 List One).
    static let exponents: [String: Int] = [
        "BIF": 0, "CLP": 0, "DJF": 0, "GNF": 0, "ISK": 0, "JPY": 0, "KMF": 0, "KRW": 0, "PYG": 0, "RWF": 0,
        "UGX": 0, "UYI": 0, "VND": 0, "VUV": 0, "XAF": 0, "XOF": 0, "XPF": 0,
        "BHD": 3, "IQD": 3, "JOD": 3, "KWD": 3, "LYD": 3, "OMR": 3, "TND": 3,
        "CLF": 4, "UYW": 4,
    ]

    /// The number of decimals `currency` (an ISO 4217 code, any case) is written with: 0 to 4.
    public static func exponent(of currency: String) -> Int {
        exponents[currency.uppercased()] ?? 2
    }

    /// `value` with the currency's decimals, and more when the value has them (an item priced `1.005` in a
    /// two-decimal currency shows `1.005`: kops does not round a sum the business sent). Binary noise past the
    /// sixth decimal is dropped (`0.1 + 0.2` is `0.30`). A value too large for that reading is shown as Swift prints it.
    public static func text(_ value: Double, currency: String) -> String {
        let exponent = exponent(of: currency)
        let scaled = (value * 1_000_000).rounded()
        guard scaled.isFinite, abs(scaled) < 9e15 else { return "\(value)" }
        let micros = Int64(scaled)
        let magnitude = micros.magnitude
        var fraction = String(magnitude % 1_000_000)
        fraction = String(repeating: "0", count: 6 - fraction.count) + fraction
        while fraction.count > exponent, fraction.hasSuffix("0") { fraction.removeLast() }
        let whole = "\(micros < 0 ? "-" : "")\(magnitude / 1_000_000)"
        return fraction.isEmpty ? whole : whole + "." + fraction
    }
}
