/// `listen`'s local server stopped on its own while listening (`ReceiverEvent.ended`): no delivery can arrive any more,
/// so `listen` ends with this line and fails, rather than waiting for nothing (probe20: it spun at full CPU, silent).
public struct ReceiverError: KopsError, Equatable {
    /// The server and how it ended: `kapso-sim --receive (pid 4242) was killed by signal 9`.
    public var receiver: String

    public init(receiver: String) {
        self.receiver = receiver
    }

    public var message: String {
        "listen: its receiver \(receiver), so no delivery can arrive any more; start 'listen' again"
    }

    public var exitStatus: ExitStatus { .failure }
}
