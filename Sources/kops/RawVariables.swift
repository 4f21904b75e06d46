#if canImport(Glibc)
    import Glibc
#endif
import KopsShell

/// `--var NAME=VALUE` as its bytes arrived, before Swift decodes the arguments (which puts U+FFFD in place of a byte
/// that is not UTF-8): probe29 P29-5, `--var x=$'Ol\xe1'` became "Ol\u{FFFD}" and was sent to the customer, while the
/// same byte in a script or a pipe is refused with the byte and column named (`LineInput.reading`).
enum RawVariables {
    /// This process's arguments as bytes, the program's name left out.
    static var arguments: [[UInt8]] {
        (1..<Int(CommandLine.argc)).compactMap { index in
            CommandLine.unsafeArgv[index].map { Array(UnsafeRawBufferPointer(start: $0, count: strlen($0))) }
        }
    }

    /// The first `--var` (or `--var=…`) value whose bytes are not UTF-8, as one usage line naming the variable, the
    /// byte and its column in the value (never the value: it may be a secret); nil when every one is UTF-8.
    static func problem(_ arguments: [[UInt8]]) -> String? {
        let flag = Array("--var".utf8)
        var index = 0
        while index < arguments.count {
            let word = arguments[index]
            var assignment: ArraySlice<UInt8>?
            if word == flag, index + 1 < arguments.count {
                assignment = arguments[index + 1][...]
                index += 1
            } else if word.starts(with: flag + [UInt8(ascii: "=")]) {
                assignment = word[(flag.count + 1)...]
            }
            index += 1
            guard let assignment, let equals = assignment.firstIndex(of: UInt8(ascii: "=")) else { continue }
            let value = Array(assignment[(equals + 1)...])
            guard case .notUTF8(let byte, let column) = LineInput.reading(value) else { continue }
            let name = String(decoding: assignment[..<equals], as: UTF8.self)
            let shown = Interpolation.isName(name) ? " " + name : ""
            return "invalid --var\(shown): its value holds the byte 0x\(String(byte, radix: 16, uppercase: true)) (column \(column)), "
                + "which is not UTF-8 (typed or saved as Latin-1 or Windows-1252?); nothing ran: pass it as UTF-8"
        }
        return nil
    }
}
