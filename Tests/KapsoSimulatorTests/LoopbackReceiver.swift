import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A one-shot webhook receiver on 127.0.0.1: accepts one connection, answers `status`, keeps the raw request.
final class LoopbackReceiver: @unchecked Sendable {
    let port: UInt16
    private let listener: Int32
    private let status: Int
    private let received = NSCondition()
    private var request: String?

    init(status: Int = 200) throws {
        self.status = status
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer -> Bool in
                bind(descriptor, pointer, length) == 0 && listen(descriptor, 4) == 0
                    && getsockname(descriptor, pointer, &length) == 0
            }
        }
        listener = descriptor
        guard bound else { throw LoopbackClient.Failure(description: "receiver bind failed") }
        port = UInt16(bigEndian: address.sin_port)
        Thread { [self] in serveOne() }.start()
    }

    deinit { Glibc.close(listener) }

    /// The raw request (head and body), waiting up to `timeout` seconds for it.
    func waitForRequest(timeout: TimeInterval = 5) -> String? {
        received.lock()
        defer { received.unlock() }
        let deadline = Date().addingTimeInterval(timeout)
        while request == nil, received.wait(until: deadline) {}
        return request
    }

    private func serveOne() {
        let connection = accept(listener, nil, nil)
        guard connection >= 0 else { return }
        defer { Glibc.close(connection) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { break }
            bytes += chunk[..<count]
            let text = String(decoding: bytes, as: UTF8.self)
            guard let split = text.range(of: "\r\n\r\n") else { continue }
            let head = text[..<split.lowerBound].lowercased()
            let length = head.components(separatedBy: "\r\n").first { $0.hasPrefix("content-length:") }
                .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
            if text.utf8.count - text[..<split.upperBound].utf8.count >= length { break }
        }
        let reply = Array("HTTP/1.1 \(status) OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".utf8)
        _ = reply.withUnsafeBytes { send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        received.lock()
        request = String(decoding: bytes, as: UTF8.self)
        received.broadcast()
        received.unlock()
    }
}
