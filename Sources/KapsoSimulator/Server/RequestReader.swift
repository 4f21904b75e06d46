internal import FlyingSocks
internal import Foundation

/// Reads HTTP/1.1 requests off one connection, in time proportional to their size and within `HTTPLimits`.
///
/// Written for the simulator instead of FlyingFox's decoder, whose line reader rescans the whole line for
/// every byte received (a 32 KB path took 38 s; see docs/simulator-http.md). Bytes are read in blocks into
/// one buffer and each byte is looked at once. A request that breaks the grammar or a limit throws
/// `HTTPRequestError` (to be answered, then the connection closed); one that stops halfway throws
/// `ConnectionLost`.
struct RequestReader {
    let socket: AsyncSocket
    let limits: HTTPLimits
    let deadline: ConnectionDeadline
    /// Bytes received and not yet consumed start at `position`.
    private var buffer: [UInt8] = []
    private var position = 0

    init(socket: AsyncSocket, limits: HTTPLimits, deadline: ConnectionDeadline) {
        self.socket = socket
        self.limits = limits
        self.deadline = deadline
    }

    /// The next request; nil when the client closed the connection, or kept it idle longer than
    /// `limits.idleSeconds` (or while the server needed room for a new connection) between requests.
    mutating func next() async throws -> ReceivedRequest? {
        buffer.removeSubrange(0..<position)
        position = 0
        if buffer.isEmpty {
            do {
                guard try await fill(until: .now + .seconds(limits.idleSeconds), idle: true) else { return nil }
            } catch is ReadTimeout {
                return nil
            }
        }
        let deadline = ContinuousClock.now + .seconds(limits.requestSeconds)
        do {
            return try await readRequest(until: deadline)
        } catch is ReadTimeout {
            throw HTTPRequestError.timedOut(seconds: limits.requestSeconds)
        }
    }

    private mutating func readRequest(until deadline: ContinuousClock.Instant) async throws -> ReceivedRequest {
        var line = 0..<0
        // RFC 9112 §2.2: a server ought to ignore at least one empty line before the request line.
        for _ in 0..<4 where line.isEmpty {
            if position == buffer.count { try await fillOrLose(until: deadline) }
            if RequestSyntax.cannotStartRequest(buffer[position]) { throw RequestSyntax.notHTTP(startingWith: buffer[position]) }
            line = try await readLine(
                limit: limits.requestLineBytes, until: deadline, tooLong: .requestLineTooLong(limit: limits.requestLineBytes))
        }
        guard !line.isEmpty else { throw HTTPRequestError.malformed("Empty request line; \(RequestSyntax.expectedLine)") }
        let requestLine = try RequestSyntax.requestLine(buffer[line])
        do {
            let headers = try await readHeaders(until: deadline)
            var request = ReceivedRequest(
                method: requestLine.method, target: requestLine.target, minorVersion: requestLine.minorVersion,
                headers: headers, body: [])
            request.body = try await readBody(of: request, until: deadline)
            return request
        } catch var error as HTTPRequestError {
            error.target = requestLine.target
            throw error
        }
    }

    private mutating func readHeaders(until deadline: ContinuousClock.Instant) async throws -> [ReceivedRequest.Header] {
        var headers: [ReceivedRequest.Header] = []
        var used = 0
        let tooLarge = HTTPRequestError.headersTooLarge(limit: limits.headerBytes)
        while true {
            let line = try await readLine(limit: max(0, limits.headerBytes - used), until: deadline, tooLong: tooLarge)
            used += line.count + 2
            if used > limits.headerBytes { throw tooLarge }
            if line.isEmpty { return headers }
            headers.append(try RequestSyntax.headerField(buffer[line]))
            if headers.count > limits.headerCount { throw HTTPRequestError.tooManyHeaders(limit: limits.headerCount) }
        }
    }

    // MARK: - Body

