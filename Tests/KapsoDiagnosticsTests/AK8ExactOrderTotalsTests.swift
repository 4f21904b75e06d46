import KapsoClient
import KapsoDiagnostics
import Testing

/// tester62 AK8: an order's total went through a Double: `1e21` was shown `1e+21`, `1e-7` rounded to `0.00`, a BTC price
/// lost its eighth decimal (`0.00012345` as `0.000123`), and gold (XAU, whose ISO 4217 minor unit is "N.A.") and BTC (no
/// ISO 4217 code) were given two invented decimals. The total is now the payload's decimal, summed exactly, padded with
/// zeros only up to an ISO 4217 currency's minor units.
@Suite struct AK8ExactOrderTotalsTests {
    static func order(_ items: [(price: String, quantity: Int, currency: String)]) -> String {
        let list = items.map {
            #"{"product_retailer_id":"P","quantity":\#($0.quantity),"item_price":\#($0.price),"currency":"\#($0.currency)"}"#
        }
        return #"{"type":"order","order":{"catalog_id":"c1","product_items":[\#(list.joined(separator: ","))]}}"#
    }

    static let cases: [([(price: String, quantity: Int, currency: String)], String)] = [
        ([("1e21", 1, "USD")], "order of 1 item, 1000000000000000000000.00 USD from catalog c1"),
        ([("1e-7", 1, "USD")], "order of 1 item, 0.0000001 USD from catalog c1"),
        ([("1E+2", 3, "JPY")], "order of 3 items (1 product), 300 JPY from catalog c1"),
        ([("0.00012345", 1, "BTC")], "order of 1 item, 0.00012345 BTC from catalog c1"),
        ([("0.5", 1, "XAU")], "order of 1 item, 0.5 XAU from catalog c1"),
        ([("12", 2, "XAU")], "order of 2 items (1 product), 24 XAU from catalog c1"),
        ([("\"0.1\"", 1, "BTC"), ("0.2", 1, "BTC")], "order of 2 items, 0.3 BTC from catalog c1"),
        // Beyond what sums exactly: no total rather than a rounded one.
        ([("1e60", 1, "USD"), ("1e-60", 1, "USD")], "order of 2 items from catalog c1"),
        ([("123456789012345678901234567890123456789", 1, "USD")], "order of 1 item from catalog c1"),
    ]

    @Test(arguments: 0..<cases.count)
    func totalIsThePayloadsDecimal(_ index: Int) throws {
        let (items, expected) = Self.cases[index]
        let message = try #require(try JSONValue.parse(Array(Self.order(items).utf8)).object)
        #expect(MessageSummary.text(of: message) == expected)
    }

    @Test func codesWithoutISOMinorUnitsHaveNone() {
        #expect(CurrencyAmount.exponent(of: "XAU") == nil)
        #expect(CurrencyAmount.exponent(of: "BTC") == nil)
        #expect(CurrencyAmount.exponent(of: "usd") == 2)
        #expect(CurrencyAmount.text("1e-7", currency: "EUR") == "0.0000001")
        #expect(CurrencyAmount.text("2.5e1", currency: "KWD") == "25.000")
        #expect(CurrencyAmount.text("abc", currency: "EUR") == nil)
    }

    @Test func aTinyCoordinateHasNoExponent() throws {
        let json = #"{"type":"location","location":{"latitude":1e-7,"longitude":-122.4194}}"#
        let message = try #require(try JSONValue.parse(Array(json.utf8)).object)
        #expect(MessageSummary.text(of: message) == "location (0.0000001, -122.4194)")
    }
}
