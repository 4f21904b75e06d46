/// A strict RFC 8259 parser over UTF-8 bytes, e.g. `{"data":[{"id":"1"}],"meta":{"page":1}}`.
///
/// It rejects what the RFC rejects (trailing commas, leading zeros, unescaped control
/// characters, invalid UTF-8, anything after the value), replaces lone `\u` surrogates with
/// U+FFFD, and limits nesting to `maximumDepth` so hostile input cannot overflow the stack.
struct JSONParser {
    static let maximumDepth = 512

    /// The document being parsed.
    let bytes: UnsafeBufferPointer<UInt8>
    /// The offset of the next byte to read.
    var index = 0
    private var depth = 0
    /// A fingerprint of each key of the objects being parsed, outermost object first: duplicates are
    /// found by comparing integers, and a string only when two fingerprints match.
    private var keyPrints: [UInt64] = []
    /// Keys met before, by fingerprint (each in one of two slots, `parseKey`): the next object of a list
    /// reuses the string instead of building it again. A slot holds the fingerprint and the key's position in
    /// `cachedKeys` (-1 for none), so the slots are plain integers, set up and freed without a look at 128 strings
    /// (about 10,000 instructions a parse, most of a short document's; docs/performance.md, "Session 36 (replay)").
    /// Taken from the thread's `JSONKeyCache` and given back after the parse: the keys of the parse before are met
    /// again from the first object on.
    private var slotPrints: [UInt64]
    private var slotKeys: [Int32]
    /// Each key a slot was given, in the order given.
    private var cachedKeys: [String]
    static let keyCacheSlots = 128
    /// Whether the byte ranges of the top-level object's `data` elements are kept (`items`).
    private var keepsItems = false
    /// Set between a top-level `data` key and the array that is its value: that array records its elements.
    private var itemsNext = false
    /// Each element of the top-level `data` array: its bytes, and false when a duplicate key was dropped in it.
    private var items: [(range: Range<Int>, exact: Bool)] = []
    /// How many duplicate keys the parse has dropped so far.
    private var duplicates = 0
    /// The member count (at most `sizeHintLimit`) of the last object closed at each depth below 16: the next
    /// object at that depth, most often the next item of a list, reserves that many entries instead of growing
    /// its storage five times on the way to 15 (the allocations were 4 % of a `deliveries --all` table).
    private var objectSizes = [Int](repeating: 0, count: 16)
    private static let sizeHintLimit = 64

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        (slotPrints, slotKeys, cachedKeys) = JSONKeyCache.take()
    }

    /// Gives the key cache back to the thread's `JSONKeyCache`, for its next parse.
    private func keepKeys() {
        JSONKeyCache.keep(prints: slotPrints, positions: slotKeys, keys: cachedKeys)
    }

    /// Parses one complete document, surrounded by optional whitespace.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONParseError) -> JSONValue {
        var parser = JSONParser(bytes: bytes)
        defer { parser.keepKeys() }
        parser.skipWhitespace()
        let value = try parser.parseValue()
        parser.skipWhitespace()
        guard parser.index == bytes.count else {
            throw JSONParseError("unexpected data after the value", at: parser.index)
        }
        return value
    }

    /// Parses one complete document as `parse` does, and keeps the byte range of each element of the top-level
    /// object's `data` array (of the last `data` key, which is the one kept), with whether the element is
    /// exactly its parsed value (no duplicate key dropped in it). Empty when there is no such array.
    static func parseKeepingItems(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONParseError)
        -> (JSONValue, [(range: Range<Int>, exact: Bool)])
    {
        var parser = JSONParser(bytes: bytes)
        defer { parser.keepKeys() }
        parser.keepsItems = true
        parser.skipWhitespace()
        let value = try parser.parseValue()
        parser.skipWhitespace()
        guard parser.index == bytes.count else {
            throw JSONParseError("unexpected data after the value", at: parser.index)
        }
        return (value, parser.items)
    }

    // MARK: - Values

    private mutating func parseValue() throws(JSONParseError) -> JSONValue {
        guard let byte = peek() else { throw JSONParseError("unexpected end of input", at: index) }
        switch byte {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        case UInt8(ascii: "t"): return try parseLiteral("true", .bool(true))
        case UInt8(ascii: "f"): return try parseLiteral("false", .bool(false))
        case UInt8(ascii: "n"): return try parseLiteral("null", .null)
        default: throw JSONParseError("expected a value", at: index)
        }
    }

    private mutating func parseLiteral(_ word: StaticString, _ value: JSONValue) throws(JSONParseError) -> JSONValue {
        let start = index
        for expected in UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount) {
            guard peek() == expected else { throw JSONParseError("expected '\(word)'", at: start) }
            index += 1
        }
        return value
    }

    private mutating func parseObject() throws(JSONParseError) -> JSONValue {
        try enterContainer()
        index += 1
        var object = JSONObject()
        // Duplicate keys are rare; only large objects get an index to find them quickly.
        var positions: [String: Int] = [:]
        // One bit per fingerprint's low six bits: a key whose bit is clear is new, without a look at the others.
        var printBits: UInt64 = 0
        let printsStart = keyPrints.count
        defer { keyPrints.removeSubrange(printsStart...) }
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return .object(object)
        }
        let level = depth
        if level < objectSizes.count, objectSizes[level] > 0 { object.entries.reserveCapacity(objectSizes[level]) }
        while true {
            guard peek() == UInt8(ascii: "\"") else {
                throw JSONParseError("expected a string key", at: index)
            }
            let (key, print) = try parseKey()
            skipWhitespace()
            guard peek() == UInt8(ascii: ":") else { throw JSONParseError("expected ':'", at: index) }
            index += 1
            skipWhitespace()
            if keepsItems, depth == 1, key == "data" {
                items = []
                itemsNext = peek() == UInt8(ascii: "[")
            }
            let value = try parseValue()
            insert(
                key: key, print: print, value: value, into: &object, positions: &positions, printBits: &printBits,
                printsStart: printsStart)
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","):
                index += 1
                skipWhitespace()
                if peek() == UInt8(ascii: "}") { throw JSONParseError("trailing comma before '}'", at: index) }
            case UInt8(ascii: "}"):
                index += 1
                depth -= 1
                if level < objectSizes.count { objectSizes[level] = min(object.entries.count, Self.sizeHintLimit) }
                return .object(object)
            default:
                throw JSONParseError("expected ',' or '}'", at: index)
            }
        }
    }

    private mutating func insert(
        key: String, print: UInt64, value: JSONValue, into object: inout JSONObject, positions: inout [String: Int],
        printBits: inout UInt64, printsStart: Int
    ) {
        let linearLimit = 64
        if object.entries.count < linearLimit {
            let bit: UInt64 = 1 << (print & 63)
            defer { printBits |= bit }
            if printBits & bit != 0 {
                for position in object.entries.indices
                where keyPrints[printsStart + position] == print && object.entries[position].key == key {
                    object.entries[position].value = value
                    duplicates += 1
                    return
                }
            }
            object.entries.append(JSONObject.Entry(key: key, value: value))
            keyPrints.append(print)
            return
        }
        if positions.isEmpty {
            for (position, entry) in object.entries.enumerated() {
                positions[entry.key] = position
            }
        }
        if let position = positions[key] {
            object.entries[position].value = value
            duplicates += 1
        } else {
            positions[key] = object.entries.count
            object.entries.append(JSONObject.Entry(key: key, value: value))
        }
    }

    /// A fingerprint of a key's UTF-8 `bytes`, read eight at a time: each word is mixed in by a multiplication, the
    /// last one's missing bytes read as zeros and the length mixed in first, and the result's bits spread by MurmurHash3's
    /// finaliser (the slots and `printBits` read its low bits). The byte-at-a-time FNV-1a it replaced cost about 13
    /// instructions a byte, half of `parseKey` (docs/performance.md, "Session 54"). Fingerprints only steer the key cache
    /// and the duplicate checks, which compare the bytes or strings whenever two fingerprints match.
    ///
    /// `readable` is how many bytes from the first may be read (at least `bytes.count`: the document's rest, where the
    /// key's closing quote follows it), so the last word is read whole and masked when eight bytes are there.
    @inline(__always)
    static func fingerprint(_ bytes: UnsafeBufferPointer<UInt8>, readable: Int) -> UInt64 {
        let count = bytes.count
        var hash = 0x9E37_79B9_7F4A_7C15 ^ UInt64(count)
        var position = 0
        while position + 8 <= count {
            hash = (hash ^ UInt64(littleEndian: ByteWords.word(bytes, at: position))) &* 0xBF58_476D_1CE4_E5B9
            position += 8
        }
        if position < count {
            let left = count - position
            var last: UInt64 = 0
            if readable - position >= 8 {
                last = UInt64(littleEndian: ByteWords.word(bytes, at: position)) & (UInt64.max >> UInt64(64 - 8 * left))
            } else {
                for offset in 0..<left { last |= UInt64(bytes[position + offset]) << UInt64(8 * offset) }
            }
            hash = (hash ^ last) &* 0xBF58_476D_1CE4_E5B9
        }
        hash ^= hash >> 33
        hash &*= 0xFF51_AFD7_ED55_8CCD
        hash ^= hash >> 33
        return hash
    }

    /// `fingerprint(_:readable:)` of a key's text (one with escapes, decoded).
    private static func fingerprint(_ key: String) -> UInt64 {
        var key = key
        return key.withUTF8 { fingerprint($0, readable: $0.count) }
    }

    /// An object key and its fingerprint. A key without escapes is found eight bytes at a time (non-ASCII bytes are
    /// read on, checked as UTF-8 when the key is made) and, when the cache holds the same bytes, shared rather than
    /// built again; one with escapes or a control byte takes `parseString`.
    private mutating func parseKey() throws(JSONParseError) -> (String, UInt64) {
        let quote = index
        let start = index + 1
        var end = ByteWords.firstStringSpecial(bytes, from: start)
        var nonASCII = false
        while end < bytes.count, bytes[end] >= 0x80 {
            nonASCII = true
            end = ByteWords.firstStringSpecial(bytes, from: end + 1)
        }
        guard end < bytes.count, bytes[end] == UInt8(ascii: "\"") else {
            let key = try parseString()
            return (key, Self.fingerprint(key))
        }
        index = end + 1
        let slice = UnsafeBufferPointer(rebasing: bytes[start..<end])
        let hash = Self.fingerprint(slice, readable: bytes.count - start)
        // Two slots a key may be in, from two parts of its fingerprint: two keys of an item that share one slot no
        // longer take it from each other at every item of a list (each rebuilt its string; docs/performance.md,
        // "Session 54").
        let first = Int(truncatingIfNeeded: hash % UInt64(Self.keyCacheSlots))
        let second = Int(truncatingIfNeeded: (hash / UInt64(Self.keyCacheSlots)) % UInt64(Self.keyCacheSlots))
        var probe = first
        while true {
            let position = slotKeys[probe]
            if position >= 0, slotPrints[probe] == hash {
                let cached = cachedKeys[Int(position)]
                if cached.utf8.withContiguousStorageIfAvailable({ Self.sameBytes($0, slice) }) == true { return (cached, hash) }
            }
            if probe == second { break }
            probe = second
        }
        let key = nonASCII ? try decode(slice, quote: quote) : String(decoding: slice, as: UTF8.self)
        // The first slot when it is free or both are taken (the last key wins it), else the second.
        let slot = slotKeys[first] < 0 || slotKeys[second] >= 0 ? first : second
        slotPrints[slot] = hash
        slotKeys[slot] = Int32(truncatingIfNeeded: cachedKeys.count)
        cachedKeys.append(key)
        return (key, hash)
    }

    /// True when `first` and `second` hold the same bytes, compared eight at a time (the last word read again in part
    /// where the count is no multiple of eight), byte by byte when shorter.
    @inline(__always)
    static func sameBytes(_ first: UnsafeBufferPointer<UInt8>, _ second: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = first.count
        guard second.count == count else { return false }
        guard count >= 8 else {
            for position in 0..<count where first[position] != second[position] { return false }
            return true
        }
        var offset = 0
        while offset + 8 < count {
            guard ByteWords.word(first, at: offset) == ByteWords.word(second, at: offset) else { return false }
            offset += 8
        }
        return ByteWords.word(first, at: count - 8) == ByteWords.word(second, at: count - 8)
    }

    private mutating func parseArray() throws(JSONParseError) -> JSONValue {
        try enterContainer()
        index += 1
        let recordsItems = itemsNext
        itemsNext = false
        var elements: [JSONValue] = []
        skipWhitespace()
        if peek() == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return .array(elements)
        }
        while true {
            if recordsItems {
                let start = index
                let dropped = duplicates
                elements.append(try parseValue())
                items.append((start..<index, duplicates == dropped))
            } else {
                elements.append(try parseValue())
            }
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","):
                index += 1
                skipWhitespace()
                if peek() == UInt8(ascii: "]") { throw JSONParseError("trailing comma before ']'", at: index) }
            case UInt8(ascii: "]"):
                index += 1
                depth -= 1
                return .array(elements)
            default:
                throw JSONParseError("expected ',' or ']'", at: index)
            }
        }
    }

    private mutating func enterContainer() throws(JSONParseError) {
        depth += 1
        guard depth <= Self.maximumDepth else {
            throw JSONParseError("nesting deeper than \(Self.maximumDepth) levels", at: index)
        }
    }

    // MARK: - Numbers

    // number = [ "-" ] ( "0" / [1-9] *DIGIT ) [ "." 1*DIGIT ] [ ( "e" / "E" ) [ "+" / "-" ] 1*DIGIT ]
    private mutating func parseNumber() throws(JSONParseError) -> JSONValue {
        let start = index
        if peek() == UInt8(ascii: "-") { index += 1 }
        if peek() == UInt8(ascii: "0") {
            index += 1
            if let next = peek(), isDigit(next) { throw JSONParseError("leading zero in number", at: index - 1) }
        } else {
            try skipDigits()
        }
        if peek() == UInt8(ascii: ".") {
            index += 1
            try skipDigits()
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            index += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { index += 1 }
            try skipDigits()
        }
        return .number(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
    }

    /// Skips one or more digits.
    private mutating func skipDigits() throws(JSONParseError) {
        guard let first = peek(), isDigit(first) else { throw JSONParseError("expected a digit", at: index) }
        index += 1
        while let next = peek(), isDigit(next) { index += 1 }
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    // MARK: - Bytes

    func peek() -> UInt8? {
        peek(at: index)
    }

    func peek(at position: Int) -> UInt8? {
        position < bytes.count ? bytes[position] : nil
    }

    private mutating func skipWhitespace() {
        while let byte = peek(),
            byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
                || byte == UInt8(ascii: "\t")
        {
            index += 1
        }
    }
}
