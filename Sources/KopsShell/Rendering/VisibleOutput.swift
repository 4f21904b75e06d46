/// An `OutputSink` that shows every control character written to it as an escape (line feeds kept), for lines that
/// name a file the user gave or a transcript's disk holds: `kops check`'s `FILE: 3 commands, output unchanged`,
/// `FILE: recorded against …`, `FILE: output changed; rewrote it …` (tester58b AE7: a name holding `ESC ] 0 ;` set the
/// terminal's title). Text escaped already passes as it is: an escape is printable.
public final class VisibleOutput: OutputSink {
    private let base: any OutputSink

    public init(_ base: any OutputSink) {
        self.base = base
    }

    public func write(_ text: String, to stream: OutputStream) {
        base.write(VisibleText.escaped(text, newlines: .kept), to: stream)
    }

    public var outputFailure: String? { base.outputFailure }

    public func endIfReaderLeft() { base.endIfReaderLeft() }
}
