import KopsHTTP
import KopsShell

#if canImport(Glibc)
    import Glibc
#endif

/// `--verbose`: one block per HTTP exchange on standard error, headers already redacted by the transport.
enum VerboseLog {
    @Sendable static func write(_ exchange: HTTPExchange) {
        var bytes = Array(text(exchange).utf8)
        _ = bytes.withUnsafeMutableBytes { Glibc.write(2, $0.baseAddress, $0.count) }
    }

    /// The block for one exchange. The URL goes through the redaction every other sink uses (`Redactor.redact`: a
    /// token-shaped word, a credential parameter), so `logs search EAA…` or `whsec_…`, `<redacted>` in the echo, the
    /// transcript and history, is not printed in clear in `?query=` (probe29 P29-11).
    static func text(_ exchange: HTTPExchange) -> String {
        let outcome = exchange.status.map { "\($0)" } ?? "no response"
        let connection = exchange.newConnection ? "new connection" : "reused connection"
        let lines =
            ["> \(exchange.method) \(Redactor().redact(exchange.url))"] + exchange.requestHeaders.map { "> \($0)" }
            + ["< \(outcome) (\(Int(exchange.duration * 1000)) ms, \(connection))"]
        // The URL carries server-provided ids and cursors: shown, never interpreted.
        return lines.map { VisibleText.escaped($0) }.joined(separator: "\n") + "\n"
    }
}
