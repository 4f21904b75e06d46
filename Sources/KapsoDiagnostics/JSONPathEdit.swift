public import KapsoClient

/// One `--set PATH=VALUE` override of a webhook body: `message.text.body="Hola"`, `data[1].message.id=wamid.X`.
///
/// The path must already exist in the body (overrides change values, they do not invent fields); VALUE is
/// read as JSON when it parses (`42`, `true`, `null`, `"text"`, `{"a":1}`), else as a string.
public struct JSONPathEdit: Sendable, Equatable {
    /// One step of a path: an object key or an array index.
    public enum Step: Sendable, Equatable {
        case key(String)
        case index(Int)
    }

    public var path: String
    public var steps: [Step]
    public var value: JSONValue

    /// Reads `PATH=VALUE`; nil when there is no `=`, the path is empty, or a bracket is not `[N]`.
    public init?(_ text: String) {
        guard let equals = text.firstIndex(of: "=") else { return nil }
        path = String(text[..<equals])
        let valueText = String(text[text.index(after: equals)...])
        guard let steps = Self.steps(path) else { return nil }
        self.steps = steps
        value = (try? JSONValue.parse(Array(valueText.utf8))) ?? .string(valueText)
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
