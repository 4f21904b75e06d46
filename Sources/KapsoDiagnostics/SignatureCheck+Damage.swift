internal import Foundation
public import KapsoClient
internal import KopsHTTP

// MARK: - A body damaged on its way in a way that can be undone (compressed, URL-encoded, re-encoded, normalised),
// or that cannot (cut short): probe14 P14-9

extension SignatureCheck {
    /// The largest body a gzip body is decompressed to, in bytes: webhook bodies are kilobytes; a few bytes of gzip
    /// can inflate to gigabytes.
    static let gzipLimit = 16 << 20

    /// The bytes a gzip-compressed body holds (it starts `1f 8b 08`), or why they cannot be had; nil when `body` is
    /// not gzip.
    ///
    /// A sender or a proxy may compress a request body and say so with `Content-Encoding: gzip` (RFC 9110
    /// §8.4.1.3); the signature is over the JSON before compression, so a receiver that hashes what came off the
    /// wire without decompressing it hashes the wrong bytes.
    static func gzipDecompressed(_ body: [UInt8]) -> Result<[UInt8], Gzip.Failure>? {
        guard Gzip.isCompressed(body) else { return nil }
        return Gzip.decompressed(body, limit: gzipLimit)
    }

    /// The bytes a URL-encoded body stands for, e.g. `%7B%22message%22%3A…` → `{"message":…`: the whole body
    /// percent-decoded, and for a form post of one field (`payload=%7B…`) that field's value, each also with `+`
    /// read as a space when there is one (`application/x-www-form-urlencoded`, WHATWG URL Standard); `field` names
    /// the field. Empty when `body` has no `%XX` escape or holds what a URL-encoded text cannot (spaces, quotes,
    /// braces, non-ASCII).
    static func percentDecoded(_ body: [UInt8]) -> [(bytes: [UInt8], field: String?)] {
        guard ByteScan.contains(UInt8(ascii: "%"), in: body),
            body.allSatisfy({ $0 > 0x20 && $0 < 0x7F && !"\"{}[] ".utf8.contains($0) })
        else { return [] }
        var texts: [(ArraySlice<UInt8>, String?)] = [(body[...], nil)]
        if let equals = body.firstIndex(of: UInt8(ascii: "=")), equals > 0, !body.contains(UInt8(ascii: "&")),
            body[..<equals].allSatisfy({ $0.isASCIILetterOrDigit || "_-.".utf8.contains($0) })
        {
            texts.insert((body[(equals + 1)...], String(decoding: body[..<equals], as: UTF8.self)), at: 0)
        }
        var forms: [(bytes: [UInt8], field: String?)] = []
        for (text, field) in texts {
            for plusIsSpace in text.contains(UInt8(ascii: "+")) ? [false, true] : [false] {
                guard let decoded = percentDecoded(text, plusIsSpace: plusIsSpace) else { continue }
                forms.append((decoded, field))
            }
        }
        return forms
    }

    /// `text` with each `%XX` replaced by its byte (read by KopsHTTP's one escape reader, `HTTPRequest.escapedByte`); nil
    /// when a `%` is not followed by two hex digits or none is.
    static func percentDecoded(_ text: ArraySlice<UInt8>, plusIsSpace: Bool) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(text.count)
        var index = text.startIndex
        var escapes = 0
        while index < text.endIndex {
            let byte = text[index]
            if byte == UInt8(ascii: "%") {
                guard let decoded = HTTPRequest.escapedByte(in: text, at: index) else { return nil }
                out.append(decoded)
                escapes += 1
                index += 3
            } else {
                out.append(plusIsSpace && byte == UInt8(ascii: "+") ? 0x20 : byte)
                index += 1
            }
        }
        return escapes > 0 ? out : nil
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// The UTF-8 of a body saved as Windows-1252 text (`ñ` as the one byte F1); nil when `body` is valid UTF-8 (or
    /// holds a 00 byte: UTF-16).
    ///
    /// Windows PowerShell 5.1's `Set-Content` and `Add-Content` write "ANSI", the system's code page: Windows-1252 on
    /// Western-European and American Windows (learn.microsoft.com, about_Character_Encoding: "Default" for
    /// `Set-Content` is the ANSI code page). Bytes 81, 8D, 8F, 90 and 9D, which Windows-1252 leaves undefined, are
    /// read as U+0081… as the WHATWG Encoding Standard's windows-1252 index reads them.
    static func windows1252Decoded(_ body: [UInt8]) -> [UInt8]? {
        guard firstInvalidUTF8(body) != nil, !body.contains(0) else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(body.count + 16)
        for byte in body {
            out.append(contentsOf: String(windows1252Character(byte)).utf8)
        }
        return out
    }

