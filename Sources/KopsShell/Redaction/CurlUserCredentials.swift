internal import KapsoClient

/// curl's user and password written on a command line (`curl -u admin:Secret …`, `--user admin:Secret`, `--user=…`,
/// `-uadmin:Secret`, `--proxy-user`, `-U`), pasted into `explain` or typed as an argument: the part after the first `:`
/// is the password (curl(1), `-u, --user <user:password>`: "The user name and passwords are split up on the first
/// colon"), masked whatever its length or shape: `-u admin:<redacted>`. Before, the terminal's error line, the history
/// file and transcripts kept it in clear (tester61 AI11). A value without `:` (curl asks for the password) holds none.
enum CurlUserCredentials {
    /// The flags whose value is `user:password`.
    static let flags = ["--proxy-user", "--user", "-U", "-u"]

    /// False when `bytes` hold none of `flags` as a word followed by a value with a `:`: `masked` would change nothing.
    static func mayOccur(in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index + 1 < bytes.count {
            // From one `-` to the next eight bytes at a time (`ByteWords.firstIndex`): every other byte was passed over.
            guard let dash = ByteWords.firstIndex(of: UInt8(ascii: "-"), in: bytes, from: index) else { return false }
            if startsFlag(bytes, at: dash) { return true }
            index = dash + 1
        }
        return false
    }

    /// True when the `-` at `index` starts one of `flags` as a word, followed by a value with a `:` (glued, after `=`,
    /// or the next word): what `mayOccur` asks at each `-`.
    @inline(__always)
    static func startsFlag(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index + 1 < bytes.count, index == 0 || isBefore(bytes[index - 1]) else { return false }
        let next = bytes[index + 1]
        guard next == UInt8(ascii: "u") || next == UInt8(ascii: "U") || isLongFlag(bytes, at: index) else { return false }
        var end = index + 1
        while end < bytes.count, bytes[end] != 0x20, bytes[end] != 0x09, bytes[end] != 0x0A { end += 1 }
        // The value: glued, after `=`, or the next word.
        var value = end
        while value < bytes.count, bytes[value] == 0x20 || bytes[value] == 0x09 { value += 1 }
        while value < bytes.count, bytes[value] != 0x20, bytes[value] != 0x09, bytes[value] != 0x0A {
            if bytes[value] == UInt8(ascii: ":") { return true }
            value += 1
        }
        for colon in index..<end where bytes[colon] == UInt8(ascii: ":") { return true }
        return false
    }

    /// `text` with the password of each `flags` value as `<redacted>`.
    static func masked(_ text: String) -> String {
        var bytes = text
        guard bytes.withUTF8({ mayOccur(in: $0) }) else { return text }
        let characters = Array(text)
        var result = ""
        var index = 0
        while index < characters.count {
            guard characters[index] == "-", index == 0 || isBefore(characters[index - 1]),
                let flag = flags.first(where: { starts(characters, at: index, with: $0) })
            else {
                result.append(characters[index])
                index += 1
                continue
            }
            var start = index + flag.count
            let glued = start < characters.count && !characters[start].isWhitespace
            // `--user=…`, or a short flag's glued value (`-uadmin:pw`); a long flag glued to more letters is another flag.
            if glued, characters[start] == "=" {
                start += 1
            } else if glued, flag.hasPrefix("--") {
                result += flag
                index = start
                continue
            }
            if !glued { while start < characters.count, characters[start] == " " || characters[start] == "\t" { start += 1 } }
            result += String(characters[index..<start])
            var end = start
            var quote: Character?
            if end < characters.count, characters[end] == "'" || characters[end] == "\"" {
                quote = characters[end]
                end += 1
            }
            let valueStart = end
            while end < characters.count, quote.map({ characters[end] != $0 }) ?? !characters[end].isWhitespace { end += 1 }
            var value = String(characters[valueStart..<end])
            if quote == nil, let last = value.last, last == "'" || last == "\"" {
                // The closing quote of an argument the flag sits in (`explain 'curl -u a:b'`).
                value.removeLast()
                end -= 1
            }
            if let colon = value.firstIndex(of: ":"), value.index(after: colon) < value.endIndex,
                value[value.index(after: colon)...] != "<redacted>"
            {
                value = String(value[...colon]) + "<redacted>"
            }
            result += (quote.map(String.init) ?? "") + value
            index = end
        }
        return result
    }

    /// True when `--user` or `--proxy-user` starts at `index`.
    private static func isLongFlag(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        // No array made for each `-`: the two flags' bytes are made once.
        guard index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "-") else { return false }
        for flag in longFlagBytes {
            if index + flag.count <= bytes.count, (0..<flag.count).allSatisfy({ bytes[index + $0] == flag[$0] }) { return true }
        }
        return false
    }

    private static let longFlagBytes: [[UInt8]] = [Array("--user".utf8), Array("--proxy-user".utf8)]

    private static func starts(_ characters: [Character], at index: Int, with flag: String) -> Bool {
        let flag = Array(flag)
        guard index + flag.count <= characters.count else { return false }
        guard characters[index..<(index + flag.count)].elementsEqual(flag) else { return false }
        // A short flag is followed by its value or a blank; `-update` is no `-u`.
        return flag.count > 2 || index + 2 == characters.count || !characters[index + 2].isLetter
            || characters[(index + 2)...].prefix { !$0.isWhitespace }.contains(":")
    }

    private static func isBefore(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "(")
    }

    private static func isBefore(_ character: Character) -> Bool {
        character.asciiValue.map(isBefore) ?? false
    }
}