    /// The body framed by `Content-Length` or chunked `Transfer-Encoding` (RFC 9112 §6), never both.
    private mutating func readBody(of request: ReceivedRequest, until deadline: ContinuousClock.Instant) async throws -> [UInt8] {
        let encodings = request.values("transfer-encoding")
        let lengths = request.values("content-length")
        if !encodings.isEmpty {
            guard lengths.isEmpty else {
                throw HTTPRequestError.malformed("Both Content-Length and Transfer-Encoding sent; send only one")
            }
            let codings = encodings.flatMap { $0.split(separator: ",") }.map { $0.trimmingSpaces.lowercased() }
            guard codings == ["chunked"] else {
                throw HTTPRequestError(
                    status: 501,
                    message: "Transfer-Encoding \(encodings.joined(separator: ", ")) not supported; send Content-Length or chunked")
            }
            try await continueIfExpected(request)
            return try await readChunkedBody(until: deadline)
        }
        guard !lengths.isEmpty else { return [] }
        let values = lengths.flatMap { $0.split(separator: ",", omittingEmptySubsequences: false) }.map(\.trimmingSpaces)
        guard let first = values.first, !first.isEmpty, first.allSatisfy(\.isASCIIDigit), values.allSatisfy({ $0 == first })
        else {
            throw HTTPRequestError.malformed(
                "Invalid Content-Length \(lengths.joined(separator: ", ")); send one non-negative number of bytes")
        }
        guard first.count <= 18, let length = Int(first), length <= limits.bodyBytes else {
            throw HTTPRequestError.bodyTooLarge(limit: limits.bodyBytes)
        }
        guard length > 0 else { return [] }
        try await continueIfExpected(request)
        while buffer.count - position < length { try await fillOrLose(until: deadline) }
        defer { position += length }
        return Array(buffer[position..<(position + length)])
    }

    private mutating func readChunkedBody(until deadline: ContinuousClock.Instant) async throws -> [UInt8] {
        var body: [UInt8] = []
        let badSize = HTTPRequestError.malformed("Malformed chunk size; send hexadecimal digits, then CRLF")
        while true {
            let line = try await readLine(limit: 1024, until: deadline, tooLong: badSize)
            let field = buffer[line].prefix { $0 != UInt8(ascii: ";") }.map { Character(Unicode.Scalar($0)) }
            let digits = Substring(String(field)).trimmingSpaces
            guard !digits.isEmpty, digits.allSatisfy(\.isHexDigit) else { throw badSize }
            let size = digits.drop { $0 == "0" }
            guard size.count <= 15, let count = Int(size.isEmpty ? "0" : String(size), radix: 16),
                body.count + count <= limits.bodyBytes
            else { throw HTTPRequestError.bodyTooLarge(limit: limits.bodyBytes) }
            if count == 0 {
                _ = try await readHeaders(until: deadline)  // trailer fields, within the header limits, then ignored
                return body
            }
            while buffer.count - position < count { try await fillOrLose(until: deadline) }
            body += buffer[position..<(position + count)]
            position += count
            _ = try await readLine(
                limit: 0, until: deadline, tooLong: .malformed("Chunk data longer than its size; send exactly the size announced"))
        }
    }

    /// Answers `Expect: 100-continue` once the head is accepted, so a client waiting for it sends the body at once.
    private func continueIfExpected(_ request: ReceivedRequest) async throws {
        guard request.minorVersion == 1, request.values("expect").contains(where: { $0.lowercased() == "100-continue" }),
            buffer.count == position
        else { return }
        try await socket.write(Data("HTTP/1.1 100 Continue\r\n\r\n".utf8))
    }

    // MARK: - Bytes

    /// The next line's bytes without its ending (CRLF, or a bare LF as RFC 9112 §2.2 allows); throws `tooLong`
    /// as soon as more than `limit` bytes arrive without one.
    private mutating func readLine(
        limit: Int, until deadline: ContinuousClock.Instant, tooLong: HTTPRequestError
    ) async throws -> Range<Int> {
        var scan = position
        while true {
            if let lf = buffer[scan...].firstIndex(of: RequestSyntax.lf) {
                let end = lf > position && buffer[lf - 1] == RequestSyntax.cr ? lf - 1 : lf
                guard end - position <= limit else { throw tooLong }
                defer { position = lf + 1 }
                return position..<end
            }
            // One byte more than the limit may be the line's CR.
            guard buffer.count - position <= limit + 1 else { throw tooLong }
            scan = buffer.count
            try await fillOrLose(until: deadline)
        }
    }

    private mutating func fillOrLose(until deadline: ContinuousClock.Instant) async throws {
        guard try await fill(until: deadline) else { throw ConnectionLost() }
    }

    /// Appends the next block received; false when the client closed its side. Throws `ReadTimeout` once
    /// `until` has passed (the server's sweeper cancels the read).
    private mutating func fill(until instant: ContinuousClock.Instant, idle: Bool = false) async throws -> Bool {
        deadline.arm(instant, idle: idle)
        let block: [UInt8]
        do {
            block = try await socket.read(atMost: 65_536)
        } catch SocketError.disconnected {
            block = []
        } catch {
            _ = deadline.disarm()
            throw deadline.hasExpired ? ReadTimeout() : error
        }
        if deadline.disarm() { throw ReadTimeout() }
        buffer += block
        return !block.isEmpty
    }

    private struct ReadTimeout: Error {}
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
