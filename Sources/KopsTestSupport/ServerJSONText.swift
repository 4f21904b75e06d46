public import KapsoClient

/// Writes a `JSONValue` as other servers may send it, for tests of code that reads a body's own bytes: random
/// whitespace between tokens, characters escaped in other ways (`\/`, `\u0041`, `\u00e9`, upper-case hex) and,
/// when `duplicates` is set, some keys written twice (first with a value the parse drops, as the last one wins).
/// Parsing the text gives `value` back.
public struct ServerJSONText: Sendable {
    public var generator: SplitMix
    /// Out of 8, how often a choice takes the unusual form.
    public var oddness: UInt64
    public var duplicates: Bool

    public init(generator: SplitMix, oddness: UInt64 = 2, duplicates: Bool = true) {
        self.generator = generator
        self.oddness = oddness
        self.duplicates = duplicates
    }

    /// `value` as text.
    public mutating func text(_ value: JSONValue) -> String {
        var output = ""
        write(value, to: &output)
        space(&output)
        return output
    }

    private mutating func odd() -> Bool { generator.next() % 8 < oddness }

    private mutating func space(_ output: inout String) {
        guard odd() else { return }
        output += [" ", "\n", "\t", "\r\n", "  "][Int(generator.next() % 5)]
    }

    private mutating func write(_ value: JSONValue, to output: inout String) {
        space(&output)
        switch value {
        case .null: output += "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .number(let literal): output += literal
        case .string(let text): quote(text, to: &output)
        case .array(let elements):
            output += "["
            for (position, element) in elements.enumerated() {
                if position > 0 {
                    space(&output)
                    output += ","
                }
                write(element, to: &output)
            }
            space(&output)
            output += "]"
        case .object(let object):
            output += "{"
            for (position, entry) in object.entries.enumerated() {
                if position > 0 {
                    space(&output)
                    output += ","
                }
                if duplicates, odd(), odd() {
                    space(&output)
                    quote(entry.key, to: &output)
                    output += ":0,"
                }
                space(&output)
                quote(entry.key, to: &output)
                space(&output)
                output += ":"
                write(entry.value, to: &output)
            }
            space(&output)
            output += "}"
        }
    }

    private mutating func quote(_ text: String, to output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += odd() ? "\\u000A" : "\\n"
            case "/": output += odd() ? "\\/" : "/"
            case _ where scalar.value < 0x20: output += "\\u" + hex(scalar.value, upper: odd())
            case _ where scalar.value == 0x7F: output += odd() ? "\\u007f" : "\u{7F}"
            case _ where scalar.value > 0xFFFF:
                let value = scalar.value - 0x10000
                output += odd()
                    ? "\\u" + hex(0xD800 + (value >> 10), upper: false) + "\\u" + hex(0xDC00 + (value & 0x3FF), upper: false)
                    : String(scalar)
            case _ where odd() && odd(): output += "\\u" + hex(scalar.value, upper: odd())
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }

    private func hex(_ value: UInt32, upper: Bool) -> String {
        let digits = String(value, radix: 16, uppercase: upper)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