    /// The character Windows-1252 gives `byte`.
    static func windows1252Character(_ byte: UInt8) -> Unicode.Scalar {
        if (0x80...0x9F).contains(byte), let scalar = windows1252.first(where: { $0.value == byte })?.key,
            let character = Unicode.Scalar(scalar)
        {
            return character
        }
        return Unicode.Scalar(byte)
    }

    /// The offset of the first byte that is not part of valid UTF-8, or nil when all of `body` is (also what a script
    /// that is not UTF-8 is named by, `ScriptRunner.encodingProblem`).
    public static func firstInvalidUTF8(_ body: [UInt8]) -> Int? {
        // The standard library's validator answers the usual case, valid text, at memory speed in any build; the
        // scalar-by-scalar scan below took most of a mismatch's diagnosis (probe18 P18-19) and runs only to find
        // where invalid text goes wrong.
        if String(validating: body, as: UTF8.self) != nil { return nil }
        var decoder = Unicode.UTF8.ForwardParser()
        var iterator = body.makeIterator()
        var offset = 0
        while true {
            switch decoder.parseScalar(from: &iterator) {
            case .valid(let encoded): offset += encoded.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    /// The body's text normalised to NFC (composed: `e` + U+0301 becomes `é`); nil when it is not UTF-8 or is NFC
    /// already.
    ///
    /// Kapso signs what its JSON encoder writes, which keeps text as the sender's (WhatsApp's) NFC; macOS file names,
    /// some Java and text tools write NFD (Unicode Standard Annex #15), and a body passed through them no longer
    /// matches.
    static func nfcNormalized(_ body: [UInt8]) -> [UInt8]? {
        guard ByteScan.hasNonASCII(body), firstInvalidUTF8(body) == nil else { return nil }
        let composed = Array(String(decoding: body, as: UTF8.self).precomposedStringWithCanonicalMapping.utf8)
        return composed == body ? nil : composed
    }

    /// True when `body` is the start of a JSON object or array cut short: valid up to its last byte, which ends it
    /// in the middle of a string, number, literal or container (whitespace and a line end after it allowed).
    static func isIncompleteJSON(_ body: [UInt8]) -> Bool {
        var inner = Added(body)?.inner ?? body
        if inner.isEmpty { inner = body }
        guard let first = inner.first, first == UInt8(ascii: "{") || first == UInt8(ascii: "[") else { return false }
        do {
            _ = try JSONValue.parse(inner)
            return false
        } catch {
            if error.offset >= inner.count || error.message.hasPrefix("unterminated") { return true }
            // Cut inside a literal (`tru`) or a \u escape (`\u00`): the parser names where it starts.
            let rest = inner[min(error.offset, inner.count)...]
            if error.message.hasPrefix("expected '") {
                return ["true", "false", "null"].contains { $0.utf8.count > rest.count && $0.utf8.starts(with: rest) }
            }
            if error.message.hasPrefix("invalid \\u escape") {
                return rest.count < 6 && rest.dropFirst(2).allSatisfy { hexValue($0) != nil }
            }
            return false
        }
    }

    // MARK: - What is said

    /// `listen`'s note on a body that is not plain UTF-8 JSON, and the JSON it holds when kops can read it:
    /// `body is gzip-compressed JSON (640 bytes, 1031 decompressed; Content-Encoding: gzip)`. `contentEncoding`: the
    /// request's `Content-Encoding` header.
    public static func bodyForm(_ body: [UInt8], contentEncoding: String?) -> (json: JSONValue?, problem: String?) {
        let coding = contentEncoding?.trimmingCharacters(in: .whitespaces).lowercased()
        let said = coding.map { "; Content-Encoding: \($0)" } ?? ""
        if let json = try? JSONValue.parse(body) {
            return (json, coding == "gzip" ? "body is JSON, not gzip, though Content-Encoding says gzip" : nil)
        }
        let size = "\(body.count) bytes"
        if let result = gzipDecompressed(body) {
            switch result {
            case .success(let inflated):
                let json = try? JSONValue.parse(inflated)
                let what = json == nil ? "gzip-compressed, and not JSON decompressed either" : "gzip-compressed JSON"
                return (json, "body is \(what) (\(size), \(inflated.count) decompressed\(said))")
            case .failure(.incomplete):
                return (nil, "body is gzip that does not decompress: corrupt or cut short (\(size)\(said))")
            case .failure(.tooLarge(let limit)):
                return (nil, "body is gzip-compressed and decompresses to more than \(limit >> 20) MB (\(size)\(said))")
            case .failure(.zlibMissing):
                return (nil, "body is gzip-compressed; zlib could not be loaded to decompress it (\(size)\(said))")
            }
        }
        // Text saved by Windows PowerShell 5.1 and sent again is UTF-16: read, and said, so.
        if let (decoded, form) = utf16Decoded(body), let json = try? JSONValue.parse(decoded) {
            return (json, "body is JSON written as \(form), not UTF-8 (\(size))")
        }
        if isIncompleteJSON(body) { return (nil, "body is not complete JSON: it ends mid-JSON after \(size)") }
        for (decoded, field) in percentDecoded(body) {
            if let json = try? JSONValue.parse(decoded) {
                let form = field.map { "a form post with JSON URL-encoded in its '\($0)' field" } ?? "URL-encoded JSON"
                return (json, "body is \(form), not JSON (\(size))")
            }
        }
        if let decoded = windows1252Decoded(body), let json = try? JSONValue.parse(decoded) {
            return (json, "body is JSON written as Windows-1252, not UTF-8 (\(size))")
        }
        return (nil, "body is not JSON (\(size)\(said))")
    }

    static func gzipCause(compressed: Int, decompressed: Int) -> String {
        "the body is gzip-compressed (\(compressed) bytes, starting 1f 8b), not JSON; decompressed (\(decompressed) "
            + "bytes) it matches the signature: the sender signed the JSON and it was compressed on the way "
            + "(Content-Encoding: gzip); decompress the body before hashing it"
    }

    static func urlEncodedCause(field: String?, decoded: Int, received: Bool) -> String {
        let what = field.map { "a form post with the JSON URL-encoded in its '\($0)' field ('\($0)=%7B%22…')" }
            ?? "URL-encoded (percent-encoded: '%7B%22…', as a form post or a log line writes it)"
        return "the body is \(what), not JSON; percent-decoded (\(decoded) bytes) it matches the signature: "
            + (received
                ? "something between the sender and kops (a proxy, a tool posting it as a form) encoded it; the sender "
                    + "and the secret are right"
                : "hash the raw JSON bytes as received, not a form-encoded or logged copy")
    }

    static func windows1252Cause(_ body: [UInt8], received: Bool) -> String {
        "the body is not valid UTF-8, so not JSON: it is Windows-1252 text (\(example(body))), as Windows PowerShell "
            + "5.1's Set-Content and Add-Content write it (\"ANSI\"); decoded as Windows-1252 and encoded as UTF-8 it "
            + "matches the signature: "
            + (received
                ? "something between the sender and kops re-encoded it; the sender and the secret are right"
                : "hash or save the bytes as received, not text written again by PowerShell (save a body with "
                    + "Invoke-WebRequest -OutFile, or PowerShell 7's Set-Content -AsByteStream)")
    }

    /// `nfcCause` for a body that was also re-serialised: normalised to NFC and written again as `form` says
    /// (`its compact form`, `Meta's escaped form (…)`), it matches (probe21 P21-4: text normalised by one tool, then
    /// the JSON re-serialised by the framework; each alone is named by its own cause).
    static func nfcReserialisedCause(_ form: String, received: Bool) -> String {
        "the body's text is Unicode-normalised to NFD (decomposed: 'é' written as 'e' and a combining U+0301, as "
            + "macOS file names and some Java and text tools write it) and the body was re-serialised: normalised to "
            + "NFC (composed), \(form) matches the signature: "
            + (received
                ? "something between the sender and kops normalised and re-serialised it; the sender and the secret are "
                    + "right"
                : "hash the raw bytes as received, not text normalised or JSON serialised again")
    }

    static func nfcCause(received: Bool) -> String {
        "the body's text is Unicode-normalised to NFD (decomposed: 'é' written as 'e' and a combining U+0301, as "
            + "macOS file names and some Java and text tools write it); normalised to NFC (composed) it matches the "
            + "signature: "
            + (received
                ? "something between the sender and kops normalised it; the sender and the secret are right"
                : "hash the raw bytes as received, not text normalised again")
    }

    /// `'ñ' as the one byte F1 at byte 37`: the first byte that is not UTF-8, as Windows-1252 reads it.
    private static func example(_ body: [UInt8]) -> String {
        guard let offset = firstInvalidUTF8(body), offset < body.count else { return "" }
        let byte = body[offset]
        let hex = String(byte, radix: 16, uppercase: true)
        let scalar = windows1252Character(byte)
        let shown = scalar.value >= 0xA0 || (0x80...0x9F).contains(byte) && scalar.value > 0xFF ? "'\(scalar)' as " : ""
        return "\(shown)the one byte \(hex) at byte \(offset)"
    }

    /// What a mismatch no form of the body explains says: what the body looks like first when it is not JSON (or
    /// is decomposed text), then the common causes; for a body cut short, only that (no secret or hashing can
    /// make a signature over the whole body match a part of it).
    /// `meta` and `received` choose the causes listed (`listedCauses`).
    static func unmatched(_ body: [UInt8], secret: Secret, meta: Bool = false, received: Bool = false) -> String {
        let spaced = secret.revealed.trimmingSpaces() != secret.revealed ? "; note: the secret given has whitespace around it" : ""
        let listed = "; " + listedCauses(body, secret: secret, meta: meta, received: received) + spaced
        let stillNot = "it still does not match this secret and signature"
        if let without = bodyWithoutRawBytes(body) { return without }
        if let result = gzipDecompressed(body) {
            let head = "the body is gzip-compressed (\(body.count) bytes, starting 1f 8b), not JSON"
            switch result {
            case .success(let inflated):
                let json = (try? JSONValue.parse(inflated)) != nil ? "" : ", and is not JSON either"
                return head + "; decompressed (\(inflated.count) bytes\(json)) " + stillNot + listed
            case .failure(.incomplete):
                return "the body starts as gzip (1f 8b) but does not decompress: it is corrupt or cut short, so no "
                    + "signature can be checked against it: check the complete body as received"
            case .failure(.tooLarge(let limit)):
                return head + "; it decompresses to more than \(limit >> 20) MB, which kops does not check" + listed
            case .failure(.zlibMissing):
                return head + "; zlib (libz.so.1) could not be loaded to decompress it" + listed
            }
        }
        if (try? JSONValue.parse(Added(body)?.inner ?? body)) != nil {
            if nfcNormalized(body) != nil {
                return unexplained + "; the body has decomposed (NFD) characters, and normalised to NFC it does not "
                    + "match either (as it is, in compact form, or in Meta's escaped form)" + listed
            }
            return unexplained + listed
        }
        if let (_, form) = utf16Decoded(body) {
            return "the body is UTF-16 text (\(form)), not UTF-8 JSON; decoded to UTF-8 " + stillNot + listed
        }
        if isIncompleteJSON(body) {
            return "the body is not complete JSON: it ends mid-JSON after \(body.count) bytes (the rest was cut off: a "
                + "proxy's or server's body-size limit, a log line or a copy cut short); a signature covers the whole "
                + "body, so it cannot match a part of it, and says nothing about the secret: check the complete body "
                + "as received"
        }
        if let decoded = percentDecoded(body).first {
            let field = decoded.field.map { " (a form post, the JSON in its '\($0)' field)" } ?? ""
            return "the body is URL-encoded\(field), not JSON; percent-decoded " + stillNot + listed
        }
        if windows1252Decoded(body) != nil {
            return "the body is not valid UTF-8, so not JSON (\(example(body))); read as Windows-1252 (\"ANSI\", as "
                + "Windows PowerShell 5.1's Set-Content writes text) " + stillNot + listed
        }
        var reason = ""
        do { _ = try JSONValue.parse(body) } catch { reason = " (\(error.message))" }
        return "the body is not JSON\(reason), and the signature does not match it under this secret" + listed
    }
}

extension UInt8 {
    fileprivate var isASCIILetterOrDigit: Bool {
        (0x30...0x39).contains(self) || (0x41...0x5A).contains(self) || (0x61...0x7A).contains(self)
    }
}
