// libFuzzer target: the command-line lexer. Property: any line lexes or throws a LexerError (no crash),
// and the words it finds, each single-quoted and joined again, lex back to exactly the same words.
import KopsShell

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLexer(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let line = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let commands = try? Lexer.commands(in: line) else { return 0 }
    let words = commands.map { $0.map(\.text) }
    let requoted = words.map { $0.map(quoted).joined(separator: " ") }.joined(separator: "; ")
    guard let again = try? Lexer.commands(in: requoted), again.map({ $0.map(\.text) }) == words else {
        fatalError("round trip failed: \(line.debugDescription) -> \(words) -> \(requoted.debugDescription)")
    }
    return 0
}

/// `it's` → `'it'\''s'`, as sh quotes, scalar by scalar as the lexer reads: a `'` followed by a combining mark is one
/// `Character`, so splitting the `Character`s missed it (a 5 s CI run found `xe"…"'\u{05BF}…`).
private func quoted(_ word: String) -> String {
    var text = "'"
    for scalar in word.unicodeScalars {
        if scalar == "'" { text += "'\\''" } else { text.unicodeScalars.append(scalar) }
    }
    return text + "'"
}
