import KopsHTTP
import KopsShell

#if canImport(Glibc)
    import Glibc
#endif

/// `--verbose`: one block per HTTP exchange on standard error, headers already redacted by the transport.
enum VerboseLog {
    @Sendable static func write(_ exchange: HTTPExchange) {
        write(exchange, redactor: Redactor())
    }

    static func write(_ exchange: HTTPExchange, redactor: Redactor) {
        var bytes = Array(text(exchange, redactor: redactor).utf8)
        _ = bytes.withUnsafeMutableBytes { Glibc.write(2, $0.baseAddress, $0.count) }
    }

    /// The transport's observer, masking with the redactor `redactor` gives at each exchange (the shell's). The transport
    /// calls it on the thread that sends, the shell's own (the client is synchronous), so the shell is read there.
    static func observer(redactor: @escaping () -> Redactor) -> @Sendable (HTTPExchange) -> Void {
        let source = RedactorSource(redactor)
        return { VerboseLog.write($0, redactor: source.read()) }
    }

    private final class RedactorSource: @unchecked Sendable {
        let read: () -> Redactor
        init(_ read: @escaping () -> Redactor) { self.read = read }
    }

    /// The block for one exchange. The URL goes through the redaction every other sink uses (`Redactor.redact`: a
    /// token-shaped word, a credential parameter), so `logs search EAA…` or `whsec_…`, `<redacted>` in the echo, the
    /// transcript and history, is not printed in clear in `?query=` (probe29 P29-11).
    ///
    /// `redactor` is the shell's (`observer(redactor:)`): a secret it learned (a `--secret` value typed, then searched
    /// for) is masked here as in the transcript, and the URL's parts are read percent-decoded (`Redactor.redact(requestURL:)`:
    /// probe33 P33-5, a Slack hook's key was printed in clear as `%2FSECRET`). Each header line goes through it too: a
    /// credential header the transport did not mark secret (`Authorization: Bearer eyJ…` forwarded by `listen` under
    /// another name) keeps its name and shows `<redacted>`, and a token-shaped value (a JWT) is masked (session 33).
    static func text(_ exchange: HTTPExchange, redactor: Redactor = Redactor()) -> String {
        let outcome = exchange.status.map { "\($0)" } ?? "no response"
        let connection = exchange.newConnection ? "new connection" : "reused connection"
        let lines =
            ["> \(exchange.method) \(redactor.redact(requestURL: exchange.url))"] + exchange.requestHeaders.map { "> \(redactor.redact($0))" }
            + ["< \(outcome) (\(Int(exchange.duration * 1000)) ms, \(connection))"]
        // The URL carries server-provided ids and cursors: shown, never interpreted.
        return lines.map { VisibleText.escaped($0) }.joined(separator: "\n") + "\n"
    }
}
