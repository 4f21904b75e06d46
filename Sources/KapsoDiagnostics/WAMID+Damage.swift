internal import Foundation
public import KapsoClient

// MARK: - A WAMID that the API does not know, and whether it looks damaged

extension WAMID {
    /// `lower` or `upper` when a typed WAMID's base64 is in that one case throughout and does not decode to the record
    /// every WAMID holds: base64 of binary mixes cases, so the id was changed on the way (a case-insensitive store, URL
    /// handling); nil otherwise.
    public static func oneCase(_ typed: String) -> String? {
        guard typed.lowercased().hasPrefix("wamid.") else { return nil }
        return oneCase(base64: typed.dropFirst(6).prefix { $0 != "=" })
    }

    private static func oneCase(base64 data: Substring) -> String? {
        let letters = data.filter(\.isLetter)
        guard letters.count >= 8, (bytes("wamid." + data).map(Record.read) ?? .unreadable) != .whole else { return nil }
        return letters.allSatisfy(\.isLowercase) ? "lower" : letters.allSatisfy(\.isUppercase) ? "upper" : nil
    }

    /// What looks damaged in a WAMID, in one phrase, or nil when it looks whole: `wamid.HBgL…gA==` → `it ends with 2
    /// '=' where its base64 needs 1 (an '=' was added)`.
    ///
    /// Read: characters base64 has not (`%25` of an id URL-encoded twice, `&`/`?`/`#` of a URL's query, `-`/`_` of
    /// URL-safe base64, a space where a URL's query decoding turned `+` into one), padding beyond what the base64
    /// needs, a length no base64 has, an id all in lower case (base64 is case-sensitive), and a record cut short. Meta
    /// does not document the layout; every WAMID observed (Meta's webhook samples, Kapso's fixtures) decodes to one
    /// whole Thrift-compact record (`0x1C`, the contact's number as a `0x18 <length> <digits>` field, …, a closing
    /// `0x00`), so an id whose bytes stop inside a field that announces more "may have been cut short", never more
    /// (ids made up for tests, such as the probes' seeds, can be such ids too).
    public static func damage(_ typed: String) -> String? {
        guard typed.lowercased().hasPrefix("wamid.") else { return withoutPrefix(typed) }
        if let doubled = doubledPrefix(typed) { return doubled }
        var encoded = String(typed.dropFirst(6))
        if encoded.range(of: "%25", options: .caseInsensitive) != nil {
            return "it is URL-encoded twice ('%25' is an encoded '%': '%253D' is '=' encoded twice); decode it once more"
        }
        for (escape, character) in [("%3D", "="), ("%2B", "+"), ("%2F", "/")] {
            encoded = encoded.replacingOccurrences(of: escape, with: character, options: .caseInsensitive)
        }
        if let escaped = jsonEscapes(in: encoded) { return escaped }
        if let entity = htmlEntity(in: encoded) { return entity }
        if let mark = encoded.first(where: { "&?#".contains($0) }) {
            return "it holds '\(mark)', where a URL's query goes on: it was copied with the rest of a URL; cut it at '\(mark)'"
        }
        // Whitespace before or after a whole id: copied with the line's end (`…RgA= `, `…RgA=\n`), not a '+' a query's
        // decoding made a space (tester48 F3: "put the '+' back" was said of an id that has none).
        let trimmed = encoded.trimmingSpaces()
        if trimmed != encoded, !trimmed.isEmpty, !trimmed.contains(where: \.isWhitespace), readsAsWAMID(trimmed) {
            let ends = encoded.prefix { $0.isWhitespace } + encoded.reversed().prefix { $0.isWhitespace }
            let what = ends.contains(where: \.isNewline) ? "a line break" : ends.count == 1 ? "a space" : "whitespace"
            let place = encoded.first?.isWhitespace == true ? (encoded.last?.isWhitespace == true ? "around" : "before") : "after"
            return "it has \(what) \(place) it (copied with the line's end): trimmed, it reads as a WAMID: wamid.\(trimmed)"
        }
        // Characters after the '=' padding, where a WAMID ends (`…MwA=x`, a literal `\n` from a JSON or log line, `%22`):
        // named with the id without them (probe25 P25-6: "ends with 2 '='" was said of one '=' and a stray 'x').
        if let pad = encoded.firstIndex(of: "=") {
            let tail = encoded[pad...].drop { $0 == "=" }
            let kept = String(encoded[..<tail.startIndex])
            if !tail.isEmpty, tail.contains(where: { $0.isLetter || $0.isNumber }) || tail.hasPrefix("%") || tail.hasPrefix("\\"),
                readsAsWAMID(kept)
            {
                let what = tail == "\\n" || tail == "\\r\\n"
                    ? "a literal \(tail) (an escaped line break copied from a JSON or log line)"
                    : tail.hasPrefix("%") ? "'\(tail)' (URL-encoded characters)" : "'\(tail)'"
                return "it has \(what) after its '=' padding, where a WAMID ends: without it, it reads as a WAMID: wamid.\(kept)"
            }
        }
        if encoded.contains(where: \.isWhitespace) { return whitespaceInside(encoded) }
        if encoded.contains(where: { $0 == "-" || $0 == "_" }), !encoded.contains(where: { $0 == "+" || $0 == "/" }) {
            return "it is written in URL-safe base64 ('-' and '_'), while WAMIDs use '+' and '/'"
        }
        // `…` or `...` at the end: the mark of a text cut short, not a stray character (tester56 Z1).
        if let stem = beforeCutMark(typed) {
            return "it ends with '\(typed.hasSuffix("...") ? "..." : "…")', where it was cut short: "
                + "'\(ShellWord.command("whois", stem))' names the contact's messages that start with it; copy the whole id"
        }
        if let (offset, stray) = encoded.enumerated().first(where: { !isBase64($0.element) }) {
            // Named only when the id is whole without such characters: else it is no WAMID with something added.
            let rest = encoded.filter(isBase64)
            guard readsAsWAMID(rest) else { return nil }
            let count = encoded.count - rest.count
            return "it holds \(named(stray)) at character \(offset + 7)" + (count > 1 ? " (and \(count - 1) more)" : "")
                + ", which no WAMID has (base64 is letters, digits, '+', '/' and '='); without "
                + (count > 1 ? "them" : "it") + ", it reads as a WAMID: wamid.\(rest)"
        }
        let data = encoded.prefix { $0 != "=" }
        let typedPadding = encoded.count - data.count
        if data.count % 4 == 1 {
            return "its base64 has \(data.count) characters, a length no base64 has: a character was lost or added"
        }
        let neededPadding = (4 - data.count % 4) % 4
        if typedPadding > neededPadding {
            let needs = neededPadding == 0 ? "none" : "\(neededPadding)"
            // One '=' too many may also be one character too many before it (a '+' put for a line wrap's space, tester56 Z2).
            return "it ends with \(typedPadding) '=' where its base64 needs \(needs) (an '=' was added"
                + (typedPadding == neededPadding + 1 && data.count % 4 == 0 ? ", or a character before it)" : ")")
        }
        if let which = oneCase(base64: data) {
            return "it is all in \(which) case, and base64 is case-sensitive: it was changed on the way (a case-insensitive "
                + "store or URL handling)"
        }
        switch bytes("wamid." + data).map(Record.read) ?? .unreadable {
        case .cutShort(let announced?, let present):
            return "it may have been cut short: its bytes stop inside the record every WAMID kops has seen holds (a field "
                + "announces \(announced) bytes, \(present) follow)"
        case .cutShort(nil, _):
            return "it may have been cut short: its bytes stop before the end of the record every WAMID kops has seen holds"
        default:
            return nil
        }
    }

