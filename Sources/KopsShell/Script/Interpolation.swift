#if canImport(Glibc)
    import Glibc
#endif
internal import KapsoClient

/// Replaces `${name}` with a session variable and `${env:NAME}` with an environment variable in a raw
/// line, before lexing, e.g. `use ${support}` → `use 100200300400501`.
///
/// Nothing inside `'...'` or after a backslash is replaced. Values are escaped so each stays exactly
/// what was stored: spaces, quotes and `;` in a value never split or end a word.
public enum Interpolation {
    /// The line with every reference replaced; throws `ScriptError` naming the first unset one.
    public static func expand(
        _ line: String, variables: [String: String], environment: [String: String]
    ) throws(ScriptError) -> String {
        // Most lines hold no `${` at all: the bytes say so without `String.contains`'s character search (~15,000
        // instructions a line); a line whose bytes hold one is asked as before.
        guard mayReference(line), line.contains("${") else { return line }
        // Scalars, as the lexer reads them: a combining mark must not hide a quote or a backslash.
        let characters = Array(line.unicodeScalars)
        var result = ""
        var index = 0
        var inDouble = false
        while index < characters.count {
            let character = characters[index]
            switch character {
            case "\\" where index + 1 < characters.count:
                result.unicodeScalars.append(character)
                result.unicodeScalars.append(characters[index + 1])
                index += 2
            case "'" where !inDouble:
                let close = characters[(index + 1)...].firstIndex(of: "'") ?? characters.count - 1
                result.unicodeScalars.append(contentsOf: characters[index...close])
                index = close + 1
            case "\"":
                inDouble.toggle()
                result.unicodeScalars.append(character)
                index += 1
            case "$" where index + 1 < characters.count && characters[index + 1] == "{":
                guard let close = characters[(index + 2)...].firstIndex(of: "}") else {
                    throw .malformedInterpolation(text: text(characters[index...]))
                }
                let name = text(characters[(index + 2)..<close])
                let value = try lookUp(name, variables: variables, environment: environment)
                result += escape(value, inDoubleQuotes: inDouble)
                guard result.utf8.count <= maxLineBytes else { throw .lineTooLong(limit: maxLineBytes) }
                index = close + 1
            default:
                result.unicodeScalars.append(character)
                index += 1
            }
        }
        return result
    }

    /// Whether the line's bytes hold `${` (false means its characters cannot).
    static func mayReference(_ line: String) -> Bool {
        // The bytes read in place, each `$` found a word at a time: the walk over the `utf8` view cost about 1,200
        // instructions a line, twice a line (docs/performance.md, "Session 53").
        var line = line
        return line.withUTF8 { bytes in
            var from = 0
            while let dollar = ByteWords.firstIndex(of: UInt8(ascii: "$"), in: bytes, from: from) {
                if dollar + 1 < bytes.count, bytes[dollar + 1] == UInt8(ascii: "{") { return true }
                from = dollar + 1
            }
            return false
        }
    }

    /// The most bytes a line may grow to once its variables are replaced (1 MiB).
    public static let maxLineBytes = 1 << 20

    private static func text(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars)
        return text
    }

    private static func lookUp(
        _ name: String, variables: [String: String], environment: [String: String]
    ) throws(ScriptError) -> String {
        if name.hasPrefix("env:") {
            let variable = String(name.dropFirst(4))
            guard isName(variable) else { throw .malformedInterpolation(text: "${\(name)}") }
            guard let value = environment[variable] else { throw .unsetEnvironmentVariable(name: variable) }
            // A byte that is not UTF-8 was decoded as U+FFFD when the environment was read: its bytes, still in this
            // process's environment, name it, and the line does not run (probe29 P29-5: "Ol\u{FFFD}" was sent).
            if value.unicodeScalars.contains("\u{FFFD}"), let raw = getenv(variable),
                case .notUTF8(let byte, let column) = LineInput.reading(Array(UnsafeRawBufferPointer(start: raw, count: strlen(raw))))
            {
                throw .environmentNotUTF8(name: variable, byte: byte, column: column)
            }
            return value
        }
        guard isName(name) else { throw .malformedInterpolation(text: "${\(name)}") }
        guard let value = variables[name] else {
            // A name of one or two characters is close to any other such name: no guess for those.
            throw .unsetVariable(name: name, suggestion: name.count > 2 ? Suggestion.closest(to: name, in: variables.keys.sorted()) : nil)
        }
        return value
    }

    /// Letters, digits, `_`, `-` and `.`, not empty.
    public static func isName(_ text: String) -> Bool {
        !text.isEmpty && text.allSatisfy { $0.isLetter || $0.isNumber || "_-.".contains($0) }
    }

    static func escape(_ value: String, inDoubleQuotes: Bool) -> String {
        var result = ""
        if inDoubleQuotes {
            for scalar in value.unicodeScalars {
                if "\"\\$".unicodeScalars.contains(scalar) { result.unicodeScalars.append("\\") }
                result.unicodeScalars.append(scalar)
            }
            return result
        }
        guard !value.isEmpty else { return "''" }
        for scalar in value.unicodeScalars {
            if scalar.properties.isWhitespace || "'\"\\;#$".unicodeScalars.contains(scalar) {
                result.unicodeScalars.append("\\")
            }
            result.unicodeScalars.append(scalar)
        }
        return result
    }
}
