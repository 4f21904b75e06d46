import KopsHTTP
import KopsShell

#if canImport(Glibc)
    import Glibc
#endif

/// `--verbose`: one block per HTTP exchange on standard error, headers already redacted by the transport.
enum VerboseLog {
    @Sendable static func write(_ exchange: HTTPExchange) {
        let outcome = exchange.status.map { "\($0)" } ?? "no response"
        let connection = exchange.newConnection ? "new connection" : "reused connection"
        let lines =
            ["> \(exchange.method) \(exchange.url)"] + exchange.requestHeaders.map { "> \($0)" }
            + ["< \(outcome) (\(Int(exchange.duration * 1000)) ms, \(connection))"]
        // The URL carries server-provided ids and cursors: shown, never interpreted.
        var bytes = Array((lines.map { VisibleText.escaped($0) }.joined(separator: "\n") + "\n").utf8)
        _ = bytes.withUnsafeMutableBytes { Glibc.write(2, $0.baseAddress, $0.count) }
    }
}
