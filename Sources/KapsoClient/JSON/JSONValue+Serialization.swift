extension JSONValue {
    /// The value as JSON text, keys in document order and numbers as written.
    ///
    /// Compact output has no whitespace, like `JSON.stringify`; pretty output indents by two
    /// spaces and writes `"key": value`, like `jq`, with `[]` and `{}` for empty containers.
    /// Strings escape `"`, `\`, and control characters (`\n`, `\r`, `\t`, `\b`, `\f`, else
    /// `\u00XX`, DEL too); `/` and non-ASCII characters are written as they are. No trailing newline.
    /// `indent` is the nesting level the value starts at (pretty output only: its inner lines get two
    /// spaces more per level), for writing a value inside a document written in pieces.
    public func serialized(pretty: Bool = false, indent: Int = 0) -> String {
        var writer = JSONWriter(pretty: pretty)
        writer.write(self, indent: indent)
        return String(decoding: writer.output, as: UTF8.self)
    }
}

/// Writes a `JSONValue` as UTF-8 bytes.
private struct JSONWriter {
    let pretty: Bool
    var output: [UInt8] = []

    init(pretty: Bool) {
        self.pretty = pretty
    }

    mutating func write(_ value: JSONValue, indent: Int) {
        switch value {
        case .null: write("null")
        case .bool(let flag): write(flag ? "true" : "false")
        case .number(let literal): write(literal)
        case .string(let text): write(quoted: text)
        case .array(let elements):
            guard !elements.isEmpty else { return write("[]") }
            output.append(UInt8(ascii: "["))
            for (position, element) in elements.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                newline(indent: indent + 1)
                write(element, indent: indent + 1)
            }
            newline(indent: indent)
            output.append(UInt8(ascii: "]"))
        case .object(let object):
            guard !object.isEmpty else { return write("{}") }
            output.append(UInt8(ascii: "{"))
            for (position, entry) in object.entries.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                newline(indent: indent + 1)
                write(quoted: entry.key)
                output.append(UInt8(ascii: ":"))
                if pretty { output.append(UInt8(ascii: " ")) }
                write(entry.value, indent: indent + 1)
            }
            newline(indent: indent)
            output.append(UInt8(ascii: "}"))
        }
    }

    private mutating func newline(indent: Int) {
        guard pretty else { return }
        output.append(UInt8(ascii: "\n"))
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * 2))
    }

    private mutating func write(_ text: String) {
        output.append(contentsOf: text.utf8)
    }

    private mutating func write(quoted text: String) {
        output.append(UInt8(ascii: "\""))
        var text = text
        // One pass: the runs between bytes that need an escape are copied whole (most strings are one run).
        text.withUTF8 { bytes in
            var run = 0
            var position = 0
            // Eight bytes at a time while none needs an escape.
            while position + 8 <= bytes.count {
                let word = ByteWords.word(bytes, at: position)
                if ByteWords.contains(word, 0x22) || ByteWords.contains(word, 0x5C) || ByteWords.contains(word, 0x7F)
                    || ByteWords.containsBelow(word, 0x20)
                {
                    break
                }
                position += 8
            }
            for position in position..<bytes.count {
                let byte = bytes[position]
                guard byte < 0x20 || byte == 0x7F || byte == 0x22 || byte == 0x5C else { continue }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<position]))
                write(escaped: byte)
                run = position + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
        }
        output.append(UInt8(ascii: "\""))
    }

    /// `"`, `\`, or a control character (DEL too) as its JSON escape.
    private mutating func write(escaped byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): write("\\\"")
        case UInt8(ascii: "\\"): write("\\\\")
        case 0x0A: write("\\n")
        case 0x0D: write("\\r")
        case 0x09: write("\\t")
        case 0x08: write("\\b")
        case 0x0C: write("\\f")
        case 0..<0x20, 0x7F:
            let hex: [UInt8] = Array("0123456789abcdef".utf8)
            write("\\u00")
            output.append(hex[Int(byte >> 4)])
            output.append(hex[Int(byte & 0x0F)])
        default: output.append(byte)
        }
    }
}
