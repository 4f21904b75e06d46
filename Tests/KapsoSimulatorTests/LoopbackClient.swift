import Foundation
@testable import KapsoSimulator
#if canImport(Glibc)
import Glibc
#endif

/// A minimal blocking HTTP/1.1 client over one kept-alive TCP connection to 127.0.0.1.
///
/// Blocking: use it inside `offPool`, never on the cooperative pool the simulator needs.
final class LoopbackClient {
    struct Response {
        var status: Int
        var headers: [String: String]
        var body: Data

        var text: String { String(decoding: body, as: UTF8.self) }

        /// The body parsed as JSON (`.null` when it is not JSON).
        var json: JSONValue { (try? JSONParser.parse(body)) ?? .null }

        func header(_ name: String) -> String? { headers[name.lowercased()] }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private let port: UInt16
    private let apiKey: String?
    private var socket: Int32 = -1
    private var buffer: [UInt8] = []

    init(port: UInt16, apiKey: String? = "test-key") {
        self.port = port
        self.apiKey = apiKey
    }

    deinit { close() }

    func close() {
        if socket >= 0 { Glibc.close(socket) }
        socket = -1
        buffer = []
    }

    /// Sends one request on the open connection (opening it first if needed) and reads the whole response.
    /// A body is sent as `contentType` (nil: no `Content-Type` header).
    func request(
        _ method: String = "GET", _ target: String, body: String? = nil, headers: [String: String] = [:],
        contentType: String? = "application/json"
    ) throws -> Response {
        try send(head(method, target, body: body, headers: headers, contentType: contentType))
        return try readResponse()
    }

    /// Sends one request and returns every byte received until the server closes the connection.
    func exchangeUntilClosed(
        _ method: String = "GET", _ target: String, body: String? = nil, contentType: String? = "application/json"
    ) throws -> [UInt8] {
        try send(head(method, target, body: body, headers: ["Connection": "close"], contentType: contentType))
        while true {
            var chunk = [UInt8](repeating: 0, count: 65_536)
            let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { break }
            buffer += chunk[..<count]
        }
        defer { close() }
        return buffer
    }

    private func head(
        _ method: String, _ target: String, body: String?, headers: [String: String], contentType: String?
    ) throws -> [UInt8] {
        if socket < 0 { try connect() }
        var head = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n"
        if headers["Connection"] == nil { head += "Connection: keep-alive\r\n" }
        if let apiKey { head += "X-API-Key: \(apiKey)\r\n" }
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        let payload = Array((body ?? "").utf8)
        if body != nil {
            if let contentType { head += "Content-Type: \(contentType)\r\n" }
            head += "Content-Length: \(payload.count)\r\n"
        }
        return Array((head + "\r\n").utf8) + payload
    }


    private func connect() throws {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var noDelay: Int32 = 1
        setsockopt(socket, Int32(IPPROTO_TCP), TCP_NODELAY, &noDelay, socklen_t(MemoryLayout<Int32>.size))
        // Generous: the suite runs many simulators at once, on a 2-core machine shared with builds.
        var timeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else { throw Failure(description: "connect failed: errno \(errno)") }
    }

    private func send(_ bytes: [UInt8]) throws {
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { throw Failure(description: "send failed: errno \(errno)") }
            sent += count
        }
    }

    private func fill() throws {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { throw Failure(description: "connection closed (recv \(count), errno \(errno))") }
        buffer += chunk[..<count]
    }

    private func readResponse() throws -> Response {
        let separator: [UInt8] = [13, 10, 13, 10]
        var headerEnd: Int?
        while headerEnd == nil {
            if buffer.count >= 4 {
                headerEnd = (0...(buffer.count - 4)).first { Array(buffer[$0..<$0 + 4]) == separator }
            }
            if headerEnd == nil { try fill() }
        }
        let end = headerEnd ?? 0
        let lines = String(decoding: buffer[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let status = Int(lines.first?.split(separator: " ").dropFirst().first ?? "") ?? 0
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let length = Int(headers["content-length"] ?? "0") ?? 0
        while buffer.count < end + 4 + length { try fill() }
        let body = Data(buffer[(end + 4)..<(end + 4 + length)])
        buffer.removeFirst(end + 4 + length)
        return Response(status: status, headers: headers, body: body)
    }
}

/// Runs blocking work on a dedicated thread, so the cooperative pool stays free for the simulator.
func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try body() }) }.start()
    }
}
