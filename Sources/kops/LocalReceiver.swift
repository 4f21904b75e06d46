import KapsoSimulator
import KopsShell

/// `listen`'s server: kapso-sim's request reader (`HTTPReceiver`) behind the shell's `DeliveryReceiver`.
final class LocalReceiver: DeliveryReceiver {
    private let receiver: HTTPReceiver

    /// Opens one on `host:port`; the error says why not (a taken port, a bad address).
    static func open(host: String, port: Int, bodyLimit: Int) throws -> any DeliveryReceiver {
        guard let port16 = UInt16(exactly: port) else { throw SimulatorError.invalidHost("\(host):\(port)") }
        return LocalReceiver(try HTTPReceiver.start(host: host, port: port16, bodyLimit: bodyLimit))
    }

    private init(_ receiver: HTTPReceiver) {
        self.receiver = receiver
    }

    var port: Int { Int(receiver.port) }

    func next(waitingUpTo seconds: Double) -> ReceiverEvent? {
        switch receiver.next(waitingUpTo: seconds) {
        case nil: return nil
        case .refused(let status, let message): return .refused(status: status, reason: message)
        case .request(let id, let request):
            let incoming = IncomingRequest(
                method: request.method, target: request.target, headers: request.headers, body: request.body)
            return .delivery(incoming) { [receiver] status, headers, body in
                receiver.answer(id, status: status, headers: headers, body: body)
            }
        }
    }

    func stop() {
        receiver.stop()
    }
}
