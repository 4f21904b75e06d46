internal import KapsoClient

/// Two of the byte tests every printed text takes (`Redactor.needsRedaction`) in one scan: curl's `-u user:password`
/// (`CurlUserCredentials`) starts at a `-`, a Basic credential (`BasicCredentials`) at a `b` in either case, and each
/// test found its byte through the whole text on its own (0.22 M of the replay's 40.9 M, docs/performance.md,
/// "Session 69"). Both bytes are found eight bytes at a time in one scan (`ByteWords.firstIndex(of:orLetter:in:from:)`),
/// and each test's own reading is asked where its byte is.
enum UserOrBasicCredentials {
    /// `CurlUserCredentials.mayOccur(in: bytes) || BasicCredentials.mayOccur(in: bytes)`. Allocates nothing.
    /// `Perf69OneWalkTests` compares the answer with the two tests'.
    static func mayOccur(in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // `BasicCredentials.mayOccur` reads a `b` with 6 bytes after it, in a text of 8 bytes or more.
        let lastB = bytes.count >= 8 ? bytes.count - 7 : -1
        var from = 0
        while let index = ByteWords.firstIndex(of: UInt8(ascii: "-"), orLetter: UInt8(ascii: "b"), in: bytes, from: from) {
            if bytes[index] == UInt8(ascii: "-") {
                if CurlUserCredentials.startsFlag(bytes, at: index) { return true }
            } else if index <= lastB, BasicCredentials.startsCredential(bytes, at: index) {
                return true
            }
            from = index + 1
        }
        return false
    }
}
