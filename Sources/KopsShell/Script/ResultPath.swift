public import KapsoClient

/// A path into a result's JSON, e.g. `.data[0].id`, `.checks.webhook_verified.passed` or `.data | length`.
public struct ResultPath: Sendable, Equatable {
    /// One step into a value.
    enum Step: Sendable, Equatable {
        case key(String)
        case index(Int)
    }

    let steps: [Step]
    /// True for a trailing `| length`.
    let length: Bool
    /// The path as written, for messages.
    public let text: String

    /// Parses a path; throws `ScriptError.malformedPath` naming what is wrong.
    public init(_ text: String) throws(ScriptError) {
        self.text = text
        var body = text.trimmingWhitespace
        var length = false
        if let bar = body.firstIndex(of: "|") {
            guard body[body.index(after: bar)...].trimmingWhitespace == "length" else {
                throw .malformedPath(path: text, reason: "only '| length' may follow '|'")
            }
            length = true
            body = String(body[..<bar]).trimmingWhitespace
        }
        guard body.hasPrefix(".") else { throw .malformedPath(path: text, reason: "a path starts with '.'") }
        var steps: [Step] = []
        var characters = Substring(body)
        while let first = characters.first {
            if first == "." {
                characters = characters.dropFirst()
                let key = characters.prefix { $0 != "." && $0 != "[" }
                characters = characters.dropFirst(key.count)
                if !key.isEmpty {
                    steps.append(.key(String(key)))
                } else if characters.first == "." {
                    throw .malformedPath(path: text, reason: "empty key")
                }
            } else if first == "[" {
                guard let close = characters.firstIndex(of: "]"),
                    let index = Int(characters[characters.index(after: characters.startIndex)..<close]),
                    index >= 0
                else { throw .malformedPath(path: text, reason: "an index is a whole number in [ ]") }
                steps.append(.index(index))
                characters = characters[characters.index(after: close)...]
            } else {
                throw .malformedPath(path: text, reason: "unexpected '\(first)'")
            }
        }
        self.steps = steps
        self.length = length
    }

    /// The value at this path, or nil when a step is missing (or `| length` meets a number, boolean or null).
    public func value(in json: JSONValue) -> JSONValue? {
        var current = json
        for step in steps {
            switch step {
            case .key(let key):
                guard let next = current[key] else { return nil }
                current = next
            case .index(let index):
                guard let next = current[index] else { return nil }
                current = next
            }
        }
        guard length else { return current }
        switch current {
        case .array(let items): return .number(String(items.count))
        case .object(let object): return .number(String(object.count))
        case .string(let text): return .number(String(text.count))
        default: return nil
        }
    }
}
