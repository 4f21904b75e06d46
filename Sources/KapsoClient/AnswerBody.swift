internal import KopsHTTP

// How an answer's body is described in errors: why it is no JSON kops reads, its first bytes, its error text.

/// Why a body that is not the JSON kops reads was refused: JSON nested past the parser's depth limit is valid, only
/// too deep, and said so; a body that is not UTF-8 names its first bad byte (its preview shows U+FFFD there, which
/// reads as the server's text); anything else is not valid JSON.
func unreadable(_ body: [UInt8]) -> String {
    do {
        _ = try JSONValue.parse(body)
    } catch where error.message.hasPrefix("nesting deeper than") {
        return "the body is JSON nested deeper than \(JSONParser.maximumDepth) levels, more than kops reads"
    } catch {}
    // A page (`<!DOCTYPE html>`, `<html>`, an XML error) where JSON belongs: a website or something in front of the API
    // answered (probe41 P41-5); `BaseURLError` reads `webPage` as the base URL's fault.
    if isMarkup(body) { return KapsoAPIError.webPage }
    if let offset = notUTF8(body) {
        return "the body is not valid JSON: byte \(offset) (0x\(String(body[offset], radix: 16, uppercase: true))) is not UTF-8, "
            + "which JSON must be (RFC 8259 section 8.1)"
    }
    return "the body is not valid JSON"
}

/// True when `body`'s first byte after white space (and a UTF-8 byte order mark) is `<`: HTML or XML, never JSON.
func isMarkup(_ body: [UInt8]) -> Bool {
    let text = body.starts(with: [0xEF, 0xBB, 0xBF]) ? body.dropFirst(3) : body[...]
    return text.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) } == UInt8(ascii: "<")
}

/// The offset of the first byte of `body` that starts no well-formed UTF-8 sequence; nil when all of it is UTF-8.
func notUTF8(_ body: [UInt8]) -> Int? {
    body.withUnsafeBufferPointer { bytes in
        var position = 0
        while position < bytes.count {
            if bytes[position] < 0x80 {
                position += 1
            } else if let length = UTF8Check.sequenceLength(bytes, at: position) {
                position += length
            } else {
                return position
            }
        }
        return nil
    }
}

/// A `Location` header for an error line: server text, so control characters dropped and at most 120 characters.
func visibleLocation(_ value: String) -> String {
    let kept = String(String.UnicodeScalarView(value.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F && !(0x80..<0xA0).contains($0.value) }))
    return kept.count > 120 ? String(kept.prefix(120)) + "…" : kept
}

/// The first bytes of a body, on one line, for error messages.
func preview(_ response: HTTPResponse) -> String {
    let text = String(decoding: response.body.prefix(60), as: UTF8.self)
    let line = text.map { $0.isNewline ? " " : $0 }
    return response.body.isEmpty ? "(empty)" : "'" + String(line) + (response.body.count > 60 ? "…'" : "'")
}

/// `error` as a string, or Graph's `error.message`, or `message`.
func errorText(_ json: JSONValue) -> String? {
    if let text = json["error"]?.string { return text }
    if let text = json["error"]?["message"]?.string { return text }
    return json["message"]?.string
}

/// Field errors from `{"errors": {"field": ["msg"]}}`.
func fieldErrors(_ json: JSONValue) -> [(field: String, messages: [String])] {
    guard let object = json["errors"]?.object else { return [] }
    return object.entries.map { entry in
        (entry.key, entry.value.array?.compactMap(\.string) ?? entry.value.string.map { [$0] } ?? [])
    }
}

