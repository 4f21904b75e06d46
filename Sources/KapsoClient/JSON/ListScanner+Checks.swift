/// The checks of `ListScanner`: each moves past one piece of JSON as `JSONParser` reads it, or answers false (nil)
/// where the parser would refuse it or the scanner cannot tell, e.g. `"caf\u00e9"`, `-1.5e3`, `{"a":[1,{}]}`.
extension ListScanner {
    /// Moves past one value, checking it as the parser would; false where the parser must decide.
    mutating func skipValue() -> Bool {
        // A NUL byte is no value: the end of input reads as one.
        switch peek() ?? 0 {
        case UInt8(ascii: "{"): return skipObject()
        case UInt8(ascii: "["): return skipArray()
        case UInt8(ascii: "\""): return skipString()
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return skipNumber()
        case UInt8(ascii: "t"): return skipLiteral("true")
        case UInt8(ascii: "f"): return skipLiteral("false")
        case UInt8(ascii: "n"): return skipLiteral("null")
        default: return false
        }
    }

    /// Moves past an object, checking its keys too (`key(objectStart:lengths:)`).
    mutating func skipObject() -> Bool {
        guard enter() else { return false }
        index += 1
        let objectStart = keys.count
        var lengths: UInt64 = 0
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return true
        }
        while true {
            guard key(objectStart: objectStart, lengths: &lengths) != nil, colon(), skipValue(),
                let more = separator(close: UInt8(ascii: "}"))
            else { return false }
            if !more { break }
        }
        keys.removeLast(keys.count - objectStart)
        depth -= 1
        return true
    }

    mutating func skipArray() -> Bool {
        guard enter() else { return false }
        index += 1
        skipWhitespace()
        if peek() == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return true
        }
        while true {
            guard skipValue(), let more = separator(close: UInt8(ascii: "]")) else { return false }
            if !more { break }
        }
        depth -= 1
        return true
    }

    /// After a member or element: true past a `,` (another follows), false past `close`, nil otherwise.
    mutating func separator(close: UInt8) -> Bool? {
        skipWhitespace()
        switch peek() {
        case UInt8(ascii: ","):
            index += 1
            skipWhitespace()
            // A trailing comma is refused by the parser.
            return peek() == close ? nil : true
        case close:
            index += 1
            return false
        default:
            return nil
        }
    }

    mutating func colon() -> Bool {
        skipWhitespace()
        guard peek() == UInt8(ascii: ":") else { return false }
        index += 1
        skipWhitespace()
        return true
    }

    mutating func enter() -> Bool {
        depth += 1
        return depth <= JSONParser.maximumDepth
    }

    /// The bytes of the key at `index` (between its quotes), moved past; nil for a key with an escape, a control or
    /// non-ASCII byte, one the object already has, or the object's 64th.
    mutating func key(objectStart: Int, lengths: inout UInt64) -> Range<Int>? {
        guard peek() == UInt8(ascii: "\""), keys.count - objectStart < 63 else { return nil }
        let start = index + 1
        // The first quote, backslash, control or non-ASCII byte must be the closing quote.
        let end = ByteWords.firstStringSpecial(bytes, from: start)
        guard end < bytes.count, bytes[end] == UInt8(ascii: "\"") else { return nil }
        let count = end - start
        let bit: UInt64 = 1 << UInt64(count & 63)
        if lengths & bit != 0 {
            var earlier = objectStart
            while earlier < keys.count {
                if keys[earlier].count == count && equal(start, keys[earlier].start, count) { return nil }
                earlier += 1
            }
        }
        lengths |= bit
        keys.append((start, count))
        index = end + 1
        return start..<end
    }

    /// Moves past the string at `index`: no control byte, valid escapes, valid UTF-8 between them.
    mutating func skipString() -> Bool {
        var position = index + 1
        while true {
            // Past the plain bytes, eight at a time, to the next quote, backslash, control or non-ASCII byte.
            position = ByteWords.firstStringSpecial(bytes, from: position)
            guard position < bytes.count else { return false }
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "\""):
                index = position + 1
                return true
            case UInt8(ascii: "\\"):
                guard let next = escapeEnd(position) else { return false }
                position = next
            case 0..<0x20:
                return false
            case 0x80...:
                guard let length = UTF8Check.sequenceLength(bytes, at: position) else { return false }
                position += length
            default:
                position += 1
            }
        }
    }

    /// The position after the escape at `backslash`; nil for one the parser refuses.
    func escapeEnd(_ backslash: Int) -> Int? {
        guard backslash + 1 < bytes.count else { return nil }
        switch bytes[backslash + 1] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
            UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            return backslash + 2
        case UInt8(ascii: "u"):
            // A lone surrogate is replaced by the parser, not refused: four hex digits are all it asks.
            guard backslash + 6 <= bytes.count else { return nil }
            for position in (backslash + 2)..<(backslash + 6) where !isHexDigit(bytes[position]) { return nil }
            return backslash + 6
        default:
            return nil
        }
    }

    // number = [ "-" ] ( "0" / [1-9] *DIGIT ) [ "." 1*DIGIT ] [ ( "e" / "E" ) [ "+" / "-" ] 1*DIGIT ]
    mutating func skipNumber() -> Bool {
        if peek() == UInt8(ascii: "-") { index += 1 }
        if peek() == UInt8(ascii: "0") {
            index += 1
            if let next = peek(), isDigit(next) { return false }
        } else if !skipDigits() {
            return false
        }
        if peek() == UInt8(ascii: "."), !skipDigits(after: 1) { return false }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            index += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { index += 1 }
            return skipDigits()
        }
        return true
    }

    /// Moves past `skip` bytes and then one or more digits; false when there is no digit.
    mutating func skipDigits(after skip: Int = 0) -> Bool {
        index += skip
        guard let first = peek(), isDigit(first) else { return false }
        index += 1
        while let next = peek(), isDigit(next) { index += 1 }
        return true
    }

    mutating func skipLiteral(_ word: StaticString) -> Bool {
        for expected in UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount) {
            guard peek() == expected else { return false }
            index += 1
        }
        return true
    }

    // MARK: - Bytes

    func equal(_ key: [UInt8], _ range: Range<Int>) -> Bool {
        for offset in 0..<key.count where key[offset] != bytes[range.lowerBound + offset] { return false }
        return true
    }

    func equal(_ first: Int, _ second: Int, _ count: Int) -> Bool {
        for offset in 0..<count where bytes[first + offset] != bytes[second + offset] { return false }
        return true
    }

    func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "f"))
    }

    func peek() -> UInt8? {
        index < bytes.count ? bytes[index] : nil
    }

    mutating func skipWhitespace() {
        while let byte = peek(),
            byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
                || byte == UInt8(ascii: "\t")
        {
            index += 1
        }
    }
}