    /// `it has no 'wamid.' in front …; use wamid.HBgL…` when `text` is the base64 part of a WAMID alone (as some log
    /// viewers and Meta's own id fields in other tools show it): it decodes to the whole record every WAMID holds.
    /// A word that starts with a credential's prefix in its issued case (`TokenPrefix.all`: `ASIA…`, `AKIA…`) is none,
    /// whatever its base64 decodes to (probe36 P36-3: `whois ASIA…` advised `wamid.ASIA…`); a WAMID's base64 opens `HBg`.
    static func withoutPrefix(_ text: String) -> String? {
        guard !TokenPrefix.all.contains(where: { text.hasPrefix($0.text) }), text.count >= 16, text.allSatisfy(isBase64), readsAsWAMID(text) else { return nil }
        return "it has no 'wamid.' in front, yet it is a WAMID's base64 part (as some log viewers show it): "
            + "use wamid.\(text)"
    }

    /// `it has 'wamid.' twice …; drop one: wamid.HBgL…` when `wamid.` stands in front of a `wamid.` id (tester48 F6: code
    /// that adds the prefix to an id that already has it; the API then answers 404); what is still damaged once one is
    /// dropped is said after it. Nil when the prefix is written once.
    static func doubledPrefix(_ typed: String) -> String? {
        var rest = Substring(typed)
        var count = 0
        while rest.prefix(6).lowercased() == "wamid." {
            rest = rest.dropFirst(6)
            count += 1
        }
        guard count >= 2, !rest.isEmpty else { return nil }
        let id = "wamid." + rest
        let times = count == 2 ? "twice" : "\(count) times"
        let drop = count == 2 ? "drop one" : "keep one"
        return "it has 'wamid.' \(times) (code added the prefix to an id that had it): \(drop): \(id)"
            + (damage(id).map { "; even then \($0)" } ?? "")
    }

