public import KapsoClient

/// An `assert` operator and the value it compares with, e.g. `== healthy`, `> 0`, `contains messages`.
public enum Comparison: String, Sendable, CaseIterable {
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case greater = ">"
    case contains
    case exists

    /// True when `actual` (nil: the path is missing) satisfies the comparison with `expected`.
    public func holds(_ actual: JSONValue?, _ expected: String) -> Bool {
        guard let actual else { return false }
        switch self {
        case .exists: return true
        case .equal: return Comparison.matches(actual, expected)
        case .notEqual: return !Comparison.matches(actual, expected)
        case .less, .greater:
            guard let left = actual.double ?? actual.string.flatMap(Double.init), let right = Double(expected) else {
                return false
            }
            return self == .less ? left < right : left > right
        case .contains:
            switch actual {
            case .string(let text): return text.contains(expected)
            case .array(let items): return items.contains { Comparison.matches($0, expected) }
            case .object(let object): return object.keys.contains(expected)
            default: return false
            }
        }
    }

    /// A JSON value equals a typed word: strings by text, numbers by value, `true`/`false`/`null` by name.
    static func matches(_ value: JSONValue, _ word: String) -> Bool {
        switch value {
        case .string(let text): return text == word
        case .number(let literal): return literal == word || (Double(literal) != nil && Double(literal) == Double(word))
        case .bool(let flag): return word == String(flag)
        case .null: return word == "null"
        default: return value.serialized() == word
        }
    }
}

extension JSONValue {
    /// The value as `capture` stores it: a string's text, other values as compact JSON.
    var scalarText: String {
        string ?? serialized()
    }
}
