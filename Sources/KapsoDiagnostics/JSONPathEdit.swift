public import KapsoClient

/// One `--set PATH=VALUE` override of a webhook body: `message.text.body="Hola"`, `data[1].message.id=wamid.X`.
///
/// The path must already exist in the body (overrides change values, they do not invent fields); VALUE is
/// read as JSON when it parses (`42`, `true`, `null`, `"text"`, `{"a":1}`), else as a string. A value keeps the
/// JSON type of the one it replaces (`fitted(to:)`): a bare `1042` for a text field is the text "1042"; an object or
/// array is not replaced by a scalar, nor a number or boolean by another type (`typeProblem(in:)`).
public struct JSONPathEdit: Sendable, Equatable {
    /// One step of a path: an object key or an array index.
    public enum Step: Sendable, Equatable {
        case key(String)
        case index(Int)
    }

    public var path: String
    public var steps: [Step]
    public var value: JSONValue
    /// VALUE as typed, before it was read as JSON.
    public var typed: String

    /// Reads `PATH=VALUE`; nil when there is no `=`, the path is empty, or a bracket is not `[N]`.
    public init?(_ text: String) {
        guard let equals = text.firstIndex(of: "=") else { return nil }
        path = String(text[..<equals])
        let valueText = String(text[text.index(after: equals)...])
        guard let steps = Self.steps(path) else { return nil }
        self.steps = steps
        typed = valueText
        value = (try? JSONValue.parse(Array(valueText.utf8))) ?? .string(valueText)
    }

    /// The value at the path in `body`, or nil when the path is missing.
    public func current(in body: JSONValue) -> JSONValue? {
        var current = body
        for step in steps {
            switch (step, current) {
            case (.key(let key), .object(let object)):
                guard let next = object[key] else { return nil }
                current = next
            case (.index(let index), .array(let items)) where index < items.count:
                current = items[index]
            default:
                return nil
            }
        }
        return current
    }

    /// Why VALUE cannot replace the value at the path (another JSON type than the payload's), e.g. `'message.text'
    /// is an object (keys: body); set a field inside it, e.g. message.text.body=...`; nil when it fits.
    public func typeProblem(in body: JSONValue) -> String? {
        guard let current = current(in: body), let fitted = Self.fitted(value, typed: typed, to: current) else { return nil }
        if fitted.typeName == current.typeName || current == .null { return nil }
        switch current {
        case .object(let object):
            let first = object.keys.first.map { "\(path).\($0)=..." } ?? "\(path)={...}"
            return "'\(path)' is an object (keys: \(object.keys.joined(separator: ", "))); set a field inside it, e.g. \(first)"
        case .array:
            return "'\(path)' is an array; set an item inside it, e.g. \(path)[0]..."
        case .bool:
            return "'\(path)' is a boolean in this payload; give true or false"
        case .number:
            return "'\(path)' is a number in this payload; give a number"
        default:
            let given = fitted.typeName == "null" ? "null" : "an \(fitted.typeName)"
            return "'\(path)' is text in this payload; give text, not \(given)"
        }
    }

    /// The edit with VALUE fitted to the value it replaces in `body`: a bare number or boolean typed for a string
    /// becomes that text (`message.text.body=1042` sends "1042", as Kapso would).
    public func fitted(to body: JSONValue) -> JSONPathEdit {
        guard let current = current(in: body), let fitted = Self.fitted(value, typed: typed, to: current) else { return self }
        var edit = self
        edit.value = fitted
        return edit
    }

    private static func fitted(_ value: JSONValue, typed: String, to current: JSONValue) -> JSONValue? {
        switch (current, value) {
        case (.string, .number), (.string, .bool): .string(typed)
        default: value
        }
    }

    /// `a.b[0].c` or `a.b.0.c` → key a, key b, index 0, key c.
    static func steps(_ path: String) -> [Step]? {
        var steps: [Step] = []
        for part in path.split(separator: ".", omittingEmptySubsequences: false) {
            var rest = Substring(part)
            let name = rest.prefix { $0 != "[" }
            rest = rest.dropFirst(name.count)
            if !name.isEmpty {
                if let index = Int(name), index >= 0 { steps.append(.index(index)) } else { steps.append(.key(String(name))) }
            } else if rest.isEmpty {
                return nil
            }
            while !rest.isEmpty {
                guard rest.first == "[", let close = rest.firstIndex(of: "]"),
                    let index = Int(rest[rest.index(after: rest.startIndex)..<close]), index >= 0
                else { return nil }
                steps.append(.index(index))
                rest = rest[rest.index(after: close)...]
            }
        }
        return steps.isEmpty ? nil : steps
    }

    /// Why the path is not in `body`: the part that was not found and what is there instead; nil when it is.
    public func missing(in body: JSONValue) -> String? {
        var current = body
        var walked = ""
        for step in steps {
            switch (step, current) {
            case (.key(let key), .object(let object)):
                guard let next = object[key] else {
                    return "no '\(key)'" + (walked.isEmpty ? "" : " in '\(walked)'") + "; keys there: "
                        + object.keys.joined(separator: ", ")
                }
                current = next
                walked += (walked.isEmpty ? "" : ".") + key
            case (.index(let index), .array(let items)):
                guard index < items.count else {
                    return "'\(walked)' has \(items.count) item\(items.count == 1 ? "" : "s"), no [\(index)]"
                }
                current = items[index]
                walked += "[\(index)]"
            case (.index, _):
                return (walked.isEmpty ? "the body" : "'\(walked)'") + " is a \(current.typeName), not an array"
            case (.key, _):
                return (walked.isEmpty ? "the body" : "'\(walked)'") + " is a \(current.typeName), not an object"
            }
        }
        return nil
    }

    /// `body` with the value at the path replaced; `body` unchanged when the path is missing.
    public func applied(to body: JSONValue) -> JSONValue {
        Self.replacing(steps[...], in: body, with: value)
    }

    private static func replacing(_ steps: ArraySlice<Step>, in value: JSONValue, with new: JSONValue) -> JSONValue {
        guard let step = steps.first else { return new }
        switch (step, value) {
        case (.key(let key), .object(var object)):
            guard let child = object[key] else { return value }
            object[key] = replacing(steps.dropFirst(), in: child, with: new)
            return .object(object)
        case (.index(let index), .array(var items)) where index < items.count:
            items[index] = replacing(steps.dropFirst(), in: items[index], with: new)
            return .array(items)
        default:
            return value
        }
    }
}