    /// `it holds '&quot;', an HTML entity …` for the first HTML character reference in `encoded` (`&quot;`, `&#61;`,
    /// `&#x3D;`, `&amp;`): the id was copied from a page's source, where `"` and `&` are written so (WHATWG HTML,
    /// "Character references"). One for `=`, `+` or `/` is the id's own character, written the HTML way.
    /// `it holds JSON escapes ('\u003d' for '=') …: decoded, it reads as a WAMID: wamid.…` when `encoded` holds the
    /// escapes a JSON encoder writes for base64's `=`, `+` and `/` (`\u003d`: Java's Gson; `\u002B`: .NET's
    /// System.Text.Json; `\/`: Meta's own webhook bodies and PHP's `json_encode`) and reads as a WAMID decoded; nil
    /// otherwise. tester55 X2: only the `\` was dropped, and the id offered (`…OAAu003d`) did not exist.
    static func jsonEscapes(in encoded: String) -> String? {
        guard encoded.contains("\\") else { return nil }
        // `\x3d` too: a C, Python or log escaper's form (tester55b Y3).
        let escapes: [(String, String)] = [
            ("\\u003d", "="), ("\\u002b", "+"), ("\\u002f", "/"), ("\\/", "/"), ("\\x3d", "="), ("\\x2b", "+"), ("\\x2f", "/"),
        ]
        var decoded = encoded
        var found: [String] = []
        for (escape, character) in escapes {
            var written: Set<String> = []
            while let range = decoded.range(of: escape, options: .caseInsensitive) {
                written.insert(String(decoded[range]))
                decoded.replaceSubrange(range, with: character)
            }
            found += written.sorted().map { "'\($0)' for '\(character)'" }
        }
        guard !found.isEmpty, readsAsWAMID(decoded) else { return nil }
        return "it holds JSON escapes (\(found.joined(separator: ", "))), as a JSON encoder writes them in a log: decoded, "
            + "it reads as a WAMID: wamid.\(decoded)"
    }

