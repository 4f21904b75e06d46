/// Reads a list body such as `{"data":[{"id":"1","status":"sent","x":{…}}],"paging":{"next":null}}` without building
/// its items' trees: each element of `data` becomes an object holding only the named keys (`["id", "status"]` gives
/// `{"id":"1","status":"sent"}`), with the element's byte range kept (`ReceivedItems`); every other top-level member
/// (`paging`, `meta`) is read whole (`member(_:)`).
///
/// It checks the body as `JSONParser` does (grammar, escapes, control characters, UTF-8, nesting) but builds only
/// what it keeps, so a page whose items are only printed costs a pass over its bytes instead of a tree built and
/// freed (docs/performance.md, session 7). It answers nil for anything it does not read exactly as the parser
/// would, and the caller parses then: a body the parser refuses, a duplicate key anywhere, a key with an escape or
/// a non-ASCII byte, an object of 64 keys or more, a document that is not an object with a `data` array of objects.
/// Where it answers, the result is the parser's with each item cut down to the named keys, in document order.
///
/// Keys it is told to locate are not parsed: the byte range of each one's value in each item is recorded instead
/// (`locations`), for a caller that reads a few values of thousands of items once, such as a table's row
/// (docs/performance.md, "Session 11").
struct ListScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    /// The keys kept from each item, and their bytes.
    private let names: [String]
    private let wanted: [[UInt8]]
    /// The keys whose values' ranges are recorded, as bytes.
    private let located: [[UInt8]]
    /// Bit `n` set when a kept or located key is `n` bytes long (`n` below 64): most keys are passed over on their
    /// length.
    private let wantedLengths: UInt64
    var index = 0
    var depth = 0
    /// The start and length of each key of the objects being read, outermost object first (duplicate checks).
    var keys: [(start: Int, count: Int)] = []
    /// `located.count` ranges an item, in document order of the items: the value of each located key, an empty
    /// range for a key the item does not have.
    private(set) var locations: [Range<Int>] = []
    /// The keys of the last item read, in order: where each is in `bytes`, and its position in `wanted` and in
    /// `located` (-1 for none). A list's items most often have the same keys in the same order, so each key of the
    /// next item is first compared with the key at its position here (`sameKey`).
    private var lastKeys: [(start: Int, count: Int, kept: Int, located: Int)] = []
    /// The keys of the item being read, while they differ from `lastKeys`.
    private var itemKeys: [(start: Int, count: Int, kept: Int, located: Int)] = []

    private init(bytes: UnsafeBufferPointer<UInt8>, keeping names: [String], locating located: [String]) {
        self.bytes = bytes
        self.names = names
        wanted = names.map { Array($0.utf8) }
        self.located = located.map { Array($0.utf8) }
        wantedLengths = (wanted + self.located).reduce(0) { $1.count < 64 ? $0 | 1 << UInt64($1.count) : $0 }
    }

    /// The document with each `data` element cut down to the keys `names`, each element's byte range, and the
    /// ranges of the values of the keys `located` (`located.count` an element, empty for a key an element lacks);
    /// nil where the parser must decide (see the type's summary).
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, keeping names: [String], locating located: [String] = [])
        -> (JSONValue, [(range: Range<Int>, exact: Bool)], [Range<Int>])?
    {
        var scanner = ListScanner(bytes: bytes, keeping: names, locating: located)
        guard let (document, items) = scanner.document() else { return nil }
        return (document, items, scanner.locations)
    }

    private mutating func document() -> (JSONValue, [(range: Range<Int>, exact: Bool)])? {
        skipWhitespace()
        guard peek() == UInt8(ascii: "{") else { return nil }
        index += 1
        depth = 1
        var document = JSONObject()
        var items: [(range: Range<Int>, exact: Bool)] = []
        var sawData = false
        var lengths: UInt64 = 0
        skipWhitespace()
        if peek() != UInt8(ascii: "}") {
            while true {
                guard let key = key(objectStart: 0, lengths: &lengths) else { return nil }
                guard colon() else { return nil }
                let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[key]), as: UTF8.self)
                if name == "data" {
                    // A second `data` is a duplicate key, refused above; a `data` that is no array goes to the parser.
                    guard peek() == UInt8(ascii: "["), let (elements, ranges) = dataArray() else { return nil }
                    document.entries.append(JSONObject.Entry(key: name, value: .array(elements)))
                    items = ranges.map { ($0, true) }
                    sawData = true
                } else {
                    let start = index
                    guard skipValue(), let value = Self.member(UnsafeBufferPointer(rebasing: bytes[start..<index])) else {
                        return nil
                    }
                    document.entries.append(JSONObject.Entry(key: name, value: value))
                }
                guard let more = separator(close: UInt8(ascii: "}")) else { return nil }
                if !more { break }
            }
        } else {
            index += 1
        }
        skipWhitespace()
        guard sawData, index == bytes.count else { return nil }
        return (.object(document), items)
    }

    /// The elements of the `data` array at `index`, each cut down to the kept keys, and their byte ranges.
    private mutating func dataArray() -> ([JSONValue], [Range<Int>])? {
        guard enter() else { return nil }
        index += 1
        var elements: [JSONValue] = []
        var ranges: [Range<Int>] = []
        skipWhitespace()
        if peek() == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return (elements, ranges)
        }
        while true {
            let start = index
            guard peek() == UInt8(ascii: "{"), let item = item() else { return nil }
            elements.append(.object(item))
            ranges.append(start..<index)
            guard let more = separator(close: UInt8(ascii: "]")) else { return nil }
            if !more { break }
        }
        depth -= 1
        return (elements, ranges)
    }

    /// The object at `index` with only its kept keys, their values parsed.
    private mutating func item() -> JSONObject? {
        guard enter() else { return nil }
        index += 1
        let objectStart = keys.count
        var lengths: UInt64 = 0
        var kept = JSONObject()
        kept.entries.reserveCapacity(names.count)
        let locationStart = locations.count
        for _ in located.indices { locations.append(0..<0) }
        // True while every key of this item so far is the last item's key at the same position.
        var following = true
        var position = 0
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            if !lastKeys.isEmpty { lastKeys.removeAll(keepingCapacity: true) }
            return kept
        }
        while true {
            let key: (start: Int, count: Int, kept: Int, located: Int)
            if following, position < lastKeys.count, sameKey(lastKeys[position]) {
                key = lastKeys[position]
            } else {
                if following {
                    following = false
                    itemKeys.removeAll(keepingCapacity: true)
                    itemKeys.append(contentsOf: lastKeys[..<position])
                    // The keys read so far, for the duplicate checks of the keys after them: the last item's, whose
                    // bytes they have.
                    for earlier in lastKeys[..<position] {
                        keys.append((earlier.start, earlier.count))
                        lengths |= 1 << UInt64(earlier.count & 63)
                    }
                }
                guard let range = self.key(objectStart: objectStart, lengths: &lengths) else { return nil }
                key = (range.lowerBound, range.count, keptPosition(range) ?? -1, locatedPosition(range) ?? -1)
                itemKeys.append(key)
            }
            position += 1
            guard colon() else { return nil }
            let start = index
            if key.kept >= 0 {
                guard skipValue(), let value = Self.value(UnsafeBufferPointer(rebasing: bytes[start..<index])) else {
                    return nil
                }
                kept.entries.append(JSONObject.Entry(key: names[key.kept], value: value))
            } else if !skipValue() {
                return nil
            }
            // A key is in an object once (the scanner refuses duplicates), so each location is set at most once.
            if key.located >= 0 { locations[locationStart + key.located] = start..<index }
            guard let more = separator(close: UInt8(ascii: "}")) else { return nil }
            if !more { break }
        }
        if !following {
            swap(&lastKeys, &itemKeys)
        } else if position < lastKeys.count {
            lastKeys.removeLast(lastKeys.count - position)
        }
        keys.removeLast(keys.count - objectStart)
        depth -= 1
        return kept
    }

    /// True, with `index` moved past it, when the key at `index` has the bytes of `last` (a key of the last item read,
    /// at the same position): then it is the same kept and located key, no key before it in this object has its bytes
    /// (the keys before it are the last item's, in order, and that item had each key once), and it holds no escape,
    /// control or non-ASCII byte. Such keys are noted for the duplicate checks (`keys`, `lengths`) only when a key
    /// after them is not the last item's.
    @inline(__always)
    private mutating func sameKey(_ last: (start: Int, count: Int, kept: Int, located: Int)) -> Bool {
        let start = index + 1
        let end = start + last.count
        guard end < bytes.count, bytes[index] == UInt8(ascii: "\""), bytes[end] == UInt8(ascii: "\""),
            sameBytes(start, last.start, last.count)
        else { return false }
        index = end + 1
        return true
    }

    /// `equal(_:_:_:)` eight bytes at a time, for keys (most are 8 bytes or more: `created_at`, `phone_number_id`).
    @inline(__always)
    private func sameBytes(_ first: Int, _ second: Int, _ count: Int) -> Bool {
        guard count >= 8 else { return equal(first, second, count) }
        let base = UnsafeRawPointer(bytes.baseAddress!)
        var offset = 0
        while offset + 8 < count {
            guard base.loadUnaligned(fromByteOffset: first + offset, as: UInt64.self)
                == base.loadUnaligned(fromByteOffset: second + offset, as: UInt64.self)
            else { return false }
            offset += 8
        }
        // The last eight bytes, read again in part where the count is no multiple of eight.
        return base.loadUnaligned(fromByteOffset: first + count - 8, as: UInt64.self)
            == base.loadUnaligned(fromByteOffset: second + count - 8, as: UInt64.self)
    }

    /// The position in `wanted` of the kept key whose bytes are at `key`, nil for one not kept.
    @inline(__always)
    private func keptPosition(_ key: Range<Int>) -> Int? {
        guard key.count < 64, wantedLengths & (1 << UInt64(key.count)) != 0 else { return nil }
        return wanted.indices.first { wanted[$0].count == key.count && equal(wanted[$0], key) }
    }

    /// The position in `located` of the key whose bytes are at `key`, nil for one not located.
    @inline(__always)
    private func locatedPosition(_ key: Range<Int>) -> Int? {
        guard key.count < 64, wantedLengths & (1 << UInt64(key.count)) != 0 else { return nil }
        return located.indices.first { located[$0].count == key.count && equal(located[$0], key) }
    }

    /// The value whose bytes (already checked by the scanner) are `value`, as the parser reads it.
    static func value(_ value: UnsafeBufferPointer<UInt8>) -> JSONValue? {
        switch value[0] {
        case UInt8(ascii: "\""):
            // Without an escape the string is its bytes (checked UTF-8); with one the parser decodes it.
            let inner = UnsafeBufferPointer(rebasing: value.dropFirst().dropLast())
            if ByteWords.firstIndex(of: UInt8(ascii: "\\"), in: inner) == nil {
                return .string(String(decoding: inner, as: UTF8.self))
            }
        case UInt8(ascii: "t"): return .bool(true)
        case UInt8(ascii: "f"): return .bool(false)
        case UInt8(ascii: "n"): return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return .number(String(decoding: value, as: UTF8.self))
        default: break
        }
        return try? JSONParser.parse(value)
    }
}

extension JSONValue {
    /// `parseList` for a list whose items are only printed: each `data` element is cut down to the keys `names`
    /// (`ListScanner`), its bytes kept, and where the values of the keys `located` are in them
    /// (`ReceivedItems.located`); nil where the scanner leaves the body to the parser (`parseList`).
    public static func scanList(_ bytes: [UInt8], keeping names: [String], locating located: [String] = [])
        -> (JSONValue, ReceivedItems)?
    {
        let scanned = bytes.withUnsafeBufferPointer { ListScanner.scan($0, keeping: names, locating: located) }
        return scanned.map {
            ($0.0, ReceivedItems(bytes: bytes, items: $0.1, keptKeys: names, locatedKeys: located, locations: $0.2))
        }
    }
}
