import KopsShell

#if canImport(Glibc)
    import Glibc
#endif

/// The `-c` values as the process got them, in bytes: `CommandLine.arguments` decodes a byte that is not UTF-8 (a
/// Latin-1 `á`, 0xE1) as U+FFFD, which was then sent (probe27 P27-6: `"body": "Ol� dash-c"`). Read from
/// `CommandLine.unsafeArgv`, each value is judged by `LineInput.reading`, as a piped line is.
enum RawCommandArguments {
    /// The bytes of every argument that follows a `-c`, in order.
    static func values() -> [[UInt8]] {
        var values: [[UInt8]] = []
        var index = 1
        let count = Int(CommandLine.argc)
        while index < count {
            defer { index += 1 }
            guard let word = CommandLine.unsafeArgv[index], strcmp(word, "-c") == 0, index + 1 < count,
                let value = CommandLine.unsafeArgv[index + 1]
            else { continue }
            values.append(Array(UnsafeBufferPointer(start: UnsafeRawPointer(value).assumingMemoryBound(to: UInt8.self), count: strlen(value))))
            index += 1
        }
        return values
    }

    /// The error line for the first `-c` command holding a byte that is not UTF-8, located as `-c:N` (the commands are
    /// numbered across the `-c` values, as `ScriptLine.commands` numbers them; the column is within that command), with
    /// its status; nil when every value is UTF-8.
    static func notUTF8(_ values: [[UInt8]]) -> (line: String, status: ExitStatus)? {
        var earlier: [String] = []
        for value in values {
            guard case .notUTF8(let byte, let column) = LineInput.reading(value) else {
                earlier.append(String(decoding: value, as: UTF8.self))
                continue
            }
            // The text before the byte is UTF-8; a stand-in character keeps the command it starts from being empty.
            let before = String(decoding: value[..<(column - 1)], as: UTF8.self)
            let commands = ScriptLine.commands(in: earlier + [before + "x"])
            guard let last = commands.last, case .command(let text) = last.kind else { continue }
            let report = ErrorReport(
                ShellError.syntax(LineInput.notUTF8Message(byte: byte, column: text.utf8.count)))
            return (report.line(location: "-c:\(last.number)"), report.status)
        }
        return nil
    }
}