    static func htmlEntity(in encoded: String) -> String? {
        // At the end of a shell line the `;` is gone (it separates commands): `…=&quot` is read too.
        guard let ampersand = encoded.firstIndex(of: "&") else { return nil }
        let end = encoded[ampersand...].firstIndex(of: ";").map { encoded.index(after: $0) } ?? encoded.endIndex
        guard encoded.distance(from: ampersand, to: end) <= 10 else { return nil }
        let entity = String(encoded[ampersand..<end])
        let name = entity.dropFirst().prefix { $0 != ";" }
        let entities: [Substring: Character] = [
            "quot": "\"", "apos": "'", "amp": "&", "lt": "<", "gt": ">", "equals": "=", "plus": "+", "sol": "/",
        ]
        var character = entities[name]
        if character == nil, name.first == "#" {
            let digits = name.dropFirst()
            let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            character = value.flatMap(Unicode.Scalar.init).map(Character.init)
        }
        guard let character else { return nil }
        if "=+/".contains(character) {
            return "it holds '\(entity)', HTML's way of writing '\(character)' (it was copied from a page's source): "
                + "write '\(character)' in its place"
        }
        return "it holds '\(entity)', an HTML entity (\(named(character)) as a page's source writes it): it was copied from "
            + "HTML source with what follows the id; cut it at '&'"
    }

    /// True when `encoded` (the part after `wamid.`) decodes to the record every observed WAMID holds: whole, or at
    /// least opening with its struct and the contact's number (`HBgL…`), as ids made up for tests do.
    static func readsAsWAMID(_ encoded: String) -> Bool {
        guard let bytes = bytes("wamid." + encoded) else { return false }
        if Record.read(bytes) == .whole { return true }
        guard bytes.first == 0x1C, case .success(_?) = contactNumber(in: "wamid." + encoded) else { return false }
        return true
    }

