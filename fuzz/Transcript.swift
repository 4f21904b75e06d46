// libFuzzer target: the transcript parser. Properties: any text parses (no crash), and a transcript the
// recorder writes, with command lines and outputs taken from the input, reads back the command lines as it shows them
// (control characters escaped, as output is: probe18 P18-26; the restore file keeps them as typed), but for a line
// holding a token-shaped word, which it redacts (tester57 AB12).
import KopsShell

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTranscript(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = TranscriptParser(text).commands
    // Input split on NUL: command, output, command, output, ...
    let parts = text.split(separator: "\0", omittingEmptySubsequences: false).map(String.init)
    let header = TranscriptHeader(
        version: "0", time: "2026-11-21T12:00:00Z", profile: "default", host: "127.0.0.1", kind: nil, seeded: nil,
        phoneNumberID: nil, keepPII: true)
    guard let recorder = try? TranscriptRecorder(header: header, destination: .memory) else { return 0 }
    // Each command as the transcript shows it; nil for one holding a token-shaped word typed so far, which the
    // transcript redacts (tester57 AB12: kept out of history, it was recorded in clear), so it is not read back as typed.
    var commands: [String?] = []
    var tokens: [String] = []
    for index in stride(from: 0, to: parts.count, by: 2) {
        // A command line is one line as typed (the line reader never returns a newline inside one).
        let command = String(parts[index].unicodeScalars.filter { $0 != "\n" && $0 != "\r" }.map(Character.init))
        // `record`, `exit` and `quit` are left out of a transcript (probe18 P18-23).
        guard !command.isEmpty, !["record", "exit", "quit"].contains(TranscriptRecorder.commandName(of: command) ?? "")
        else { continue }
        recorder.begin(prompt: "kops(default)> ", line: command)
        if index + 1 < parts.count { recorder.write(parts[index + 1] + "\n", to: .out) }
        recorder.end()
        tokens += HistoryPolicy.tokenShapedPieces(in: command)
        commands.append(tokens.contains { command.contains($0) } ? nil : VisibleText.escaped(command))
    }
    let read = TranscriptParser(recorder.text).commands.map(\.command)
    guard read.count == commands.count, zip(read, commands).allSatisfy({ $1 == nil || $0 == $1 }) else {
        fatalError("round trip failed: \(commands) -> \(read)\n\(recorder.text.debugDescription)")
    }
    return 0
}
