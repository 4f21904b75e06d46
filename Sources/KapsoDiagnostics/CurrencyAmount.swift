public import KapsoClient
internal import Foundation

/// An order's total as text, exactly the decimal the payload's prices make, written with at least as many decimals as
/// its currency has minor units: `2.875 BHD`, `4500 JPY`, `29.97 USD`, `1000000000000000000000.00 USD`, `0.0000001 USD`.
///
/// Meta's `order` webhook gives each product item an `item_price` (a number) and a `currency` (an ISO 4217 code);
/// kops sums price × quantity in decimal, never in binary floating point. Rounding every total to two decimals
/// misstated the three-decimal dinars and gave the yen cents they do not have (tester61 AJ14); printing a Double showed
/// `1e21` as `1e+21` and rounded `1e-7` to `0.00` (tester62 AK8). So digits are only ever added as trailing zeros up to
/// the currency's minor units, never rounded away. The minor units are ISO 4217's List One (SIX,
/// https://www.six-group.com/en/products-services/financial-information/data-standards.html, list-one.xml), as
/// moneyphp/money's `resources/currency.php` (commit d49ee625, 2026-05) transcribes it. The metals and units whose
/// minor unit is "N.A." (XAU gold, XAG, XPT, XPD, XDR, …) and a code not in the list (`BTC`) are written as the payload
/// gave them, with no digits invented. Swift's Foundation on Linux does not give a currency's digits (`NumberFormatter`
/// answers 2 for KWD and JPY alike, measured with swift-corelibs-foundation 6.3.1), hence this table.
public enum CurrencyAmount {
    /// ISO 4217 List One codes whose minor unit is not 2; `nil` is "N.A.".
    static let notTwo: [String: Int?] = [
        "BIF": 0, "CLP": 0, "DJF": 0, "GNF": 0, "ISK": 0, "JPY": 0, "KMF": 0, "KRW": 0, "PYG": 0, "RWF": 0,
        "UGX": 0, "UYI": 0, "VND": 0, "VUV": 0, "XAF": 0, "XOF": 0, "XPF": 0,
        "BHD": 3, "IQD": 3, "JOD": 3, "KWD": 3, "LYD": 3, "OMR": 3, "TND": 3,
        "CLF": 4, "UYW": 4,
        "XAG": nil, "XAU": nil, "XBA": nil, "XBB": nil, "XBC": nil, "XBD": nil, "XDR": nil, "XPD": nil, "XPT": nil,
        "XSU": nil, "XTS": nil, "XUA": nil, "XXX": nil,
    ]

    /// ISO 4217 List One codes whose minor unit is 2.
    static let two = Set(
        ("AED AFN ALL AMD AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN BWP BYN BZD CAD CDF "
            + "CHE CHF CHW CNY COP COU CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GTQ "
            + "GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL MAD MDL MGA MKD "
            + "MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR RON "
            + "RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TOP TRY TTD TWD TZS "
            + "UAH USD USN UYU UZS VED VES WST XAD XCD XCG YER ZAR ZMW ZWG").split(separator: " ").map(String.init))

    /// The number of decimals `currency` (an ISO 4217 code, any case) is written with: 0 to 4; nil when ISO 4217 gives
    /// none (its "N.A.": gold, the other metals, units of account) or the code is not in ISO 4217 at all (`BTC`).
    public static func exponent(of currency: String) -> Int? {
        let code = currency.uppercased()
        if let known = notTwo[code] { return known }
        return two.contains(code) ? 2 : nil
    }

    /// The total of `items` (each an `item_price` as the payload gave it, a JSON number or a string of one, and a
    /// quantity) in `currency`, as `text` writes it; nil when a price is not a plain decimal or the sum could not be
    /// kept exact (more than 38 significant digits, Foundation's `Decimal`).
    public static func total(of items: [(price: JSONValue?, quantity: Int)], currency: String) -> String? {
        var sum = Decimal(0)
        var highest = Int.min
        var lowest = Int.max
        for item in items {
            guard let price = PayloadDecimal(item.price) else { return nil }
            highest = max(highest, price.highestPlace)
            lowest = min(lowest, price.lowestPlace)
            sum += price.value * Decimal(item.quantity)
        }
        // A quantity below 1e9 adds at most 9 places, a sum of items a few more: within 38 the sum is exact.
        guard !items.isEmpty, highest - lowest + 1 + 9 + String(items.count).count <= 38 else { return nil }
        return text(sum, currency: currency)
    }

    /// `amount` (a decimal literal such as `-2.5` or `1e21`) as `text` writes it; nil when it is no plain decimal.
    public static func text(_ amount: String, currency: String) -> String? {
        PayloadDecimal(amount).map { text($0.value, currency: currency) }
    }

    /// `value` with no exponent and no rounding, padded with zeros to the currency's minor units when it has fewer
    /// decimals (`1.5 OMR` is `1.500`; `1.005 USD` stays `1.005`); as it is for a currency without minor units.
    static func text(_ value: Decimal, currency: String) -> String {
        var text = PayloadDecimal.plain(value)
        guard let exponent = exponent(of: currency), exponent > 0 else { return text }
        let decimals = text.firstIndex(of: ".").map { text.distance(from: $0, to: text.endIndex) - 1 }
        if decimals == nil { text += "." }
        text += String(repeating: "0", count: max(0, exponent - (decimals ?? 0)))
        return text
    }
}