    /// True for a character of base64: letters and digits (ASCII), `+`, `/` and `=`.
    private static func isBase64(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || "+/=".contains(character))
    }

    /// `')'` for a printable character, `an invisible U+200B (zero-width space)` or `U+0007` for others.
    private static func named(_ character: Character) -> String {
        let scalar = character.unicodeScalars.first ?? " "
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        if let invisible = SignatureCheck.invisibles[scalar] { return "an invisible \(code) (\(invisible))" }
        if scalar.properties.generalCategory == .control || character.isWhitespace || scalar.properties.isDefaultIgnorableCodePoint {
            return code
        }
        return "'\(character)'"
    }

    /// The answer for a WAMID that `GET /whatsapp/messages/{id}` (kapso-api.md §7.2) answered 404 for: no message with
    /// it is in the API key's project (the look-up is not limited to one number), whether the id looks damaged
    /// (`damage`), and where to look instead. `contactHasMessages` is what listing the messages by the contact number
    /// the id carries said (`WAMID.hasMessage(of:in:)`), nil when not listed or not read whole: false, the contact is
    /// none of this project's and the list is not offered, as it would show nothing (tester47 L7).
    public static func notFound(_ id: String, contactHasMessages: Bool? = nil) -> String {
        var line = "no message with WAMID \(id) exists in this project (Kapso's look-up by WAMID covers all of its numbers)"
        if let damage = damage(id) {
            return line + "; the id looks damaged: \(damage); copy it again from the webhook payload or 'messages'"
        }
        if case .success(let number?) = contactNumber(in: id), contactHasMessages == false {
            line += "; it carries +\(number), which is not a contact of this project either (no message to or from it is "
                + "listed)"
        } else if case .success(let number?) = contactNumber(in: id) {
            line += "; it carries the contact +\(number): 'messages --phone-number \(number)' lists that contact's messages here"
        } else {
            line += "; 'messages' lists recent ones"
        }
        return line + "; if the message is another project's, check the API key"
    }

    /// The answer for a WAMID that `GET /whatsapp/messages/{id}` answered 404 for while the list of its contact's messages
    /// (kapso-api.md §7.1) holds it: the message is in the project, so "no message with this WAMID exists" would be false
    /// (tester51 G6). `sent`: its `timestamp` (Unix seconds), nil when unreadable; `call`: when the read was made (Unix
    /// seconds, the session's clock), nil when unknown. Kapso documents no delay between a send and its read by WAMID
    /// (§13): a read within seconds of the send is said as a likely race; one of a message recorded well before the call is
    /// not (tester51b F7: 21 h before), by the rule the `errors` view reads logged calls with (`IDResolver.ReadTiming`).
    public static func listedThoughNotFound(_ id: String, sent: Int64?, at call: Int64? = nil) -> String {
        let when = sent.map { " (timestamp \(KapsoTime.iso($0)))" } ?? ""
        let head = "GET /platform/v1/whatsapp/messages/\(id) answered 404, yet the message is in this project: the list of its "
            + "contact's messages holds it\(when); "
        guard let sent, let call else {
            return head + "the read came before Kapso had recorded it, or the 404 was transient: try again in a few seconds"
        }
        switch IDResolver.ReadTiming(since: sent, call: call) {
        case .beforeIt(let seconds):
            return head + "it was recorded \(seconds) s after the read: try again"
        case .readAfterWrite(let seconds):
            return head + "the read came \(seconds) s after it, likely before Kapso had recorded it, or the 404 was transient: "
                + "try again in a few seconds"
        case .existed:
            return head + "it existed when called, which the 404 does not explain; a retry tells a passing failure apart, and "
                + "if it repeats, ask Kapso support with the call's time (\(KapsoTime.iso(call)))"
        }
    }

    /// Whether any of `messages` (listed by a contact number filter, which Kapso matches on part of the number) is to or
    /// from `number` (digits, no `+`) itself.
    public static func hasMessage(of number: String, in messages: [Message]) -> Bool {
        messages.contains { $0.contact?.filter(\.isNumber) == number }
    }

    /// How a WAMID's bytes read as the record every observed WAMID holds (`damage`).
    enum Record: Equatable {
        /// One whole record, ending with its closing `0x00`.
        case whole
        /// The bytes stop inside a field that announces `announced` bytes of which `present` follow, or (`announced`
        /// nil) inside a field's header or before the record's closing `0x00`.
        case cutShort(announced: Int?, present: Int)
        /// Not that record at all (another layout, or bytes changed).
        case unreadable

        /// Reads `bytes` as one Thrift-compact struct (the types seen in WAMIDs: bool, i32/i64 varints, binary, struct).
        static func read(_ bytes: [UInt8]) -> Record {
            var index = 0
            return readStruct(bytes, &index, depth: 0)
        }

        private static func readStruct(_ bytes: [UInt8], _ index: inout Int, depth: Int) -> Record {
            guard depth < 8 else { return .unreadable }
            while true {
                guard index < bytes.count else { return .cutShort(announced: nil, present: 0) }
                let header = bytes[index]
                index += 1
                if header == 0 { return .whole }
                if header >> 4 == 0 {
                    // A field id written in full, as a zigzag varint.
                    guard let _ = varint(bytes, &index) else { return .cutShort(announced: nil, present: 0) }
                }
                switch header & 0x0F {
                case 1, 2: continue
                case 3:
                    guard index < bytes.count else { return .cutShort(announced: nil, present: 0) }
                    index += 1
                case 4, 5, 6:
                    guard varint(bytes, &index) != nil else { return .cutShort(announced: nil, present: 0) }
                case 8:
                    guard let length = varint(bytes, &index) else { return .cutShort(announced: nil, present: 0) }
                    guard length < 1 << 16 else { return .unreadable }
                    let present = bytes.count - index
                    if present < length { return .cutShort(announced: length, present: present) }
                    index += length
                case 12:
                    let inner = readStruct(bytes, &index, depth: depth + 1)
                    if inner != .whole { return inner }
                default:
                    return .unreadable
                }
            }
        }

        /// An unsigned LEB128 varint at `index`, or nil when the bytes end inside it.
        private static func varint(_ bytes: [UInt8], _ index: inout Int) -> Int? {
            var value = 0
            var shift = 0
            while index < bytes.count, shift < 63 {
                let byte = bytes[index]
                index += 1
                value |= Int(byte & 0x7F) << shift
                if byte & 0x80 == 0 { return value }
                shift += 7
            }
            return nil
        }
    }
}
