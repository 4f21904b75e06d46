internal import Foundation
internal import KapsoDiagnostics

/// A contact's e-mail address or WhatsApp username standing as a segment of a URL path or a query value, written plainly
/// or percent-encoded: `/contacts/dana@example.com`, `/contacts/dana%40example.com`, `?email=dana%40example.com`,
/// `/contacts/@dana.g`, `/contacts%2F%40dana.g`.
///
/// The other matchers mask such a value only once a result taught it (an `email` or `username` field), and only as
/// written: an API log's path is often the first place a session meets a contact, and its escapes (`%40` for `@`) hid
/// the value from them (tester61 AI8). A segment is read decoded (Foundation's `removingPercentEncoding`, RFC 3986 §2.1
/// percent-encoding) and split at the separators an escape may have hidden (`/ = , ; : & ?`); a piece that is an
/// e-mail address or an `@handle` is the contact's, and the component is shown as its decoded form with that piece as
/// `<contact N>` (as `maskEncoded` shows a decoded name). The authority after `//` (`https://admin@hooks.example.com`)
/// is a URL's user, not a path segment, and stays.
extension PIIMasker {
    /// `text` with each path segment or query value that holds an e-mail address or a `@handle` masked.
    func maskPathIdentities(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "@")) || text.contains("%40") || text.contains("%2540") else { return text }
        let characters = Array(text)
        var result = ""
        var copied = 0
        var index = 1
        while index < characters.count {
            let before = characters[index - 1]
            guard before == "/" || before == "=", PIIMasker.isComponentCharacter(characters[index]),
                !(before == "/" && index >= 2 && characters[index - 2] == "/")
            else {
                index += 1
                continue
            }
            var end = index
            while end < characters.count, PIIMasker.isComponentCharacter(characters[end]) { end += 1 }
            let component = String(characters[index..<end])
            if let masked = maskedIdentities(in: component) {
                result += String(characters[copied..<index]) + masked
                copied = end
            }
            index = end + 1
        }
        return copied == 0 ? text : result + String(characters[copied...])
    }

    /// `component` decoded with each e-mail or `@handle` piece as its alias; nil when no piece is one.
    private func maskedIdentities(in component: String) -> String? {
        var decoded = component
        for _ in 0..<3 {
            guard decoded.contains("%"), let next = decoded.removingPercentEncoding, next != decoded else { break }
            decoded = next
        }
        guard decoded.contains("@") else { return nil }
        var changed = false
        var result = ""
        var piece = ""
        func flush() {
            // Learned too, so the same value elsewhere on the page (a `whois` in the advice beside the path) is masked.
            if PIIMasker.isEmailAddress(piece) {
                add(piece, as: .contact)
                result += alias(for: piece, prefix: "contact")
                changed = true
            } else if IDInput.isUsername(piece), PIIMasker.isHandle(piece.dropFirst()) {
                learnUsername(piece)
                add(piece, as: .contact)
                result += alias(for: piece, prefix: "contact")
                changed = true
            } else {
                result += piece
            }
            piece = ""
        }
        for character in decoded {
            if "/=,;:&?".contains(character) {
                flush()
                result.append(character)
            } else {
                piece.append(character)
            }
        }
        flush()
        return changed ? result : nil
    }

    /// `dana@example.com`: a local part of letters, digits and `. _ % + -`, `@`, and a domain of two labels or more whose
    /// last is 2 letters or more (the common shape of RFC 5321's mailbox, quoted local parts aside).
    static func isEmailAddress(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty,
            parts[0].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._%+-".contains($0)) })
        else { return false }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, let last = labels.last, last.count >= 2, last.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return labels.allSatisfy { label in
            !label.isEmpty && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        }
    }

    /// A WhatsApp username's handle after its `@` (`dana.g`): 2 characters or more of letters, digits, `.` and `_`, with a
    /// letter (WhatsApp's username rules; a `@2` or `@…` is none).
    static func isHandle(_ handle: Substring) -> Bool {
        handle.count >= 2 && handle.contains(where: \.isLetter)
            && handle.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "_") }
    }
}
