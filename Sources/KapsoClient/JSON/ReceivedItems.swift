/// The items of a list body as they were received: the body's bytes and the byte range of each element of its
/// top-level `data` array, e.g. `{"data":[{"id":"1"},{"id":"2"}],"paging":{}}` gives `{"id":"1"}`, `{"id":"2"}`.
///
/// A long list printed as JSON re-emits each item's own bytes, laid out as the serializer lays out its parsed
/// value, instead of writing the value again from its tree (`text(at:pretty:indent:)`); that is a copy with
/// whitespace put in, about a fifth of the writer's instructions (docs/performance.md, session 6).
public struct ReceivedItems: Sendable {
    /// The whole body.
    let bytes: [UInt8]
    /// Each element's bytes, and false when the parse dropped a duplicate key inside it.
    let items: [(range: Range<Int>, exact: Bool)]
    /// The keys each element's parsed object was cut down to (`JSONValue.scanList`); nil when the elements were
    /// parsed whole.
    public let keptKeys: [String]?
    /// The keys whose values were located in each element without being parsed (`JSONValue.scanList(_:keeping:
    /// locating:)`); empty when none were.
    public let locatedKeys: [String]
    /// `locatedKeys.count` ranges an element: where the value of each located key is in `bytes`, an empty range when
    /// the element has no such key.
    let locations: [Range<Int>]

    init(
        bytes: [UInt8], items: [(range: Range<Int>, exact: Bool)], keptKeys: [String]? = nil, locatedKeys: [String] = [],
        locations: [Range<Int>] = []
    ) {
        self.bytes = bytes
        self.items = items
        self.keptKeys = keptKeys
        self.locatedKeys = locatedKeys
        self.locations = locations
    }

