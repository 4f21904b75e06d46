internal import Foundation

/// A word as a POSIX shell reads it back, e.g. `PosixWord.quoted("explain 131047")` → `'explain 131047'`,
/// `PosixWord.quoted("it's")` → `'it'\''s'`: a word of letters, digits and `._-+=@%:/,` stays as it is.
public enum PosixWord {
    public static func quoted(_ text: String) -> String {
        let plain = !text.isEmpty && text.unicodeScalars.allSatisfy { scalar in
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", ".", "_", "-", "+", "=", "@", "%", ":", "/", ",": true
            default: false
            }
        }
        return plain ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
