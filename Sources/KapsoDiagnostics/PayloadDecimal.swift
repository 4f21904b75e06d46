internal import KapsoClient
internal import Foundation

/// A number from a payload read exactly, as its decimal text says: `9.99`, `1e21`, `-2.5E-7`, or the same written as
/// a string (`"9.99"`, as producers that stringify numbers send it).
///
/// A `Double` would print `1e21` as `1e+21` and cannot hold `0.1` (tester62 AK8); Foundation's `Decimal` holds 38
/// significant digits exactly, so a literal with more, or with a place beyond ±100, is not read (nil) rather than
/// rounded.
struct PayloadDecimal {
    var value: Decimal
    /// The place of the highest and lowest significant digit (`120.5`: 2 and -1); 0 and 0 for zero.
    var highestPlace: Int
    var lowestPlace: Int

    /// Reads a JSON number, or a string holding one (spaces around it allowed); nil for anything else.
    init?(_ json: JSONValue?) {
        switch json {
        case .number(let literal)?: self.init(literal)
        case .string(let text)?: self.init(text.trimmingCharacters(in: .whitespaces))
        default: return nil
        }
    }

    /// Reads a JSON number literal (`-12.50`, `1e21`); nil for anything else.
    init?(_ literal: String) {
        var rest = Substring(literal)
        let negative = rest.first == "-"
        if negative { rest = rest.dropFirst() }
        let whole = rest.prefix { $0.isASCII && $0.isNumber }
        rest = rest.dropFirst(whole.count)
        var fraction = Substring("")
        if rest.first == "." {
            fraction = rest.dropFirst().prefix { $0.isASCII && $0.isNumber }
            guard !fraction.isEmpty else { return nil }
            rest = rest.dropFirst(1 + fraction.count)
        }
        var exponent = 0
        if let mark = rest.first, mark == "e" || mark == "E" {
            rest = rest.dropFirst()
            let sign = rest.first == "-" ? -1 : 1
            if rest.first == "-" || rest.first == "+" { rest = rest.dropFirst() }
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, digits.count <= 4, let magnitude = Int(digits) else { return nil }
            exponent = sign * magnitude
            rest = rest.dropFirst(digits.count)
        }
        guard !whole.isEmpty, rest.isEmpty else { return nil }
        let digits = (whole + fraction).drop { $0 == "0" }
        let significant = digits.reversed().drop { $0 == "0" }
        guard !significant.isEmpty else {
            (value, highestPlace, lowestPlace) = (0, 0, 0)
            return
        }
        lowestPlace = exponent - fraction.count + (digits.count - significant.count)
        highestPlace = lowestPlace + significant.count - 1
        guard significant.count <= 38, lowestPlace >= -100, highestPlace <= 100,
            let mantissa = Decimal(string: String(significant.reversed()))
        else { return nil }
        value = Decimal(sign: negative ? .minus : .plus, exponent: lowestPlace, significand: mantissa)
    }

    /// `value` written out in full, without an exponent: `1000000000000000000000`, `0.0000001`, `-2.5`.
    static func plain(_ value: Decimal) -> String {
        value.description
    }
}