    /// The value of located key `key` (an index of `locatedKeys`) in element `item`, as the parser reads it; nil when
    /// the element has no such key.
    public func located(_ key: Int, in item: Int) -> JSONValue? {
        let range = locations[item * locatedKeys.count + key]
        guard !range.isEmpty else { return nil }
        return bytes.withUnsafeBufferPointer { ListScanner.value(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// `located(key, in: item)?.string`, made from the bytes at once when the string has no escape.
    public func locatedString(_ key: Int, in item: Int) -> String? {
        let range = locations[item * locatedKeys.count + key]
        guard !range.isEmpty else { return nil }
        return bytes.withUnsafeBufferPointer { body in
            let value = UnsafeBufferPointer(rebasing: body[range])
            guard value[0] == UInt8(ascii: "\"") else { return nil }
            let inner = UnsafeBufferPointer(rebasing: value[1..<(value.count - 1)])
            // Without an escape a string is its bytes (checked UTF-8), as `ListScanner.value` makes it.
            guard ByteWords.firstIndex(of: UInt8(ascii: "\\"), in: inner) == nil else { return ListScanner.value(value)?.string }
            return String(decoding: inner, as: UTF8.self)
        }
    }

    /// The text `make` gives the bytes of located key `key`'s string in element `item` when they are the string's UTF-8
    /// as it is (no escape; `String(decoding:as:)` of them is `locatedString(key, in: item)`), so a cell can be made
    /// from them without the whole string first; nil when the element has no such key, its value is no string or holds
    /// an escape, or `make` gives nil. Not generic: a generic one, called from another module, was not specialized and
    /// looked up `Optional`'s metadata at every call (330 instructions a row).
    public func locatedString(
        _ key: Int, in item: Int, madeBy make: (UnsafeBufferPointer<UInt8>) -> String?
    ) -> String? {
        let range = locations[item * locatedKeys.count + key]
        guard !range.isEmpty else { return nil }
        return bytes.withUnsafeBufferPointer { whole in
            let value = UnsafeBufferPointer(rebasing: whole[range])
            guard value[0] == UInt8(ascii: "\"") else { return nil }
            let inner = UnsafeBufferPointer(rebasing: value[1..<(value.count - 1)])
            guard ByteWords.firstIndex(of: UInt8(ascii: "\\"), in: inner) == nil else { return nil }
            return make(inner)
        }
    }

    /// Strings made from located values (`locatedString(_:in:reusing:madeBy:)`), kept with the bytes each was made
    /// from, so that a value met again gives the same `String`, shared instead of made, copied and freed again: the
    /// few events and webhook URLs of a page of deliveries (docs/performance.md, "Session 13"). For one
    /// `ReceivedItems` only: the bytes are looked up in its body.
    public struct LocatedStrings {
        /// The latest last.
        fileprivate var made: [(bytes: Range<Int>, text: String)] = []

        public init() {}
    }

    /// `locatedString(key, in: item, madeBy: make)`: the string made before from the same bytes when `strings` holds
    /// one, else the one `make` makes (kept in `strings`, which holds the latest eight).
    public func locatedString(
        _ key: Int, in item: Int, reusing strings: inout LocatedStrings,
        madeBy make: (UnsafeBufferPointer<UInt8>) -> String?
    ) -> String? {
        let range = locations[item * locatedKeys.count + key]
        guard !range.isEmpty else { return nil }
        return bytes.withUnsafeBufferPointer { whole -> String? in
            let value = UnsafeBufferPointer(rebasing: whole[range])
            guard value[0] == UInt8(ascii: "\"") else { return nil }
            let inner = (range.lowerBound + 1)..<(range.upperBound - 1)
            let base = whole.baseAddress!
            for index in strings.made.indices.reversed() {
                let earlier = strings.made[index].bytes
                if earlier.count == inner.count, Self.same(base, earlier.lowerBound, inner.lowerBound, count: inner.count) {
                    return strings.made[index].text
                }
            }
            let bytes = UnsafeBufferPointer(rebasing: whole[inner])
            guard ByteWords.firstIndex(of: UInt8(ascii: "\\"), in: bytes) == nil, let text = make(bytes) else { return nil }
            if strings.made.count == 8 { strings.made.removeFirst() }
            strings.made.append((inner, text))
            return text
        }
    }

    /// True when located keys `key` and `other` of element `item` both have a value and the values' bytes are the
    /// same (so is every reading of them).
    public func locatedSame(_ key: Int, _ other: Int, in item: Int) -> Bool {
        let first = locations[item * locatedKeys.count + key]
        let second = locations[item * locatedKeys.count + other]
        guard !first.isEmpty, first.count == second.count else { return false }
        return bytes.withUnsafeBufferPointer { Self.same($0.baseAddress!, first.lowerBound, second.lowerBound, count: first.count) }
    }

    /// True when the `count` bytes at `first` and at `second` from `base` are the same; eight at a time.
    private static func same(_ base: UnsafePointer<UInt8>, _ first: Int, _ second: Int, count: Int) -> Bool {
        var offset = 0
        while offset + 8 <= count {
            if UnsafeRawPointer(base + first + offset).loadUnaligned(as: UInt64.self)
                != UnsafeRawPointer(base + second + offset).loadUnaligned(as: UInt64.self)
            {
                return false
            }
            offset += 8
        }
        while offset < count {
            if base[first + offset] != base[second + offset] { return false }
            offset += 1
        }
        return true
    }

    /// `located(key, in: item)?.int`, read from the bytes at once for an integer of up to 18 digits.
    public func locatedInt(_ key: Int, in item: Int) -> Int? {
        let range = locations[item * locatedKeys.count + key]
        guard !range.isEmpty else { return nil }
        return bytes.withUnsafeBufferPointer { body in
            let value = UnsafeBufferPointer(rebasing: body[range])
            let negative = value[0] == UInt8(ascii: "-")
            let digits = UnsafeBufferPointer(rebasing: value[(negative ? 1 : 0)...])
            guard !digits.isEmpty, digits.count <= 18,
                digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
            else { return ListScanner.value(value)?.int }
            let magnitude = digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
            return negative ? -magnitude : magnitude
        }
    }

    /// How many elements `data` had.
    public var count: Int { items.count }

    /// Whether `test` holds for the bytes the elements were read from (the whole answer), read in place.
    public func bytesSatisfy(_ test: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
        bytes.withUnsafeBufferPointer(test)
    }

    /// Element `index` (0-based, below `count`) parsed whole, as the list's parse gives it; nil only for bytes the
    /// parser refuses, which a list's own parse or scan did not let through.
    public func value(at index: Int) -> JSONValue? {
        bytes.withUnsafeBufferPointer { body in try? JSONParser.parse(UnsafeBufferPointer(rebasing: body[items[index].range])) }
    }

    /// The elements at `positions` (ascending, each below `count`), in that order.
    public func keeping(_ positions: [Int]) -> ReceivedItems {
        let stride = locatedKeys.count
        return ReceivedItems(
            bytes: bytes, items: positions.map { items[$0] }, keptKeys: keptKeys, locatedKeys: locatedKeys,
            locations: positions.flatMap { locations[($0 * stride)..<($0 * stride + stride)] })
    }

    /// Element `index` (0-based, below `count`) as `JSONValue.serialized(pretty:indent:)` writes its parsed value,
    /// byte for byte; nil when that cannot be told from its bytes alone, and then the caller serializes the value.
    ///
    /// The bytes are the serializer's own when every string and key is in them as the serializer writes it: no
    /// backslash (an escape the serializer may spell otherwise: `\/`, `\u0041`, `\u001F`) and no DEL (which the
    /// serializer escapes), and no duplicate key (the parsed object kept one). Numbers and `true`, `false`, `null`
    /// are kept as written by both; keys are in document order in both. What is left is whitespace between tokens,
    /// which this drops and, for `pretty`, writes as the serializer does (a line and two spaces per level from
    /// `indent`, `": "`, `[]` and `{}` for empty containers).
    public func text(at index: Int, pretty: Bool, indent: Int) -> String? {
        let (range, exact) = items[index]
        guard exact else { return nil }
        let written = bytes.withUnsafeBufferPointer { body in
            JSONLayout.write(UnsafeBufferPointer(rebasing: body[range]), pretty: pretty, indent: indent)
        }
        return written.map { String(decoding: $0, as: UTF8.self) }
    }

    /// Every element as `text(at:pretty: false, indent: 0)` writes it, each followed by a line feed, in one buffer
    /// (an NDJSON page as a terminal is given it); nil when an element's text is nil.
    public func compactLines() -> [UInt8]? {
        compactLinesTested()?.lines
    }

    /// `compactLines()`, and true when every byte of them is printable ASCII or a line feed and none is a backslash
    /// (what `ByteWords.allPrintableASCIIWithoutBackslash` answers), learnt from the test that lets each element be
    /// copied as it is, so the lines need not be read once more for it; false also where that test cannot tell (an
    /// element with whitespace between its tokens, laid out again).
    public func compactLinesTested() -> (lines: [UInt8], printableWithoutBackslash: Bool)? {
        guard let first = items.first, let last = items.last else { return ([], true) }
        var output: [UInt8] = []
        output.reserveCapacity(last.range.upperBound - first.range.lowerBound + 1)
        var printable = true
        let complete = bytes.withUnsafeBufferPointer { body in
            for (range, exact) in items {
                guard exact,
                    JSONLayout.appendCompact(UnsafeBufferPointer(rebasing: body[range]), to: &output, printable: &printable)
                else {
                    return false
                }
                output.append(UInt8(ascii: "\n"))
            }
            return true
        }
        return complete ? (output, printable) : nil
    }
}

extension JSONValue {
    /// Parses a list body as `parse` does, and keeps its `data` elements' bytes (`ReceivedItems`; none when the
    /// body has no top-level `data` array).
    public static func parseList(_ bytes: [UInt8]) throws(JSONParseError) -> (JSONValue, ReceivedItems) {
        let result = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(JSONParseError) in try JSONParser.parseKeepingItems(buffer) }
        }
        let (value, items) = try result.get()
        return (value, ReceivedItems(bytes: bytes, items: items))
    }
}

/// Lays out one JSON value, already checked by the parser, as the serializer does.
enum JSONLayout {
    /// `value`'s tokens with the serializer's whitespace; nil at a backslash or DEL in a string.
    static func write(_ value: UnsafeBufferPointer<UInt8>, pretty: Bool, indent: Int) -> [UInt8]? {
        pretty ? writePretty(value, indent: indent) : writeCompact(value)
    }

