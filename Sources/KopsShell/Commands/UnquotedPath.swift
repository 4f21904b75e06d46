internal import Foundation
internal import KapsoDiagnostics

/// A file path with spaces typed without quotes (`source dir with spaces/x.kops`): split into words, it gave the
/// command more arguments than it takes, and the error was the bare usage line (tester57 AB13). When the words joined
/// with spaces name an existing file, the error says to quote the path instead.
public enum UnquotedPath {
    /// The path that `words` (a command's words after its name) name when their leading words, up to the first `--`
    /// flag, are joined with spaces, if that is an existing file: a relative path read from `folder` (a running
    /// script's), else from the current folder. Nil for a single word, or when no such file exists.
    ///
    /// With `new` (a file the command writes: `record`, `bundle`), also a file yet to be made in an existing folder whose
    /// path holds a space (`record my dir/t.md`, tester58b AE9); `isNew` says which was found. A name with spaces in a
    /// folder without (`record my notes.md`) is not taken for one: `record t.md extra` is no path.
    public static func existingFile(in words: [String], folder: String?, new: Bool = false)
        -> (path: String, rest: [String], isNew: Bool)?
    {
        let pieces = words.prefix { !$0.hasPrefix("--") }
        guard pieces.count > 1 else { return nil }
        let path = pieces.joined(separator: " ")
        let rest = Array(words.dropFirst(pieces.count))
        var isFolder: ObjCBool = false
        let full = LocalPath.joined(folder ?? FileManager.default.currentDirectoryPath, path)
        if FileManager.default.fileExists(atPath: full, isDirectory: &isFolder) {
            return isFolder.boolValue ? nil : (path, rest, false)
        }
        guard new, let slash = path.lastIndex(of: "/"), path[..<slash].contains(" "), !path.hasSuffix("/"),
            FileManager.default.fileExists(atPath: (full as NSString).deletingLastPathComponent, isDirectory: &isFolder),
            isFolder.boolValue
        else { return nil }
        return (path, rest, true)
    }

    /// `source: 'dir with spaces/x.kops' is a file whose path holds spaces, read as 3 words; quote the path: source
    /// "dir with spaces/x.kops"`; `suggested` is the command line to suggest with the path quoted. For a file yet to be
    /// made (`isNew`): `record: 'my dir/t.md' is a path that holds spaces, read as 2 words; quote the path: …`.
    public static func line(command: String, path: String, words: Int, suggested: String, isNew: Bool = false) -> String {
        "\(command): '\(VisibleText.escaped(path))' is a \(isNew ? "path that holds" : "file whose path holds") spaces, read as "
            + "\(words) words; quote the path: \(suggested)"
    }

    /// `Arguments(command:words:literalHome:)`, whose error for an argument too many is this one when the words hold
    /// an unquoted path to an existing file (`error(command:words:folder:)`), read from `folder` when relative.
    static func arguments(
        of command: any Command.Type, words: [String], literalHome: Set<Int> = [], folder: String?
    ) throws(ShellError) -> Arguments {
        do {
            return try Arguments(command: command, words: words, literalHome: literalHome)
        } catch {
            guard case .unexpectedArgument = error else { throw error }
            if let misread = command.misreadWord(words.filter { !$0.hasPrefix("--") }) { throw misread }
            guard let unquoted = self.error(command: command, words: words, folder: folder) else { throw error }
            throw unquoted
        }
    }

    /// The error for `command` given `words` (after its name) when they hold an unquoted path to an existing file at
    /// its first argument (`source`, and the commands whose first argument is a file: `Command.filePaths`); nil
    /// otherwise.
    static func error(command: any Command.Type, words: [String], folder: String?) -> ShellError? {
        let takesFile = command.name == SourceCommand.name
            || (try? Arguments(command: command, words: [])).map { command.filePaths($0).positionals.contains(0) } == true
        let writes = [RecordCommand.name, BundleCommand.name].contains(command.name)
        guard takesFile, let found = existingFile(in: words, folder: folder, new: writes) else { return nil }
        let suggested = ([command.name, ShellWord.quoted(found.path)] + found.rest).joined(separator: " ")
        let count = words.count - found.rest.count
        return .syntax(line(command: command.name, path: found.path, words: count, suggested: suggested, isNew: found.isNew))
    }
}
