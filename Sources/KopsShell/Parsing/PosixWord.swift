internal import Foundation

/// A word as a POSIX shell reads it back, e.g. `PosixWord.quoted("explain 131047")` → `'explain 131047'`,
/// `PosixWord.quoted("it's")` → `'it'\''s'`: a word of letters, digits and `._-+=@%:/,` stays as it is. A word
/// holding a control character (a line break in a file's name) is written `$'nl\x0averdict.md'`, as bash and POSIX
/// 2024 read it, so the line shown stays one line and still pastes as that word (tester59b AG14).
public enum PosixWord {
    public static func quoted(_ text: String) -> String {
        if text.unicodeScalars.contains(where: VisibleText.needsEscape) {
            let inner = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
            return "$'" + VisibleText.escaped(inner) + "'"
        }
        let plain = !text.isEmpty && text.unicodeScalars.allSatisfy { scalar in
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", ".", "_", "-", "+", "=", "@", "%", ":", "/", ",": true
            default: false
            }
        }
        return plain ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