    /// `value` without whitespace between tokens: most often the bytes as they are (one copy), else the runs
    /// between the spaces outside strings.
    private static func writeCompact(_ value: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        if !ByteWords.containsSpaceEscapeOrDEL(value) { return Array(value) }
        var output: [UInt8] = []
        output.reserveCapacity(value.count)
        return appendRuns(value, to: &output) ? output : nil
    }

    /// `writeCompact`'s text appended to `output`; false (with `output` partly written) where it gives nil.
    /// `printable` is set false unless the bytes appended are printable ASCII without a backslash (see
    /// `ReceivedItems.compactLinesTested`).
    static func appendCompact(_ value: UnsafeBufferPointer<UInt8>, to output: inout [UInt8], printable: inout Bool) -> Bool {
        let found = ByteWords.spaceEscapeDELOrNonASCII(value)
        if !found.spaceEscapeOrDEL {
            output.append(contentsOf: value)
            if found.nonASCII { printable = false }
            return true
        }
        printable = false
        return appendRuns(value, to: &output)
    }

    /// The runs of `value` between the whitespace outside its strings, appended to `output`; false at a backslash
    /// or DEL in a string.
    private static func appendRuns(_ value: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) -> Bool {
        var run = 0
        var position = 0
        while position < value.count {
            switch value[position] {
            case UInt8(ascii: "\""):
                guard let end = stringEnd(value, quote: position) else { return false }
                position = end
            case UInt8(ascii: " "), 0x0A, 0x0D, 0x09:
                output.append(contentsOf: UnsafeBufferPointer(rebasing: value[run..<position]))
                position += 1
                run = position
            default:
                position += 1
            }
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: value[run...]))
        return true
    }

