/// A JSON document that keeps what was written: object keys in document order and numbers as
/// their literal text, e.g. `{"id":12345678901234567890,"ok":true}`.
///
/// Equality is structural and order-sensitive: objects with the same entries in another order
/// differ, and so do the numbers `1` and `1.0`.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    /// A number as written in the document (`42`, `-1.5e3`), so integers never round-trip
    /// through `Double`; when built by hand it must be a valid JSON number literal.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// What kind of value this is, for error lines: `null`, `true`, `a string`, `an object`.
    public var kindName: String {
        switch self {
        case .null: "null"
        case .bool(let value): value ? "true" : "false"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }

    /// The member named `key`, or `nil` unless this is an object with that key.
    public subscript(key: String) -> JSONValue? {
        object?[key]
    }

    /// The element at `index`, or `nil` unless this is an array with that index.
    public subscript(index: Int) -> JSONValue? {
        guard case .array(let elements) = self, elements.indices.contains(index) else { return nil }
        return elements[index]
    }

    /// The string, if this is a string.
    public var string: String? {
        guard case .string(let value) = self else { return nil }
        return value
    }

    /// The number as an `Int`, if this is a number with an exact integer value that fits
    /// (`42`, `4.2e1`, but not `4.5` or `1e30`).
    public var int: Int? {
        guard case .number(let literal) = self else { return nil }
        return Int(literal) ?? Double(literal).flatMap { Int(exactly: $0) }
    }

    /// A whole number where the contract says integer: `int`, or the decimal digits of a string (`"400"`, a leading `-`
    /// allowed; not `"4.0"`, `" 400"` or `"4e2"`), as an API that writes integers as text sends them. For the fields
    /// kops reads as counts and statuses (tester62 AL22: an API log's `"response_status": "400"` read as 0, and the failed
    /// call dropped out of `logs --errors`).
    public var integer: Int? {
        if let int { return int }
        guard case .string(let text) = self, text.utf8.count <= 19 else { return nil }
        let digits = text.utf8.first == UInt8(ascii: "-") ? text.utf8.dropFirst() : text.utf8[...]
        guard !digits.isEmpty, digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else { return nil }
        return Int(text)
    }

    /// The number as the nearest `Double`, if this is a number.
    public var double: Double? {
        guard case .number(let literal) = self else { return nil }
        return Double(literal)
    }

    /// The Boolean, if this is `true` or `false`.
    public var bool: Bool? {
        guard case .bool(let value) = self else { return nil }
        return value
    }

    /// The elements, if this is an array.
    public var array: [JSONValue]? {
        guard case .array(let elements) = self else { return nil }
        return elements
    }

    /// The members, if this is an object.
    public var object: JSONObject? {
        guard case .object(let members) = self else { return nil }
        return members
    }

    /// Whether this is `null`.
    public var isNull: Bool {
        self == .null
    }

    /// The JSON type's name as a user would say it: `null`, `boolean`, `number`, `string`,
    /// `array` or `object`.
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}
