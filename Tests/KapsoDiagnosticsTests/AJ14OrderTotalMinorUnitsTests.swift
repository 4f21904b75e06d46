import KapsoClient
import KapsoDiagnostics
import Testing

/// tester61 AJ14: an order's total is written with its currency's ISO 4217 minor units, never rounded to cents:
/// `2.875 BHD` was shown as `2.88 BHD`, `1.005 KWD` as `1.00 KWD`, and yen and won got `.00`.
@Suite struct AJ14OrderTotalMinorUnitsTests {
    static func order(_ items: [(price: String, quantity: Int, currency: String)]) -> String {
        let list = items.map {
            #"{"product_retailer_id":"P","quantity":\#($0.quantity),"item_price":\#($0.price),"currency":"\#($0.currency)"}"#
        }
        return #"{"type":"order","order":{"catalog_id":"c1","product_items":[\#(list.joined(separator: ","))]}}"#
    }

    static let cases: [([(price: String, quantity: Int, currency: String)], String)] = [
        ([("0.125", 1, "BHD"), ("2.750", 1, "BHD")], "order of 2 items, 2.875 BHD from catalog c1"),
        ([("1.005", 1, "KWD")], "order of 1 item, 1.005 KWD from catalog c1"),
        ([("1.5", 1, "OMR")], "order of 1 item, 1.500 OMR from catalog c1"),
        ([("333", 3, "KRW")], "order of 3 items (1 product), 999 KRW from catalog c1"),
        ([("1500", 3, "JPY")], "order of 3 items (1 product), 4500 JPY from catalog c1"),
        ([("1500", 1, "jpy")], "order of 1 item, 1500 jpy from catalog c1"),
        ([("9.99", 3, "USD")], "order of 3 items (1 product), 29.97 USD from catalog c1"),
        ([("0.1", 1, "USD"), ("0.2", 1, "USD")], "order of 2 items, 0.30 USD from catalog c1"),
        // A two-decimal currency priced past cents keeps what the business sent rather than rounding it away.
        ([("1.005", 1, "USD")], "order of 1 item, 1.005 USD from catalog c1"),
        ([("10", 2, "EUR")], "order of 2 items (1 product), 20.00 EUR from catalog c1"),
    ]

    @Test(arguments: 0..<cases.count)
    func totalHasItsCurrencysDecimals(_ index: Int) throws {
        let (items, expected) = Self.cases[index]
        let message = try #require(try JSONValue.parse(Array(Self.order(items).utf8)).object)
        #expect(MessageSummary.text(of: message) == expected)
    }

    @Test func exponentsAreISO4217s() {
        #expect(CurrencyAmount.exponent(of: "KWD") == 3)
        #expect(CurrencyAmount.exponent(of: "clf") == 4)
        #expect(CurrencyAmount.exponent(of: "VND") == 0)
        #expect(CurrencyAmount.exponent(of: "BRL") == 2)
        #expect(CurrencyAmount.text("-2.5", currency: "USD") == "-2.50")
        #expect(CurrencyAmount.text("-0.5", currency: "USD") == "-0.50")
    }
}