    /// The position after the string whose opening quote is at `quote`; nil when it holds a backslash or DEL.
    @inline(__always)
    private static func stringEnd(_ value: UnsafeBufferPointer<UInt8>, quote: Int) -> Int? {
        var position = quote + 1
        // Eight bytes at a time while none is a quote, a backslash or DEL (the parser let no control through).
        while position + 8 <= value.count {
            let word = ByteWords.word(value, at: position)
            if ByteWords.contains(word, 0x22) || ByteWords.contains(word, 0x5C) || ByteWords.contains(word, 0x7F) {
                break
            }
            position += 8
        }
        while value[position] != UInt8(ascii: "\"") {
            if value[position] == UInt8(ascii: "\\") || value[position] == 0x7F { return nil }
            position += 1
        }
        return position + 1
    }

    private static func writePretty(_ value: UnsafeBufferPointer<UInt8>, indent: Int) -> [UInt8]? {
        var output: [UInt8] = []
        output.reserveCapacity(value.count + value.count / 2)
        var level = indent
        var position = 0
        let count = value.count
        func newline() {
            output.append(UInt8(ascii: "\n"))
            output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: level * 2))
        }
        while position < count {
            let byte = value[position]
            switch byte {
            case UInt8(ascii: " "), 0x0A, 0x0D, 0x09:
                position += 1
            case UInt8(ascii: "\""):
                guard let end = stringEnd(value, quote: position) else { return nil }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: value[position..<end]))
                position = end
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let close = byte == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
                output.append(byte)
                position += 1
                while value[position] == UInt8(ascii: " ") || value[position] == 0x0A || value[position] == 0x0D
                    || value[position] == 0x09
                {
                    position += 1
                }
                if value[position] == close {
                    output.append(close)
                    position += 1
                } else {
                    level += 1
                    newline()
                }
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                level -= 1
                newline()
                output.append(byte)
                position += 1
            case UInt8(ascii: ","):
                output.append(byte)
                newline()
                position += 1
            case UInt8(ascii: ":"):
                output.append(byte)
                output.append(UInt8(ascii: " "))
                position += 1
            default:
                // A number, `true`, `false` or `null`: up to the next delimiter.
                let start = position
                while position < count, !isDelimiter(value[position]) { position += 1 }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: value[start..<position]))
            }
        }
        return output
    }

    @inline(__always)
    private static func isDelimiter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: " "), 0x0A, 0x0D, 0x09: true
        default: false
        }
    }
}
