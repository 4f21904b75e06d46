// libFuzzer target: `${name}` interpolation. Properties: any line expands or throws a ScriptError (no
// crash), and any value, interpolated bare or inside double quotes, lexes back to exactly that value.
import KopsShell

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzInterpolation(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? Interpolation.expand(text, variables: ["v": "a b", "x": text], environment: ["HOME": "/h"])
    guard !text.isEmpty else { return 0 }
    for line in ["set x ${v} \"${v}\" '${v}'", "set x \"a${v}b\" ${v}${v}"] {
        let expanded: String
        do {
            expanded = try Interpolation.expand(line, variables: ["v": text], environment: [:])
        } catch {
            fatalError("expand failed: \(text.debugDescription): \(error)")
        }
        let expected =
            line.hasPrefix("set x ${v}") ? ["set", "x", text, text, "${v}"] : ["set", "x", "a" + text + "b", text + text]
        guard let words = try? Lexer.commands(in: expanded), words.map({ $0.map(\.text) }) == [expected] else {
            fatalError("round trip failed: \(text.debugDescription) -> \(expanded.debugDescription)")
        }
    }
    return 0
}
