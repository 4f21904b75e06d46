import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A webhook receiver on 127.0.0.1: answers its connections in turn with `statuses` (the last one repeats)
/// and keeps every raw request.
final class LoopbackReceiver: @unchecked Sendable {
    let port: UInt16
    private let listener: Int32
    private let statuses: [Int]
    /// Seconds each answer waits after the request was read.
    private let delay: TimeInterval
    private let received = NSCondition()
    private var requests: [String] = []

    convenience init(status: Int = 200, delay: TimeInterval = 0) throws {
        try self.init(statuses: [status], delay: delay)
    }

    init(statuses: [Int], delay: TimeInterval = 0) throws {
        self.statuses = statuses
        self.delay = delay
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer -> Bool in
                bind(descriptor, pointer, length) == 0 && listen(descriptor, 16) == 0
                    && getsockname(descriptor, pointer, &length) == 0
            }
        }
        listener = descriptor
        guard bound else { throw LoopbackClient.Failure(description: "receiver bind failed") }
        port = UInt16(bigEndian: address.sin_port)
        Thread { [self] in serve() }.start()
    }

    deinit {
        shutdown(listener, Int32(SHUT_RDWR))
        Glibc.close(listener)
    }

    /// The first raw request (head and body), waiting up to `timeout` seconds for it.
    func waitForRequest(timeout: TimeInterval = 5) -> String? {
        waitForRequests(1, timeout: timeout).first
    }

    /// The first `count` raw requests, or fewer if they have not all arrived within `timeout` seconds.
    func waitForRequests(_ count: Int, timeout: TimeInterval = 5) -> [String] {
        received.lock()
        defer { received.unlock() }
        let deadline = Date().addingTimeInterval(timeout)
        while requests.count < count, received.wait(until: deadline) {}
        return Array(requests.prefix(count))
    }

    private func serve() {
        while true {
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { return }
            let request = read(connection)
            received.lock()
            let status = statuses[min(requests.count, statuses.count - 1)]
            requests.append(request)
            received.unlock()
            if delay > 0 { Thread.sleep(forTimeInterval: delay) }
            let reply = Array("HTTP/1.1 \(status) OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".utf8)
            _ = reply.withUnsafeBytes { send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            Glibc.close(connection)
            received.lock()
            received.broadcast()
            received.unlock()
        }
    }

    private func read(_ connection: Int32) -> String {
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
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// The head and body of a raw HTTP request, with header names lowercased.
struct ReceivedRequest {
    var headers: [String: String]
    var body: String

    init(_ raw: String) {
        let parts = raw.components(separatedBy: "\r\n\r\n")
        body = parts.dropFirst().joined(separator: "\r\n\r\n")
        var headers: [String: String] = [:]
        for line in parts[0].components(separatedBy: "\r\n").dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        self.headers = headers
    }
}
