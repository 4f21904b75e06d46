/// Variables in template text: `Hi {{1}}` (POSITIONAL) or `Hi {{customer_name}}` (NAMED).
///
/// Source: gokapso/agent-skills `skills/integrate-whatsapp/references/templates-reference.md` ("Parameter
/// types", "Send-time components"); Meta's template guidelines (docs/templates.md).
public enum TemplateText {
    /// A piece of template text: literal text, or a variable by name (`1`, `customer_name`).
    public enum Segment: Sendable, Equatable {
        case text(String)
        case variable(String)
    }

    /// `Hi {{1}}, order {{2}}` → `[.text("Hi "), .variable("1"), .text(", order "), .variable("2")]`.
    /// Spaces inside the braces are ignored (`{{ 1 }}`); `{{}}` and an unclosed `{{` stay text.
    public static func segments(of text: String) -> [Segment] {
        var segments: [Segment] = []
        var literal = ""
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            if characters[index] == "{", index + 1 < characters.count, characters[index + 1] == "{",
                let close = closing(characters, from: index + 2)
            {
                let name = String(characters[(index + 2)..<close].filter { $0 != " " })
                if name.isEmpty || name.contains("{") {
                    literal += String(characters[index..<(close + 2)])
                } else {
                    if !literal.isEmpty { segments.append(.text(literal)) }
                    literal = ""
                    segments.append(.variable(name))
                }
                index = close + 2
            } else {
                literal.append(characters[index])
                index += 1
            }
        }
        if !literal.isEmpty { segments.append(.text(literal)) }
        return segments
    }

    /// The index of the next `}}` at or after `start`.
    private static func closing(_ characters: [Character], from start: Int) -> Int? {
        var index = start
        while index + 1 < characters.count {
            if characters[index] == "}" && characters[index + 1] == "}" { return index }
            index += 1
        }
        return nil
    }

    /// The distinct variable names of `text`, in order of first appearance.
    public static func variables(in text: String) -> [String] {
        var names: [String] = []
        for case .variable(let name) in segments(of: text) where !names.contains(name) { names.append(name) }
        return names
    }

    /// The text with known values filled in as `[value]` and unknown variables left as `{{name}}`, so a
    /// reader sees both what the contact will read and where the variables were.
    public static func marked(_ text: String, values: [String: String] = [:]) -> String {
        segments(of: text).map { segment in
            switch segment {
            case .text(let literal): literal
            case .variable(let name): values[name].map { "[\($0)]" } ?? "{{\(name)}}"
            }
        }.joined()
    }

    /// The text as the contact reads it: every variable replaced by its value (unknown ones left as `{{name}}`).
    public static func filled(_ text: String, values: [String: String]) -> String {
        segments(of: text).map { segment in
            switch segment {
            case .text(let literal): literal
            case .variable(let name): values[name] ?? "{{\(name)}}"
            }
        }.joined()
    }
}
